import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Heap, Lane, byPriorityThenTime, byTimeThenPriority, type Keyed } from '../../../src/core/engine/heap';

/** A reference: the least item by the same order, found by a linear scan. */
function leastBy(items: Keyed[], less: (a: Keyed, b: Keyed) => boolean): number {
  let m = 0;
  for (let i = 1; i < items.length; i++) if (less(items[i], items[m])) m = i;
  return m;
}

const op = fc.oneof(
  // Few distinct times and priorities, so ties (the cases that matter) are common.
  fc.record({ kind: fc.constant('push' as const), t: fc.integer({ min: 0, max: 5 }).map((x) => 1.4e12 + x * 3_600_000), priority: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

describe('Heap', () => {
  for (const [name, order] of [['time, priority, sequence', byTimeThenPriority], ['priority, time, sequence', byPriorityThenTime]] as const) {
    test.prop([fc.array(op, { maxLength: 400 })], { numRuns: 200 })(`pops in ${name} order, as a linear scan would`, (ops) => {
      const heap = new Heap<Keyed>(order);
      const model: Keyed[] = [];
      let seq = 0;
      for (const o of ops) {
        if (o.kind === 'push') {
          const item = { t: o.t, priority: o.priority, seq: seq++ };
          heap.push(item);
          model.push(item);
        } else {
          const expected = model.length ? model.splice(leastBy(model, order), 1)[0] : undefined;
          expect(heap.pop()).toBe(expected);
        }
        expect(heap.size).toBe(model.length);
        expect(heap.peek()).toBe(model.length ? model[leastBy(model, order)] : undefined);
      }
      expect(heap.count(() => true)).toBe(model.length);
    });
  }
});

describe('Lane', () => {
  const laneOp = fc.oneof(
    fc.record({ kind: fc.constant('push' as const), dt: fc.integer({ min: -2, max: 3 }) }),
    fc.record({ kind: fc.constant('shift' as const) }),
  );
  test.prop([fc.array(laneOp, { maxLength: 2000 })], { numRuns: 100 })('keeps entries in order, refuses one earlier than the last, and keeps them as it grows', (ops) => {
    const lane = new Lane('clock');
    const model: { t: number; seq: number; c: number; epoch: number }[] = [];
    let last = 0;
    let seq = 0;
    for (const o of ops) {
      if (o.kind === 'push') {
        const t = last + o.dt;
        const entry = { t, seq: seq++, c: seq % 7, epoch: seq % 3 };
        const taken = lane.push(entry.t, entry.seq, entry.c, entry.epoch);
        // Refused only when it would fall before the last entry still waiting.
        const lastWaiting = model.length ? model[model.length - 1].t : -Infinity;
        expect(taken).toBe(t >= lastWaiting);
        if (taken) {
          model.push(entry);
          last = t;
        }
      } else if (model.length) {
        const h = lane.head++;
        expect({ t: lane.t[h], seq: lane.seq[h], c: lane.c[h], epoch: lane.epoch[h] }).toEqual(model.shift());
      }
      expect(lane.tail - lane.head).toBe(model.length);
    }
  });
});
