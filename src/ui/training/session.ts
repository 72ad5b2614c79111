/**
 * What the training views keep in the browser tab's session storage: the shift (its settings and
 * the learner's actions; the state is rebuilt by replaying them, so it survives a visit to the
 * threshold explorer or a reload) and the indicators the debrief sends to the explorer.
 */
import type { ShiftAction, ShiftConfig } from '../../core/training';
import type { AgeBand } from '../../core/levels';

export interface SavedShift {
  config: ShiftConfig;
  learner: string;
  actions: ShiftAction[];
  /** With a time limit: when it runs out, in the browser's milliseconds since 1970 (kept so a reload does not restart it). */
  deadline?: number;
  /** The time limit ran out and ended the shift. */
  timedOut?: boolean;
  /** Wall-clock epoch milliseconds the shift started and ended: the time taken that an LMS is told. */
  startedAt?: number;
  endedAt?: number;
}

export interface ExplorerPreset {
  title: string;
  indicators: string[];
  ageBand?: AgeBand;
  disabled?: boolean;
}

const SHIFT_KEY = 'spa-training:shift:v1';
const PRESET_KEY = 'spa-training:explorer-preset:v1';

function read<T>(key: string): T | null {
  try {
    const text = window.sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the shift still works, it just does not survive a reload
  }
}

export const loadShift = (): SavedShift | null => read<SavedShift>(SHIFT_KEY);
export const saveShift = (s: SavedShift | null): void => write(SHIFT_KEY, s);
export const loadPreset = (): ExplorerPreset | null => read<ExplorerPreset>(PRESET_KEY);
export const savePreset = (p: ExplorerPreset | null): void => write(PRESET_KEY, p);
