/**
 * Changing a process without code (the process lab, issue 15): edit operations on a process file,
 * each returning the changed file or a refusal in plain words, and a history for undo and redo.
 *
 * Every operation is pure and deterministic: it copies the file, changes the copy and checks the
 * result with the same validation that refuses a file on the command line (processFile.ts
 * `processFromFile`), so a refusal reads exactly as the CLI's message ("field: rule", the field
 * naming the state). An operation never returns a file the engine cannot run.
 *
 * What the operations know of a process they read from the chart: which states decide (their
 * work ends with the threshold decision), which are 2013's hold (meta `stage` "hold"), what a
 * state's report and clocks are. Transitions are those of `on` (the shipped charts have no
 * eventless `always` transitions; the lab leaves any it meets as they are).
 */
import { CHART_CLOCK_FIELDS, ROLES, SPA_EVENT_TYPES, type Activity, type ChartClocks, type Role, type SpaEventType } from './common';
import { ProcessFileError, processFromFile, shippedProcessFile, setupNames, type ProcessFile } from './processFile';
import { ACTIVITIES } from './validate';

/** A refusal: every problem as "field: rule", as the command line prints it. */
export type Refusal = { ok: false; problems: string[] };
export type Edited = { ok: true; file: ProcessFile } | Refusal;

/** One transition: the state it leaves, the event it answers, and its place among that event's candidates. */
export interface TransitionRef {
  state: string;
  event: string;
  index: number;
}

/** A transition as the lab lists it. */
export interface TransitionInfo extends TransitionRef {
  /** The state it goes to, or null (a transition that only runs actions, e.g. noting the clock). */
  target: string | null;
  guard: string | null;
  actions: string[];
  /** The field it is written in, as a refusal names it. */
  field: string;
}

type Json = Record<string, unknown>;
type States = Record<string, Json>;

const isObject = (x: unknown): x is Json => !!x && typeof x === 'object' && !Array.isArray(x);
const copy = (file: ProcessFile): ProcessFile => JSON.parse(JSON.stringify(file)) as ProcessFile;
const statesOf = (file: ProcessFile) => file.chart.states as States;
const onOf = (state: Json | undefined): Json => (isObject(state?.on) ? (state.on as Json) : {});
const eventField = (state: string, event: string) => `chart.states.${state}.on[${JSON.stringify(event)}]`;
const refuse = (field: string, rule: string): Refusal => ({ ok: false, problems: [`${field}: ${rule}`] });

/** The changed file if the command line would accept it, else its refusal. */
export function checked(file: ProcessFile): Edited {
  try {
    processFromFile(file);
    return { ok: true, file };
  } catch (e) {
    if (e instanceof ProcessFileError) return { ok: false, problems: e.issues.map((i) => `${i.field}: ${i.rule}`) };
    throw e;
  }
}

/** The problems of a file as the command line names them (empty when it is accepted). */
export function problemsOf(data: unknown): string[] {
  try {
    processFromFile(data);
    return [];
  } catch (e) {
    if (e instanceof ProcessFileError) return e.issues.map((i) => `${i.field}: ${i.rule}`);
    throw e;
  }
}

/** The candidates of one event as a list (XState takes a target name, a transition, or a list of either). */
const listOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);

function infoOf(state: string, event: string, index: number, t: unknown, inList: boolean): TransitionInfo {
  const tr: Json = typeof t === 'string' ? { target: t } : isObject(t) ? t : {};
  const actions = tr.actions === undefined ? [] : listOf(tr.actions).map(String);
  return {
    state,
    event,
    index,
    target: typeof tr.target === 'string' ? tr.target : null,
    guard: typeof tr.guard === 'string' ? tr.guard : null,
    actions,
    field: inList ? `${eventField(state, event)}[${index}]` : eventField(state, event),
  };
}

/** Every transition of the chart, state by state in the chart's order, each event's candidates in order. */
export function transitionsOf(file: ProcessFile): TransitionInfo[] {
  const out: TransitionInfo[] = [];
  for (const [state, node] of Object.entries(statesOf(file))) {
    for (const [event, value] of Object.entries(onOf(node))) {
      listOf(value).forEach((t, i) => out.push(infoOf(state, event, i, t, Array.isArray(value))));
    }
  }
  return out;
}

/** The transition a reference names in a (copied) file, or a refusal naming what is missing. */
function locate(file: ProcessFile, ref: TransitionRef): { on: Json; list: unknown[]; wasList: boolean } | Refusal {
  const state = statesOf(file)[ref.state];
  if (!isObject(state)) return refuse(`chart.states.${ref.state}`, `names no state of the chart (${Object.keys(statesOf(file)).join(', ')})`);
  const on = onOf(state);
  if (!(ref.event in on)) return refuse(eventField(ref.state, ref.event), `the state "${ref.state}" answers no such event`);
  const value = on[ref.event];
  const list = listOf(value);
  if (!Number.isInteger(ref.index) || ref.index < 0 || ref.index >= list.length) {
    return refuse(eventField(ref.state, ref.event), `has ${list.length} transition${list.length === 1 ? '' : 's'}; there is none at place ${ref.index}`);
  }
  state.on = on;
  return { on, list, wasList: Array.isArray(value) };
}

const isRefusal = (x: unknown): x is Refusal => isObject(x) && x.ok === false;

/** Write an event's candidates back in the shape they had: a list stays a list; a single one stays single. */
function writeBack(on: Json, event: string, list: unknown[], wasList: boolean): void {
  if (list.length === 0) delete on[event];
  else on[event] = wasList || list.length > 1 ? list : list[0];
}

/** Change one transition (as an object) of a copy of the file, then check the result. */
function changeTransition(file: ProcessFile, ref: TransitionRef, change: (tr: Json) => Json): Edited {
  const next = copy(file);
  const at = locate(next, ref);
  if (isRefusal(at)) return at;
  const t = at.list[ref.index];
  const tr: Json = typeof t === 'string' ? { target: t } : isObject(t) ? { ...t } : {};
  at.list[ref.index] = change(tr);
  writeBack(at.on, ref.event, at.list, at.wasList);
  return checked(next);
}

/** Remove one transition. */
export function removeTransition(file: ProcessFile, ref: TransitionRef): Edited {
  const next = copy(file);
  const at = locate(next, ref);
  if (isRefusal(at)) return at;
  at.list.splice(ref.index, 1);
  writeBack(at.on, ref.event, at.list, at.wasList);
  return checked(next);
}

/** Send a transition to another state. */
export function redirectTransition(file: ProcessFile, ref: TransitionRef, target: string): Edited {
  return changeTransition(file, ref, (tr) => ({ ...tr, target }));
}

/** The guards a transition may name: the ones the shared setup provides. */
export function guardNames(): string[] {
  return setupNames().guards;
}

/** The actions a transition may name: the ones the shared setup provides. */
export function actionNames(): string[] {
  return setupNames().actions;
}

/** Give a transition a guard from the shared setup's (null: no guard, it always applies). */
export function setGuard(file: ProcessFile, ref: TransitionRef, guard: string | null): Edited {
  return changeTransition(file, ref, (tr) => {
    const { guard: _old, ...rest } = tr;
    // The guard goes where XState's own configurations put it: before the target.
    return guard === null ? rest : { guard, ...rest };
  });
}

/** Set the actions a transition runs (names from the shared setup). */
export function setActions(file: ProcessFile, ref: TransitionRef, actions: readonly string[]): Edited {
  return changeTransition(file, ref, (tr) => {
    const { actions: _old, ...rest } = tr;
    return actions.length === 0 ? rest : { ...rest, actions: actions.length === 1 ? actions[0] : [...actions] };
  });
}

/** A new state's name, words and work. */
export interface NewState {
  /** A word: letters, digits and _, starting with a letter (the chart's rule). */
  name: string;
  label: string;
  description: string;
  /** Where the step comes from: a document and paragraph, or "assumption". */
  source: string;
  /** Who works it. */
  role: Role | string;
  /** What the work is: its duration is the scenario's for this activity. */
  activity: Activity | string;
  /**
   * The event the engine sends when the work ends (default "information.gathered"). An event
   * whose outcome the world draws (a threshold decision, an assessment) needs the transitions that
   * read that outcome, which a step put into one transition does not have.
   */
  done?: SpaEventType | string;
  /** The transition the step is put into: it goes to the new state, whose work done goes where it went. */
  into: TransitionRef;
}

/**
 * Add a state (a review step, a second screening) into a transition: the transition goes to the
 * new state, and when the new state's work is done the case goes where the transition went. The
 * new state is as decided as the state it leads to, and the weekly report shows it as it shows
 * that state; an undecided step answers the clocks (the one working day, the escalation) as the
 * state the case comes from does, so it is escalated and its breach noted as there.
 */
export function addState(file: ProcessFile, spec: NewState): Edited {
  const next = copy(file);
  const states = statesOf(next);
  if (spec.name in states) return refuse(`chart.states.${spec.name}`, 'a state of this name is already in the chart: give the new state another name');
  const at = locate(next, spec.into);
  if (isRefusal(at)) return at;
  const info = infoOf(spec.into.state, spec.into.event, spec.into.index, at.list[spec.into.index], at.wasList);
  if (info.target === null) return refuse(info.field, 'goes to no state (it only runs actions): a step can only be put into a transition that goes somewhere');
  const to = states[info.target];
  const toMeta = isObject(to?.meta) ? to.meta : {};
  const undecided = toMeta.undecided === true;
  const done = spec.done ?? 'information.gathered';
  const on: Json = {};
  if (undecided) {
    for (const [event, value] of Object.entries(onOf(states[spec.into.state]))) if (event.startsWith('clock.')) on[event] = JSON.parse(JSON.stringify(value));
  }
  on[done] = { target: info.target };
  const meta: Json = {
    source: spec.source,
    label: spec.label,
    description: spec.description,
    report: isObject(toMeta.report) ? { ...toMeta.report } : toMeta.report,
    undecided,
    work: { role: spec.role, activity: spec.activity, done },
  };
  states[spec.name] = { meta, on };
  const t = at.list[spec.into.index];
  at.list[spec.into.index] = typeof t === 'string' ? spec.name : { ...(t as Json), target: spec.name };
  writeBack(at.on, spec.into.event, at.list, at.wasList);
  return checked(next);
}

/** The states whose work is the threshold decision (their work ends with "threshold.decided"). */
export function decisionStates(file: ProcessFile): string[] {
  return Object.entries(statesOf(file))
    .filter(([, s]) => isObject(s.meta) && isObject(s.meta.work) && s.meta.work.done === ('threshold.decided' satisfies SpaEventType))
    .map(([name]) => name);
}

/** Change who decides in a decision state (the role of its work). */
export function setDecider(file: ProcessFile, state: string, role: Role | string): Edited {
  const next = copy(file);
  const s = statesOf(next)[state];
  if (!isObject(s)) return refuse(`chart.states.${state}`, `names no state of the chart (${Object.keys(statesOf(next)).join(', ')})`);
  if (!decisionStates(next).includes(state)) return refuse(`chart.states.${state}.meta.work`, 'is not a threshold decision (its work does not end with "threshold.decided"): only who decides can be changed here');
  (s.meta as { work: Json }).work.role = role;
  return checked(next);
}

/** The states that are 2013's hold (meta `stage` "hold": 004 ¶20, ¶38). */
export function holdStates(file: ProcessFile): string[] {
  return Object.entries(statesOf(file))
    .filter(([, s]) => isObject(s.meta) && s.meta.stage === 'hold')
    .map(([name]) => name);
}

/** The transitions into a hold from outside it (the way in that switching the hold off removes). */
function holdEntries(file: ProcessFile): TransitionInfo[] {
  const holds = holdStates(file);
  return transitionsOf(file).filter((t) => t.target !== null && holds.includes(t.target) && !holds.includes(t.state));
}

/** Whether the hold is on: some transition leads into a hold state. */
export function holdIsOn(file: ProcessFile): boolean {
  return holdEntries(file).length > 0;
}

/**
 * Switch the hold off (every transition into a hold state is removed, so those contacts take the
 * next transition of their event: in 2013, the team manager's decision) or on again (the
 * transitions into the hold of the process the file was derived from are put back in their
 * places). The hold's state stays in the chart either way.
 */
export function setHold(file: ProcessFile, on: boolean): Edited {
  if (!on) {
    const entries = holdEntries(file);
    if (entries.length === 0) return refuse('chart.states', `no transition leads into a hold (a state whose meta.stage is "hold"): the hold is already off${holdStates(file).length ? '' : ', and this chart has no hold'}`);
    const next = copy(file);
    // Last first, so the places of the ones still to remove do not move.
    for (const t of [...entries].reverse()) {
      const at = locate(next, t);
      if (isRefusal(at)) return at;
      at.list.splice(t.index, 1);
      writeBack(at.on, t.event, at.list, at.wasList);
    }
    return checked(next);
  }
  if (holdIsOn(file)) return refuse('chart.states', 'a transition already leads into a hold: the hold is already on');
  if (file.derivedFrom === null) return refuse('derivedFrom', 'is null: the hold is put back as the process this one came from had it, and this one came from none');
  const original = shippedProcessFile(file.derivedFrom);
  const entries = holdEntries(original);
  if (entries.length === 0) return refuse('derivedFrom', `is "${file.derivedFrom}", whose chart has no hold (no state whose meta.stage is "hold") to put back`);
  const next = copy(file);
  const states = statesOf(next);
  for (const t of entries) {
    if (!isObject(states[t.state])) return refuse(`chart.states.${t.state}`, `names no state of the chart: the hold of ${file.derivedFrom} starts there`);
    if (!t.target || !isObject(states[t.target])) return refuse(`chart.states.${t.target}`, `names no state of the chart: it is the hold of ${file.derivedFrom}`);
    const stateOn = onOf(states[t.state]);
    states[t.state].on = stateOn;
    const origValue = onOf(statesOf(original)[t.state])[t.event];
    const value = stateOn[t.event];
    const list = value === undefined ? [] : listOf(value);
    list.splice(Math.min(t.index, list.length), 0, JSON.parse(JSON.stringify(listOf(origValue)[t.index])));
    writeBack(stateOn, t.event, list, Array.isArray(origValue) || Array.isArray(value));
  }
  return checked(next);
}

/**
 * Give the file its own id, name and description (a changed process is not the shipped one: its
 * figures and reports carry its id).
 */
export function rename(file: ProcessFile, info: { id?: string; name?: string; description?: string }): Edited {
  const next = copy(file);
  if (info.id !== undefined) next.id = info.id;
  if (info.name !== undefined) next.name = info.name;
  if (info.description !== undefined) next.description = info.description;
  return checked(next);
}

/** The chart's own clocks as the file has them (root meta `clocks`), or an empty group when it has none. */
export function clocksOf(file: ProcessFile): ChartClocks {
  const clocks = file.chart.meta?.clocks;
  return isObject(clocks) ? { ...clocks } : {};
}

/** The figures of the chart's clocks (every field but the source). */
export type ClockField = Exclude<keyof ChartClocks, 'source'>;
export const CLOCK_FIELDS: readonly ClockField[] = CHART_CLOCK_FIELDS;

/** The source a clock set in the lab is given when the designer gives none. */
export const LAB_CLOCK_SOURCE = 'assumption: set in the process lab';

/**
 * Set or clear the chart's own clocks (root meta `clocks`, common.ts `ChartClocks`): each field
 * given a number is set, each given null is cleared (the standard's one working day, the
 * scenario's escalation point), each left out stays as it is. The source is kept, or given the
 * lab's ("assumption: ...") when the chart had none. Clearing the last clock removes `clocks`
 * (and an empty `meta`), so the file is as the shipped one again.
 */
export function setClocks(file: ProcessFile, change: Partial<Record<ClockField, number | null>> & { source?: string }): Edited {
  const next = copy(file);
  const clocks: Record<string, unknown> = { ...clocksOf(next) };
  for (const field of CLOCK_FIELDS) {
    if (!(field in change)) continue;
    const value = change[field];
    if (value === null || value === undefined) delete clocks[field];
    else clocks[field] = value;
  }
  if (change.source !== undefined) clocks.source = change.source;
  const meta: Record<string, unknown> = isObject(next.chart.meta) ? { ...next.chart.meta } : {};
  if (CLOCK_FIELDS.some((f) => clocks[f] !== undefined)) {
    if (clocks.source === undefined) clocks.source = LAB_CLOCK_SOURCE;
    // The clocks in a fixed order (the file reads the same whatever order they were set in).
    const ordered: Record<string, unknown> = {};
    for (const k of [...CLOCK_FIELDS, 'source']) if (clocks[k] !== undefined) ordered[k] = clocks[k];
    for (const k of Object.keys(clocks)) if (!(k in ordered)) ordered[k] = clocks[k];
    meta.clocks = ordered;
  } else delete meta.clocks;
  // The chart's meta first, as XState's configurations put it, before initial and states.
  const { meta: _old, ...chart } = next.chart;
  next.chart = Object.keys(meta).length ? { meta, ...chart } : chart;
  return checked(next);
}

/** Remove every clock of the chart's own (the standard one working day and the scenario's escalation points apply). */
export function clearClocks(file: ProcessFile): Edited {
  return setClocks(file, { decisionWithinWorkingHours: null, escalateAfterWorkingHours: null, escalateGreenAfterWorkingHours: null });
}

/** The roles, activities and events a new state may name (for the lab's lists). */
export const EDIT_CHOICES = { roles: ROLES, activities: ACTIVITIES, events: SPA_EVENT_TYPES } as const;

// ---------------------------------------------------------------------------------------------
// Undo and redo
// ---------------------------------------------------------------------------------------------

/** The undo steps a history keeps (older ones are dropped; the lab keeps its history in the browser's storage). */
export const HISTORY_LIMIT = 50;

/** Where an edit stands: what it was (past, oldest first), what it is, and what was undone (next first). */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

export function historyOf<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** After an edit: the present goes into the past, and what was undone is forgotten. */
export function pushHistory<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  const past = [...h.past, h.present];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

/** Back one edit (the same history when there is nothing to undo). */
export function undo<T>(h: History<T>): History<T> {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

/** Forward one undone edit (the same history when there is nothing to redo). */
export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
