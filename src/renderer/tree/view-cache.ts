/**
 * Views by namespace and type, loaded lazily from `viewRegistry` (one chunk per view or group).
 * Types present in the layout are preloaded before the first render, so the page does not load
 * chunks in a waterfall; a preloaded view is used directly (no Suspense fallback flash), others go
 * through `React.lazy`, one cached lazy component per type.
 */
import type { ComponentType } from 'react';
import { lazy } from 'react';
import type { ViewLoader, ViewTable } from '../../components/registry.browser.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- views have heterogeneous props
type AnyView = ComponentType<any>;

export class ViewCache {
  readonly #registry: ReadonlyMap<string, ViewTable>;
  readonly #loaded = new Map<string, AnyView>();
  readonly #lazy = new Map<string, AnyView>();
  readonly #loading = new Map<string, Promise<void>>();

  constructor(registry: ReadonlyMap<string, ViewTable>) {
    this.#registry = registry;
  }

  #loader(namespace: string, type: string): ViewLoader | undefined {
    const table = this.#registry.get(namespace);
    return table && Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
  }

  /** Is there a view for this type? */
  has(namespace: string, type: string): boolean {
    return this.#loader(namespace, type) !== undefined;
  }

  /** Load a view's chunk; failures surface when the view renders (the error boundary shows them). */
  #load(namespace: string, type: string): Promise<void> {
    const key = `${namespace}.${type}`;
    let promise = this.#loading.get(key);
    if (!promise) {
      const loader = this.#loader(namespace, type);
      promise = loader
        ? loader().then(
            (module) => void this.#loaded.set(key, module.default),
            () => undefined,
          )
        : Promise.resolve();
      this.#loading.set(key, promise);
    }
    return promise;
  }

  /** Load every given type in parallel. */
  async preload(types: Iterable<{ namespace: string; type: string }>): Promise<void> {
    await Promise.all([...types].map((t) => this.#load(t.namespace, t.type)));
  }

  /**
   * Does `get` hand out a `React.lazy` wrapper for this type (so it needs a Suspense boundary)?
   * Stable per type once `get` was called: a preloaded view never becomes lazy, and back.
   */
  isLazy(namespace: string, type: string): boolean {
    return this.#lazy.has(`${namespace}.${type}`);
  }

  /** The React component for a type, or undefined when the registry does not know it. */
  get(namespace: string, type: string): AnyView | undefined {
    const key = `${namespace}.${type}`;
    // Once a lazy wrapper was handed out keep returning it: switching component types would remount.
    const handedOut = this.#lazy.get(key);
    if (handedOut) return handedOut;
    const loaded = this.#loaded.get(key);
    if (loaded) return loaded;
    const loader = this.#loader(namespace, type);
    if (!loader) return undefined;
    const view = lazy(loader);
    this.#lazy.set(key, view);
    return view;
  }
}
