/**
 * The renderer without React: layout store, callback graph, scheduler, loading and error state,
 * wired together. main.tsx builds one for the page; tests build one with a fake or in-process
 * transport. No DOM here.
 */
import type { CallbackSpec, DashConfig } from '../shared/protocol.js';
import { CallbackGraph } from './graph/callback-graph.js';
import type { Transport } from './graph/scheduler.js';
import { Scheduler } from './graph/scheduler.js';
import type { CallbackError } from './graph/types.js';
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
  readonly config: Partial<Pick<DashConfig, 'children_props' | 'suppress_callback_exceptions'>>;
  readonly layout: unknown;
  readonly dependencies: readonly CallbackSpec[];
  readonly transport: Transport;
  readonly defer?: ((fn: () => void) => void) | undefined;
  /** Called for every callback error (besides storing it); default `console.error`. */
  readonly logError?: ((error: CallbackError) => void) | undefined;
}

export class Runtime {
  readonly store: LayoutStore;
  readonly graph: CallbackGraph;
  readonly scheduler: Scheduler;
  readonly loading = new LoadingStore();
  readonly app: VanillaStore<AppState> = createStore<AppState>({ errors: [], busy: false });
  readonly #logError: (error: CallbackError) => void;

  constructor(options: RuntimeOptions) {
    this.store = new LayoutStore(new ChildrenProps(options.config.children_props ?? {}), options.layout);
    this.graph = new CallbackGraph(options.dependencies);
    this.#logError = options.logError ?? ((error: CallbackError) => console.error(`${error.title}\n${error.detail}`));
    this.scheduler = new Scheduler(this.graph, {
      layout: this.store,
      applyProps: (id, props) => this.store.updatePropsById(id, props),
      transport: options.transport,
      defer: options.defer,
      onLoading: (entries, loading) => this.loading.set(entries, loading),
      onError: (error) => this.reportError(error),
      onBusyChange: (busy) => this.app.setState({ busy }),
      suppressCallbackExceptions: options.config.suppress_callback_exceptions ?? false,
    });
  }

  /** Log an error (console) and keep it, newest first, for the dev tools (§12.3). */
  reportError(error: CallbackError): void {
    this.#logError(error);
    this.app.setState((s) => ({ errors: [error, ...s.errors] }));
  }

  /** Hydrate: schedule the initial callbacks for the whole layout. */
  start(): void {
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

  /** `setProps` of a view: store the props that changed and trigger the callbacks listening to them. */
  setPropsFromView(key: number, changes: Readonly<Record<string, unknown>>): void {
    const changed = this.store.setProps(key, changes);
    const id = this.store.getNode(key)?.id;
    if (id !== undefined && changed.length > 0) this.scheduler.propsChanged(id, changed);
  }
}
