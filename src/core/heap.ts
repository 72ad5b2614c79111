/**
 * A binary min-heap ordered by (time, priority, sequence): equal times resolve the same way on
 * every run and every machine (../shared/STYLE.md, "The engine owns time").
 */
export interface Keyed {
  t: number;
  priority: number;
  seq: number;
}

function less(a: Keyed, b: Keyed): boolean {
  if (a.t !== b.t) return a.t < b.t;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class Heap<T extends Keyed> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
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
      if (!less(a[i], a[p])) break;
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
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
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
