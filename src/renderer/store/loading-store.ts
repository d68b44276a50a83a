/**
 * Loading state (spec/callbacks.md §7): which output props in-flight requests are computing.
 * Counted per `id.prop`, so a superseded request settling does not clear the flag of a newer one
 * still running (we do not reproduce Dash's quirk §13.6). Per-id subscriptions, like the layout.
 */
import type { LoadingEntry } from '../graph/scheduler.js';

/**
 * The `loading_state` a view receives (the same shape as `LoadingState` in component-api.ts,
 * declared here so the runtime does not depend on React).
 */
export interface LoadingState {
  readonly is_loading: boolean;
  readonly prop_name?: string | undefined;
  readonly component_name?: string | undefined;
}

export class LoadingStore {
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #states = new Map<string, LoadingState>();
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #all = new Set<() => void>();

  /** Mark entries loading (`true`) or done (`false`). */
  set(entries: readonly LoadingEntry[], loading: boolean): void {
    const touched = new Set<string>();
    for (const { id, property } of entries) {
      let props = this.#counts.get(id);
      if (!props) {
        props = new Map();
        this.#counts.set(id, props);
      }
      const count = (props.get(property) ?? 0) + (loading ? 1 : -1);
      if (count > 0) props.set(property, count);
      else props.delete(property);
      if (props.size === 0) this.#counts.delete(id);
      touched.add(id);
    }
    for (const id of touched) {
      const props = this.#counts.get(id);
      if (props) this.#states.set(id, { is_loading: true, prop_name: [...props.keys()].join(';'), component_name: id });
      else this.#states.delete(id);
      for (const listener of [...(this.#listeners.get(id) ?? [])]) listener();
    }
    if (touched.size > 0) for (const listener of [...this.#all]) listener();
  }

  /** The `loading_state` of a component (stable object while unchanged), or undefined when idle. */
  get(id: string | undefined): LoadingState | undefined {
    return id === undefined ? undefined : this.#states.get(id);
  }

  /** Ids with at least one loading prop, and the props. */
  entries(): { id: string; properties: string[] }[] {
    return [...this.#counts].map(([id, props]) => ({ id, properties: [...props.keys()] }));
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(id);
    };
  }

  /** Listen to any loading change. */
  subscribeAll(listener: () => void): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }
}
