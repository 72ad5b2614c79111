/**
 * The two sides the page compares, in the order it shows them: '2013' on the left and '2015' on
 * the right. A lab variant (a process file, issue 15's "compare it") takes the right-hand side,
 * with the process it was derived from on the left (2015 when it was made from nothing), so the
 * variant is replayed beside its origin on the same children.
 */
import type { AnyStateMachine } from 'xstate';
import { PROCESSES, processFromFile, type ProcessFile } from '../../../core/processes';
import type { ProcessChoice } from '../../../core/run';

export type ProcessKey = '2013' | '2015';
export const PROCESS_KEYS: readonly ProcessKey[] = ['2013', '2015'];

/** What runs on a side: the shipped process of that name, or with a variant, its origin (left) and the variant (right). */
export function sideProcess(variant: ProcessFile | null, key: ProcessKey): ProcessChoice {
  if (!variant) return key;
  return key === '2013' ? (variant.derivedFrom ?? '2015') : variant;
}

/** How the page names a side: "2013", "2015", or the variant's name. */
export function sideName(variant: ProcessFile | null, key: ProcessKey): string {
  const p = sideProcess(variant, key);
  return typeof p === 'string' ? p : p.name;
}

/** Each file's machine, built once (a memo of pure values: the chart's layout is cached per machine). */
const machines = new WeakMap<ProcessFile, AnyStateMachine>();

/** The chart a side draws. */
export function sideMachine(variant: ProcessFile | null, key: ProcessKey): AnyStateMachine {
  const p = sideProcess(variant, key);
  if (typeof p === 'string') return PROCESSES[p] as unknown as AnyStateMachine;
  let m = machines.get(p);
  if (!m) {
    m = processFromFile(p).machine;
    machines.set(p, m);
  }
  return m;
}
