/**
 * The replay clock: the moment shown (within the finished runs' period), playing forward at a
 * chosen speed on animation frames, and stepping from event to event in either process. It only
 * reads the finished traces.
 */
import type { Instant } from '../../../core/calendar';
import { nextEventAfter, previousEventBefore, type TimelineIndex } from '../../../core/timeline';
import { SPEEDS, type SpeedKey } from '../permalink';
import { viewsOf } from '../selectors';
import { PROCESS_KEYS } from './processKeys';
import type { StateCell } from './state';

/** The longest frame the clock moves for: a tab left in the background does not leap ahead. */
const MAX_FRAME_MS = 250;

export class Playback {
  private frameRequest = 0;
  private lastFrameAt = 0;

  constructor(private readonly cell: StateCell) {}

  setT(t: Instant): void {
    const period = this.period();
    if (!period) return;
    this.cell.set({ t: Math.min(period.end, Math.max(period.start, t)) });
  }

  play(): void {
    const period = this.period();
    if (!period || this.cell.get().playing) return;
    if (this.cell.get().t >= period.end) this.cell.set({ t: period.start });
    this.cell.set({ playing: true });
    this.lastFrameAt = performance.now();
    this.frameRequest = requestAnimationFrame(this.frame);
  }

  pause(): void {
    this.stopFrames();
    if (this.cell.get().playing) this.cell.set({ playing: false });
  }

  togglePlay(): void {
    if (this.cell.get().playing) this.pause();
    else this.play();
  }

  setSpeed(speed: SpeedKey): void {
    this.cell.set({ speed });
  }

  /** Move to the next event in either process. */
  stepForward(): void {
    this.stepTo(nextEventAfter, Math.min);
  }

  /** Move to the previous event in either process. */
  stepBack(): void {
    this.stepTo(previousEventBefore, Math.max);
  }

  dispose(): void {
    this.stopFrames();
  }

  /** The finished runs' period, or null while they run. */
  private period(): { start: Instant; end: Instant } | null {
    const run = this.cell.get().run;
    return run && run.status === 'ready' ? { start: run.start, end: run.end } : null;
  }

  /** Go to the nearest event each process has (`eventNear`), the nearer of them (`nearest`). */
  private stepTo(eventNear: (timeline: TimelineIndex, t: Instant) => Instant | null, nearest: (...times: Instant[]) => Instant): void {
    const views = viewsOf(this.cell.get().run);
    if (!views) return;
    this.pause();
    const t = this.cell.get().t;
    const times = PROCESS_KEYS.map((k) => (views[k] ? eventNear(views[k]!.replay.timeline, t) : null)).filter((x): x is number => x !== null);
    if (times.length) this.setT(nearest(...times));
  }

  private frame = (now: number): void => {
    const period = this.period();
    const { playing, speed, t: shown } = this.cell.get();
    if (!period || !playing) return;
    const dt = Math.min(MAX_FRAME_MS, Math.max(0, now - this.lastFrameAt));
    this.lastFrameAt = now;
    const rate = SPEEDS.find((s) => s.key === speed)!.msPerSecond;
    const t = shown + (dt / 1000) * rate;
    if (t >= period.end) {
      this.cell.set({ t: period.end, playing: false });
      return;
    }
    this.cell.set({ t });
    this.frameRequest = requestAnimationFrame(this.frame);
  };

  private stopFrames(): void {
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
  }
}
