/**
 * The renderer without React: layout store, callback graph, scheduler, loading and error state,
 * wired together. main.tsx builds one for the page; tests build one with a fake or in-process
 * transport. No DOM here.
 */
import type { CallbackSpec, DashConfig } from '../shared/protocol.js';
import { createClientside } from './clientside/index.js';
import { CallbackGraph } from './graph/callback-graph.js';
import { cycleMessage, findDependencyCycle } from './graph/cycles.js';
import type { Transport } from './graph/scheduler.js';
import { Scheduler } from './graph/scheduler.js';
import { CallbackProfile } from './devtools/profile.js';
import type { AppliedProps, CallbackError } from './graph/types.js';
import { Persistence } from './persistence/persistence.js';
import type { StorageLike } from './persistence/storage.js';
import { ChildrenProps } from './store/children-props.js';
import { LayoutStore } from './store/layout-store.js';
import { LoadingStore } from './store/loading-store.js';
import type { VanillaStore } from './store/vanilla-store.js';
import { createStore } from './store/vanilla-store.js';

/** App-wide state the dev tools and the title read. */
export interface AppState {
  /** Newest first (§12.3). */
  errors: readonly CallbackError[];
  /** A non-persistent callback is pending (§7). */
  busy: boolean;
}

export interface RuntimeOptions {
  readonly config: Partial<
    Pick<
      DashConfig,
      'children_props' | 'suppress_callback_exceptions' | 'persisted_props' | 'callback_layout_errors' | 'ui'
    >
  >;
  readonly layout: unknown;
  readonly dependencies: readonly CallbackSpec[];
  readonly transport: Transport;
  readonly defer?: ((fn: () => void) => void) | undefined;
  /** Called for every callback error (besides storing it); default `console.error`. */
  readonly logError?: ((error: CallbackError) => void) | undefined;
  /** Fetch `_dash-dependencies` again (after a `_allow_dynamic_callbacks` callback, §1.12). */
  readonly fetchDependencies?: (() => Promise<readonly CallbackSpec[]>) | undefined;
  /** The page's web storage for persistence (§8); without it persisted edits live in memory. */
  readonly webStorage?: ((type: 'local' | 'session') => StorageLike | undefined) | undefined;
}

export class Runtime {
  readonly store: LayoutStore;
  readonly graph: CallbackGraph;
  readonly scheduler: Scheduler;
  readonly loading = new LoadingStore();
  readonly app: VanillaStore<AppState> = createStore<AppState>({ errors: [], busy: false });
  /** Call counts and timings per callback (the dev tools' callback graph). */
  readonly profile = new CallbackProfile();
  /** Told about every prop a view changed (user input); hot reload keeps those values. */
  onUserEdit: ((id: string, props: readonly string[]) => void) | undefined;
  readonly #logError: (error: CallbackError) => void;
  readonly #layoutErrors: readonly Omit<CallbackError, 'time'>[];
  /** Dev tools on (`config.ui`): the debug-only checks run. */
  readonly #debug: boolean;
  /** Saved prop edits (§8): applied as components enter the layout, recorded on every update. */
  readonly persistence: Persistence;

  constructor(options: RuntimeOptions) {
    this.#layoutErrors = options.config.callback_layout_errors ?? [];
    this.#debug = options.config.ui === true;
    const { fetchDependencies } = options;
    this.#logError = options.logError ?? ((error: CallbackError) => console.error(`${error.title}\n${error.detail}`));
    const persistedProps = options.config.persisted_props ?? {};
    this.persistence = new Persistence({
      defaults: (namespace, type) => persistedProps[namespace]?.[type],
      webStorage: options.webStorage,
      onError: (detail) => this.reportError({ title: 'Persistence error', detail, callback: '', time: Date.now() }),
    });
    this.store = new LayoutStore(new ChildrenProps(options.config.children_props ?? {}), options.layout, {
      entering: (component) => this.persistence.apply(component),
    });
    this.graph = new CallbackGraph(options.dependencies);
    this.scheduler = new Scheduler(this.graph, {
      layout: this.store,
      applyProps: (id, props) => this.#applyCallbackProps(id, props),
      transport: this.profile.wrap(options.transport),
      defer: options.defer,
      onLoading: (entries, loading) => this.loading.set(entries, loading),
      onError: (error) => this.reportError(error),
      onBusyChange: (busy) => this.app.setState({ busy }),
      suppressCallbackExceptions: options.config.suppress_callback_exceptions ?? false,
      refreshCallbacks: fetchDependencies && (() => this.#refreshCallbacks(fetchDependencies)),
      clientside: createClientside(this, {
        suppressCallbackExceptions: options.config.suppress_callback_exceptions ?? false,
      }),
    });
  }

  /** Log an error (console) and keep it, newest first, for the dev tools (§12.3). */
  reportError(error: CallbackError): void {
    this.#logError(error);
    this.app.setState((s) => ({ errors: [error, ...s.errors] }));
  }

  /** Hydrate: schedule the initial callbacks for the whole layout. */
  start(): void {
    // The server's layout checks of the callbacks (§9.5): reported once, before anything runs.
    for (const issue of this.#layoutErrors) this.reportError({ ...issue, time: Date.now() });
    // Debug mode: report a dependency cycle (§2.9); the app still runs, loops stop after one lap.
    const cycle = this.#debug ? findDependencyCycle(this.graph.callbacks) : undefined;
    if (cycle) {
      this.reportError({ title: 'Circular Dependencies', detail: cycleMessage(cycle), callback: '', time: Date.now() });
    }
    this.scheduler.start(this.store.idsBelow());
  }

  /**
   * Is an output strictly below node `key` being computed (what `dcc.Loading` shows, §7)?
   * `filter` narrows the entries counted (`target_components`).
   */
  isLoadingBelow(key: number, filter?: (entry: { id: string; property: string }) => boolean): boolean {
    for (const { id, properties } of this.loading.entries()) {
      const nodeKey = this.store.keyOf(id);
      if (nodeKey === undefined) continue;
      for (let k = this.store.getNode(nodeKey)?.parent; k !== undefined; k = this.store.getNode(k)?.parent) {
        if (k !== key) continue;
        if (!filter || properties.some((property) => filter({ id, property }))) return true;
        break;
      }
    }
    return false;
  }

  /** Callback outputs and side updates: they override saved edits of the props they write (§8). */
  #applyCallbackProps(id: string, props: Record<string, unknown>): AppliedProps | undefined {
    const key = this.store.keyOf(id);
    const node = key === undefined ? undefined : this.store.getNode(key);
    if (key === undefined || node === undefined) return undefined;
    const written = this.persistence.prune(node, props);
    this.persistence.record(node, written);
    return this.store.updateProps(key, written);
  }

  /** Re-read the callback list; a failed fetch is reported and the old list kept. */
  #refreshCallbacks(fetch: () => Promise<readonly CallbackSpec[]>): void {
    fetch().then(
      (specs) => this.graph.replace(specs),
      (error: unknown) => {
        const detail = String(error);
        this.reportError({ title: 'Error loading dependencies', detail, callback: '', time: Date.now() });
      },
    );
  }

  /** `setProps` of a view: store the props that changed and trigger the callbacks listening to them. */
  setPropsFromView(key: number, changes: Readonly<Record<string, unknown>>): void {
    const before = this.store.getNode(key);
    const changed = this.store.setProps(key, changes);
    if (before !== undefined && changed.length > 0) {
      this.persistence.record(before, Object.fromEntries(changed.map((prop) => [prop, changes[prop]])));
    }
    const id = this.store.getNode(key)?.id;
    if (id !== undefined && changed.length > 0) {
      this.onUserEdit?.(id, changed);
      this.scheduler.propsChanged(id, changed);
    }
  }
}
