/**
 * A training shift: a learner works a queue of vignettes on the simulated clock, under the 2013 or
 * the 2015 rules.
 *
 * The statechart is the truth (../shared/STYLE.md): each contact is one XState snapshot of the
 * chosen process machine (src/core/processes), driven with XState's pure `transition()` by the
 * same events the engine sends. What the learner may do with a contact is what its current state
 * handles (`snapshot.can(event)`):
 *  - asking for information tells the process the level is unclear: `screening.completed` with
 *    `levelClear: false`. Under 2013 the case is then held by a case coordinator and the weekly
 *    report shows "provision of advice and information" (004 ¶20, ¶29, ¶38); under 2015 a
 *    qualified worker (or CAMHS, for a mental-health contact) gathers it and the report shows it as
 *    awaiting a decision (000);
 *  - deciding without asking is `screening.completed` with `levelClear: true`, then
 *    `threshold.decided {level}`;
 *  - "take the case to a decision" is `information.gathered` (or `camhs.assessed`), allowed when
 *    no answer is outstanding;
 *  - the engine's clocks are sent when the simulated time passes them: `clock.escalationDue`
 *    6 working hours after the clock starts (the scenario default, 002) and
 *    `clock.oneWorkingDayElapsed` at `dueByOneWorkingDay(receivedAt)`.
 *
 * The shift is a pure fold: `startShift(library, config)` then `act(state, action)` for each
 * learner action; the same config and actions always give the same shift (`replayShift`). No
 * clock, no randomness other than the seeded draw of vignettes.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { HOUR, MINUTE, addWorkingMillis, dueByOneWorkingDay, formatLondon, fromLondon, isOutOfHours, nextOpening, parseLondon, toLondon, workingMillisBetween, type Instant } from '../calendar';
import { LEVELS, type Level } from '../levels';
import { PROCESSES, type ProcessName, type Role, type SpaContext, type SpaEvent, type SpaEventType, type SpaInput, type Stage, type StateMeta } from '../processes';
import { createStreams } from '../rng';
import { ScenarioSchema } from '../scenario';
import { responseInfo, type FieldIssue, type InformationFrom, type ResponseId, type Vignette } from './vignette';
import { ROLE_LABELS } from '../labels';
import { chartFacts, stateLabel, type StateFacts } from '../processes/facts';

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export type Rules = ProcessName;

export interface ShiftConfig {
  /** Seed for the draw of vignettes: a whole class with the same seed gets the same shift. */
  seed: string;
  rules: Rules;
  /** Number of contacts in the shift. */
  count: number;
  /** First instant of the shift, London time 'YYYY-MM-DDTHH:MM'; default from SHIFT_DEFAULTS. */
  start?: string;
}

/**
 * Defaults and the learner's time costs. Sources, and where a figure is an assumption:
 */
export const SHIFT_DEFAULTS = {
  /** A Monday at opening: in June 2013 the inspection (004, 3-12 June 2013); in June 2015 the re-inspection (000). */
  start: { '2013': '2013-06-10T08:00', '2015': '2015-06-08T08:00' } as Record<Rules, string>,
  count: 8,
  /** Working hours after the clock starts at which a 2015 case escalates: the scenario default (002; src/core/scenario.ts). */
  escalateAfterWorkingHours: ScenarioSchema.shape.escalateAfterWorkingHours.parse(undefined),
  /**
   * Under 2013 a held case's information is gathered by an unqualified case coordinator by phone
   * (004 ¶38), so each answer takes this many times the vignette's stated hours: a 3-hour answer
   * from a GP takes a whole working day, and a decision that waits for it is late. Assumption: 3.
   * The engine's default hold is far longer (45 working hours against 3: src/core/scenario.ts),
   * but a training shift lasts a day, not weeks (004 ¶20).
   */
  heldInformationFactor: 3,
  /** The learner's own time, in working minutes (assumptions). */
  minutes: {
    /** Reading a contact the first time it is opened. */
    read: 10,
    /** Making one information request (the answer comes later). */
    request: 5,
    /** Taking a case to a decision after gathering. */
    takeToDecision: 5,
    /** Deciding and writing the rationale. */
    decide: 15,
  },
} as const;

export interface ShiftSettings {
  seed: string;
  rules: Rules;
  count: number;
  start: string;
  escalateAfterWorkingHours: number;
  heldInformationFactor: number;
}

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

/** One step of a contact's path through the statechart. `t` is null for steps after the shift. */
export interface PathStep {
  t: Instant | null;
  from: string | null;
  to: string;
  event: string;
  actor: string;
  /** What the service's own weekly report showed for the case after this step (004 ¶38). */
  report: string;
  /** Ground truth after this step: no threshold decision yet. */
  undecided: boolean;
  /** The report showed the case as decided while it was not (the 2013 hold, 004 ¶38). */
  hidden: boolean;
  detail?: string;
}

export interface RequestRecord {
  id: string;
  label: string;
  from: InformationFrom;
  requestedAt: Instant;
  answerAt: Instant;
  status: 'waiting' | 'answered' | 'cancelled';
  /** Asked while the case was held by the 2013 case coordinator (slower: heldInformationFactor). */
  byCaseCoordinator: boolean;
}

export interface Decision {
  level: Level;
  response: ResponseId;
  rationale: string;
  at: Instant;
  /** The 2015 case had escalated to a manager who decided on what was known. */
  escalated: boolean;
  /** 2013: the decision rested on what parents said; the child was not seen (004 ¶20, ¶29, ¶38). */
  onParentalAccount: boolean;
}

export interface ShiftCase {
  id: string;
  vignette: Vignette;
  receivedAt: Instant;
  dueBy: Instant;
  escalateAt: Instant | null;
  arrived: boolean;
  opened: boolean;
  screened: boolean;
  /** The escalation point passed while no state could take it; it fires as soon as one can. */
  escalationOwed: boolean;
  input: SpaInput;
  snapshot: AnyMachineSnapshot;
  state: string;
  /** Every event that changed the snapshot, for replay when the screening decision is made. */
  sent: SpaEvent[];
  path: PathStep[];
  requests: RequestRecord[];
  decision: Decision | null;
  /** What happened next in the simulation after the decision (no times: after the shift). */
  after: PathStep[];
}

export type ScheduledKind = 'arrival' | 'answer' | 'escalation' | 'oneWorkingDay';

export interface Scheduled {
  t: Instant;
  seq: number;
  kind: ScheduledKind;
  caseId: string;
  requestId?: string;
}

export interface LogEntry {
  t: Instant;
  caseId?: string;
  text: string;
}

export type ShiftAction =
  | { type: 'open'; caseId: string }
  | { type: 'request'; caseId: string; requestId: string }
  | { type: 'takeToDecision'; caseId: string }
  | { type: 'decide'; caseId: string; level: Level; response: ResponseId; rationale: string }
  | { type: 'wait' }
  | { type: 'end' };

export interface ShiftState {
  settings: ShiftSettings;
  start: Instant;
  now: Instant;
  cases: ShiftCase[];
  scheduled: Scheduled[];
  seq: number;
  log: LogEntry[];
  ended: boolean;
  endedAt: Instant | null;
  /** Every action applied, in order (replayShift rebuilds the state from them). */
  actions: ShiftAction[];
}

/** An action the rules do not allow now, or a setting or decision that is not valid. */
export class ShiftActionError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ShiftActionError';
  }
}

// ---------------------------------------------------------------------------------------------
// Plain words for states and roles
// ---------------------------------------------------------------------------------------------

/** A state's short plain-English name: its meta `label` in the chart of the shift's rules. */
export function stateText(rules: Rules, state: string): string {
  return stateLabel(machineOf(rules), state);
}

/** What the chart of the shift's rules says of a state (processes/facts.ts). */
export function factsOfState(rules: Rules, state: string): StateFacts {
  return chartFacts(machineOf(rules)).state(state);
}

/** Who works a case, in plain English: the same words the replay uses. */
export const ROLE_TEXT: Record<Role, string> = ROLE_LABELS;

/** 'Mon 10 Jun 2013, 09:40', London time. */
export function describeTime(t: Instant): string {
  const l = toLondon(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[l.weekday]} ${l.day} ${months[l.month - 1]} ${l.year}, ${formatLondon(t).slice(11)}`;
}

/** '09:40' on the shift's first day, 'Tue 08:00' on another. */
export function shortTime(t: Instant, start: Instant): string {
  const l = toLondon(t);
  const hm = formatLondon(t).slice(11);
  if (l.dateKey === toLondon(start).dateKey) return hm;
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][l.weekday]} ${hm}`;
}

/** Working hours as words: '45 minutes', '2 hours', '1 hour 30 minutes'. */
export function describeWorkingHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// The draw
// ---------------------------------------------------------------------------------------------

/**
 * The shift's vignettes: a seeded shuffle (Fisher-Yates on the 'training:draw' stream) of the
 * library sorted by id, first `count` taken. The same library, seed and count give the same
 * vignettes for everyone; adding vignettes to the library changes the draw.
 */
export function drawVignettes(library: readonly Vignette[], seed: string, count: number): Vignette[] {
  const u = createStreams(seed).stream('training:draw');
  const pool = [...library].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}

/** Check a shift's settings against the library; issues name the field. */
export function validateConfig(config: ShiftConfig, librarySize: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof config.seed !== 'string' || config.seed.trim() === '') issues.push({ field: 'seed', rule: 'Enter a seed: any word or number. Everyone with the same seed gets the same contacts.' });
  else if (config.seed.length > 40) issues.push({ field: 'seed', rule: 'The seed must be 40 characters or fewer.' });
  if (config.rules !== '2013' && config.rules !== '2015') issues.push({ field: 'rules', rule: 'Select the 2013 or the 2015 rules.' });
  if (!Number.isInteger(config.count) || config.count < 1 || config.count > librarySize) {
    issues.push({ field: 'count', rule: `The number of contacts must be a whole number from 1 to ${librarySize}.` });
  }
  if (config.start !== undefined) {
    try {
      parseLondon(config.start);
      if (!/T\d{2}:\d{2}$/.test(config.start)) throw new Error('no time');
    } catch {
      issues.push({ field: 'start', rule: 'The start must be a London date and time written YYYY-MM-DDTHH:MM.' });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// The statechart
// ---------------------------------------------------------------------------------------------

function machineOf(rules: Rules): AnyStateMachine {
  return PROCESSES[rules] as unknown as AnyStateMachine;
}

export function metaOfState(rules: Rules, state: string): StateMeta {
  return factsOfState(rules, state).meta;
}

function contextOf(c: ShiftCase): SpaContext {
  return c.snapshot.context as SpaContext;
}

function stepOf(rules: Rules, t: Instant | null, from: string | null, to: string, event: SpaEvent | { type: 'contact.received' }, actor: string): PathStep {
  const m = metaOfState(rules, to);
  let detail: string | undefined;
  if (event.type === 'threshold.decided') detail = `level ${event.level}`;
  else if ('outcome' in event) detail = event.outcome;
  return {
    t,
    from,
    to,
    event: event.type,
    actor,
    report: m.report.label,
    undecided: m.undecided,
    hidden: m.undecided && m.report.decided,
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** Send an event; false (and nothing recorded) if the state does not handle it. */
function send(s: ShiftState, c: ShiftCase, event: SpaEvent, actor: string): boolean {
  const machine = machineOf(s.settings.rules);
  const [next] = transition(machine, c.snapshot, event);
  if (next === c.snapshot) return false;
  const from = c.state;
  c.snapshot = next;
  c.state = String(next.value);
  c.sent.push(event);
  c.path.push(stepOf(s.settings.rules, s.now, from, c.state, event, actor));
  return true;
}

/** Replay a case's events from a fresh snapshot with a new input (the screening judgement). */
function rebuild(rules: Rules, c: ShiftCase, input: SpaInput): AnyMachineSnapshot {
  const machine = machineOf(rules);
  let [snap] = initialTransition(machine, input);
  for (const e of c.sent) [snap] = transition(machine, snap, e);
  return snap;
}

/** The snapshot a case would have if screened now with this judgement (nothing changes). */
function previewScreening(rules: Rules, c: ShiftCase, levelClear: boolean): AnyMachineSnapshot {
  const snap = rebuild(rules, c, { ...c.input, levelClear });
  return transition(machineOf(rules), snap, { type: 'screening.completed' })[0];
}

function screen(s: ShiftState, c: ShiftCase, levelClear: boolean): void {
  c.input = { ...c.input, levelClear };
  c.snapshot = rebuild(s.settings.rules, c, c.input);
  c.screened = true;
  send(s, c, { type: 'screening.completed' }, `you (${ROLE_TEXT.spaSocialWorker})`);
  payEscalationOwed(s, c);
}

function payEscalationOwed(s: ShiftState, c: ShiftCase): void {
  if (c.escalationOwed && c.snapshot.can({ type: 'clock.escalationDue' })) {
    c.escalationOwed = false;
    send(s, c, { type: 'clock.escalationDue' }, 'clock');
    s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: the escalation point had passed, so it went straight to a manager to decide now.` });
  }
}

const GATHERING_DONE = ['information.gathered', 'camhs.assessed'] as const;

function gatheringEvent(c: ShiftCase): (typeof GATHERING_DONE)[number] | null {
  for (const e of GATHERING_DONE) if (c.snapshot.can({ type: e })) return e;
  return null;
}

/** The contact is still waiting for its screening (the learner's first call on it). */
function needsScreening(c: ShiftCase): boolean {
  return c.snapshot.can({ type: 'screening.completed' });
}

function canDecide(snap: AnyMachineSnapshot): boolean {
  return LEVELS.some((level) => snap.can({ type: 'threshold.decided', level }));
}

// ---------------------------------------------------------------------------------------------
// Starting and replaying
// ---------------------------------------------------------------------------------------------

export function resolveSettings(config: ShiftConfig): ShiftSettings {
  return {
    seed: config.seed.trim(),
    rules: config.rules,
    count: config.count,
    start: config.start ?? SHIFT_DEFAULTS.start[config.rules],
    escalateAfterWorkingHours: SHIFT_DEFAULTS.escalateAfterWorkingHours,
    heldInformationFactor: SHIFT_DEFAULTS.heldInformationFactor,
  };
}

/** When a vignette's contact arrives in a shift starting at `start`. */
export function arrivalTime(v: Vignette, start: Instant): Instant {
  const l = toLondon(start);
  const [h, m] = v.contact.time.split(':').map(Number);
  return fromLondon(l.year, l.month, l.day + v.contact.day, h, m);
}

export function startShift(library: readonly Vignette[], config: ShiftConfig): ShiftState {
  const issues = validateConfig(config, library.length);
  if (issues.length) throw new ShiftActionError(issues.map((i) => `${i.field}: ${i.rule}`).join('\n'), issues);
  const settings = resolveSettings(config);
  const start = parseLondon(settings.start);
  const machine = machineOf(settings.rules);
  const drawn = drawVignettes(library, settings.seed, settings.count);
  const cases: ShiftCase[] = drawn.map((v) => {
    const receivedAt = arrivalTime(v, start);
    const dueBy = dueByOneWorkingDay(receivedAt);
    // Only a process with an escalation (2015) gets the escalation clock.
    const escalation = machine.events.includes('clock.escalationDue') ? addWorkingMillis(receivedAt, settings.escalateAfterWorkingHours * HOUR) : Infinity;
    const input: SpaInput = {
      openCase: false, // the learner makes every threshold call: no contact goes straight to a worker
      immediateDanger: false, // likewise: a level-4 call is the learner's, then the strategy discussion
      levelClear: true, // set by the learner's screening judgement (see `screen`)
      mentalHealth: v.contact.mentalHealth,
      formComplete: v.contact.formComplete,
      inEarlyHelp: v.child.inEarlyHelp,
    };
    const [snapshot] = initialTransition(machine, input);
    return {
      id: v.id,
      vignette: v,
      receivedAt,
      dueBy,
      escalateAt: escalation < dueBy ? escalation : null,
      arrived: false,
      opened: false,
      screened: false,
      escalationOwed: false,
      input,
      snapshot,
      state: String(snapshot.value),
      sent: [],
      path: [],
      requests: [],
      decision: null,
      after: [],
    };
  });
  cases.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const s: ShiftState = { settings, start, now: start, cases, scheduled: [], seq: 0, log: [], ended: false, endedAt: null, actions: [] };
  for (const c of cases) {
    schedule(s, { t: c.receivedAt, kind: 'arrival', caseId: c.id });
    schedule(s, { t: c.dueBy, kind: 'oneWorkingDay', caseId: c.id });
    if (c.escalateAt !== null) schedule(s, { t: c.escalateAt, kind: 'escalation', caseId: c.id });
  }
  s.log.push({ t: start, text: `The shift starts under the ${settings.rules} rules with ${cases.length} contacts.` });
  advance(s, start);
  return s;
}

/** Rebuild a shift from its config and the learner's actions (for saving and restoring). */
export function replayShift(library: readonly Vignette[], config: ShiftConfig, actions: readonly ShiftAction[]): ShiftState {
  let s = startShift(library, config);
  for (const a of actions) s = act(s, a);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

function schedule(s: ShiftState, item: Omit<Scheduled, 'seq'>): void {
  s.scheduled.push({ ...item, seq: s.seq++ });
  s.scheduled.sort((a, b) => a.t - b.t || a.seq - b.seq);
}

function caseById(s: ShiftState, caseId: string): ShiftCase {
  const c = s.cases.find((x) => x.id === caseId);
  if (!c) throw new ShiftActionError(`There is no contact "${caseId}" in this shift.`);
  return c;
}

/** Handle everything scheduled up to and including `to`, then set the clock to `to`. */
function advance(s: ShiftState, to: Instant): void {
  while (s.scheduled.length > 0 && s.scheduled[0].t <= to) {
    const item = s.scheduled.shift()!;
    const prevNow = s.now;
    s.now = Math.max(prevNow, item.t);
    handle(s, item);
  }
  s.now = Math.max(s.now, to);
}

function handle(s: ShiftState, item: Scheduled): void {
  const c = caseById(s, item.caseId);
  const title = c.vignette.title;
  switch (item.kind) {
    case 'arrival': {
      c.arrived = true;
      const ooh = isOutOfHours(c.receivedAt);
      const actor = `${c.vignette.contact.from}${ooh ? ' (out of hours, via the emergency duty team)' : ''}`;
      c.path.push(stepOf(s.settings.rules, c.receivedAt, null, c.state, { type: 'contact.received' }, actor));
      s.log.push({ t: c.receivedAt, caseId: c.id, text: `New contact: ${title} (${c.vignette.contact.from}).` });
      break;
    }
    case 'answer': {
      const r = c.requests.find((x) => x.id === item.requestId);
      if (r && r.status === 'waiting') {
        r.status = 'answered';
        s.log.push({ t: item.t, caseId: c.id, text: `${title}: answer received (${r.label}).` });
      }
      break;
    }
    case 'escalation': {
      if (c.decision) break;
      if (send(s, c, { type: 'clock.escalationDue' }, 'clock')) {
        s.log.push({ t: item.t, caseId: c.id, text: `${title}: escalated to a manager, who must decide now on what is known.` });
      } else if (needsScreening(c)) {
        // A process whose unscreened state ignores the escalation: it fires once screened.
        c.escalationOwed = true;
      }
      break;
    }
    case 'oneWorkingDay': {
      if (c.decision) break;
      if (send(s, c, { type: 'clock.oneWorkingDayElapsed' }, 'clock')) {
        s.log.push({ t: item.t, caseId: c.id, text: `${title}: one working day has passed without a decision.` });
      }
      break;
    }
  }
}

function spend(s: ShiftState, minutes: number): void {
  advance(s, addWorkingMillis(s.now, minutes * MINUTE));
}

function openIfNeeded(s: ShiftState, c: ShiftCase): void {
  if (!c.opened) {
    c.opened = true;
    spend(s, SHIFT_DEFAULTS.minutes.read);
  }
}

/** The next scheduled thing that would happen if the learner waited, or null. */
export function nextHappening(s: ShiftState): { t: Instant; text: string } | null {
  const next = s.scheduled[0];
  if (!next || s.ended) return null;
  const c = caseById(s, next.caseId);
  const title = c.vignette.title;
  const text =
    next.kind === 'arrival'
      ? `a new contact arrives (${c.vignette.contact.from})`
      : next.kind === 'answer'
        ? `an answer comes back for ${title}`
        : next.kind === 'escalation'
          ? `${title} reaches its escalation point`
          : `${title} reaches its one-working-day deadline`;
  return { t: Math.max(next.t, s.now), text };
}

// ---------------------------------------------------------------------------------------------
// What the learner may do
// ---------------------------------------------------------------------------------------------

export interface Allowed {
  allowed: boolean;
  /** Why not, in plain words, when not allowed. */
  reason?: string;
}

export interface CaseActions {
  open: Allowed;
  request: Allowed;
  takeToDecision: Allowed;
  decide: Allowed;
}

function no(reason: string): Allowed {
  return { allowed: false, reason };
}
const yes: Allowed = { allowed: true };

/** What the learner may do with a contact now, and why not. The statechart decides. */
export function caseActions(s: ShiftState, caseId: string): CaseActions {
  const c = caseById(s, caseId);
  if (s.ended) {
    const r = no('The shift has ended.');
    return { open: r, request: r, takeToDecision: r, decide: r };
  }
  if (!c.arrived) {
    const r = no('This contact has not arrived yet.');
    return { open: r, request: r, takeToDecision: r, decide: r };
  }
  if (c.decision) {
    const r = no('You have recorded a decision on this contact.');
    return { open: yes, request: r, takeToDecision: r, decide: r };
  }
  const rules = s.settings.rules;
  const left = c.vignette.information.filter((i) => !c.requests.some((r) => r.id === i.id)).length;
  const waiting = c.requests.filter((r) => r.status === 'waiting').length;
  if (needsScreening(c)) {
    const unclear = previewScreening(rules, c, false);
    const clear = previewScreening(rules, c, true);
    const gathers = GATHERING_DONE.some((e) => unclear.can({ type: e }));
    return {
      open: yes,
      request: left === 0 ? no('There is no more information to ask for.') : gathers ? yes : no('The process does not gather information on this contact.'),
      takeToDecision: no('No information is being gathered.'),
      decide: canDecide(clear) ? yes : no('The process does not ask for a threshold decision on this contact.'),
    };
  }
  const gathering = gatheringEvent(c);
  if (gathering) {
    const held = factsOfState(s.settings.rules, c.state).hold;
    const escalation = c.escalateAt !== null && !contextOf(c).escalated ? ` If no decision is made, it escalates to a manager at ${shortTime(c.escalateAt, s.start)}.` : '';
    return {
      open: yes,
      request: left === 0 ? no('You have asked for all the information there is.') : yes,
      takeToDecision: waiting > 0 ? no(`Waiting for ${waiting} ${waiting === 1 ? 'answer' : 'answers'}. Wait, or work another contact.`) : yes,
      decide: no(
        held
          ? 'The contact is held by a case coordinator while information is gathered. The team manager can decide only once it is gathered: when the answers are in, take the contact to a decision. Nothing escalates it in 2013.'
          : `Information is being gathered. When the answers are in, take the contact to a decision.${escalation}`,
      ),
    };
  }
  if (canDecide(c.snapshot)) {
    const escalated = factsOfState(s.settings.rules, c.state).escalated;
    return {
      open: yes,
      request: no(escalated ? 'Escalated: a manager must decide now on what is known. No more information can be asked for.' : 'The contact is with the team manager for a decision; the process does not send it back for more information.'),
      takeToDecision: no('The contact is already waiting for a decision.'),
      decide: yes,
    };
  }
  const r = no(`The process does not allow this in the state "${stateText(s.settings.rules, c.state)}".`);
  return { open: yes, request: r, takeToDecision: r, decide: r };
}

/**
 * Working hours the answer to a request would take if asked now: the vignette's hours, times
 * `heldInformationFactor` when asking puts (or keeps) the case with the 2013 case coordinator.
 */
export function requestHours(s: ShiftState, caseId: string, requestId: string): number {
  const c = caseById(s, caseId);
  const info = c.vignette.information.find((i) => i.id === requestId);
  if (!info) throw new ShiftActionError(`There is no request "${requestId}" for this contact.`);
  const state = needsScreening(c) ? String(previewScreening(s.settings.rules, c, false).value) : c.state;
  const held = factsOfState(s.settings.rules, state).hold;
  return info.hours * (held ? s.settings.heldInformationFactor : 1);
}

/** Check a decision's fields; GOV.UK-style messages naming each field. */
export function validateDecision(d: { level: Level | null | undefined; response: ResponseId | null | undefined; rationale: string | null | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.level == null || !LEVELS.includes(d.level)) issues.push({ field: 'level', rule: 'Select the level of need' });
  if (d.response == null) issues.push({ field: 'response', rule: 'Select the response' });
  else {
    let level: Level | null = null;
    try {
      level = responseInfo(d.response).level;
    } catch {
      issues.push({ field: 'response', rule: 'Select one of the responses listed' });
    }
    if (level !== null && d.level != null && level !== d.level) issues.push({ field: 'response', rule: `Select a response for level ${d.level}` });
  }
  const text = (d.rationale ?? '').trim();
  if (text.length === 0) issues.push({ field: 'rationale', rule: 'Enter your rationale' });
  else if (text.length < 15) issues.push({ field: 'rationale', rule: 'Write at least a sentence on why (15 characters or more)' });
  else if (text.length > 1000) issues.push({ field: 'rationale', rule: 'The rationale must be 1,000 characters or fewer' });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Acting
// ---------------------------------------------------------------------------------------------

function cloneState(s: ShiftState): ShiftState {
  return {
    ...s,
    cases: s.cases.map((c) => ({ ...c, input: { ...c.input }, sent: [...c.sent], path: [...c.path], requests: c.requests.map((r) => ({ ...r })), after: [...c.after] })),
    scheduled: [...s.scheduled],
    log: [...s.log],
    actions: [...s.actions],
  };
}

function must(a: Allowed): void {
  if (!a.allowed) throw new ShiftActionError(a.reason ?? 'Not allowed now.');
}

/** Apply one learner action; returns a new state (the old one is unchanged). Throws ShiftActionError. */
export function act(prev: ShiftState, action: ShiftAction): ShiftState {
  if (prev.ended) throw new ShiftActionError('The shift has ended.');
  const s = cloneState(prev);
  s.actions.push(action);
  switch (action.type) {
    case 'open': {
      const c = caseById(s, action.caseId);
      must(caseActions(s, c.id).open);
      openIfNeeded(s, c);
      break;
    }
    case 'request': {
      const c = caseById(s, action.caseId);
      must(caseActions(s, c.id).request);
      const info = c.vignette.information.find((i) => i.id === action.requestId);
      if (!info) throw new ShiftActionError(`There is no request "${action.requestId}" for this contact.`);
      if (c.requests.some((r) => r.id === info.id)) throw new ShiftActionError('You have already asked for this.');
      openIfNeeded(s, c);
      if (c.decision) throw new ShiftActionError('You have recorded a decision on this contact.');
      if (needsScreening(c)) screen(s, c, false);
      if (!gatheringEvent(c)) {
        // Reading it took the case past its escalation point: it is with a manager now.
        s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: escalated before the request was made; a manager must decide now.` });
        break;
      }
      const byCaseCoordinator = factsOfState(s.settings.rules, c.state).hold;
      const hours = info.hours * (byCaseCoordinator ? s.settings.heldInformationFactor : 1);
      const answerAt = addWorkingMillis(s.now, hours * HOUR);
      c.requests.push({ id: info.id, label: info.label, from: info.from, requestedAt: s.now, answerAt, status: 'waiting', byCaseCoordinator });
      schedule(s, { t: answerAt, kind: 'answer', caseId: c.id, requestId: info.id });
      if (info.from === 'parent') send(s, c, { type: 'parents.contacted' }, ROLE_TEXT.teamManager);
      s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: asked (${info.label}); the answer is due at ${shortTime(answerAt, s.start)}.` });
      spend(s, SHIFT_DEFAULTS.minutes.request);
      break;
    }
    case 'takeToDecision': {
      const c = caseById(s, action.caseId);
      must(caseActions(s, c.id).takeToDecision);
      const e = gatheringEvent(c)!;
      const role = metaOfState(s.settings.rules, c.state).work?.role ?? 'spaSocialWorker';
      send(s, c, { type: e }, ROLE_TEXT[role]);
      payEscalationOwed(s, c);
      s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: taken to a decision.` });
      spend(s, SHIFT_DEFAULTS.minutes.takeToDecision);
      break;
    }
    case 'decide': {
      const c = caseById(s, action.caseId);
      const issues = validateDecision(action);
      if (issues.length) throw new ShiftActionError(issues.map((i) => i.rule).join('. '), issues);
      must(caseActions(s, c.id).decide);
      openIfNeeded(s, c);
      if (needsScreening(c)) screen(s, c, true);
      spend(s, SHIFT_DEFAULTS.minutes.decide);
      if (c.decision) throw new ShiftActionError('You have recorded a decision on this contact.');
      const role = metaOfState(s.settings.rules, c.state).work?.role ?? 'teamManager';
      const ctx = contextOf(c);
      if (!send(s, c, { type: 'threshold.decided', level: action.level }, `you (${ROLE_TEXT[role]})`)) {
        throw new ShiftActionError(`The process does not take a decision in the state "${stateText(s.settings.rules, c.state)}".`);
      }
      c.decision = { level: action.level, response: action.response, rationale: action.rationale.trim(), at: s.now, escalated: ctx.escalated, onParentalAccount: ctx.decisionOnParentalAccount };
      for (const r of c.requests) if (r.status === 'waiting') r.status = 'cancelled';
      s.scheduled = s.scheduled.filter((i) => i.caseId !== c.id);
      c.after = journeyAfterDecision(s.settings.rules, c.snapshot, c.vignette.reference.level);
      s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: you decided level ${action.level}.` });
      if (s.cases.every((x) => x.decision)) {
        s.ended = true;
        s.endedAt = s.now;
        s.log.push({ t: s.now, text: 'Every contact has a decision: the shift is over.' });
      }
      break;
    }
    case 'wait': {
      const next = nextHappening(s);
      if (!next) throw new ShiftActionError('Nothing else is due to happen. Decide the remaining contacts or end the shift.');
      advance(s, isOutOfHours(next.t) ? nextOpening(next.t) : next.t);
      break;
    }
    case 'end': {
      s.ended = true;
      s.endedAt = s.now;
      const left = s.cases.filter((c) => !c.decision).length;
      s.log.push({ t: s.now, text: `You ended the shift with ${left} ${left === 1 ? 'contact' : 'contacts'} undecided.` });
      break;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// After the decision: what happened next, in the simulation
// ---------------------------------------------------------------------------------------------

/**
 * What the world answers when the work that ends with `done` is finished, for a child whose
 * reference level is `reference` (the child's true need, as the vignette's reference says): the
 * decision is the reference level; an assessment finds what the level says; early help steps up
 * a child at level 3 or 4. Null for work whose answer is not the world's (screening, gathering).
 */
function answerAfterDecision(done: SpaEventType | undefined, reference: Level): SpaEvent | null {
  switch (done) {
    case 'earlyHelp.completed':
      return reference >= 3 ? { type: 'earlyHelp.escalated' } : { type: 'earlyHelp.completed' };
    case 'threshold.decided':
      return { type: 'threshold.decided', level: reference };
    case 'case.allocated':
    case 'strategy.held':
    case 'police.available':
      return { type: done };
    case 'assessment.completed':
      return { type: 'assessment.completed', outcome: reference === 4 ? 'protection' : reference === 3 ? 'plan' : reference === 2 ? 'stepDown' : 'close' };
    case 'enquiry.completed':
      return { type: 'enquiry.completed', outcome: reference === 4 ? 'plan' : reference === 3 ? 'childInNeed' : 'close' };
    default:
      return null;
  }
}

/**
 * Drive the snapshot on after the decision to a final state, deterministically from the child's
 * reference level (the vignette's truth), sending the events the engine would:
 *  - early help: if the child's need is statutory (reference 3 or 4) the early help worker steps
 *    the case up (`earlyHelp.escalated`), and the front door then decides at the reference
 *    level; otherwise early help is completed;
 *  - referral: allocated, then the assessment finds protection needed (reference 4), a plan
 *    (3), a step-down to early help (2) or nothing to do (1);
 *  - strategy discussion (and in 2013 the wait for police availability, 004 ¶39): the section 47
 *    enquiry ends in a child protection plan (4), a child-in-need plan (3) or closure.
 * Steps have no time: they happen after the shift.
 */
export function journeyAfterDecision(rules: Rules, snapshot: AnyMachineSnapshot, reference: Level): PathStep[] {
  const machine = machineOf(rules);
  const steps: PathStep[] = [];
  let snap = snapshot;
  for (let i = 0; i < 20 && snap.status !== 'done'; i++) {
    const state = String(snap.value);
    const event = answerAfterDecision(factsOfState(rules, state).work?.done, reference);
    if (!event) return steps;
    const [next] = transition(machine, snap, event);
    if (next === snap) return steps;
    const role = metaOfState(rules, state).work?.role;
    steps.push(stepOf(rules, null, state, String(next.value), event, role ? ROLE_TEXT[role] : 'the service'));
    snap = next;
  }
  return steps;
}

/**
 * Where a decision at `level` sends a contact in a process: the states it passes through until
 * the work done there decides what comes next (read from the statechart, not restated).
 */
export function routeForLevel(rules: Rules, level: Level): { state: string; text: string; description: string }[] {
  const machine = machineOf(rules);
  const input: SpaInput = { openCase: false, immediateDanger: false, levelClear: true, mentalHealth: false, formComplete: true, inEarlyHelp: false };
  let [snap] = initialTransition(machine, input);
  [snap] = transition(machine, snap, { type: 'screening.completed' });
  [snap] = transition(machine, snap, { type: 'threshold.decided', level });
  const states = [String(snap.value)];
  // Follow the steps that do not depend on what the work finds (allocation, the strategy discussion, the joint visit).
  for (const step of journeyAfterDecision(rules, snap, level)) {
    if (!['case.allocated', 'strategy.held', 'police.available'].includes(step.event)) break;
    states.push(step.to);
  }
  return states.map((st) => ({ state: st, text: stateText(rules, st), description: metaOfState(rules, st).description }));
}

// ---------------------------------------------------------------------------------------------
// Reading a case
// ---------------------------------------------------------------------------------------------

export interface CaseStatus {
  state: string;
  /** Which stage of the journey the state is (its meta). */
  stage: Stage | null;
  /** Who works the case there, if anyone. */
  role: Role | null;
  stateText: string;
  description: string;
  /** What the weekly report shows for the case now. */
  report: string;
  /** The report shows it as decided while no decision has been made (2013's hidden hold). */
  hiddenFromReport: boolean;
  /** Working hours left before the one-working-day deadline (negative when past it). */
  workingHoursLeft: number;
  overdue: boolean;
  escalated: boolean;
  breached: boolean;
  waitingAnswers: number;
}

export function caseStatus(s: ShiftState, caseId: string): CaseStatus {
  const c = caseById(s, caseId);
  const f = factsOfState(s.settings.rules, c.state);
  const m = f.meta;
  const ctx = contextOf(c);
  const at = c.decision ? c.decision.at : s.now;
  const left = at <= c.dueBy ? workingMillisBetween(at, c.dueBy) / HOUR : -workingMillisBetween(c.dueBy, at) / HOUR;
  return {
    state: c.state,
    stage: f.stage,
    role: f.role,
    stateText: stateText(s.settings.rules, c.state),
    description: m.description,
    report: m.report.label,
    hiddenFromReport: m.undecided && m.report.decided,
    workingHoursLeft: left,
    overdue: at > c.dueBy,
    escalated: ctx.escalated,
    breached: ctx.breached,
    waitingAnswers: c.requests.filter((r) => r.status === 'waiting').length,
  };
}
