/**
 * One process at the current moment: its statechart with the cases in each state, what the
 * weekly report would show against what is really waiting, and the queues for each role.
 */
import { useMemo } from 'react';
import type { AnyStateMachine } from 'xstate';
import { ROLE_LABELS, stateLabel } from '../../core/labels';
import type { Role } from '../../core/processes/common';
import { queuesAt } from '../../core/replay';
import { caseRecordAt, countsAt } from '../../core/timeline';
import { formatDay, formatShort } from './format';
import { viewsOf } from './selectors';
import { StateDiagram } from './StateDiagram';
import type { ProcessKey, ProcessView } from './store';
import { Term } from './Term';
import { useChartLayout } from './useChartLayout';
import { MIN_SCALE } from './layout';
import { useReplay, useSideNames, useStore } from './useReplay';
import { sideMachine } from './store/processKeys';

export const PROCESS_TITLES: Record<ProcessKey, { title: string; subtitle: string }> = {
  '2013': { title: '2013', subtitle: 'the front door the inspectors found failing' },
  '2015': { title: '2015', subtitle: 'the front door judged good' },
};

export function ProcessPane({ process }: { process: ProcessKey }) {
  const store = useStore();
  const run = useReplay((s) => s.run);
  const t = useReplay((s) => s.t);
  const selectedCase = useReplay((s) => s.selectedCase);
  const selectedState = useReplay((s) => s.selectedState);
  const views = viewsOf(run);
  const view = views?.[process] ?? null;
  const pr = run?.processes[process];
  const variant = useReplay((s) => s.variant);
  const name = useSideNames()[process];
  const machine = sideMachine(variant, process);
  const titles = variant
    ? { title: name, subtitle: process === '2013' ? 'the process the variant came from' : 'the variant from the process lab' }
    : PROCESS_TITLES[process];
  const chart = useChartLayout(machine);
  const counts = useMemo(() => (view ? countsAt(view.replay.timeline, t) : null), [view, t]);
  const headingId = `pane-${process}-heading`;

  let body;
  if (!pr || pr.status === 'running') {
    const pct = Math.round((pr?.status === 'running' ? pr.progress : 0) * 100);
    body = (
      <div className="pane-loading">
        <label htmlFor={`progress-${process}`}>Running the {name} process: {pct}%</label>
        <progress id={`progress-${process}`} max={100} value={pct}>
          {pct}%
        </progress>
      </div>
    );
  } else if (pr.status === 'cancelled') {
    body = <p className="pane-cancelled">The run was cancelled before the {name} process finished.</p>;
  } else if (pr.status === 'error') {
    body = (
      <p className="error-message" role="alert">
        The {name} process could not run this scenario: {pr.message}
      </p>
    );
  } else if (view && counts) {
    const states = view.replay.states;
    const sum = (pred: (i: number) => boolean) => states.reduce((a, _s, i) => a + (pred(i) ? counts[i] : 0), 0);
    const undecided = sum((i) => states[i].undecided);
    const pending = sum((i) => states[i].undecided && states[i].reportPending);
    const hidden = sum((i) => states[i].hidden);
    const unallocated = sum((i) => states[i].unallocated);
    const records = selectedCase ? view.recordsByCase.get(selectedCase) : undefined;
    const rec = records ? caseRecordAt(records, t) : null;
    const caseAt = rec && selectedCase ? { state: rec.to, caseId: selectedCase } : null;
    const queues = queuesAt(view.replay.queues, t);
    const sel = selectedState?.process === process ? selectedState.state : null;
    const selInfo = sel ? view.stateByName.get(sel) : undefined;
    const selIndex = sel ? states.findIndex((s) => s.name === sel) : -1;
    body = (
      <>
        <dl className="now-figures" aria-label={`${process} at this moment`}>
          <div>
            <dd data-now="undecided">{undecided}</dd>
            <dt>waiting for a decision</dt>
          </div>
          <div>
            <dd data-now="pending">{pending}</dd>
            <dt>
              shown waiting in the <Term id="weekly-report">report</Term>
            </dt>
          </div>
          <div className={hidden > 0 ? 'now-hidden' : undefined}>
            <dd data-now="hidden">{hidden}</dd>
            <dt>
              <Term id="hidden">hidden</Term> from the report
            </dt>
          </div>
          <div>
            <dd data-now="unallocated">{unallocated}</dd>
            <dt>
              waiting for a <Term id="unallocated">social worker</Term>
            </dt>
          </div>
        </dl>
        {chart.status === 'ready' ? (
          <StateDiagram
            id={`diagram-${process}`}
            title={`The ${process} statechart: cases in each state at ${formatShort(t)}`}
            layout={chart.layout}
            states={states}
            counts={counts}
            selected={sel}
            caseAt={caseAt}
            countFromLabel={formatDay(view.replay.start)}
            onSelect={(state) => store.selectState({ process, state })}
          />
        ) : (
          <DiagramPlaceholder process={name} size={chart.size} error={chart.status === 'error' ? chart.message : null} />
        )}
        <p id={`diagram-${process}-keys`} className="hint diagram-keys">
          Numbers: cases in each state now; in rounded end states, cases that ended there since {formatDay(view.replay.start)}. Hatched with a red outline: hidden from the report. Dashed: no
          social worker yet. Select a state (arrow keys, then Enter) to list its cases.
        </p>
        {selInfo && (
          <div className="state-detail" aria-live="polite">
            <p>
              <strong>{stateLabel(machine, selInfo.name)}</strong> ({counts[selIndex]} {selInfo.final ? `since ${formatDay(view.replay.start)}` : 'now'}): {selInfo.description}
            </p>
            <p className="hint">
              Report records: &ldquo;{selInfo.reportLabel}&rdquo;. {selInfo.role ? `Worked by: ${ROLE_LABELS[selInfo.role]}. ` : ''}Source: {selInfo.source}.{' '}
              <a href="#cases-heading" onClick={(e) => { e.preventDefault(); document.getElementById('cases-heading')?.focus(); document.getElementById('cases-heading')?.scrollIntoView({ block: 'start' }); }}>
                Go to the list of these cases
              </a>
            </p>
          </div>
        )}
        <div className="queues">
          <h4 className="queues-title">Waiting for a worker (on the hour)</h4>
          <ul>
            {view.replay.queues.roles.map((r) => (
              <li key={r} data-queue={r}>
                {ROLE_LABELS[r as Role]}: <strong>{queues[r]}</strong>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  }

  return (
    <section className={`pane pane-${process}`} aria-labelledby={headingId} data-pane={process}>
      <h3 id={headingId} className="pane-title">
        <span className="pane-year">{titles.title}</span> <span className="pane-sub">{titles.subtitle}</span>
        {caseLine(machine, selectedCase, view, t)}
      </h3>
      {body}
    </section>
  );
}

/** Where the diagram will be, the size it will roughly have, while ELK lays it out. */
function DiagramPlaceholder({ process, size, error }: { process: string; size: { width: number; height: number }; error: string | null }) {
  return (
    <div className="diagram-box">
      <svg
        className="diagram diagram-placeholder"
        viewBox={`0 0 ${size.width} ${size.height}`}
        style={{ minWidth: Math.ceil(size.width * MIN_SCALE), maxWidth: Math.ceil(size.width * 1.5) }}
        role="img"
        aria-label={error ? `The ${process} statechart could not be drawn: ${error}` : `Drawing the ${process} statechart`}
      >
        <rect width={size.width} height={size.height} fill="#f3f2f1" />
        <text x={size.width / 2} y={40} fontSize="14" textAnchor="middle" fill="#505a5f">
          {error ? `The statechart could not be drawn: ${error}` : 'Drawing the statechart\u2026'}
        </text>
      </svg>
    </div>
  );
}

function caseLine(machine: AnyStateMachine, caseId: string | null, view: ProcessView | null, t: number) {
  if (!caseId || !view) return null;
  const records = view.recordsByCase.get(caseId);
  const rec = records ? caseRecordAt(records, t) : null;
  return <span className="pane-case">Case {caseId}: {rec ? stateLabel(machine, rec.to) : 'not yet received'}</span>;
}
