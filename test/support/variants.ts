/**
 * Charts a service designer might make from the shipped ones, built from the shipped charts' own
 * configuration with the shared setup (so guards and actions are the shipped ones):
 *  - `renamedChart`: every state given a new name, everything else unchanged;
 *  - `withSecondLook`: the 2015 chart with an extra step, described only by its meta.
 * Used to prove that nothing outside the charts depends on a state's name.
 */
import type { AnyStateMachine } from 'xstate';
import { spa2015, spaSetup, type StateMeta } from '../../src/core/processes';

type Config = Record<string, unknown>;
type StateConfig = { on?: Record<string, unknown>; meta?: unknown } & Config;

/** A transition (a target name, an object, or a list of them) with its target renamed. */
function renameTransition(t: unknown, rename: (s: string) => string): unknown {
  if (Array.isArray(t)) return t.map((x) => renameTransition(x, rename));
  if (typeof t === 'string') return rename(t);
  if (t && typeof t === 'object') {
    const o = { ...(t as Config) };
    if (typeof o.target === 'string') o.target = rename(o.target);
    else if (Array.isArray(o.target)) o.target = o.target.map((x) => rename(String(x)));
    return o;
  }
  return t;
}

/** The chart's configuration with every state (and every target, and the initial state) renamed. */
function renamedConfig(machine: AnyStateMachine, rename: (s: string) => string): Config {
  const config = machine.config as Config & { states: Record<string, StateConfig>; initial: string };
  const states: Record<string, StateConfig> = {};
  for (const [name, state] of Object.entries(config.states)) {
    const on: Record<string, unknown> = {};
    for (const [event, t] of Object.entries(state.on ?? {})) on[event] = renameTransition(t, rename);
    states[rename(name)] = { ...state, ...(state.on ? { on } : {}) };
  }
  return { ...config, id: `${config.id}-renamed`, initial: rename(config.initial), states };
}

/** A shipped chart with every state renamed by `rename`; meta, guards, actions and events unchanged. */
export function renamedChart(machine: AnyStateMachine, rename: (s: string) => string): AnyStateMachine {
  return spaSetup.createMachine(renamedConfig(machine, rename) as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

/** 'received' -> 'zzReceived1' style names that share nothing with the originals. */
export function opaqueNames(machine: AnyStateMachine): Map<string, string> {
  return new Map(Object.keys(machine.root.states).map((name, i) => [name, `step${i}X${name.length}`]));
}

export const SECOND_LOOK_META = {
  source: 'test: a designer\u2019s extra step',
  label: 'Second look by a senior practitioner',
  description: 'A senior social worker reads every contact whose level was clear before it goes to the manager.',
  stage: 'screening',
  report: { label: 'contact: awaiting decision', pending: true, decided: false },
  undecided: true,
  work: { role: 'spaSocialWorker', activity: 'screening', done: 'information.gathered' },
} satisfies StateMeta;

/**
 * The 2015 chart with a "second look" between screening and the decision for contacts whose level
 * was clear: a new state described only by its meta (who works it, how long, what the report and
 * the truth are). Contacts whose level was clear go there instead of straight to the manager.
 */
export function withSecondLook(): AnyStateMachine {
  const config = spa2015.config as unknown as Config & { states: Record<string, StateConfig> };
  const received = config.states.received;
  const screened = (received.on!['screening.completed'] as Config[]).map((t) =>
    t.guard === 'levelClear' ? { ...t, target: 'secondLook' } : t,
  );
  const secondLook = {
    meta: SECOND_LOOK_META,
    on: {
      'clock.oneWorkingDayElapsed': { guard: 'notYetBreached', actions: 'markBreached' },
      'information.gathered': { target: 'awaitingDecision' },
      'clock.escalationDue': { target: 'escalatedToManager', actions: 'markEscalated' },
    },
  };
  const states = { ...config.states, received: { ...received, on: { ...received.on, 'screening.completed': screened } }, secondLook };
  return spaSetup.createMachine({ ...config, id: 'spa2015-second-look', states } as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

/** A chart with each state's meta changed by `change` (the state's name and meta in, new meta out). */
export function withMeta(machine: AnyStateMachine, change: (name: string, meta: StateMeta) => StateMeta): AnyStateMachine {
  const config = machine.config as unknown as Config & { states: Record<string, StateConfig> };
  const states: Record<string, StateConfig> = {};
  for (const [name, state] of Object.entries(config.states)) states[name] = { ...state, meta: change(name, state.meta as StateMeta) };
  return spaSetup.createMachine({ ...config, id: `${config.id}-changed`, states } as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

/**
 * A shipped chart as it was before the emergency duty team (004 ¶47): no state answers an
 * out-of-hours arrival, so a child in immediate danger out of hours waits in its first state for
 * the SPA to open, and the state the answer led to (the EDT's) is taken out.
 */
export function withoutOutOfHoursService(machine: AnyStateMachine): AnyStateMachine {
  const config = machine.config as unknown as Config & { states: Record<string, StateConfig> };
  const removed = new Set<string>();
  const states: Record<string, StateConfig> = {};
  for (const [name, state] of Object.entries(config.states)) {
    const on = { ...(state.on ?? {}) };
    const answer = on['contact.receivedOutOfHours'] as { target?: string } | undefined;
    if (answer?.target) removed.add(answer.target);
    delete on['contact.receivedOutOfHours'];
    states[name] = { ...state, ...(state.on ? { on } : {}) };
  }
  for (const name of removed) delete states[name];
  return spaSetup.createMachine({ ...config, id: `${config.id}-no-out-of-hours-service`, states } as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

/**
 * The 2015 chart where contacts whose level was clear go round two new states that pass each
 * other the case with eventless (`always`) transitions, for ever and without time moving: the
 * mistake a designer can make in the process lab. Each is described by its meta like any state.
 */
export function withEventlessLoop(): AnyStateMachine {
  const config = spa2015.config as unknown as Config & { states: Record<string, StateConfig> };
  const received = config.states.received;
  const screened = (received.on!['screening.completed'] as Config[]).map((t) => (t.guard === 'levelClear' ? { ...t, target: 'doubleCheck' } : t));
  const { work: _work, ...meta } = SECOND_LOOK_META;
  const doubleCheck = { meta: { ...meta, label: 'Double check' }, always: { target: 'checkedAgain' } };
  const checkedAgain = { meta: { ...meta, label: 'Checked again' }, always: { target: 'doubleCheck' } };
  const states = { ...config.states, received: { ...received, on: { ...received.on, 'screening.completed': screened } }, doubleCheck, checkedAgain };
  return spaSetup.createMachine({ ...config, id: 'spa2015-eventless-loop', states } as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}
