/**
 * One child's contact followed through both processes side by side: every event with its time,
 * who acted, the state it led to and what the weekly report recorded. Where 2013's report hid
 * the case (undecided, but not shown as waiting), the row says so in words.
 */
import type { AnyStateMachine } from 'xstate';
import type { TraceRecord } from '../../core/engine';
import { actorLabel, detailLabel, eventLabel, stateLabel } from '../../core/labels';
import { LEVEL_INFO } from '../../core/levels';
import type { CaseSummary } from '../../core/metrics';
import { formatClock, formatShort } from './format';
import { PROCESS_TITLES } from './ProcessPane';
import { viewsOf } from './selectors';
import { PROCESS_KEYS, type ProcessKey, type ProcessView } from './store';
import { sideMachine } from './store/processKeys';
import { Term } from './Term';
import { useReplay, useSideNames, useStore } from './useReplay';

const RESPONSES: Record<string, string> = {
  advice: 'advice or signposting (level 1)',
  earlyHelp: 'early help (level 2)',
  childInNeed: 'child-in-need referral (level 3)',
  childProtection: 'child protection (level 4)',
  allocatedWorker: 'passed to the allocated worker (open case)',
};

export function Chronology() {
  const store = useStore();
  const caseId = useReplay((s) => s.selectedCase);
  const run = useReplay((s) => s.run);
  const views = viewsOf(run);
  if (!caseId || !views) return null;
  const any = views['2013'] ?? views['2015'];
  const index = any?.indexOfCase.get(caseId);
  const contact = any && index !== undefined ? any.replay.contacts[index] : undefined;

  return (
    <section className="section chronology" aria-labelledby="chronology-heading" data-case={caseId}>
      <div className="section-head">
        <h2 id="chronology-heading" tabIndex={-1}>
          Case {caseId}: what happened in each process
        </h2>
        <button type="button" className="button button-secondary" onClick={() => store.selectCase(null)}>
          Close the chronology
        </button>
      </div>
      {!contact ? (
        <p className="error-message">There is no case {caseId} in this run.</p>
      ) : (
        <>
          <p className="case-facts">
            A contact from <strong>{contact.source}</strong>
            {contact.outOfHours ? ' out of hours (first handled by EDT)' : ''}, received {formatClock(contact.receivedAt)}. The child&rsquo;s true level of need (unknown to the SPA):{' '}
            <strong>
              level {contact.trueLevel}, {LEVEL_INFO[contact.trueLevel].name}
            </strong>
            . {contact.levelClear ? 'The level was clear from the contact.' : 'The level was not clear from the contact.'}{' '}
            {contact.formComplete ? 'The referral form was complete.' : <>The referral form (<Term id="marf">MARF</Term>) was incomplete.</>}
            {contact.immediateDanger ? ' The child was in immediate danger.' : ''}
          </p>
          <div className="chronology-columns">
            {PROCESS_KEYS.map((p) => (
              <ProcessChronology key={p} process={p} view={views[p]} caseId={caseId} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function ProcessChronology({ process, view, caseId }: { process: ProcessKey; view: ProcessView | null; caseId: string }) {
  const store = useStore();
  const t = useReplay((s) => s.t);
  const headingId = `chron-${process}`;
  const variant = useReplay((s) => s.variant);
  const name = useSideNames()[process];
  // The chart this side ran: a lab variant's own on the right, the process it came from on the left.
  const machine = sideMachine(variant, process);
  const titles = variant ? { title: name, subtitle: process === '2013' ? 'the process the variant came from' : 'the variant from the process lab' } : PROCESS_TITLES[process];
  if (!view) {
    return (
      <section aria-labelledby={headingId} className="chron-col">
        <h3 id={headingId}>{name}</h3>
        <p>This process did not run.</p>
      </section>
    );
  }
  const records = view.recordsByCase.get(caseId) ?? [];
  const idx = view.indexOfCase.get(caseId);
  const summary = idx !== undefined ? view.replay.cases[idx] : undefined;
  let current = -1;
  records.forEach((r, i) => {
    if (r.t <= t) current = i;
  });
  return (
    <section aria-labelledby={headingId} className={`chron-col chron-${process}`} data-chronology={process}>
      <h3 id={headingId}>
        {titles.title}: {titles.subtitle}
      </h3>
      {summary && <CaseVerdict summary={summary} />}
      <table className="table chron-table">
        <caption className="visually-hidden">
          Case {caseId} in the {name} process: every event, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">What happened, and who</th>
            <th scope="col">State after</th>
            <th scope="col">The weekly report shows</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <Row key={r.seq} machine={machine} r={r} future={r.t > t} current={i === current} onGo={() => { store.pause(); store.setT(r.t); }} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Row({ machine, r, future, current, onGo }: { machine: AnyStateMachine; r: TraceRecord; future: boolean; current: boolean; onGo: () => void }) {
  const hidden = r.undecided && !r.reportPending;
  const detail = detailLabel(r.detail);
  return (
    <tr className={`${future ? 'future' : ''}${current ? ' current' : ''}${hidden ? ' hidden-row' : ''}`} data-hidden={hidden || undefined}>
      <td>
        <button type="button" className="link-button" onClick={onGo} title={`Move the timeline to ${formatClock(r.t)}`}>
          <span className="visually-hidden">Move the timeline to </span>
          {formatShort(r.t)}
        </button>
        {current && <span className="tag tag-now">now</span>}
        {future && <span className="visually-hidden"> (after the current moment)</span>}
      </td>
      <td>
        {eventLabel(r.event)}
        {detail ? `: ${detail}` : ''}
        <span className="actor"> by {actorLabel(r.actor)}</span>
      </td>
      <td>{r.from === r.to ? <span className="hint">no change</span> : stateLabel(machine, r.to)}</td>
      <td>
        {r.report}
        {hidden && <span className="tag tag-hidden">hidden from report</span>}
      </td>
    </tr>
  );
}

function CaseVerdict({ summary: s }: { summary: CaseSummary }) {
  const days = s.heldWorkingDays.toFixed(1);
  const late = s.decidedAt !== null && s.decidedAt > s.due;
  return (
    <p className="verdict">
      {s.decidedAt !== null ? (
        <>
          Decided {formatShort(s.decidedAt)}, after <strong>{days} working days</strong>
          {s.firstResponse ? `: ${RESPONSES[s.firstResponse] ?? s.firstResponse}` : ''}.
        </>
      ) : (
        <>
          No decision by the end of the run: waited <strong>{days} working days</strong>.
        </>
      )}{' '}
      Due by {formatShort(s.due)}.{' '}
      {s.reportedDecidedAt !== null && s.reportedDecidedAt !== s.decidedAt && <>The report counted it decided on {formatShort(s.reportedDecidedAt)}. </>}
      {s.decidedAt !== null && !late ? <span className="tag tag-ok">within one working day</span> : <strong className="tag tag-late">late</strong>}
      {s.hidden && <strong className="tag tag-hidden">hidden from the weekly report</strong>}
    </p>
  );
}
