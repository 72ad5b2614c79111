import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { JOB_PRIORITY, RolePool } from '../../../src/core/engine/pool';

/** A pool over `cases` cases, with its own token and slot columns (as the case table's). */
function poolOf(slotsByDay: number[], cases = 10) {
  const tokens = new Int32Array(cases);
  const slots = new Int8Array(cases).fill(-1);
  const pool = new RolePool('raSocialWorker', 4, slotsByDay, tokens, slots);
  let seq = 0;
  const request = (caseIndex: number, priority: number = JOB_PRIORITY.routine, t = 0) => pool.request(caseIndex, priority, t, seq++);
  /** Every case dispatch starts on `day`, in order. */
  const dispatchAll = (day = 0) => {
    const started: number[] = [];
    for (let c = pool.dispatch(day); c >= 0; c = pool.dispatch(day)) started.push(c);
    return started;
  };
  return { pool, tokens, slots, request, dispatchAll };
}

describe('RolePool', () => {
  it('starts no more cases than the day has slots', () => {
    const { pool, request, dispatchAll } = poolOf([2]);
    for (const c of [0, 1, 2, 3]) request(c);
    expect(dispatchAll()).toEqual([0, 1]);
    expect(pool.busy).toBe(2);
    expect(pool.queueLength()).toBe(2);
  });

  it('reads each day its own capacity, and the last day for any later one', () => {
    const { pool, request, dispatchAll } = poolOf([1, 3]);
    for (const c of [0, 1, 2, 3, 4]) request(c);
    expect(dispatchAll(0)).toEqual([0]);
    expect(dispatchAll(1)).toEqual([1, 2]);
    expect(pool.capacity(7)).toBe(3);
    expect(dispatchAll(7)).toEqual([]);
  });

  it('starts nothing on a day with no slots', () => {
    const { pool, request, dispatchAll } = poolOf([0]);
    request(0, JOB_PRIORITY.urgent);
    expect(dispatchAll()).toEqual([]);
    expect(pool.busy).toBe(0);
    expect(pool.queueLength()).toBe(1);
  });

  it('takes urgent jobs first, then escalated, then routine, and the earliest first within a priority', () => {
    const { request, dispatchAll } = poolOf([10]);
    request(0, JOB_PRIORITY.routine, 100);
    request(1, JOB_PRIORITY.escalated, 300);
    request(2, JOB_PRIORITY.urgent, 400);
    request(3, JOB_PRIORITY.routine, 50);
    request(4, JOB_PRIORITY.escalated, 200);
    request(5, JOB_PRIORITY.routine, 50);
    expect(dispatchAll()).toEqual([2, 4, 1, 3, 5, 0]);
  });

  it('skips a job whose case moved on while it waited, without taking a slot', () => {
    const { pool, tokens, slots, request, dispatchAll } = poolOf([1]);
    request(0);
    request(1);
    tokens[0]++; // case 0 changed state while waiting
    expect(dispatchAll()).toEqual([1]);
    expect(pool.busy).toBe(1);
    expect(slots[0]).toBe(-1);
    expect(pool.queueLength()).toBe(0);
  });

  it('gives a case it starts a slot, and a released slot to the next job', () => {
    const { pool, slots, request, dispatchAll } = poolOf([1]);
    request(0);
    request(1);
    expect(dispatchAll()).toEqual([0]);
    expect(slots[0]).toBe(pool.index);
    expect(pool.holds(0)).toBe(true);
    expect(pool.holds(1)).toBe(false);
    pool.release(0);
    expect(slots[0]).toBe(-1);
    expect(pool.holds(0)).toBe(false);
    expect(dispatchAll()).toEqual([1]);
    expect(pool.holds(1)).toBe(true);
    expect(pool.busy).toBe(1);
  });

  it('lets a manager give a waiting case a slot over the caseload: its job goes stale and no one else starts until slots fall below capacity', () => {
    const { pool, tokens, slots, request, dispatchAll } = poolOf([1]);
    request(0);
    request(1);
    request(2);
    expect(dispatchAll()).toEqual([0]);
    pool.takeOverCaseload(2); // case 2 has waited its state's longest wait
    expect(pool.busy).toBe(2);
    expect(slots[2]).toBe(pool.index);
    expect(pool.queueLength()).toBe(1); // case 2's job no longer counts
    pool.release(0);
    expect(dispatchAll()).toEqual([]); // 1 busy of 1 slot: case 1 still waits
    tokens[2]++; // case 2's work ends and it moves on (as the engine does), then gives its slot back
    pool.release(2);
    expect(dispatchAll()).toEqual([1]); // case 2's stale job was skipped, case 1 started
    expect(pool.queueLength()).toBe(0);
  });

  it('counts in its queue length only the jobs whose case has not moved on', () => {
    const { pool, tokens, request } = poolOf([0]);
    for (const c of [0, 1, 2]) request(c);
    tokens[1]++;
    expect(pool.queueLength()).toBe(2);
    request(1); // case 1 queues again in its new state
    expect(pool.queueLength()).toBe(3);
  });

  const op = fc.oneof(
    fc.record({ kind: fc.constant('request' as const), c: fc.integer({ min: 0, max: 5 }), priority: fc.integer({ min: 0, max: 2 }), t: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant('moveOn' as const), c: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('release' as const), c: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('dispatch' as const), day: fc.integer({ min: 0, max: 3 }) }),
  );
  test.prop([fc.array(op, { maxLength: 200 })], { numRuns: 200 })('dispatches as a linear scan of the live jobs would, within capacity', (ops) => {
    const slotsByDay = [1, 2, 0, 3];
    const { pool, tokens, request, dispatchAll } = poolOf(slotsByDay, 6);
    const model: { c: number; priority: number; t: number; seq: number; token: number }[] = [];
    const holding = new Set<number>();
    let seq = 0;
    for (const o of ops) {
      if (o.kind === 'request') {
        if (holding.has(o.c)) continue; // a case holding a slot carries on; it does not queue
        // A case queues once per state: queueing again, it has moved on (as the engine does).
        if (model.some((j) => j.c === o.c && tokens[o.c] === j.token)) tokens[o.c]++;
        model.push({ c: o.c, priority: o.priority, t: o.t, seq: seq++, token: tokens[o.c] });
        request(o.c, o.priority, o.t);
      } else if (o.kind === 'moveOn') {
        tokens[o.c]++;
      } else if (o.kind === 'release') {
        if (!holding.has(o.c)) continue;
        holding.delete(o.c);
        pool.release(o.c);
      } else {
        const expected: number[] = [];
        while (holding.size < slotsByDay[o.day]) {
          const live = model.filter((j) => tokens[j.c] === j.token);
          if (!live.length) break;
          live.sort((a, b) => a.priority - b.priority || a.t - b.t || a.seq - b.seq);
          model.splice(model.indexOf(live[0]), 1);
          expected.push(live[0].c);
          holding.add(live[0].c);
        }
        expect(dispatchAll(o.day)).toEqual(expected);
      }
      expect(pool.busy).toBe(holding.size);
      expect(pool.queueLength()).toBe(model.filter((j) => tokens[j.c] === j.token).length);
    }
  });
});

describe('RolePool: work alongside a case\u2019s own (a contact with the parents)', () => {
  it('takes a slot without changing which worker holds the case, goes after routine work, and gives the slot back', () => {
    const { pool, slots, request, dispatchAll } = poolOf([1]);
    slots[0] = 2; // case 0 holds a slot of another role (its own work goes on)
    pool.request(0, JOB_PRIORITY.afterRoutine, 0, 100, true);
    request(1, JOB_PRIORITY.routine, 5);
    expect(dispatchAll()).toEqual([1]); // the routine job first, though it came later
    expect(pool.queueLength()).toBe(1);
    pool.release(1);
    expect(dispatchAll()).toEqual([0]);
    expect(pool.dispatchedAlongside).toBe(true);
    expect(slots[0]).toBe(2);
    expect(pool.busy).toBe(1);
    pool.releaseAlongside();
    expect(pool.busy).toBe(0);
  });

  it('is stale once the case has moved on', () => {
    const { pool, tokens, dispatchAll } = poolOf([1]);
    pool.request(3, JOB_PRIORITY.afterRoutine, 0, 0, true);
    tokens[3]++;
    expect(pool.queueLength()).toBe(0);
    expect(dispatchAll()).toEqual([]);
    expect(pool.busy).toBe(0);
  });
});
