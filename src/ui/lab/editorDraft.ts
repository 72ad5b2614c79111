/**
 * The lab's draft in the browser's storage (localStorage), so nothing a designer made is lost on a
 * refresh or a bad edit: the whole history (undo and redo survive a refresh too), kept until they
 * discard it. A stored draft is read back only if every file in it is still one the command line
 * accepts (a draft from an older version of the simulator may not be).
 */
import type { History } from '../../core/processes/edit';
import type { ProcessFile } from '../../core/processes/processFile';
import { problemsOf } from '../../core/processes/edit';

export const DRAFT_KEY = 'frontDoorSimulator.lab.draft';
const DRAFT_VERSION = 1;

interface Stored {
  version: number;
  history: History<ProcessFile>;
}

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (a browser setting)
  }
};

/** The stored draft, or null (none, or one that is no longer a valid process). */
export function readDraft(): History<ProcessFile> | null {
  const s = storage();
  const raw = s?.getItem(DRAFT_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Stored;
    const h = stored.history;
    if (stored.version !== DRAFT_VERSION || !h || !Array.isArray(h.past) || !Array.isArray(h.future)) return null;
    // Only the present is checked at once (the rest were checked when made); a stale one is dropped.
    if (problemsOf(h.present).length) return null;
    return h;
  } catch {
    return null;
  }
}

/**
 * Keep the draft. If the storage is full, the oldest undo steps are dropped until it fits; returns
 * false if even the present alone does not fit (or the browser refuses storage).
 */
export function writeDraft(h: History<ProcessFile>): boolean {
  const s = storage();
  if (!s) return false;
  let past = h.past;
  let future = h.future;
  for (;;) {
    try {
      s.setItem(DRAFT_KEY, JSON.stringify({ version: DRAFT_VERSION, history: { past, present: h.present, future } } satisfies Stored));
      return true;
    } catch {
      if (past.length) past = past.slice(Math.ceil(past.length / 2));
      else if (future.length) future = [];
      else return false;
    }
  }
}

export function discardDraft(): void {
  storage()?.removeItem(DRAFT_KEY);
}
