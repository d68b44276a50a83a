/**
 * A minimal Zustand-shaped store: `getState`, `setState`, `subscribe`. Used for small app-wide
 * state (errors, busy); the layout has its own per-node store (layout-store.ts).
 */
export interface VanillaStore<TState> {
  getState(): TState;
  setState(update: Partial<TState> | ((state: TState) => Partial<TState>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<TState extends object>(initial: TState): VanillaStore<TState> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(update) {
      const partial = typeof update === 'function' ? update(state) : update;
      state = { ...state, ...partial };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
