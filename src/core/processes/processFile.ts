/**
 * A process as data: a process file is JSON, with a format tag and version, an id, a name, a
 * description, the process it was derived from, and the chart as XState's own machine
 * configuration (`initial` and `states`, each state with its `type`, `meta`, `on` and `always`,
 * and the chart's own `meta` where it has one: its clocks, common.ts `ChartMeta`),
 * whose guards and actions are named from the ones the shared setup provides (common.ts
 * `spaSetup`). A service designer can change a process without writing code, and every command
 * that takes a process takes such a file.
 *
 * Why the configuration and not `machine.toJSON()`: XState 5's `toJSON()` (the machine's
 * `definition`) is the resolved machine, with targets as `#id.state` paths, every transition's
 * source and event and XState's own bookkeeping (order, history, invoke): a format for reading,
 * not for writing. `machine.config` is what the chart's author wrote, and XState builds a machine
 * from it; it is JSON apart from the context, which is always the shared one (common.ts
 * `initialContext`), so the file does not carry it, and guards and actions, which are names.
 *
 * A file is refused, with every problem named by field (and so by state) and rule, when:
 * it is not the format; it breaks a bound (bounds.ts PROCESS_FILE_LIMITS); a state's name is not
 * a word; a target names no state; a guard or an action is not one the shared setup provides; an
 * event is not one the engine sends; the engine cannot run the chart (validate.ts `chartProblems`,
 * which also checks every field of every state's `meta`); no path from the initial state reaches a
 * decided state; or the chart has a cycle in which no state has work.
 */
import { z } from '../zod';
import type { AnyStateMachine } from 'xstate';
import { PROCESS_FILE_LIMITS as LIMITS } from '../bounds';
import { issuesOf, type Issue } from '../issues';
import { SPA_EVENT_TYPES, initialContext, spaSetup, type ChartMeta, type SpaInput } from './common';
import { eventMatches } from './facts';
import { spa2013 } from './spa2013';
import { spa2015 } from './spa2015';
import { chartProblems } from './validate';

export const PROCESS_FILE_FORMAT = 'spa-front-door-process';
export const PROCESS_FILE_VERSION = 1;

/** The shipped processes a file can be derived from (the names `--process` takes). */
const SHIPPED = { '2013': spa2013, '2015': spa2015 } as const;
type ShippedName = keyof typeof SHIPPED;

/** What the shipped charts are called in their files. */
export const SHIPPED_PROCESS_INFO: Record<ShippedName, { id: string; name: string; description: string }> = {
  '2013': {
    id: 'spa2013',
    name: 'Kingston single point of access, 2013',
    description:
      'The front door the 2013 inspection found inadequate (004): unclear contacts held by unqualified case coordinators who rang parents, recorded as advice and invisible to managers; no escalation; joint visits waiting on the police.',
  },
  '2015': {
    id: 'spa2015',
    name: 'Kingston single point of access, 2015',
    description:
      'The front door re-inspected and judged good (000, 002): qualified screening at the first point of contact, CAMHS in the team, a one-working-day decision clock with escalation to a manager, a recorded rationale and prompt strategy discussions.',
  },
};

/** The chart: XState's machine configuration, as JSON. */
export interface ChartConfig {
  /** What the chart says of the process as a whole (common.ts `ChartMeta`: its own clocks); absent on the shipped charts. */
  meta?: ChartMeta;
  initial: string;
  states: Record<string, Record<string, unknown>>;
}

export interface ProcessFile {
  format: typeof PROCESS_FILE_FORMAT;
  version: typeof PROCESS_FILE_VERSION;
  /** A word naming the process in figures and reports; not 2013 or 2015, which name the shipped ones. */
  id: string;
  name: string;
  description: string;
  /** The shipped process this one was made from (null: made from nothing); `compare` compares with it. */
  derivedFrom: ShippedName | null;
  chart: ChartConfig;
}

/** A process file that is refused: every problem, by field and rule. */
export class ProcessFileError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.field}: ${i.rule}`).join('\n'));
    this.name = 'ProcessFileError';
  }
}

const WORD = /^[A-Za-z][A-Za-z0-9_]*$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function text(max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

/** A state: what XState's configuration holds that the engine can run (nested states are left for chartProblems to refuse by name). */
const StateSchema = z.strictObject({
  type: z.enum(['atomic', 'final'], { error: 'must be "final" (or left out)' }).optional(),
  // Read by chartProblems, field by field, so new meta fields are checked where they are defined (validate.ts).
  meta: z.unknown().optional(),
  on: z.record(z.string(), z.unknown(), { error: 'must be a group of fields in braces { }: event -> transition' }).optional(),
  always: z.unknown().optional(),
  states: z.record(z.string(), z.unknown()).optional(),
});

export const ProcessFileSchema = z.strictObject({
  format: z.literal(PROCESS_FILE_FORMAT, { error: `must be "${PROCESS_FILE_FORMAT}" (this is not a process file)` }),
  version: z.literal(PROCESS_FILE_VERSION, { error: `must be ${PROCESS_FILE_VERSION} (the only version this simulator reads)` }),
  id: text(LIMITS.idLength)
    .regex(ID, 'must be a word: letters, digits, - _ and ., starting with a letter or digit')
    .refine((id) => !(id in SHIPPED), 'must not be 2013 or 2015, which name the shipped processes'),
  name: text(LIMITS.nameLength),
  description: text(LIMITS.textLength),
  derivedFrom: z.enum(['2013', '2015'], { error: 'must be "2013", "2015" or null (made from nothing)' }).nullable(),
  chart: z.strictObject({
    // Read by chartProblems, field by field (validate.ts `chartMetaProblems`).
    meta: z.unknown().optional(),
    initial: text(LIMITS.stateNameLength),
    states: z.record(z.string(), StateSchema, { error: 'must be a group of fields in braces { }: state name -> state' }),
  }),
});

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** A field inside a state: `chart.states.received.on["screening.completed"][0].target`. */
const eventField = (state: string, event: string) => `chart.states.${state}.on[${JSON.stringify(event)}]`;

/**
 * Bounds that hold whatever the shape: how deep groups and lists nest, how many fields or items
 * one has, and how long a text is (a file is read whole, built and drawn).
 */
function sizeProblems(data: unknown): Issue[] {
  const problems: Issue[] = [];
  const walk = (x: unknown, path: string, depth: number) => {
    if (problems.length >= 20) return;
    if (depth > LIMITS.depth) {
      problems.push({ field: path || '(file)', rule: `nests groups and lists more than ${LIMITS.depth} deep` });
      return;
    }
    if (typeof x === 'string') {
      if (x.length > LIMITS.textLength) problems.push({ field: path, rule: `must be at most ${LIMITS.textLength} characters` });
    } else if (Array.isArray(x)) {
      if (x.length > LIMITS.fieldsPerGroup) problems.push({ field: path, rule: `must have at most ${LIMITS.fieldsPerGroup} items` });
      else x.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1));
    } else if (isObject(x)) {
      const keys = Object.keys(x);
      const states = path === 'chart.states';
      if (keys.length > (states ? LIMITS.states : LIMITS.fieldsPerGroup)) {
        problems.push({ field: path || '(file)', rule: states ? `must have at most ${LIMITS.states} states` : `must have at most ${LIMITS.fieldsPerGroup} fields` });
      } else for (const k of keys) {
        if (k.length > LIMITS.textLength) problems.push({ field: path || '(file)', rule: `has a field name longer than ${LIMITS.textLength} characters` });
        else walk(x[k], path ? `${path}.${k}` : k, depth + 1);
      }
    }
  };
  walk(data, '', 0);
  return problems;
}

/** The names the shared setup gives its guards and its actions (what a file, and the process lab, may name). */
export function setupNames(): { guards: string[]; actions: string[] } {
  const impl = spaSetup.createMachine({ context: ({ input }) => initialContext(input), initial: 'x', states: { x: {} } }).implementations as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  return { guards: Object.keys(impl.guards), actions: Object.keys(impl.actions) };
}

/** One state's transitions as a list: XState takes a target name, a transition, or a list of either. */
const candidatesOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);

/** Every (from, to) edge of the chart, with the field that makes it. */
interface Edge {
  from: string;
  to: string;
  field: string;
}

/** Problems with the transitions: targets, guards, actions, events, counts. Returns the edges too. */
function transitionProblems(chart: ChartConfig): { problems: Issue[]; edges: Edge[] } {
  const problems: Issue[] = [];
  const edges: Edge[] = [];
  const { guards, actions } = setupNames();
  const names = Object.keys(chart.states);
  const stateList = names.join(', ');
  let count = 0;
  const checkOne = (state: string, at: string, t: unknown) => {
    count++;
    const tr: Record<string, unknown> = typeof t === 'string' ? { target: t } : isObject(t) ? t : {};
    if (typeof t !== 'string' && !isObject(t)) {
      problems.push({ field: at, rule: 'must be a transition { target, guard, actions } or the name of the state it goes to' });
      return;
    }
    for (const key of Object.keys(tr)) {
      if (!['target', 'guard', 'actions'].includes(key)) problems.push({ field: `${at}.${key}`, rule: 'is not a known field of a transition (target, guard, actions)' });
    }
    if (tr.target !== undefined) {
      if (typeof tr.target !== 'string' || !names.includes(tr.target)) {
        problems.push({ field: `${at}.target`, rule: `must name a state of the chart (${stateList}); ${JSON.stringify(tr.target)} names no state` });
      } else edges.push({ from: state, to: tr.target, field: `${at}.target` });
    }
    if (tr.guard !== undefined && (typeof tr.guard !== 'string' || !guards.includes(tr.guard))) {
      problems.push({ field: `${at}.guard`, rule: `must name a guard the shared setup provides (${guards.join(', ')}); ${JSON.stringify(tr.guard)} is not one` });
    }
    if (tr.actions !== undefined) {
      const list = candidatesOf(tr.actions);
      if (list.length > LIMITS.actionsPerTransition) problems.push({ field: `${at}.actions`, rule: `must have at most ${LIMITS.actionsPerTransition} actions` });
      list.forEach((a, i) => {
        if (typeof a !== 'string' || !actions.includes(a)) {
          const where = Array.isArray(tr.actions) ? `${at}.actions[${i}]` : `${at}.actions`;
          problems.push({ field: where, rule: `must name an action the shared setup provides (${actions.join(', ')}); ${JSON.stringify(a)} is not one` });
        }
      });
    }
  };
  const checkAll = (state: string, at: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((t, i) => checkOne(state, `${at}[${i}]`, t));
    else checkOne(state, at, value);
  };
  for (const name of names) {
    const state = chart.states[name];
    if (!WORD.test(name) || name.length > LIMITS.stateNameLength) {
      problems.push({ field: `chart.states.${name}`, rule: `a state's name must be a word of at most ${LIMITS.stateNameLength} letters, digits and _, starting with a letter` });
    }
    for (const [event, value] of Object.entries((state.on as Record<string, unknown> | undefined) ?? {})) {
      if (!SPA_EVENT_TYPES.some((e) => eventMatches(event, e))) {
        problems.push({ field: eventField(name, event), rule: `must be an event the engine sends (${SPA_EVENT_TYPES.join(', ')}), or a wildcard ("*", "prefix.*") matching one` });
      }
      checkAll(name, eventField(name, event), value);
    }
    if (state.always !== undefined) checkAll(name, `chart.states.${name}.always`, state.always);
  }
  if (count > LIMITS.transitions) problems.push({ field: 'chart.states', rule: `must have at most ${LIMITS.transitions} transitions in all (it has ${count})` });
  if (!names.includes(chart.initial)) problems.push({ field: 'chart.initial', rule: `must name a state of the chart (${stateList}); ${JSON.stringify(chart.initial)} names no state` });
  return { problems, edges };
}

/**
 * Problems with the chart's shape as a graph: from the initial state some path must reach a
 * decided state, and no cycle may pass only through states with no work (a case would go round
 * it with no one working it, and eventless transitions round it would never end).
 */
function graphProblems(chart: ChartConfig, edges: readonly Edge[]): Issue[] {
  const problems: Issue[] = [];
  const meta = (s: string) => chart.states[s]?.meta as { undecided?: unknown; work?: unknown } | undefined;
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);

  const reached = new Set([chart.initial]);
  const queue = [chart.initial];
  while (queue.length) {
    for (const e of out.get(queue.shift()!) ?? []) {
      if (reached.has(e.to)) continue;
      reached.add(e.to);
      queue.push(e.to);
    }
  }
  if (![...reached].some((s) => meta(s)?.undecided === false)) {
    problems.push({ field: 'chart.initial', rule: `no path from "${chart.initial}" reaches a decided state (one whose meta.undecided is false): a contact could never get a decision` });
  }

  // A cycle among the states with no work: depth-first search, each cycle reported once by the edge that closes it.
  const workless = (s: string) => meta(s)?.work === undefined;
  const colour = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (s: string) => {
    colour.set(s, 'open');
    stack.push(s);
    for (const e of out.get(s) ?? []) {
      if (!workless(e.to)) continue;
      if (colour.get(e.to) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(e.to)), e.to];
        problems.push({ field: e.field, rule: `closes the cycle ${cycle.join(' -> ')}, in which no state has work (meta.work): a case would go round it with no one working it` });
      } else if (!colour.has(e.to)) visit(e.to);
    }
    stack.pop();
    colour.set(s, 'done');
  };
  for (const s of Object.keys(chart.states)) if (workless(s) && !colour.has(s)) visit(s);
  return problems;
}

/** Build the machine a chart describes, with the shared setup and context. */
function buildMachine(id: string, chart: ChartConfig): AnyStateMachine {
  const config = { id, context: ({ input }: { input: SpaInput }) => initialContext(input), ...(chart.meta !== undefined ? { meta: chart.meta } : {}), initial: chart.initial, states: chart.states };
  return spaSetup.createMachine(config as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

/** A file and the machine it describes. */
export interface LoadedProcess {
  file: ProcessFile;
  machine: AnyStateMachine;
}

/**
 * A process file (already JSON-decoded) as a machine the engine runs, or ProcessFileError naming
 * every problem by field and rule. The machine's id is the file's id.
 */
export function processFromFile(data: unknown): LoadedProcess {
  const size = sizeProblems(data);
  if (size.length) throw new ProcessFileError(size);
  const parsed = ProcessFileSchema.safeParse(data);
  if (!parsed.success) throw new ProcessFileError(issuesOf(parsed.error, '(file)'));
  // The data as written (zod's output puts fields in the schema's order), so export keeps the file's order.
  const file = data as ProcessFile;
  const { problems, edges } = transitionProblems(file.chart);
  if (problems.length) throw new ProcessFileError(problems);
  let machine: AnyStateMachine;
  try {
    machine = buildMachine(file.id, file.chart);
  } catch (e) {
    throw new ProcessFileError([{ field: 'chart', rule: `cannot be built into a statechart: ${(e as Error)?.message ?? String(e)}` }]);
  }
  const chart = chartProblems(machine).problems.map((p) => {
    const at = p.indexOf(': ');
    return { field: `chart.${p.slice(0, at)}`, rule: p.slice(at + 2) };
  });
  const all = [...chart, ...graphProblems(file.chart, edges)];
  if (all.length) throw new ProcessFileError(all);
  return { file, machine };
}

/** A process file's text (JSON): decoded, then as `processFromFile`. */
export function processFromText(text: string): LoadedProcess {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ProcessFileError([{ field: '(file)', rule: `is not valid JSON: ${(e as Error).message}` }]);
  }
  return processFromFile(data);
}

/** Whether decoded JSON says it is a process file (its format tag), as opposed to a scenario. */
export function isProcessFileData(data: unknown): boolean {
  return isObject(data) && data.format === PROCESS_FILE_FORMAT;
}

const STATE_KEYS = ['type', 'meta', 'on', 'always', 'states'] as const;

/**
 * A machine as a process file: its configuration's `initial` and `states` (each state's type,
 * meta, transitions), as JSON. Throws on a machine whose configuration holds what a file cannot
 * (entry or exit actions, delayed transitions, invoked actors, inline functions).
 */
export function processToFile(machine: AnyStateMachine, info: { id: string; name: string; description: string; derivedFrom: ShippedName | null }): ProcessFile {
  const config = machine.config as { meta?: ChartMeta; initial?: unknown; states?: Record<string, Record<string, unknown>> };
  if (typeof config.initial !== 'string') throw new Error(`process ${machine.id}: its initial state must be named`);
  const states: Record<string, Record<string, unknown>> = {};
  for (const [name, node] of Object.entries(config.states ?? {})) {
    const extra = Object.keys(node).filter((k) => node[k] !== undefined && !(STATE_KEYS as readonly string[]).includes(k));
    if (extra.length) throw new Error(`process ${machine.id}: state "${name}" has ${extra.join(', ')}, which a process file cannot hold`);
    const state: Record<string, unknown> = {};
    for (const k of STATE_KEYS) if (node[k] !== undefined) state[k] = node[k];
    states[name] = state;
  }
  // The chart's own meta (its clocks) only where it has one, so a shipped chart's file is as it was.
  const chart = { ...(config.meta !== undefined ? { meta: config.meta } : {}), initial: config.initial, states };
  const json = JSON.stringify(chart, (_key, value: unknown) => {
    if (typeof value === 'function') throw new Error(`process ${machine.id}: its chart holds a function, which a process file cannot (name guards and actions from the shared setup)`);
    return value;
  });
  return { format: PROCESS_FILE_FORMAT, version: PROCESS_FILE_VERSION, id: info.id, name: info.name, description: info.description, derivedFrom: info.derivedFrom, chart: JSON.parse(json) as ChartConfig };
}

/** A process file as the text written to disk: two-space JSON and a final newline. */
export function processFileText(file: ProcessFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** A shipped chart as a process file, derived from itself (so `compare` of its file shows no difference). */
export function shippedProcessFile(name: ShippedName): ProcessFile {
  return processToFile(SHIPPED[name] as unknown as AnyStateMachine, { ...SHIPPED_PROCESS_INFO[name], derivedFrom: name });
}
