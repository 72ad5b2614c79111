/** Derived views of the store's state, cached so React sees stable values. */
import type { ProcessKey, ProcessView, RunState } from './store';

const cache = new WeakMap<RunState, Record<ProcessKey, ProcessView | null>>();

/** The finished process views of a run (null while it runs). */
export function viewsOf(run: RunState | null): Record<ProcessKey, ProcessView | null> | null {
  if (!run || run.status === 'running') return null;
  let v = cache.get(run);
  if (!v) {
    const pick = (k: ProcessKey) => {
      const p = run.processes[k];
      return p.status === 'ready' ? p.view : null;
    };
    v = { '2013': pick('2013'), '2015': pick('2015') };
    cache.set(run, v);
  }
  return v;
}
