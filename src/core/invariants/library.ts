/**
 * The safeguards a front door promises every child, as invariants over a run's trace.
 *
 * Each is judged against the ground truth the trace records (`undecided`, `unallocated`, who
 * acted, when) and the statechart's `meta` (who works a state, whether the child is seen there,
 * which event ends the work), so a service designer's changed statechart is judged by what its
 * states declare, not by their names. Sources are ../shared/DOMAIN.md and the seeds
 * (../shared/seeds/; "004 ¶38" is paragraph 38 of the 2013 inspection report).
 *
 * Censoring: a deadline that falls at or after the end of the run is not judged (a contact
 * received an hour before the end cannot be blamed for having no decision). A breach that has
 * already happened before the end (a deadline passed with nothing done) is judged, whether or not
 * the case was finished later.
 *
 * Which fail for which process (see README "Testing a process change"): the 2013 process breaks
 * the safeguards the inspectors found broken (held unseen, hidden from the report, decisions
 * late, joint visits waiting on the police) and keeps the ones they found kept (clear cases
 * decided by a qualified manager, strategy discussions timely: 004 ¶29, ¶38, ¶39).
 */
import { addWorkingDays, dueByOneWorkingDay, openingHoursOn, addLocalDays, startOfLocalDay, HOUR, workingDaysBetween, type Instant } from '../calendar';
import type { TraceRecord } from '../engine';
import { firstAfter, firstDecision, indexAt, recordAt } from './run-index';
import type { Invariant, RunIndex, Violation } from './types';
import { aRole, activityName, days, eventPhrase, roleName, when } from './words';

const CENSORING_NONE = 'None needed: the breach is a moment in the trace, not a deadline.';
const censoredAt = (what: string) => `A ${what} at or after the end of the run is not judged.`;

/** '"heldByCaseCoordinator" (case coordinator: information gathering)', for messages. */
function where(ix: RunIndex, state: string): string {
  const work = ix.meta(state)?.work;
  return work ? `"${state}" (${roleName(work.role)}: ${activityName(work.activity)})` : `"${state}"`;
}

/** Keeps the first breach per case, for invariants that a case breaks once and keeps breaking. */
function oncePerCase(ix: RunIndex, test: (r: TraceRecord, records: readonly TraceRecord[], i: number) => Violation | null): Violation[] {
  const out: Violation[] = [];
  for (const records of ix.cases.values()) {
    for (let i = 0; i < records.length; i++) {
      const v = test(records[i], records, i);
      if (v) {
        out.push(v);
        break;
      }
    }
  }
  return out;
}

function isEarlyHelp(ix: RunIndex, state: string | null): boolean {
  return state !== null && ix.facts(state)?.earlyHelp === true;
}

function isStrategyDiscussion(ix: RunIndex, state: string | null): boolean {
  return state !== null && ix.facts(state)?.stage === 'strategyDiscussion';
}

// ---------------------------------------------------------------------------------------------

const accountedFor: Invariant = {
  id: 'every-contact-accounted-for',
  title: 'Every contact is accounted for',
  statement:
    'Every contact received is on the record from the moment it arrives: its first entry is "contact received", each later entry starts in the state the one before ended in, every state is one the process has, and nothing is on the record that was never received.',
  source: 'DOMAIN.md: the SPA is "the one team that receives every contact" (Vocabulary; flow step 1); ../shared/STYLE.md: "the trace is the product"',
  parameters: {},
  censoring: CENSORING_NONE,
  check(ix) {
    const out: Violation[] = [];
    for (const c of ix.run.contacts) {
      const records = ix.cases.get(c.id);
      if (!records || records.length === 0) {
        out.push({ caseIds: [c.id], at: c.receivedAt, message: `${c.id}, received ${when(c.receivedAt)}, never appears on the record.` });
        continue;
      }
      const first = records[0];
      if (first.from !== null || first.event !== 'contact.received' || first.t !== c.receivedAt) {
        out.push({ caseIds: [c.id], at: first.t, message: `${c.id}'s record does not begin with "contact received" at ${when(c.receivedAt)} (it begins with ${first.event} at ${when(first.t)}).` });
        continue;
      }
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (ix.meta(r.to) === undefined) {
          out.push({ caseIds: [c.id], at: r.t, message: `${c.id} was put in "${r.to}", which is not a state of the process.` });
          break;
        }
        if (i > 0 && (r.from !== records[i - 1].to || r.t < records[i - 1].t)) {
          out.push({ caseIds: [c.id], at: r.t, message: `${c.id}'s record jumps: an entry at ${when(r.t)} starts in "${r.from}" but the case was in "${records[i - 1].to}".` });
          break;
        }
      }
    }
    for (const [id, records] of ix.cases) {
      if (!ix.contacts.has(id)) out.push({ caseIds: [id], at: records[0].t, message: `${id} is on the record but was never received as a contact.` });
    }
    return out;
  },
};

const visiblyPending: Invariant = {
  id: 'decided-or-visibly-pending',
  title: 'Every contact is decided or visibly pending',
  statement:
    'At every moment, every contact either has its threshold decision or is listed in the service\u2019s own report as awaiting one.',
  source: '004 ¶38 (held cases "not tracked in the weekly performance report"); 004 ¶20 ("senior managers were not aware of the delays")',
  parameters: {},
  censoring: CENSORING_NONE,
  check(ix) {
    return oncePerCase(ix, (r) =>
      r.undecided && !r.reportPending
        ? {
            caseIds: [r.caseId],
            at: r.t,
            message: `${r.caseId} had no threshold decision from ${when(r.t)}, but the report showed it as "${r.report}", not as awaiting a decision; it was in ${where(ix, r.to)}.`,
          }
        : null,
    );
  },
};

/** Each working day's closing time in [from, to). */
function closesBetween(from: Instant, to: Instant): Instant[] {
  const out: Instant[] = [];
  for (let day = startOfLocalDay(from); day < to; day = addLocalDays(day, 1)) {
    const hours = openingHoursOn(day + 12 * HOUR);
    if (hours && hours.close >= from && hours.close < to) out.push(hours.close);
  }
  return out;
}

const reportCountTrue: Invariant = {
  id: 'report-pending-count-is-true',
  title: 'The report\u2019s pending count is the true count',
  statement:
    'At the close of every working day, the number of contacts the report lists as awaiting a decision equals the number that truly await one: nothing hidden, nothing counted twice.',
  source: '004 ¶38 (held cases missing from the weekly performance report); 004 ¶16 ("a disturbing gap between inspection findings and managers\u2019 assessment")',
  parameters: {},
  censoring: 'Judged at each close of the SPA before the end of the run.',
  check(ix) {
    const out: Violation[] = [];
    const trace = ix.run.trace;
    const now = new Map<string, TraceRecord>();
    let undecided = 0;
    let pending = 0;
    let k = 0;
    for (const close of closesBetween(ix.run.simStart, ix.run.end)) {
      for (; k < trace.length && trace[k].t <= close; k++) {
        const r = trace[k];
        const prev = now.get(r.caseId);
        if (prev) {
          if (prev.undecided) undecided--;
          if (prev.reportPending) pending--;
        }
        if (r.undecided) undecided++;
        if (r.reportPending) pending++;
        now.set(r.caseId, r);
      }
      if (undecided !== pending) {
        const hidden: string[] = [];
        const phantom: string[] = [];
        for (const r of now.values()) {
          if (r.undecided && !r.reportPending) hidden.push(r.caseId);
          else if (!r.undecided && r.reportPending) phantom.push(r.caseId);
        }
        const parts = [
          hidden.length ? `${hidden.length} hidden (${hidden.slice(0, 3).join(', ')}${hidden.length > 3 ? ', ...' : ''})` : '',
          phantom.length ? `${phantom.length} listed but already decided (${phantom.slice(0, 3).join(', ')})` : '',
        ].filter(Boolean);
        out.push({
          caseIds: [...hidden, ...phantom].slice(0, 3),
          at: close,
          message: `At the close on ${when(close)} the report listed ${pending} contact${pending === 1 ? '' : 's'} awaiting a decision; ${undecided} truly were: ${parts.join('; ')}.`,
        });
      }
    }
    return out;
  },
};

const notClosedWhileUndecided: Invariant = {
  id: 'not-closed-while-gathering',
  title: 'Not closed as advice while information is still being gathered',
  statement:
    'A contact is never recorded with an outcome (for example "provision of advice and information") while information is still being gathered and no threshold decision has been made.',
  source: '004 ¶38 ("the outcome of the contact being completed as \u2018provision of advice and information\u2019" while cases were held for screening); 004 ¶20',
  parameters: {},
  censoring: CENSORING_NONE,
  check(ix) {
    return oncePerCase(ix, (r) =>
      r.undecided && r.reportDecided
        ? {
            caseIds: [r.caseId],
            at: r.t,
            message: `${r.caseId} was recorded as "${r.report}" at ${when(r.t)} while it was still undecided, in ${where(ix, r.to)}.`,
          }
        : null,
    );
  },
};

const escalatedByDeadline: Invariant = {
  id: 'with-a-manager-by-the-deadline',
  title: 'Escalated before the one-working-day clock runs out',
  statement:
    'When a contact\u2019s one-working-day decision clock runs out, it has had its threshold decision or a manager is working on the decision: never still waiting for screening, having information gathered, or queued for a manager who has not started on it. (Out of hours the clock starts at the next opening.)',
  source:
    'DOMAIN.md statutory clocks (decision within one working day: Working Together 2013, 2015); 000 ("usually within 24 hours"); 002 ("a clear escalation process ... so that they do not wait unduly")',
  parameters: { clock: { value: 1, unit: 'working day', source: 'DOMAIN.md statutory clocks' } },
  censoring: `${censoredAt('deadline')} A contact still in a manager\u2019s state when the run ends, with no record of when the manager started, is not judged either.`,
  check(ix) {
    const out: Violation[] = [];
    for (const c of ix.run.contacts) {
      const due = dueByOneWorkingDay(c.receivedAt);
      if (due >= ix.run.end) continue;
      const records = ix.cases.get(c.id);
      if (!records) continue;
      const i = indexAt(records, due);
      if (i < 0) continue;
      const r = records[i];
      if (!r.undecided) continue;
      const facts = ix.facts(r.to);
      let queued = '';
      if (facts?.decides) {
        // With a manager means a manager is working the case: the record that ends the decision
        // says when the manager started (the trace's `workStartedAt`).
        const exit = firstAfter(records, i, (x) => x.to !== r.to || x.event === facts.work!.done);
        if (!exit) continue;
        const started = exit.event === facts.work!.done ? exit.workStartedAt : undefined;
        if (started !== undefined && started <= due) continue;
        queued = started !== undefined ? `, queued for a manager who started on it ${when(started)}` : ', queued for a manager';
      }
      const decided = firstDecision(records);
      out.push({
        caseIds: [c.id],
        at: due,
        message: `${c.id} (true level ${c.trueLevel}), received ${when(c.receivedAt)}, reached its one-working-day deadline (${when(due)}) undecided and still in ${where(ix, r.to)}${queued}, not with a manager working on it; ${decided ? `decided ${when(decided.t)}` : 'still undecided when the run ended'}.`,
      });
    }
    return out;
  },
};

const CLEAR_CP_DAYS = 2;
const clearChildProtectionFromReceipt: Invariant = {
  id: 'clear-child-protection-strategy-from-receipt',
  title: 'A clear child-protection contact reaches its strategy discussion promptly from receipt',
  statement: `A contact about a child at clear risk of significant harm (level 4 and clear at the point of contact, or in immediate danger) that is sent to a strategy discussion by its threshold decision has it within ${CLEAR_CP_DAYS} working days of receipt, counted from receipt, not from the decision: a clear child-protection contact never queues behind routine work. (Out of hours the clock starts at the next opening.)`,
  source:
    'DOMAIN.md statutory clocks (decision within one working day of receipt; strategy discussion "usually within 24 hours of deciding to hold one"); 004 ¶38 (clear child protection concerns: "prompt decision making"); 002 ("prompt initial strategy discussions"; children who need urgent intervention "do not wait unduly")',
  parameters: {
    within: {
      value: CLEAR_CP_DAYS,
      unit: 'working days',
      source: 'DOMAIN.md: one working day to decide, then usually within 24 hours of the decision: at most two working days from receipt',
    },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const c of ix.run.contacts) {
      if (!c.immediateDanger && !(c.levelClear && c.trueLevel === 4)) continue;
      const records = ix.cases.get(c.id);
      if (!records) continue;
      const decision = firstDecision(records);
      if (!decision || !isStrategyDiscussion(ix, decision.to)) continue;
      const deadline = addWorkingDays(c.receivedAt, CLEAR_CP_DAYS);
      const i = records.indexOf(decision);
      const done = ix.meta(decision.to)!.work!.done;
      const exit = firstAfter(records, i, (x) => x.from === decision.to && x.to !== decision.to);
      if (exit && exit.event === done && exit.t <= deadline) continue;
      if (!exit && deadline >= ix.run.end) continue;
      if (exit && exit.event !== done) continue; // left without one: strategy-discussion-held-promptly judges that
      out.push({
        caseIds: [c.id],
        at: deadline,
        message: `${c.id} (true level 4, ${c.immediateDanger ? 'immediate danger' : 'clear at contact'}), received ${when(c.receivedAt)}, was sent to a strategy discussion ${when(decision.t)}; ${exit ? `it was held ${when(exit.t)}, ${days(workingDaysBetween(c.receivedAt, exit.t))} after receipt` : `none had been held ${CLEAR_CP_DAYS} working days after receipt`}.`,
      });
    }
    return out;
  },
};

const HOLD_DAYS = 5;
const notHeld: Invariant = {
  id: 'level-3-4-not-held',
  title: 'No child in need or at risk is held a week without a decision',
  statement: `No contact whose true level is 3 (child in need) or 4 (child protection) waits more than ${HOLD_DAYS} working days for its threshold decision.`,
  source: '004 ¶20 (cases needing a social work assessment "held in SPA for a number of weeks"); 004 ¶29; 004 ¶38 ("held in SPA for an unacceptable length of time")',
  parameters: {
    maxWait: { value: HOLD_DAYS, unit: 'working days', source: 'a working week; the README\u2019s heldOverFiveWorkingDays figure; 004 ¶20 found holds of weeks' },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const c of ix.run.contacts) {
      if (c.trueLevel < 3) continue;
      const limit = addWorkingDays(c.receivedAt, HOLD_DAYS);
      if (limit >= ix.run.end) continue;
      const records = ix.cases.get(c.id);
      if (!records) continue;
      const decided = firstDecision(records);
      if (decided && decided.t <= limit) continue;
      const r = recordAt(records, limit)!;
      out.push({
        caseIds: [c.id],
        at: limit,
        message: `${c.id} (true level ${c.trueLevel}), received ${when(c.receivedAt)}, had no threshold decision after ${HOLD_DAYS} working days (${when(limit)}), when it was in ${where(ix, r.to)}; ${decided ? `decided ${when(decided.t)}, after ${days(workingDaysBetween(c.receivedAt, decided.t))}` : 'still undecided when the run ended'}.`,
      });
    }
    return out;
  },
};

const decidedByManager: Invariant = {
  id: 'decided-by-a-manager',
  title: 'Every threshold decision is made by a team manager',
  statement:
    'Every threshold decision is made by a qualified team manager. The only ways out of "no decision yet" without one are a child with an open case passed to the allocated worker, and a child in immediate danger sent straight to a strategy discussion.',
  source: 'DOMAIN.md flow step 4 ("a team manager decides and records the rationale"); 004 ¶17 ("a social work team manager now oversees all contacts"), ¶38; 002 (management oversight)',
  parameters: {},
  censoring: CENSORING_NONE,
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      const contact = ix.contacts.get(id);
      for (let i = 1; i < records.length; i++) {
        const r = records[i];
        if (!records[i - 1].undecided || r.undecided) continue;
        if (r.event === 'threshold.decided') {
          if (r.actor === 'teamManager') continue;
        } else {
          if (contact?.openCase) continue;
          if (contact?.immediateDanger && isStrategyDiscussion(ix, r.to)) continue;
        }
        out.push({
          caseIds: [id],
          at: r.t,
          message: `${id} was decided at ${when(r.t)} by ${aRole(r.actor)} (${eventPhrase(r.event, r.detail)}, to "${r.to}") without a team manager\u2019s threshold decision.`,
        });
        break;
      }
    }
    return out;
  },
};

const STRATEGY_DAYS = 2;
const strategyPrompt: Invariant = {
  id: 'strategy-discussion-held-promptly',
  title: 'A strategy discussion promptly after deciding to hold one',
  statement: `Every case sent to a strategy discussion (a level-4 decision, immediate danger found at screening, or an assessment that finds significant harm) has it within ${STRATEGY_DAYS} working days of that decision, and never leaves for anything else without one.`,
  source: 'DOMAIN.md statutory clocks (strategy discussion: "local rules usually within 24 hours of deciding to hold one"); 002 ("prompt initial strategy discussions"); 004 ¶39 (timely in 2013 too)',
  parameters: {
    within: {
      value: STRATEGY_DAYS,
      unit: 'working days',
      source:
        'DOMAIN.md: "usually within 24 hours". The invariant allows a second working day because the trace records when a discussion was held, not when it began: a single long discussion in the tail of the modelled durations (lognormal) would otherwise count as a breach. A case that waits in a queue or for the police breaks it',
    },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (!isStrategyDiscussion(ix, r.to) || r.from === r.to) continue;
        const deadline = addWorkingDays(r.t, STRATEGY_DAYS);
        const done = ix.meta(r.to)!.work!.done;
        const exit = firstAfter(records, i, (x) => x.from === r.to && x.to !== r.to);
        const held = exit && exit.event === done && exit.t <= deadline;
        if (held) continue;
        if (!exit && deadline >= ix.run.end) continue;
        out.push({
          caseIds: [id],
          at: exit && exit.event !== done ? exit.t : deadline,
          message: `${id} was sent to a strategy discussion at ${when(r.t)} (${eventPhrase(r.event, r.detail)}); ${exit ? (exit.event === done ? `it was held ${when(exit.t)}, ${days(workingDaysBetween(r.t, exit.t))} later` : `it left for "${exit.to}" on ${eventPhrase(exit.event)} without one being held`) : `none had been held ${STRATEGY_DAYS} working days later`}.`,
        });
      }
    }
    return out;
  },
};

const EMERGENCY_HOURS = 8;
const emergencyOutOfHours: Invariant = {
  id: 'emergency-response-out-of-hours',
  title: 'A child in immediate danger out of hours is protected the same night',
  statement: `Every contact about a child in immediate danger that arrives while the SPA is closed gets a protective response (an emergency response by the emergency duty team, or a strategy discussion) within ${EMERGENCY_HOURS} clock hours of receipt, not when the office next opens.`,
  source: '004 ¶47 ("Referrals made out of hours receive a service from the emergency duty team ... to provide emergency child protection services"); DOMAIN.md (SPA opening hours: "EDT covers the rest"; flow step 5: "Immediate danger skips the queue")',
  parameters: {
    within: {
      value: EMERGENCY_HOURS,
      unit: 'clock hours',
      source:
        'assumption: 004 ¶47 gives no figure, only an emergency service out of hours; a night’s shift, so that a child in danger at night is protected that night, while a response after the office opens (at least 14 hours after an evening contact) breaks it. Judged by when the response began (the trace\u2019s workStartedAt on the record that ends it), so a long response that began in time is not a breach',
    },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const c of ix.run.contacts) {
      if (!c.outOfHours || !c.immediateDanger) continue;
      const records = ix.cases.get(c.id);
      if (!records) continue;
      const deadline = c.receivedAt + EMERGENCY_HOURS * HOUR;
      const response = records.find((r) => r.from !== null && r.from !== r.to && ix.facts(r.from)?.protective === true);
      // The response begins when a worker starts it (a long response begun in time protects the child in time).
      const began = response ? (response.workStartedAt ?? response.t) : NaN;
      if (response && began <= deadline) continue;
      if (!response && deadline >= ix.run.end) continue;
      const hours = response ? Math.round(((began - c.receivedAt) / HOUR) * 10) / 10 : null;
      out.push({
        caseIds: [c.id],
        at: deadline,
        message: `${c.id}, a child in immediate danger, was received out of hours ${when(c.receivedAt)}; ${response ? `the first protective response (${eventPhrase(response.event, response.detail)}) began ${when(began)}, ${hours} hours later` : `no protective response had come ${EMERGENCY_HOURS} hours later`}; it was in ${where(ix, recordAt(records, deadline)!.to)} at ${when(deadline)}.`,
      });
    }
    return out;
  },
};

const SEEN_AFTER_STRATEGY_DAYS = 1;
const childSeenAfterStrategy: Invariant = {
  id: 'child-seen-after-strategy-discussion',
  title: 'The section 47 enquiry starts promptly after the strategy discussion',
  statement: `After a strategy discussion, the section 47 enquiry, in which the child is seen, begins within ${SEEN_AFTER_STRATEGY_DAYS} working day; the child is not left waiting for a joint visit.`,
  source: '004 ¶39 (joint visits delayed by police availability; one case with no work for four weeks after a strategy discussion, "contrary to statutory guidance" in Working Together 2013); DOMAIN.md seeing the child (004 ¶41)',
  parameters: {
    within: { value: SEEN_AFTER_STRATEGY_DAYS, unit: 'working day', source: 'modelling assumption: Working Together 2013\u2019s "immediate and short term requirements" (quoted in 004 ¶39) read as the next working day' },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (r.from === null || r.from === r.to || !isStrategyDiscussion(ix, r.from) || r.event !== ix.meta(r.from)?.work?.done) continue;
        const deadline = addWorkingDays(r.t, SEEN_AFTER_STRATEGY_DAYS);
        const seen = ix.meta(r.to)?.childSeen === true ? r : firstAfter(records, i, (x) => ix.meta(x.to)?.childSeen === true);
        if (seen && seen.t <= deadline) continue;
        if (deadline >= ix.run.end) continue;
        const waiting = recordAt(records, deadline)!;
        out.push({
          caseIds: [id],
          at: deadline,
          message: `After the strategy discussion on ${when(r.t)}, ${id} was still in ${where(ix, waiting.to)} a working day later; ${seen ? `the enquiry began ${when(seen.t)}, ${days(workingDaysBetween(r.t, seen.t))} after the discussion` : 'the enquiry had not begun when the run ended'}.`,
        });
      }
    }
    return out;
  },
};

const stepDownAfterAssessment: Invariant = {
  id: 'step-down-only-after-assessment',
  title: 'Step-down only after an assessment',
  statement:
    'A case steps down from social care to early help only after an assessment in which the child was seen; anything else that reaches early help does so by a threshold decision at level 2.',
  source: '004 ¶24 (a safe "step down" for families no longer in need of social work intervention); DOMAIN.md vocabulary (step-down: "the statutory need has passed"); 004 ¶41 (children seen during assessments)',
  parameters: {},
  censoring: CENSORING_NONE,
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 1; i < records.length; i++) {
        const r = records[i];
        if (r.from === r.to || !isEarlyHelp(ix, r.to)) continue;
        if (records[i - 1].undecided) continue; // a threshold decision at level 2 (decided-by-a-manager judges who made it)
        if (ix.meta(r.from!)?.childSeen === true) continue;
        out.push({
          caseIds: [id],
          at: r.t,
          message: `${id} stepped down to early help at ${when(r.t)} from "${r.from}" (${eventPhrase(r.event, r.detail)}), where no assessment had seen the child.`,
        });
        break;
      }
    }
    return out;
  },
};

const stepUpDecided: Invariant = {
  id: 'step-up-with-a-manager-within-a-day',
  title: 'A step-up reaches a manager within one working day',
  statement:
    'When early help steps a case up because concerns have increased, within one working day the case has a new threshold decision or is with a manager who is deciding it, as a new contact would be.',
  source: '002 ("When concerns increase, children are appropriately stepped up from early help to statutory services"); 004 ¶24 (step-up processes not well understood); DOMAIN.md statutory clocks (one working day)',
  parameters: { within: { value: 1, unit: 'working day', source: 'DOMAIN.md statutory clocks' } },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 1; i < records.length; i++) {
        const r = records[i];
        if (!isEarlyHelp(ix, r.from) || !r.undecided) continue;
        const deadline = addWorkingDays(r.t, 1);
        if (deadline >= ix.run.end) continue;
        const then = recordAt(records, deadline)!;
        if (!then.undecided || ix.facts(then.to)?.decides) continue;
        const decided = firstAfter(records, i, (x) => !x.undecided);
        out.push({
          caseIds: [id],
          at: deadline,
          message: `${id} was stepped up from early help at ${when(r.t)}; a working day later it was undecided in ${where(ix, then.to)}, not with a manager; ${decided ? `decided ${when(decided.t)}` : 'still undecided when the run ended'}.`,
        });
      }
    }
    return out;
  },
};

const ALLOCATION_DAYS = 2;
const allocatedPromptly: Invariant = {
  id: 'referral-allocated-within-48-hours',
  title: 'No accepted referral unallocated past 48 hours',
  statement:
    'No accepted referral waits more than 48 hours, counted as two working days, for a named social worker. (A referral accepted on Friday afternoon is due a worker by Tuesday afternoon.)',
  source: '004 ¶30 ("25 children in need cases that were unallocated to a social worker for a 48 hour period", with no formal risk management)',
  parameters: {
    within: {
      value: ALLOCATION_DAYS,
      unit: 'working days',
      source:
        '004 ¶30: 48 hours. Read as two working days because nobody allocates at a weekend; the README\u2019s peakUnallocatedOver48Hours counts calendar hours instead, so it also counts every referral accepted on a Friday afternoon',
    },
  },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (!r.unallocated || (i > 0 && records[i - 1].unallocated)) continue;
        const deadline = addWorkingDays(r.t, ALLOCATION_DAYS);
        const allocated = firstAfter(records, i, (x) => !x.unallocated);
        if (allocated && allocated.t <= deadline) continue;
        if (deadline >= ix.run.end) continue;
        out.push({
          caseIds: [id],
          at: deadline,
          message: `${id} was accepted as a referral at ${when(r.t)} and had no named social worker two working days later (${when(deadline)}); ${allocated ? `allocated ${when(allocated.t)}, after ${days(workingDaysBetween(r.t, allocated.t))}` : 'still unallocated when the run ended'}.`,
        });
      }
    }
    return out;
  },
};

const notStranded: Invariant = {
  id: 'no-case-left-without-a-worker',
  title: 'No open case is left with nobody working it',
  statement:
    'A case that is not finished is always with someone: a case put in a state where no role works it (and that is not a final state) moves on within one working day.',
  source: '004 ¶39 ("no further work was undertaken for a four week period"); 004 ¶30 and ¶20 (cases with no formal risk management)',
  parameters: { within: { value: 1, unit: 'working day', source: 'modelling assumption; DOMAIN.md statutory clocks use one working day' } },
  censoring: censoredAt('deadline'),
  check(ix) {
    const out: Violation[] = [];
    for (const [id, records] of ix.cases) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if ((i > 0 && r.from === r.to) || ix.isFinal(r.to) || ix.meta(r.to)?.work) continue;
        const deadline = addWorkingDays(r.t, 1);
        const left = firstAfter(records, i, (x) => x.to !== r.to);
        if (left && left.t <= deadline) continue;
        if (deadline >= ix.run.end) continue;
        out.push({
          caseIds: [id],
          at: deadline,
          message: `${id} was put in "${r.to}" at ${when(r.t)}, where nobody works the case; ${left ? `it moved on ${when(left.t)}` : 'it was still there when the run ended'}.`,
        });
        break;
      }
    }
    return out;
  },
};

/** The library, in the order a report lists them. */
export const INVARIANTS: readonly Invariant[] = [
  accountedFor,
  visiblyPending,
  reportCountTrue,
  notClosedWhileUndecided,
  escalatedByDeadline,
  notHeld,
  decidedByManager,
  strategyPrompt,
  clearChildProtectionFromReceipt,
  emergencyOutOfHours,
  childSeenAfterStrategy,
  stepDownAfterAssessment,
  stepUpDecided,
  allocatedPromptly,
  notStranded,
];

export function invariantById(id: string): Invariant | undefined {
  return INVARIANTS.find((i) => i.id === id);
}
