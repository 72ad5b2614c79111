/**
 * Check it: the safeguard library (core/invariants) run on generated scenarios in a web worker,
 * with progress and Cancel, and the same report as `npm run check-process` for the process file:
 * which safeguards held, how often each broke, the seed and path that replay it, and the
 * smallest counterexample told as a chronology. The report is the command line's (the worker
 * runs core/check, test/ui/lab/checkHandler.test.ts compares the two), shown as a page.
 */
import { useEffect, useRef, useSyncExternalStore, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { ProcessFile } from '../../core/processes';
import { SEED_RULE } from '../../core/seed';
import { ErrorSummary } from '../ErrorSummary';
import { downloadText } from '../replay/download';
import { formatDuration } from '../replay/format';
import type { CheckJson, CounterexampleRun } from './checkProtocol';
import './check.css';
import { LAB_MAX_DAYS, LAB_MAX_RUNS, baseScenarioFor, type CheckForm, type CheckStore } from './checkStore';

const LABELS: Record<keyof CheckForm, string> = { runs: 'Generated scenarios to run', seed: 'Seed' };
const HINTS: Record<keyof CheckForm, string> = {
  runs: `A whole number from 1 to ${LAB_MAX_RUNS.toLocaleString('en-GB')}. Each is a run of 1 to ${LAB_MAX_DAYS} days made from the base scenario; 100 take a few seconds to a minute.`,
  seed: `The same seed gives the same report, here and on the command line. ${SEED_RULE[0].toUpperCase()}${SEED_RULE.slice(1)}.`,
};

export function CheckPanel({ store, process, onOpenRun }: { store: CheckStore; process: ProcessFile; onOpenRun?: (run: CounterexampleRun) => void }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { form, errors, status } = state;
  const running = status.kind === 'running';
  const runRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const stale = state.checked !== null && state.checked !== process;
  const base = baseScenarioFor(process);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (store.start(process)) requestAnimationFrame(() => cancelRef.current?.focus());
    else requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const cancel = () => {
    store.cancel();
    requestAnimationFrame(() => runRef.current?.focus());
  };
  // When the check ends, focus goes to its result (Cancel, which had it, is gone).
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running && (document.activeElement === document.body || document.activeElement === null || document.activeElement === cancelRef.current)) {
      (resultRef.current ?? runRef.current)?.focus();
    }
    wasRunning.current = running;
  }, [running]);

  const errorKeys = (Object.keys(LABELS) as (keyof CheckForm)[]).filter((k) => errors[k]);
  const pct = status.kind === 'running' ? Math.floor((status.done / Math.max(1, status.total)) * 100) : 0;

  return (
    <section className="section lab-check" aria-labelledby="lab-check-heading">
      <h2 id="lab-check-heading">Check it against the safeguards</h2>
      <p className="hint">
        Runs the process on generated scenarios made from <code>{base.scenarioFile}</code> (the scenario of the process it was derived from) and checks every safeguard on every run, then
        shrinks each break to the smallest scenario that still shows it. The same check as <code>npm run check-process -- {process.id}.json</code>.
      </p>
      <ErrorSummary
        ref={summaryRef}
        titleId="lab-check-error-title"
        title="There is a problem with the check"
        items={errorKeys.map((k) => ({ key: k, message: errors[k], fieldId: `lab-check-${k}` }))}
      />
      <form className="lab-check-form" onSubmit={onSubmit} noValidate>
        {(Object.keys(LABELS) as (keyof CheckForm)[]).map((k) => (
          <div key={k} className={`form-group${errors[k] ? ' form-group-error' : ''}`}>
            <label htmlFor={`lab-check-${k}`}>{LABELS[k]}</label>
            <p className="hint" id={`lab-check-${k}-hint`}>
              {HINTS[k]}
            </p>
            {errors[k] && (
              <p id={`lab-check-${k}-error`} className="error-message">
                <span className="visually-hidden">Error:</span> {errors[k]}
              </p>
            )}
            <input
              id={`lab-check-${k}`}
              className={`input-number${errors[k] ? ' input-error' : ''}`}
              value={form[k]}
              inputMode={k === 'runs' ? 'numeric' : 'text'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors[k] ? true : undefined}
              aria-describedby={`lab-check-${k}-hint${errors[k] ? ` lab-check-${k}-error` : ''}`}
              disabled={running}
              onChange={(e) => store.setInput(k, e.target.value)}
            />
          </div>
        ))}
        <div className="button-row">
          <button type="submit" className="button" ref={runRef} disabled={running}>
            Check
          </button>
        </div>
      </form>
      <div aria-live="polite" className="lab-check-status" data-check-status={status.kind}>
        {status.kind === 'running' && (
          <div className="reps-progress">
            <label htmlFor="lab-check-progress">
              {status.phase === 'search'
                ? `Running generated scenarios: ${status.done} of ${status.total} (${pct}%)`
                : `Shrinking the counterexamples: ${status.done} of ${status.total} safeguards`}
            </label>
            <div className="bar-row">
              <progress id="lab-check-progress" max={status.total || 1} value={status.done}>
                {pct}%
              </progress>
              <button type="button" className="button button-warning" ref={cancelRef} onClick={cancel}>
                Cancel check
              </button>
            </div>
          </div>
        )}
        {status.kind === 'cancelled' && <p>Check cancelled. Nothing was found or kept; choose &ldquo;Check&rdquo; to run it again.</p>}
        {status.kind === 'error' && (
          <div className="error-summary" role="alert">
            <h3 className="error-summary-title">The check could not run</h3>
            <pre className="lab-error-text">{status.message}</pre>
          </div>
        )}
      </div>
      {status.kind === 'done' && (
        <CheckReportView json={status.json} text={status.text} runs={status.runs} elapsedMs={status.elapsedMs} stale={stale} headingRef={resultRef} onOpenRun={onOpenRun} />
      )}
    </section>
  );
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

function CheckReportView({
  json,
  text,
  runs,
  elapsedMs,
  stale,
  headingRef,
  onOpenRun,
}: {
  json: CheckJson;
  text: string;
  runs: CounterexampleRun[];
  elapsedMs: number;
  stale: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onOpenRun?: (run: CounterexampleRun) => void;
}) {
  const broken = json.failures.length;
  return (
    <div className="lab-report" data-holds={json.holds ? 'yes' : 'no'}>
      <h3 id="lab-report-heading" ref={headingRef} tabIndex={-1}>
        {broken === 0 ? 'Every safeguard held' : `${broken} of ${plural(json.invariants.length, 'safeguard')} broken`}
      </h3>
      {stale && (
        <p className="link-notice" role="note">
          This report is for the process as it was when you checked it; it has changed since. Choose &ldquo;Check&rdquo; to check it as it is now.
        </p>
      )}
      <p className="hint">
        {json.process} on {plural(json.runs, 'generated scenario')} of 1-{json.maxDays} days from {json.scenario.name} ({plural(json.contactsSimulated, 'contact')} in all), seed {json.seed}; took{' '}
        {formatDuration(elapsedMs)}. Replay the whole report with <code>npm run check-process -- {json.process} --seed {json.seed} --runs {json.runs}</code>.
      </p>
      <div className="lab-table-wrap">
        <table className="table lab-safeguards">
          <caption className="visually-hidden">Each safeguard and whether it held</caption>
          <thead>
            <tr>
              <th scope="col">Safeguard</th>
              <th scope="col">Result</th>
              <th scope="col">Runs that broke it</th>
            </tr>
          </thead>
          <tbody>
            {json.invariants.map((s) => (
              <tr key={s.id} data-safeguard={s.id} data-holds={s.holds ? 'yes' : 'no'}>
                <th scope="row">
                  {s.title} <span className="hint">({s.id})</span>
                </th>
                <td className={s.holds ? 'lab-held' : 'lab-broken'}>{s.holds ? 'Held' : 'Broken'}</td>
                <td>{s.holds ? '0' : `${s.failingRuns} of ${json.runs}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {json.failures.map((f) => {
        const inv = json.invariants.find((i) => i.id === f.invariant)!;
        const run = runs.find((r) => r.invariant === f.invariant);
        return (
          <section key={f.invariant} className="lab-failure" aria-labelledby={`lab-fail-${f.invariant}`} data-failure={f.invariant}>
            <h4 id={`lab-fail-${f.invariant}`}>Broken: {inv.title}</h4>
            <p>
              <strong>Safeguard:</strong> {inv.statement}
            </p>
            <p className="hint">Source: {inv.source}</p>
            <p>
              Broken in {f.failingRuns} of {json.runs} runs. Replay seed <strong>{f.seed}</strong>, path <code>{f.path}</code>: <code className="lab-command">{f.replay}</code>
            </p>
            <h5>
              Smallest scenario found{f.shrunkFrom >= 0 ? ` (run ${f.shrunkFrom}, after ${plural(f.shrinks, 'shrink')})` : ''}: {plural(f.scenario.contacts, 'contact')}
            </h5>
            <ul>
              {f.scenario.description.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <h5>
              What went wrong ({plural(f.breaches, 'breach', 'breaches')}
              {f.breaches > 3 ? ', the first 3 shown' : ''})
            </h5>
            <ul>
              {f.violations.slice(0, 3).map((v, i) => (
                <li key={i}>{v.message}</li>
              ))}
            </ul>
            <h5>Chronology (London time)</h5>
            {f.chronology.map((c) => (
              <CaseChronologyView key={c.caseId} c={c} marks={run?.marks ?? []} title={inv.title} />
            ))}
            {run && onOpenRun ? (
              <button type="button" className="button button-secondary" onClick={() => onOpenRun(run)}>
                Open this counterexample on the replay page
              </button>
            ) : (
              <p className="hint">
                The replay page runs only the shipped 2013 and 2015 processes, so it cannot open this counterexample yet: replay it with the command above (add <code>--json</code> for the
                whole trace).
              </p>
            )}
          </section>
        );
      })}
      <details className="lab-text-report">
        <summary>The report as the command line prints it</summary>
        <pre>{text}</pre>
      </details>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => downloadText(text, `check-${json.process.replace(/\.json$/, '')}-seed-${json.seed}.txt`, 'text/plain')}>
          Save the report as text
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText(JSON.stringify(json, null, 2) + '\n', `check-${json.process.replace(/\.json$/, '')}-seed-${json.seed}.json`, 'application/json')}>
          Save the report as JSON
        </button>
      </div>
    </div>
  );
}

type Chronology = CheckJson['failures'][number]['chronology'][number];

/** One case told as the text report tells it (core/invariants formatChronologies): what happened, what the report said, what was true, and where the safeguard broke. */
function CaseChronologyView({ c, marks, title }: { c: Chronology; marks: { at: number; when: string }[]; title: string }) {
  const pending = [...marks].sort((a, b) => a.at - b.at);
  const items: ReactNode[] = [];
  const mark = (m: { at: number; when: string }, i: number) => (
    <li key={`m${i}`} className="lab-breach">
      <span className="lab-when">{m.when}</span> <strong>Safeguard broken here: {title.toLowerCase()}</strong>
    </li>
  );
  let k = 0;
  c.entries.forEach((e, i) => {
    while (pending.length && pending[0].at < e.t) items.push(mark(pending.shift()!, k++));
    const move = e.from === null ? `starts in ${e.to}` : e.from === e.to ? `stays in ${e.to}` : `${e.from} \u2192 ${e.to}`;
    items.push(
      <li key={i}>
        <span className="lab-when">{e.when}</span> {e.who}: {e.what}; {move}
        <br />
        <span className="hint">
          Report: &ldquo;{e.report}&rdquo;{e.reportPending ? ' (pending)' : ''}; truth: {e.truth}
        </span>
        {e.warning ? <strong className="lab-warning"> &larr; {e.warning}</strong> : null}
      </li>,
    );
  });
  for (const m of pending) items.push(mark(m, k++));
  return (
    <div className="lab-chronology">
      <p>
        <strong>{c.caseId}</strong>: {c.summary}
      </p>
      <ol>{items}</ol>
    </div>
  );
}
