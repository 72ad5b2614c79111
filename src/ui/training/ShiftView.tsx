/**
 * A shift in progress: the clock, the queue of contacts, the open contact and the decision form.
 * What the learner may do with a contact comes from the core (`caseActions`), which asks the
 * statechart; a refused action's reason is shown in plain words.
 */
import { useEffect, useRef, useState } from 'react';
import type { Level } from '../../core/levels';
import {
  caseActions,
  caseStatus,
  describeTime,
  describeWorkingHours,
  nextHappening,
  nextToDecide,
  requestHours,
  shortTime,
  type ResponseId,
  type ShiftAction,
  type ShiftCase,
  type ShiftState,
} from '../../core/training';
import { DecisionForm } from './DecisionForm';
import { levelText, responseText, statusLabel } from './words';

interface Props {
  state: ShiftState;
  tick: number;
  error: string | null;
  /** With a time limit: when it runs out (browser milliseconds); null for none. */
  deadline: number | null;
  onAct: (action: ShiftAction) => void;
  onTimeUp: () => void;
  onDismissError: () => void;
}

type FocusTarget = 'case' | 'info' | 'decision' | 'after-decision' | 'confirm-end' | 'end-button' | 'shift-heading';

export function ShiftView({ state, tick, error, deadline, onAct, onTimeUp, onDismissError }: Props) {
  const arrived = state.cases.filter((c) => c.arrived);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [focus, setFocus] = useState<{ target: FocusTarget; n: number } | null>({ target: 'shift-heading', n: 0 });
  const [announcement, setAnnouncement] = useState('');
  /** What the N shortcut last passed over, shown under the shortcuts (and announced). */
  const [skippedNote, setSkippedNote] = useState('');
  const logLength = useRef(state.log.length);
  const selected = selectedId ? state.cases.find((c) => c.id === selectedId) ?? null : null;
  const undecided = state.cases.filter((c) => !c.decision).length;
  const next = nextHappening(state);

  // Announce what happened after each action (new log entries), for screen-reader users.
  useEffect(() => {
    const fresh = state.log.slice(logLength.current);
    logLength.current = state.log.length;
    if (fresh.length) setAnnouncement(`Time now ${shortTime(state.now, state.start)}. ${fresh.map((e) => e.text).join(' ')}`);
  }, [state, tick]);

  useEffect(() => {
    if (!focus) return;
    let el: HTMLElement | null = null;
    if (focus.target === 'case') el = document.getElementById('tr-case-heading');
    else if (focus.target === 'confirm-end') el = document.getElementById('tr-confirm-end-heading');
    else if (focus.target === 'end-button') el = document.getElementById('tr-end');
    else if (focus.target === 'shift-heading') el = document.getElementById('tr-shift-heading');
    else if (focus.target === 'info') el = document.querySelector<HTMLElement>('.tr-ask') ?? document.getElementById('tr-info-heading');
    else if (focus.target === 'decision') el = document.getElementById('tr-decision-heading');
    else {
      const nextCase = state.cases.find((c) => c.arrived && !c.decision);
      el = document.getElementById(nextCase ? `tr-queue-${nextCase.id}` : 'tr-wait');
    }
    el?.focus();
    // Only when a new focus request is made; the state read here is this render's.
  }, [focus]);

  const requestFocus = (target: FocusTarget) => setFocus((f) => ({ target, n: (f?.n ?? 0) + 1 }));

  // Shortcuts (outside text fields and form controls): W waits, N goes to the next contact to decide.
  const canWait = next !== null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      const key = e.key.toLowerCase();
      if (key === 'w' && canWait) {
        e.preventDefault();
        onAct({ type: 'wait' });
      } else if (key === 'n') {
        e.preventDefault();
        const found = nextToDecide(state, selectedId);
        const skipped = found.skipped.filter((x) => x.caseId !== found.caseId);
        const passed = skipped.length
          ? `Skipped ${skipped.length === 1 ? 'a contact' : `${skipped.length} contacts`} that cannot be decided yet: ${skipped.map((x) => `${x.title} (${x.reason})`).join('; ')}`
          : '';
        if (found.caseId) {
          setSkippedNote(passed);
          document.getElementById(`tr-queue-${found.caseId}`)?.focus();
        } else {
          const none = state.cases.some((c) => c.arrived && !c.decision)
            ? `No contact can be decided now. ${passed}. Wait until the next thing happens (W).`
            : 'Every contact that has arrived is decided. Wait until the next thing happens (W), or end the shift.';
          setSkippedNote(none);
          document.getElementById(canWait ? 'tr-wait' : 'tr-end')?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canWait, onAct, state, selectedId]);

  // A note about skipped contacts is about the moment it was made: clear it when time moves on.
  useEffect(() => setSkippedNote(''), [state.now]);

  const openCase = (c: ShiftCase) => {
    setSelectedId(c.id);
    if (!c.opened) onAct({ type: 'open', caseId: c.id });
    requestFocus('case');
  };

  return (
    <section className="tr-shift" aria-labelledby="tr-shift-heading">
      <div className="tr-clockbar">
        <div className="tr-clockbar-main">
          <h2 id="tr-shift-heading" tabIndex={-1} className="tr-shift-title">
            Your shift <span className="tr-rules">{state.settings.rules} rules</span>{' '}
            <span className="tr-progress">
              {state.cases.length - undecided} of {state.cases.length} decided
            </span>
          </h2>
          <p className="tr-clock">
            <span className="tr-clock-label">Simulated time</span> <strong className="tr-clock-time">{describeTime(state.now)}</strong>
          </p>
          {deadline !== null && <TimeLeft deadline={deadline} onTimeUp={onTimeUp} />}
        </div>
        <div className="tr-clockbar-actions">
          {/* On a phone this row alone stays on screen, on one line: the time, Wait and End. */}
          <div className="tr-clockbar-buttons">
            <span className="tr-clock-short" aria-hidden="true">
              {shortTime(state.now, state.start)}
            </span>
            <button type="button" id="tr-wait" className="button button-secondary" disabled={!next} onClick={() => onAct({ type: 'wait' })} aria-describedby="tr-next">
              <span className="tr-wait-long">Wait until the next thing happens</span>
              <span className="tr-wait-short" aria-hidden="true">
                Wait
              </span>
            </button>
            <button type="button" id="tr-end" className="button button-warning" onClick={() => (setConfirmEnd(true), requestFocus('confirm-end'))}>
              End the shift
            </button>
          </div>
          <p className="hint tr-next" id="tr-next">
            {next ? `Next: ${shortTime(next.t, state.start)}, ${next.text}.` : 'Nothing else is due to happen.'}
          </p>
        </div>
      </div>

      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {error && (
        <div className="tr-refused" role="alert">
          <p>
            <strong>Not allowed now:</strong> {error}
          </p>
          <button type="button" className="link-button" onClick={onDismissError}>
            Dismiss
          </button>
        </div>
      )}

      {confirmEnd && (
        <div className="tr-confirm" role="group" aria-labelledby="tr-confirm-end-heading">
          <h3 id="tr-confirm-end-heading" tabIndex={-1}>
            End the shift now?
          </h3>
          <p>{endWarning(state)}</p>
          <div className="button-row">
            <button type="button" className="button button-warning" onClick={() => onAct({ type: 'end' })}>
              Yes, end the shift
            </button>
            <button type="button" className="button button-secondary" onClick={() => (setConfirmEnd(false), requestFocus('end-button'))}>
              No, carry on
            </button>
          </div>
        </div>
      )}

      <div className="tr-shift-grid">
        <div className="tr-queue-col">
          <h3 id="tr-queue-heading">Contacts ({arrived.length})</h3>
          {arrived.length === 0 && <p>No contacts yet. Wait for the first one.</p>}
          <ol className="tr-queue" aria-labelledby="tr-queue-heading">
            {arrived.map((c) => (
              <QueueItem key={c.id} state={state} c={c} selected={c.id === selectedId} onOpen={() => openCase(c)} />
            ))}
          </ol>
          {arrived.length < state.cases.length && <p className="hint">More contacts may arrive during the shift.</p>}
          <p className="hint">
            Shortcuts: <kbd>W</kbd> waits until the next thing happens; <kbd>N</kbd> goes to the next contact you can decide now, skipping those
            that cannot be decided yet.
          </p>
          <p className="hint tr-skipped" role="status" id="tr-skipped">
            {skippedNote}
          </p>
          <details className="tr-log">
            <summary>Shift log ({state.log.length} entries)</summary>
            <ol reversed>
              {[...state.log].reverse().map((e, i) => (
                <li key={i}>
                  <span className="tr-log-time">{shortTime(e.t, state.start)}</span> {e.text}
                </li>
              ))}
            </ol>
          </details>
        </div>
        <div className="tr-case-col">
          {selected ? (
            <CasePanel
              key={selected.id}
              state={state}
              c={selected}
              onAct={onAct}
              focusTo={requestFocus}
            />
          ) : (
            <div className="tr-empty">
              <p>Choose a contact from the list to read it.</p>
              <p className="hint">
                Reading a contact for the first time takes 10 minutes of the shift. Contacts that arrived overnight are waiting at the top.
              </p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** What ending the shift now leaves behind, in words. */
function endWarning(state: ShiftState): string {
  const waiting = state.cases.filter((c) => c.arrived && !c.decision).length;
  const toCome = state.cases.filter((c) => !c.arrived).length;
  if (waiting + toCome === 0) return 'Every contact has a decision.';
  const parts: string[] = [];
  if (waiting) parts.push(`${waiting} ${waiting === 1 ? 'contact has' : 'contacts have'} no decision`);
  if (toCome) parts.push(`${toCome} more ${toCome === 1 ? 'contact is' : 'contacts are'} still to arrive`);
  return `${parts.join(', and ')}. They count as left undecided: each is scored as a late level-1 call, because until someone decides, the child receives nothing.`;
}

function QueueItem({ state, c, selected, onOpen }: { state: ShiftState; c: ShiftCase; selected: boolean; onOpen: () => void }) {
  const st = caseStatus(state, c.id);
  const label = statusLabel(c, st);
  return (
    <li>
      <button type="button" id={`tr-queue-${c.id}`} className={`tr-queue-item${selected ? ' tr-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onOpen}>
        <span className="tr-queue-title">{c.vignette.title}</span>
        <span className="tr-queue-meta">
          {c.vignette.contact.from}, {shortTime(c.receivedAt, state.start)}
        </span>
        <span className="tr-queue-status">
          <span className={`tag tr-tag-${label.kind}`}>{label.text}</span>
          {!c.decision && (
            <span className={st.overdue ? 'tr-overdue' : 'tr-due'}>
              {st.overdue ? `Overdue (due ${shortTime(c.dueBy, state.start)})` : `Due ${shortTime(c.dueBy, state.start)}`}
            </span>
          )}
          {!c.opened && <span className="tr-unread">Not read</span>}
        </span>
      </button>
    </li>
  );
}

function CasePanel({ state, c, onAct, focusTo }: { state: ShiftState; c: ShiftCase; onAct: (a: ShiftAction) => void; focusTo: (t: FocusTarget) => void }) {
  const v = c.vignette;
  const st = caseStatus(state, c.id);
  const allowed = caseActions(state, c.id);
  const unasked = v.information.filter((i) => !c.requests.some((r) => r.id === i.id));

  const decide = (level: Level, response: ResponseId, rationale: string) => {
    onAct({ type: 'decide', caseId: c.id, level, response, rationale });
    focusTo('after-decision');
  };

  return (
    <article className="tr-case" aria-labelledby="tr-case-heading">
      <h3 id="tr-case-heading" tabIndex={-1} className="tr-case-title">
        {v.title}
      </h3>
      <p className="tr-case-meta">
        {v.contact.from}, {v.contact.channel}. Arrived {describeTime(c.receivedAt)}.
        {!v.contact.formComplete && <span className="tag tr-tag-warn">Form incomplete</span>}
      </p>
      <p className="tr-child">{v.child.summary}</p>
      <blockquote className="tr-contact-text">{v.contact.text}</blockquote>

      <div className={`tr-where${st.hiddenFromReport ? ' tr-where-hidden' : ''}`}>
        <h4>Where the contact is</h4>
        <dl className="tr-where-list">
          <div>
            <dt>Process state</dt>
            <dd>
              {st.stateText}
              {st.escalated && !c.decision && <span className="tag tr-tag-escalated">Escalated</span>}
            </dd>
          </div>
          <div>
            <dt>What the weekly report shows</dt>
            <dd>
              &ldquo;{st.report}&rdquo;
              {st.hiddenFromReport && <span className="tag tag-hidden">Not shown as waiting</span>}
            </dd>
          </div>
          <div>
            <dt>One-working-day deadline</dt>
            <dd>
              {describeTime(c.dueBy)}:{' '}
              {c.decision
                ? st.overdue
                  ? 'decided late'
                  : 'decided in time'
                : st.overdue
                  ? `overdue by ${describeWorkingHours(-st.workingHoursLeft)} of working time`
                  : `${describeWorkingHours(st.workingHoursLeft)} of working time left`}
              {st.overdue && <span className="tag tag-late">Late</span>}
            </dd>
          </div>
          {c.escalateAt !== null && !c.decision && !st.escalated && (
            <div>
              <dt>Escalates to a manager</dt>
              <dd>{describeTime(c.escalateAt)}, if not decided by then</dd>
            </div>
          )}
        </dl>
        <p className="hint">{st.description}</p>
      </div>

      <section className="tr-info" aria-labelledby="tr-info-heading">
        <h4 id="tr-info-heading" tabIndex={-1}>
          Further information
        </h4>
        <ul className="tr-requests">
          {v.information.map((info) => {
            const r = c.requests.find((x) => x.id === info.id);
            if (!r) {
              if (!allowed.request.allowed) return null;
              const hours = requestHours(state, c.id, info.id);
              return (
                <li key={info.id} className="tr-request">
                  <button type="button" className="button button-secondary tr-ask" onClick={() => (onAct({ type: 'request', caseId: c.id, requestId: info.id }), focusTo('info'))}>
                    {info.label}
                  </button>
                  <span className="hint"> Answer in about {describeWorkingHours(hours)} of working time.</span>
                </li>
              );
            }
            return (
              <li key={info.id} className={`tr-request tr-request-${r.status}`}>
                <p className="tr-request-label">
                  <strong>{info.label}</strong>{' '}
                  {r.status === 'waiting' && (
                    <>
                      <span className="tag tr-tag-waiting">Waiting</span> asked {shortTime(r.requestedAt, state.start)}, answer expected {shortTime(r.answerAt, state.start)}
                      {r.byCaseCoordinator ? ' (the case coordinator is phoning round)' : ''}
                    </>
                  )}
                  {r.status === 'answered' && <span className="tr-answered-at">answered {shortTime(r.answerAt, state.start)}</span>}
                  {r.status === 'cancelled' && <span className="tag">No answer before the decision</span>}
                </p>
                {r.status === 'answered' && <blockquote className="tr-answer">{info.answer}</blockquote>}
              </li>
            );
          })}
        </ul>
        {!allowed.request.allowed && unasked.length > 0 && !c.decision && <p className="tr-reason">{allowed.request.reason}</p>}
        {allowed.request.allowed && c.requests.length === 0 && (
          <p className="hint">
            {state.settings.rules === '2013'
              ? 'Asking for information tells the process you think the level is unclear: the contact is held by a case coordinator until the information is gathered.'
              : 'Asking for information tells the process you think the level is unclear: a qualified social worker gathers it, and the contact escalates to a manager if it is not decided in time.'}
          </p>
        )}
        {allowed.takeToDecision.allowed && (
          <div className="button-row">
            <button type="button" className="button" onClick={() => (onAct({ type: 'takeToDecision', caseId: c.id }), focusTo('decision'))}>
              Take the contact to a decision
            </button>
          </div>
        )}
        {st.waitingAnswers > 0 && !allowed.takeToDecision.allowed && <p className="tr-reason">{allowed.takeToDecision.reason}</p>}
      </section>

      <section className="tr-decision" aria-labelledby="tr-decision-heading">
        <h4 id="tr-decision-heading" tabIndex={-1}>
          Your decision
        </h4>
        {c.decision ? (
          <div className="tr-decided">
            <p>
              <strong>{levelText(c.decision.level)}</strong>: {responseText(c.decision.response)}. Recorded {describeTime(c.decision.at)}
              {c.decision.escalated ? ', after escalation to a manager' : ''}.
            </p>
            <p className="tr-rationale-view">&ldquo;{c.decision.rationale}&rdquo;</p>
            <p className="hint">You will see the reference answer and what happened next in the debrief, when the shift ends.</p>
          </div>
        ) : allowed.decide.allowed ? (
          <DecisionForm onDecide={decide} escalated={st.escalated} />
        ) : (
          <p className="tr-reason">{allowed.decide.reason}</p>
        )}
      </section>
    </article>
  );
}

/** The real time left under the trainer's limit; ends the shift when it runs out (also after a reload). */
function TimeLeft({ deadline, onTimeUp }: { deadline: number; onTimeUp: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, deadline - now);
  useEffect(() => {
    if (left === 0) {
      onTimeUp();
      return;
    }
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(1000, left));
    return () => window.clearTimeout(timer);
  }, [left, onTimeUp]);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  const low = left < 5 * 60_000;
  return (
    <p className={`tr-time-left${low ? ' tr-time-low' : ''}`}>
      <span className="tr-clock-label">Real time left</span>{' '}
      <strong className="tr-clock-time" aria-live={low && seconds === 0 ? 'polite' : 'off'}>
        {minutes}:{String(seconds).padStart(2, '0')}
      </strong>
    </p>
  );
}
