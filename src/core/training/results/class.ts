/** A class's results combined: each learner's score, and each contact's calls across the class. */
import type { Level } from '../../levels';
import type { Call, ShiftScore } from '../scoring';
import { scoreOf } from './build';
import type { CaseResult, LearnerResults } from './schema';
import { BOUNDARIES, BOUNDARY_TEXT, type Boundary } from '../vignette';

export type CallKey = '1' | '2' | '3' | '4' | 'undecided';
export const CALL_KEYS: readonly CallKey[] = ['1', '2', '3', '4', 'undecided'];

export interface ClassVignetteRow {
  vignetteId: string;
  title: string;
  referenceLevel: Level;
  learners: number;
  calls: Record<CallKey, number>;
  agree: number;
  over: number;
  under: number;
  undecided: number;
  timely: number;
}

/** The class's calls on the contacts that teach one hard boundary. */
export interface ClassBoundaryRow {
  boundary: Boundary;
  text: string;
  /** Calls on contacts teaching this boundary (a learner's call on a contact counts once). */
  calls: number;
  agree: number;
  over: number;
  under: number;
  undecided: number;
}

export interface ClassResults {
  learners: { learner: string; file?: string; shift: string; score: ShiftScore }[];
  vignettes: ClassVignetteRow[];
  /**
   * By hard boundary, the boundaries where the class strayed most first: most calls that were
   * under- or over-thresholded for their share of calls, then most calls, then the boundary's order.
   */
  boundaries: ClassBoundaryRow[];
  overall: ShiftScore;
  /** Plain-English warnings: mixed shifts, reference levels that differ between files. */
  warnings: string[];
}

export function shiftKey(r: LearnerResults): string {
  const mix = r.shift.mix && r.shift.mix !== 'shuffle' ? `, mix ${r.shift.mix}` : '';
  return `seed "${r.shift.seed}", ${r.shift.rules} rules, ${r.shift.count} contacts${mix}`;
}

export function classResults(files: readonly { results: LearnerResults; file?: string }[]): ClassResults {
  const rows = new Map<string, ClassVignetteRow>();
  const warnings: string[] = [];
  const all: CaseResult[] = [];
  const learners = files.map(({ results, file }, i) => {
    for (const c of results.cases) {
      all.push(c);
      const row = rowOf(rows, c);
      if (row.referenceLevel !== c.referenceLevel) {
        warnings.push(`"${c.title}" has reference level ${row.referenceLevel} in one file and ${c.referenceLevel} in ${file ?? `file ${i + 1}`}: the vignette library changed between shifts.`);
      }
      countCall(row, c);
    }
    return { learner: results.learner || file || `learner ${i + 1}`, ...(file !== undefined ? { file } : {}), shift: shiftKey(results), score: scoreOf(results.cases) };
  });
  const shifts = new Set(learners.map((l) => l.shift));
  if (shifts.size > 1) warnings.push(`These results come from ${shifts.size} different shifts (${[...shifts].join('; ')}). Figures per contact still compare like with like.`);
  const vignettes = [...rows.values()].sort((a, b) => b.referenceLevel - a.referenceLevel || a.title.localeCompare(b.title));
  return { learners, vignettes, boundaries: byBoundary(all), overall: scoreOf(all), warnings };
}

function byBoundary(cases: readonly CaseResult[]): ClassBoundaryRow[] {
  const rows = BOUNDARIES.map((boundary) => {
    const row: ClassBoundaryRow = { boundary, text: BOUNDARY_TEXT[boundary], calls: 0, agree: 0, over: 0, under: 0, undecided: 0 };
    for (const c of cases) {
      if (!c.boundaries.includes(boundary)) continue;
      row.calls++;
      row[c.call as Call]++;
    }
    return row;
  }).filter((r) => r.calls > 0);
  const strayed = (r: ClassBoundaryRow) => (r.under + r.over) / r.calls;
  return rows.sort((a, b) => strayed(b) - strayed(a) || b.calls - a.calls || BOUNDARIES.indexOf(a.boundary) - BOUNDARIES.indexOf(b.boundary));
}

/** The contact's row, made from this case (its title and reference level) the first time it is seen. */
function rowOf(rows: Map<string, ClassVignetteRow>, c: CaseResult): ClassVignetteRow {
  let row = rows.get(c.vignetteId);
  if (!row) {
    row = { vignetteId: c.vignetteId, title: c.title, referenceLevel: c.referenceLevel, learners: 0, calls: { 1: 0, 2: 0, 3: 0, 4: 0, undecided: 0 }, agree: 0, over: 0, under: 0, undecided: 0, timely: 0 };
    rows.set(c.vignetteId, row);
  }
  return row;
}

function countCall(row: ClassVignetteRow, c: CaseResult): void {
  row.learners++;
  row.calls[c.decidedLevel === null ? 'undecided' : (String(c.decidedLevel) as CallKey)]++;
  row[c.call as Call]++;
  if (c.timely) row.timely++;
}
