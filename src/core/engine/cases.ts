/**
 * The table of cases: one column per field, indexed by arrival order (the contact's index).
 *
 * Speed: columns (typed arrays), not an object per case, so that what every event reads sits
 * close together in memory and a borough-year makes no garbage for its cases. A case's snapshot
 * is shared with every case in the same state and context (see stepper.ts).
 */
import { MULBERRY32_STEP, mulberry32Value, type Uniform } from '../rng';
import type { Snap } from './stepper';

export class CaseTable {
  /** How many cases have arrived (cases 0 to arrived - 1). */
  arrived = 0;
  /** Each case's statechart snapshot (shared between cases). */
  readonly snapshot: Snap[];
  /** Each case's state, as a number in the run's `StateTable`. */
  readonly state: Int32Array;
  /** Bumped at every state change: queued work and jobs of an earlier state are stale. */
  readonly token: Int32Array;
  /** Which decision episode the case's pending clocks belong to (a step-up starts a new one). */
  readonly clockEpoch: Int32Array;
  /** The role (index in ROLES) whose slot the case holds (the worker who has it), or -1. */
  readonly slot: Int8Array;
  /** The first case about the same child: its `openUntil` is the child's. */
  readonly root: Int32Array;
  /** Until when a plan keeps the child's case open, by the child's first case. */
  readonly openUntil: Float64Array;
  /** What the process had decided about the case's child when the contact arrived (1 or 0). */
  readonly openCase: Uint8Array;
  readonly inEarlyHelp: Uint8Array;
  /** When the case's current piece of work started (the trace records it with the event that ends it). */
  readonly workStartedAt: Float64Array;
  /** When a worker's contact with the case's parents started (meta `contactsParents`; the trace records it with the event that ends it). */
  readonly parentContactStartedAt: Float64Array;
  /**
   * When the case's first strategy discussion was held ('strategy.held'), as the figures time it;
   * NaN before one. Kept only for a chart that books a meeting against it (meta
   * `bookedWithinTimescale`).
   */
  readonly strategyAt: Float64Array;
  /** When the meeting that ends the case's work in a booked state is booked for (NaN: not booked). */
  readonly bookedFor: Float64Array;
  /**
   * Each case's two random streams as mulberry32 states: its durations at 2i, what the world
   * answers at 2i + 1. The same draws as `streams.seeded(seed)`, two seeds per contact in arrival
   * order, the same for every process (common random numbers). Speed: numbers in a column, not a
   * closure per stream.
   */
  private readonly rng: Int32Array;

  /** @param seeds the stream the cases' seeds are drawn from, two per case in arrival order */
  constructor(count: number, seeds: Uniform) {
    this.snapshot = new Array<Snap>(count);
    this.state = new Int32Array(count);
    this.token = new Int32Array(count);
    this.clockEpoch = new Int32Array(count);
    this.slot = new Int8Array(count).fill(-1);
    this.root = new Int32Array(count);
    this.openUntil = new Float64Array(count);
    this.openCase = new Uint8Array(count);
    this.inEarlyHelp = new Uint8Array(count);
    this.workStartedAt = new Float64Array(count).fill(NaN);
    this.strategyAt = new Float64Array(count).fill(NaN);
    this.bookedFor = new Float64Array(count).fill(NaN);
    this.parentContactStartedAt = new Float64Array(count).fill(NaN);
    this.rng = new Int32Array(count * 2);
    for (let i = 0; i < this.rng.length; i++) this.rng[i] = Math.floor(seeds() * 4294967296);
  }

  /** The next draw of a case's durations stream. */
  drawDuration(caseIndex: number): number {
    return this.draw(2 * caseIndex);
  }

  /** The next draw of a case's stream of what the world answers. */
  drawWorld(caseIndex: number): number {
    return this.draw(2 * caseIndex + 1);
  }

  private draw(k: number): number {
    const state = (this.rng[k] + MULBERRY32_STEP) | 0;
    this.rng[k] = state;
    return mulberry32Value(state);
  }
}
