/** Read the replay store from React (useSyncExternalStore, as @xstate/react does). */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReplayState, ReplayStore } from './store';

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
