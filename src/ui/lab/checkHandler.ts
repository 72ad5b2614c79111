/**
 * What the lab's check worker does with one request, apart from the worker itself so it can be
 * tested in Node (test/ui/lab/checkHandler.test.ts runs it beside `npm run check-process`). It
 * reads the process file as the command line does (core/processes processFromFile), runs the same
 * check (core/check checkProcess) and writes the same report (formatText, toJson), with the
 * command a designer would type to replay it.
 */
import { INVARIANTS, when } from '../../core/invariants';
import { chartProblems, processFromFile, ProcessFileError } from '../../core/processes';
import { checkProcess, formatText, toJson, type ReportContext } from '../../core/check';
import type { CheckJson, CheckRequest, CheckResponse } from './checkProtocol';

/** As check-process quotes a file name in the replay command it prints. */
function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The context the command line gives its report for `npm run check-process -- LABEL` (no --days unless it differs from 20). */
export function reportContext(label: string, scenarioFile: string, maxDays: number): ReportContext {
  return { command: ['npm run check-process --', shellQuote(label), ...(maxDays !== 20 ? ['--days', String(maxDays)] : [])].join(' '), scenarioFile, maxDays };
}

export function handleCheck(msg: CheckRequest, post: (m: CheckResponse) => void): void {
  try {
    let loaded;
    try {
      loaded = processFromFile(msg.process);
    } catch (e) {
      if (e instanceof ProcessFileError) throw new Error(e.issues.map((i) => `${msg.label}: ${i.field}: ${i.rule}`).join('\n'));
      throw e;
    }
    const missing = chartProblems(loaded.machine).roles.filter((r) => msg.base.staff[r].count < 1);
    if (missing.length) throw new Error(missing.map((r) => `${msg.scenarioFile}: staff.${r}.count: must be at least 1: ${msg.label} puts work on this role`).join('\n'));
    let lastPct = -1;
    let lastPhase = '';
    const report = (() => {
      try {
        return checkProcess(
          { machine: loaded.machine, label: msg.label },
          {
            base: msg.base,
            runs: msg.runs,
            seed: msg.seed,
            invariants: INVARIANTS,
            maxDays: msg.maxDays,
            onProgress: (phase, done, total) => {
              const pct = Math.floor((done / Math.max(1, total)) * 100);
              if (pct === lastPct && phase === lastPhase && done !== total) return;
              lastPct = pct;
              lastPhase = phase;
              post({ type: 'progress', id: msg.id, phase, done, total });
            },
          },
        );
      } catch (e) {
        throw new Error(`${msg.label}: the process could not be run: ${(e as Error)?.message ?? String(e)}`);
      }
    })();
    const ctx = reportContext(msg.label, msg.scenarioFile, msg.maxDays);
    const runs = report.failures.map((f) => {
      const first = f.result.violations[0];
      const marks = f.result.violations.slice(0, 3).map((v) => ({ at: v.at, when: when(v.at) }));
      return { invariant: f.invariant.id, scenario: f.scenario, caseId: first?.caseIds[0] ?? null, at: first?.at ?? null, marks };
    });
    post({ type: 'report', id: msg.id, text: formatText(report, ctx), json: toJson(report, ctx) as CheckJson, runs });
  } catch (e) {
    post({ type: 'error', id: msg.id, message: (e as Error)?.message ?? String(e) });
  }
}
