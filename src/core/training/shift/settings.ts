/** A shift's settings: what the trainer chooses, the defaults, and the learner's time costs. */
import type { ProcessName } from '../../processes';
import { ScenarioSchema } from '../../scenario';
import type { ShiftMix } from './draw';

export type Rules = ProcessName;

export interface ShiftConfig {
  /** Seed for the draw of vignettes: a whole class with the same seed gets the same shift. */
  seed: string;
  rules: Rules;
  /** Number of contacts in the shift. */
  count: number;
  /** First instant of the shift, London time 'YYYY-MM-DDTHH:MM'; default from SHIFT_DEFAULTS. */
  start?: string;
  /**
   * Which vignettes the shift draws and how it spreads them (draw.ts). Absent: 'shuffle', the
   * draw of shifts saved before mixes existed; the training form always sends one ('balanced').
   */
  mix?: ShiftMix;
  /**
   * An optional limit on the learner's real time for the shift, in whole minutes (1 to
   * SHIFT_LIMITS.timeLimitMinutes), for assessment days: when it runs out the shift ends as if
   * the learner had ended it. The core only carries it; the clock that enforces it is the page's.
   */
  timeLimitMinutes?: number;
}

/** Upper bounds of what a trainer can type (documented in the form's hints). */
export const SHIFT_LIMITS = {
  /** A working day: longer than any assessment a trainer would set. */
  timeLimitMinutes: 480,
} as const;

/**
 * Defaults and the learner's time costs. Sources, and where a figure is an assumption:
 */
export const SHIFT_DEFAULTS = {
  /** A Monday at opening: in June 2013 the inspection (004, 3-12 June 2013); in June 2015 the re-inspection (000). */
  start: { '2013': '2013-06-10T08:00', '2015': '2015-06-08T08:00' } as Record<Rules, string>,
  count: 8,
  /** Working hours after the clock starts at which a 2015 case escalates: the scenario default (002; src/core/scenario.ts). */
  escalateAfterWorkingHours: ScenarioSchema.shape.escalateAfterWorkingHours.parse(undefined),
  /**
   * Under 2013 a held case's information is gathered by an unqualified case coordinator by phone
   * (004 ¶38), so each answer takes this many times the vignette's stated hours: a 3-hour answer
   * from a GP takes a whole working day, and a decision that waits for it is late. Assumption: 3.
   * The engine's default hold is far longer (45 working hours against 3: src/core/scenario.ts),
   * but a training shift lasts a day, not weeks (004 ¶20).
   */
  heldInformationFactor: 3,
  /** The learner's own time, in working minutes (assumptions). */
  minutes: {
    /** Reading a contact the first time it is opened. */
    read: 10,
    /** Making one information request (the answer comes later). */
    request: 5,
    /** Taking a case to a decision after gathering. */
    takeToDecision: 5,
    /** Deciding and writing the rationale. */
    decide: 15,
  },
} as const;

export interface ShiftSettings {
  seed: string;
  rules: Rules;
  count: number;
  start: string;
  escalateAfterWorkingHours: number;
  heldInformationFactor: number;
  mix: ShiftMix;
  timeLimitMinutes: number | null;
}

export function resolveSettings(config: ShiftConfig): ShiftSettings {
  return {
    seed: config.seed.trim(),
    rules: config.rules,
    count: config.count,
    start: config.start ?? SHIFT_DEFAULTS.start[config.rules],
    escalateAfterWorkingHours: SHIFT_DEFAULTS.escalateAfterWorkingHours,
    heldInformationFactor: SHIFT_DEFAULTS.heldInformationFactor,
    mix: config.mix ?? 'shuffle',
    timeLimitMinutes: config.timeLimitMinutes ?? null,
  };
}
