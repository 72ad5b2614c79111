/**
 * A binary min-heap, and the time-ordered line (`Lane`) that waits beside it. The agenda's heap
 * (agenda.ts) is ordered by (time, priority, sequence) so equal times resolve the same way on
 * every run and every machine (../shared/STYLE.md, "The engine owns time"); a role pool's queue
 * (pool.ts) by (priority, time, sequence), so immediate danger and escalations go to the front
 * (DOMAIN.md flow step 5: immediate danger skips the queue).
 */
export interface Keyed {
  t: number;
  priority: number;
  seq: number;
}

/** Earlier first; at the same instant, lower priority number first; then first in. */
export function byTimeThenPriority(a: Keyed, b: Keyed): boolean {
  return precedes(a.t, a.priority, a.seq, b.t, b.priority, b.seq);
}

/** `byTimeThenPriority` on the keys themselves: whether (t, priority, seq) comes before (t2, priority2, seq2). */
export function precedes(t: number, priority: number, seq: number, t2: number, priority2: number, seq2: number): boolean {
  if (t !== t2) return t < t2;
  if (priority !== priority2) return priority < priority2;
  return seq < seq2;
}

/** More urgent first (lower priority number), then earlier, then first in: a work queue. */
export function byPriorityThenTime(a: Keyed, b: Keyed): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.t !== b.t) return a.t < b.t;
  return a.seq < b.seq;
}

/**
 * Speed: the heap keeps each item's three keys in typed arrays beside it (in the order compared),
 * so a comparison reads numbers, not objects; sifting moves a hole rather than swapping.
 */
export class Heap<T extends Keyed> {
  private items: (T | undefined)[] = [];
  private k1 = new Float64Array(64);
  private k2 = new Float64Array(64);
  private k3 = new Float64Array(64);
  private n = 0;
  private readonly priorityFirst: boolean;

  constructor(order: typeof byTimeThenPriority | typeof byPriorityThenTime = byTimeThenPriority) {
    this.priorityFirst = order === byPriorityThenTime;
  }

  get size(): number {
    return this.n;
  }

  /** How many queued items satisfy `pred` (a linear scan, for reporting, not for hot paths). */
  count(pred: (item: T) => boolean): number {
    let c = 0;
    for (let i = 0; i < this.n; i++) if (pred(this.items[i]!)) c++;
    return c;
  }

  peek(): T | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  private grow() {
    const size = this.k1.length * 2;
    for (const k of ['k1', 'k2', 'k3'] as const) {
      const next = new Float64Array(size);
      next.set(this[k]);
      this[k] = next;
    }
  }

  push(item: T): void {
    if (this.n === this.k1.length) this.grow();
    const { k1, k2, k3, items } = this;
    const a = this.priorityFirst ? item.priority : item.t;
    const b = this.priorityFirst ? item.t : item.priority;
    const c = item.seq;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = k1[p];
      if (a > pa) break;
      if (a === pa) {
        const pb = k2[p];
        if (b > pb || (b === pb && c >= k3[p])) break;
      }
      k1[i] = pa;
      k2[i] = k2[p];
      k3[i] = k3[p];
      items[i] = items[p];
      i = p;
    }
    k1[i] = a;
    k2[i] = b;
    k3[i] = c;
    items[i] = item;
  }

  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const { k1, k2, k3, items } = this;
    const top = items[0];
    const n = --this.n;
    if (n > 0) {
      // Sift the last item down from the root.
      const a = k1[n];
      const b = k2[n];
      const c = k3[n];
      const item = items[n];
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= n) break;
        const r = m + 1;
        if (r < n && (k1[r] < k1[m] || (k1[r] === k1[m] && (k2[r] < k2[m] || (k2[r] === k2[m] && k3[r] < k3[m]))))) m = r;
        if (a < k1[m] || (a === k1[m] && (b < k2[m] || (b === k2[m] && c < k3[m])))) break;
        k1[i] = k1[m];
        k2[i] = k2[m];
        k3[i] = k3[m];
        items[i] = items[m];
        i = m;
      }
      k1[i] = a;
      k2[i] = b;
      k3[i] = c;
      items[i] = item;
    }
    items[n] = undefined;
    return top;
  }
}

/**
 * Speed: a line of events kept in the order they fall due (first in, first out), beside a heap,
 * in columns (no object per entry). The engine's decision clocks are each set from the current
 * instant by a rule that does not go back in time (one working day; so many working hours), so
 * each kind arrives in time order and needs no heap. `push` refuses an event that would fall before the last one in the line (the caller
 * then queues it in the heap), so the order stays right whatever the rule. Each entry is a time,
 * a sequence number, a case and an epoch; `event` is what every entry stands for.
 */
export class Lane<E> {
  /** When each entry falls due. */
  t = new Float64Array(256);
  seq = new Float64Array(256);
  /** Each entry's case (its arrival index). */
  c = new Int32Array(256);
  /** Each entry's clock epoch (see cases.ts `clockEpoch`). */
  epoch = new Int32Array(256);
  /** The first entry waiting; entries head to tail - 1 are waiting. */
  head = 0;
  tail = 0;

  constructor(readonly event: E) {}

  push(t: number, seq: number, c: number, epoch: number): boolean {
    if (this.tail > this.head && t < this.t[this.tail - 1]) return false;
    if (this.tail === this.t.length) this.makeRoom();
    const k = this.tail++;
    this.t[k] = t;
    this.seq[k] = seq;
    this.c[k] = c;
    this.epoch[k] = epoch;
    return true;
  }

  /** Move the waiting entries to the front; into new columns twice as long if more than half are waiting. */
  private makeRoom() {
    const { head, tail } = this;
    if ((tail - head) * 2 <= this.t.length) {
      this.t.copyWithin(0, head, tail);
      this.seq.copyWithin(0, head, tail);
      this.c.copyWithin(0, head, tail);
      this.epoch.copyWithin(0, head, tail);
      this.head = 0;
      this.tail = tail - head;
      return;
    }
    const size = this.t.length * 2;
    const t = new Float64Array(size);
    const seq = new Float64Array(size);
    const c = new Int32Array(size);
    const epoch = new Int32Array(size);
    t.set(this.t.subarray(head, tail));
    seq.set(this.seq.subarray(head, tail));
    c.set(this.c.subarray(head, tail));
    epoch.set(this.epoch.subarray(head, tail));
    Object.assign(this, { t, seq, c, epoch, head: 0, tail: tail - head });
  }
}
