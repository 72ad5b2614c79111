/** Read the replay store from React (useSyncExternalStore, as @xstate/react does). */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReplayState, ReplayStore } from './store';
import { sideName, type ProcessKey } from './store/processKeys';

export const StoreContext = createContext<ReplayStore | null>(null);

export function useStore(): ReplayStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore: no ReplayStore above this component');
  return store;
}

/** A slice of the state; the selector must return a value that is stable while unchanged. */
export function useReplay<T>(select: (s: ReplayState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** How the page names each side (store/processKeys.ts): "2013" and "2015", or a lab variant beside the process it came from. */
export function useSideNames(): Record<ProcessKey, string> {
  const variant = useReplay((s) => s.variant);
  return useMemo(() => ({ '2013': sideName(variant, '2013'), '2015': sideName(variant, '2015') }), [variant]);
}
