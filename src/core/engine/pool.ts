/**
 * A role's pool of workers (SimPy's `Resource`): capacity on each day (people x caseload, less
 * absence and vacancies: staffing.ts), a queue of jobs, and which cases hold a slot. Queues form
 * where capacity runs out: that is how holds and unallocated referrals arise (004 ¶20, ¶30).
 *
 * A job is stale once its case has moved on while it waited (the case's token changed), or once a
 * manager has given the case a worker over their caseload: it is skipped when it comes to the
 * front, and not counted in the queue's length.
 */
import type { Instant } from '../calendar';
import type { Role } from '../processes/common';
import { Heap, byPriorityThenTime, type Keyed } from './heap';

/** How urgent a job is: the queue takes lower first, then earlier (DOMAIN.md flow step 5). */
export const JOB_PRIORITY = {
  /** Immediate danger, or a state whose work is urgent: to the front of the queue. */
  urgent: 0,
  /** A case escalated to a manager (2015). */
  escalated: 1,
  routine: 2,
  /** Work that waits until no routine work does (a contact with parents in a 2013 hold: meta `contactsParents`). */
  afterRoutine: 3,
} as const;

/** A case waiting for a slot (since t, at its priority, seq its place in the agenda's order). */
interface Job extends Keyed {
  caseIndex: number;
  /** The case's token when queued: the job is stale once it has changed. */
  token: number;
  /**
   * Work alongside the case's own (a contact with the parents, meta `contactsParents`): it takes a
   * slot, but the case's slot column keeps the worker of its own work.
   */
  alongside: boolean;
}

export class RolePool {
  /** Slots taken. */
  busy = 0;
  /** Waiting jobs, most urgent first, then earliest, then first in. */
  private readonly queue = new Heap<Job>(byPriorityThenTime);
  /** Speed: jobs taken from the queue, kept for reuse. */
  private readonly spare: Job[] = [];
  /** Whether the case `dispatch` last returned is work alongside the case's own (its slot column unchanged). */
  dispatchedAlongside = false;

  /**
   * @param role the role whose work this is
   * @param index the role's number (what the slot column holds for a case in this pool)
   * @param slotsByDay slots available on each day (index from the first day simulated; the last
   *   stands for any later day)
   * @param tokens each case's token (the case table's column): a job whose case's token has
   *   changed is stale
   * @param slots which pool each case holds a slot in (the case table's column, shared by every
   *   pool): -1 for none
   */
  constructor(
    readonly role: Role,
    readonly index: number,
    readonly slotsByDay: readonly number[],
    private readonly tokens: Int32Array,
    private readonly slots: Int8Array,
  ) {}

  /** Slots on a day. */
  capacity(day: number): number {
    return this.slotsByDay[Math.min(day, this.slotsByDay.length - 1)];
  }

  /** A case asks for a worker: it joins the queue with its current token. */
  request(caseIndex: number, priority: number, t: Instant, seq: number, alongside = false): void {
    const job = this.spare.pop() ?? { t: 0, priority: 0, seq: 0, caseIndex, token: 0, alongside: false };
    job.alongside = alongside;
    job.t = t;
    job.priority = priority;
    job.seq = seq;
    job.caseIndex = caseIndex;
    job.token = this.tokens[caseIndex];
    this.queue.push(job);
  }

  /**
   * The next case to start work, now holding a slot, while the day's capacity allows and a live
   * job waits (stale jobs are dropped on the way); -1 when none. Call until -1. For work alongside
   * the case's own (`dispatchedAlongside`), the slot is taken but the case's slot column is left
   * as it is: give it back with `releaseAlongside`.
   */
  dispatch(day: number): number {
    const capacity = this.capacity(day);
    while (this.busy < capacity && this.queue.size > 0) {
      const job = this.queue.pop()!;
      const caseIndex = job.caseIndex;
      const alongside = job.alongside;
      // Stale: the case moved on while it waited, or a manager gave it a slot over the caseload.
      const stale = this.tokens[caseIndex] !== job.token || (!alongside && this.slots[caseIndex] === this.index);
      this.spare.push(job);
      if (stale) continue;
      this.busy++;
      this.dispatchedAlongside = alongside;
      if (!alongside) this.slots[caseIndex] = this.index;
      return caseIndex;
    }
    return -1;
  }

  /** Work alongside a case's own ends: its slot is free (then `dispatch` the next). */
  releaseAlongside(): void {
    this.busy--;
  }

  /**
   * A manager gives a waiting case a worker over their caseload (the state's
   * `allocateOverCaseloadAfter`): the case holds a slot beyond the day's capacity, and its job in
   * the queue is stale. No one else starts until slots fall back below capacity.
   */
  takeOverCaseload(caseIndex: number): void {
    this.busy++;
    this.slots[caseIndex] = this.index;
  }

  /** Whether the case holds one of this pool's slots. */
  holds(caseIndex: number): boolean {
    return this.slots[caseIndex] === this.index;
  }

  /** The case gives its slot back (it must hold one of this pool's); then `dispatch` the next. */
  release(caseIndex: number): void {
    this.busy--;
    this.slots[caseIndex] = -1;
  }

  /** Cases waiting, not yet started (stale jobs, which stay in the heap until popped, are not counted). */
  queueLength(): number {
    return this.queue.count((job) => this.tokens[job.caseIndex] === job.token && (job.alongside || this.slots[job.caseIndex] !== this.index));
  }
}
