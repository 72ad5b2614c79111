/**
 * A binary min-heap. The event queue is ordered by (time, priority, sequence) so equal times
 * resolve the same way on every run and every machine (../shared/STYLE.md, "The engine owns
 * time"); a role's work queue by (priority, time, sequence), so immediate danger and escalations
 * go to the front (DOMAIN.md flow step 5: immediate danger skips the queue).
 */
export interface Keyed {
  t: number;
  priority: number;
  seq: number;
}

/** Earlier first; at the same instant, lower priority number first; then first in. */
export function byTimeThenPriority(a: Keyed, b: Keyed): boolean {
  if (a.t !== b.t) return a.t < b.t;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

/** More urgent first (lower priority number), then earlier, then first in: a work queue. */
export function byPriorityThenTime(a: Keyed, b: Keyed): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.t !== b.t) return a.t < b.t;
  return a.seq < b.seq;
}

/** One monomorphic comparison for both orders (an indirect call per comparison cost ~5%). */
function lessBy(priorityFirst: boolean, a: Keyed, b: Keyed): boolean {
  if (priorityFirst) {
    if (a.priority !== b.priority) return a.priority < b.priority;
    if (a.t !== b.t) return a.t < b.t;
  } else {
    if (a.t !== b.t) return a.t < b.t;
    if (a.priority !== b.priority) return a.priority < b.priority;
  }
  return a.seq < b.seq;
}

export class Heap<T extends Keyed> {
  private items: T[] = [];
  private readonly priorityFirst: boolean;

  constructor(order: typeof byTimeThenPriority | typeof byPriorityThenTime = byTimeThenPriority) {
    this.priorityFirst = order === byPriorityThenTime;
  }

  get size(): number {
    return this.items.length;
  }

  /** How many queued items satisfy `pred` (a linear scan, for reporting, not for hot paths). */
  count(pred: (item: T) => boolean): number {
    let n = 0;
    for (const item of this.items) if (pred(item)) n++;
    return n;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!lessBy(this.priorityFirst, a[i], a[p])) break;
      const tmp = a[i];
      a[i] = a[p];
      a[p] = tmp;
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as T;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && lessBy(this.priorityFirst, a[l], a[m])) m = l;
        if (r < a.length && lessBy(this.priorityFirst, a[r], a[m])) m = r;
        if (m === i) break;
        const tmp = a[i];
        a[i] = a[m];
        a[m] = tmp;
        i = m;
      }
    }
    return top;
  }
}
