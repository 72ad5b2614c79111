/** The check's report: readable text for the terminal, or one JSON object. */
import { chronology, formatChronologies, when, type Invariant, type InvariantResult, type RunView } from '../invariants';
import { describeVariant } from './arbitraries';
import type { CheckReport, Counterexample } from './runner';

export interface ReportContext {
  /** The command that replays a counterexample, less `--seed`, `--path` and `--only`. */
  command: string;
  scenarioFile: string;
  maxDays: number;
}

const MAX_VIOLATIONS_SHOWN = 3;
const MAX_CASES_SHOWN = 3;

export function replayCommand(ctx: ReportContext, f: Counterexample): string {
  return `${ctx.command} --seed ${f.seed} --path ${f.path} --only ${f.invariant.id}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

/** The cases a breach's chronology tells: those named by its first breaches. */
export function casesShown(result: InvariantResult): string[] {
  const ids: string[] = [];
  for (const v of result.violations.slice(0, MAX_VIOLATIONS_SHOWN)) for (const id of v.caseIds) if (!ids.includes(id)) ids.push(id);
  return ids.slice(0, MAX_CASES_SHOWN);
}

function casesOf(f: Counterexample): string[] {
  return casesShown(f.result);
}

/** A broken safeguard's heading: its statement, source, parameters and the command that replays it. */
export function safeguardHeading(inv: Invariant, replay: string): string[] {
  const out = [`=== FAILS ${inv.id}: ${inv.title}`, `Safeguard: ${inv.statement}`, `Source: ${inv.source}`];
  for (const [name, p] of Object.entries(inv.parameters)) out.push(`Parameter ${name}: ${p.value} ${p.unit} (${p.source})`);
  out.push(`Replay: ${replay}`);
  return out;
}

/** What went wrong in a run (its first breaches) and the chronology of the cases they name. */
export function breachStory(result: InvariantResult, sim: RunView): string[] {
  const out: string[] = [];
  out.push(`What went wrong (${plural(result.count, 'breach', 'breaches')}${result.count > MAX_VIOLATIONS_SHOWN ? `, the first ${MAX_VIOLATIONS_SHOWN} shown` : ''}):`);
  for (const v of result.violations.slice(0, MAX_VIOLATIONS_SHOWN)) out.push(`  - ${v.message}`);
  out.push('');
  out.push('Chronology (London time):');
  const marks = result.violations.slice(0, MAX_VIOLATIONS_SHOWN).map((v) => ({ at: v.at, text: `safeguard broken here: ${result.invariant.title.toLowerCase()}` }));
  const text = formatChronologies(chronology(sim, casesShown(result)), marks);
  for (const line of text.trimEnd().split('\n')) out.push(line ? `  ${line}` : '');
  return out;
}

export function formatText(report: CheckReport, ctx: ReportContext): string {
  const out: string[] = [];
  const replay = report.runs === 1 && report.failures.every((f) => f.firstRun === -1);
  out.push(`Checking ${report.process} against ${plural(report.invariants.length, 'safeguard')}.`);
  out.push(`Base scenario: ${report.base} (${ctx.scenarioFile})`);
  out.push(
    replay
      ? `Replaying one counterexample (seed ${report.seed}).`
      : `${plural(report.runs, 'generated scenario')} of 1-${ctx.maxDays} days (${plural(report.contactsSimulated, 'contact')} in all), seed ${report.seed}.`,
  );
  out.push('');
  const width = Math.max(...report.invariants.map((s) => s.invariant.id.length));
  for (const s of report.invariants) {
    const tail = s.holds ? '' : replay ? '' : `  (broken in ${s.failingRuns} of ${report.runs} runs)`;
    out.push(`  ${s.holds ? 'holds' : 'FAILS'}  ${s.invariant.id.padEnd(width)}  ${s.invariant.title}${tail}`);
  }
  out.push('');
  const broken = report.failures.length;
  out.push(broken === 0 ? `Every safeguard held.` : `${broken} of ${plural(report.invariants.length, 'safeguard')} broken.`);

  for (const f of report.failures) {
    out.push('');
    out.push(...safeguardHeading(f.invariant, replayCommand(ctx, f)));
    out.push('');
    out.push(`Smallest scenario found${f.shrunkFrom >= 0 ? ` (run ${f.shrunkFrom} of the ${report.runs}, after ${plural(f.shrinks, 'shrink')})` : ''}: ${plural(f.sim.contacts.length, 'contact')} received`);
    for (const line of describeVariant(f.scenario, f.variant)) out.push(`  ${line}`);
    out.push('');
    out.push(...breachStory(f.result, f.sim));
  }
  return out.join('\n') + '\n';
}

export function toJson(report: CheckReport, ctx: ReportContext): unknown {
  return {
    process: report.process,
    scenario: { name: report.base, file: ctx.scenarioFile },
    seed: report.seed,
    runs: report.runs,
    maxDays: ctx.maxDays,
    contactsSimulated: report.contactsSimulated,
    holds: report.failures.length === 0,
    invariants: report.invariants.map((s) => ({
      id: s.invariant.id,
      title: s.invariant.title,
      statement: s.invariant.statement,
      source: s.invariant.source,
      parameters: s.invariant.parameters,
      censoring: s.invariant.censoring,
      holds: s.holds,
      failingRuns: s.failingRuns,
    })),
    failures: report.failures.map((f) => ({
      invariant: f.invariant.id,
      seed: f.seed,
      path: f.path,
      replay: replayCommand(ctx, f),
      firstRun: f.firstRun,
      shrunkFrom: f.shrunkFrom,
      failingRuns: f.failingRuns,
      shrinks: f.shrinks,
      scenario: {
        knobs: f.variant,
        description: describeVariant(f.scenario, f.variant),
        contacts: f.sim.contacts.length,
      },
      breaches: f.result.count,
      violations: f.result.violations.map((v) => ({ caseIds: v.caseIds, at: when(v.at), message: v.message })),
      chronology: chronology(f.sim, casesOf(f)),
    })),
  };
}
