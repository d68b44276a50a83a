/**
 * The `Dash` app object: layout, callbacks, and how to serve them (a Fastify plugin, a Fastify
 * instance for tests, or `run()` for a listening server).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify';
import type {
  AnyArgument,
  AnyOutput,
  CallbackOptions,
  InferValue,
  InferValues,
  MaybePromise,
  NoUpdate,
  OutputReturn,
  Updates,
} from '../shared/dependencies.js';
import type { Child } from '../shared/layout.js';
import type { CallbackDefinition } from './callbacks/registry.js';
import { CallbackRegistry } from './callbacks/registry.js';
import { InProcessManager } from './background/in-process.js';
import type { ClientsideCallbackFunction } from './clientside.js';
import { ClientsideScripts, registryArguments } from './clientside.js';
import { DashError } from './errors.js';
import { AppHooks, Hooks, hooks as globalHooks } from './hooks.js';
import { AppPages } from './pages/app-pages.js';
import { pageContainer } from './pages/container.js';
import type { PageEntry, PageOptions } from './pages/registry.js';
import type { DashOptions, ResolvedOptions } from './options.js';
import { resolveOptions } from './options.js';
import type { ComponentPackage } from './suites.js';

/** `set_progress` of a background callback: one value, or an array with one value per progress output. */
export type SetProgress = (value: unknown) => void;

/** A layout: a component tree (or any child value), or a function building one per page load. */
export type Layout = Child | (() => MaybePromise<Child>);

/** Options of `app.run()`. */
export interface RunOptions {
  port?: number;
  host?: string;
  /** Dev tools: error details in the browser, `_reload-hash`, non-minified errors. */
  debug?: boolean;
  /** Fastify logger setting; default: info in production, debug in debug mode. */
  logger?: FastifyServerOptions['logger'];
  /**
   * With `debug`: restart when a file in the main script's folder changes. This process then only
   * supervises: it runs the script again in a child process (which serves) and `run()` never returns
   * here. Off by default, because it re-runs the whole script. `dash-ts run --debug` does this by itself.
   */
  hotReload?: boolean;
}

/** Options of `app.server()`: a Fastify instance with the app mounted. */
export interface ServerOptions {
  debug?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built browser renderer (`manifest.json` and its files); default: this package's dist/browser. */
  bundleDir?: string;
}

export class Dash {
  /** Options as the user gave them. */
  readonly options: DashOptions;
  /** Folder relative paths in the options are resolved from (the CLI sets it to the app's folder). */
  baseDir: string = process.cwd();
  /** @internal */
  readonly registry: CallbackRegistry;
  /** @internal The inline clientside functions and their served file. */
  readonly clientsideScripts = new ClientsideScripts();
  /** @internal The hooks applied to this app: global ones registered before it was created, and its plugins'. */
  readonly hooks: AppHooks;
  /** @internal The pages of a multi-page app. */
  readonly pages: AppPages;
  #layout: Layout | undefined;
  #validationLayout: Layout | undefined;
  readonly #packages: ComponentPackage[] = [];
  #backgroundManager: InProcessManager | undefined;
  #apisEnabled = false;

  constructor(options: DashOptions = {}) {
    this.options = options;
    this.registry = new CallbackRegistry(() => options.prevent_initial_callbacks ?? false);
    this.registry.appErrorHandler = () => options.on_error;
    // Background callbacks without their own manager share the app's (one in-process manager by default).
    this.registry.backgroundManager = () =>
      options.background_callback_manager ?? (this.#backgroundManager ??= new InProcessManager());
    this.pages = new AppPages(() => {
      const resolved = this.resolvedOptions();
      return {
        appTitle: resolved.title,
        appDescription: options.description ?? '',
        requestsPrefix: resolved.requestsPrefix,
      };
    });
    for (const page of options.pages ?? []) this.registerPage(page);
    // Hooks (spec/callbacks.md §11.1): a snapshot, so hooks registered later never change this app.
    const plugins = options.plugins ?? [];
    this.hooks = new AppHooks([globalHooks, ...plugins.filter((p): p is Hooks => p instanceof Hooks)]);
    for (const hook of this.hooks.get('setup')) hook.fn(this);
    for (const hook of this.hooks.get('callback')) this.registry.add(hook.data.outputs, hook.data.deps);
    // The hook's arguments were checked by nobody yet: the untyped implementation signature checks them.
    const clientside = this.clientside_callback.bind(this) as (fn: unknown, ...rest: unknown[]) => CallbackDefinition;
    for (const hook of this.hooks.get('clientside_callback')) clientside(hook.data.fn, ...hook.data.rest);
    for (const plugin of plugins) if (!(plugin instanceof Hooks)) plugin.plug(this);
  }

  /**
   * Register a page of a multi-page app (Dash's `register_page`; spec/callbacks.md §10): `path` (or
   * `path_template` with `<variables>`), `layout` (required: a tree or a function of the path
   * variables, query parameters and routing inputs), `name`, `title`, `description`, `order`,
   * `image`, `redirect_from`, and any extra keys. The app layout must contain `page_container`, or be
   * left unset.
   */
  registerPage(options: PageOptions): PageEntry {
    return this.pages.registry.register(options);
  }

  /** The registered pages, module → entry, in registry order (Dash's `page_registry`). */
  get page_registry(): ReadonlyMap<string, PageEntry> {
    return this.pages.registry.asMap();
  }

  /** @internal Register the pages router (once); the server calls it at startup. */
  installPages(requestsPrefix: string): void {
    const layout = this.#layout;
    this.pages.install({
      callbacks: this.registry,
      routingInputs: this.options.routing_callback_inputs ?? {},
      staticLayout: typeof layout === 'function' ? undefined : layout,
      requestsPrefix,
      appTitle: this.resolvedOptions().title,
    });
  }

  /** The page layout: a component, or a function called for each page load. */
  get layout(): Layout | undefined {
    return this.#layout;
  }

  set layout(value: Layout | undefined) {
    if (value === undefined || value === null) {
      throw new DashError('DASH_ERR_LAYOUT', 'app.layout must be a component, a list, or a function returning one');
    }
    this.#layout = value;
  }

  /**
   * Dash's `validation_layout`: a superset of every component callbacks may reach (all pages, tabs,
   * components made by callbacks), or a function returning one. Callbacks are checked against it
   * instead of `layout`, so ids that appear later are not reported as missing (spec/callbacks.md §9.2).
   * Without it, a layout function is called once outside any request and its result is used.
   */
  get validation_layout(): Layout | undefined {
    return this.#validationLayout;
  }

  set validation_layout(value: Layout | undefined) {
    this.#validationLayout = value ?? undefined;
  }

  /** The layout for one page load: calls a layout function. */
  async resolveLayout(): Promise<Child> {
    const layout = this.#layout;
    // A multi-page app without a layout shows the page container alone (Dash's default).
    if (layout === undefined && this.pages.enabled) return pageContainer();
    if (layout === undefined) {
      throw new DashError('DASH_ERR_LAYOUT', 'The app has no layout: set app.layout before serving it');
    }
    const resolved = typeof layout === 'function' ? await layout() : layout;
    if (this.extraComponents.length === 0) return resolved;
    // Dash's `_extra_components`: the layout and the extras side by side in one Div.
    return { type: 'Div', namespace: 'dash_html_components', props: { children: [resolved, ...this.extraComponents] } };
  }

  /**
   * Components served with every layout, after it (Dash's `app._extra_components`): for libraries
   * that need a component on every page (a store, a location) without touching the user's layout.
   */
  readonly extraComponents: Child[] = [];

  /**
   * Serve the listed files of a folder under `_dash-component-suites/<name>/` (an allowlist: nothing
   * else in the folder is reachable), with Dash's fingerprinted URLs and cache headers. Register
   * before the server starts.
   */
  registerComponentPackage(pkg: ComponentPackage): void {
    this.#packages.push(pkg);
  }

  /** @internal The packages given to `registerComponentPackage`. */
  get componentPackages(): readonly ComponentPackage[] {
    return this.#packages;
  }

  /** Options with defaults applied, paths resolved from `baseDir`. */
  resolvedOptions(): ResolvedOptions {
    return resolveOptions(this.options, this.baseDir);
  }

  /**
   * Register a callback: one Output (the function returns that prop's value or `noUpdate`), or an
   * array of Outputs (the function returns a tuple, one slot per output), then Inputs, then States,
   * then the function, optionally followed by options (or a boolean: Dash's positional `prevent_initial_call`).
   *
   * The multi-output signatures come first on purpose: TypeScript fixes the type of a
   * parameterless arrow's returned array literal against the first overload it tries, and only a
   * tuple context keeps `() => ['a', 'b']` a tuple.
   */
  callback<TOuts extends readonly AnyOutput[], TArgs extends readonly AnyArgument[]>(
    outputs: [...TOuts],
    ...rest: [...args: TArgs, fn: (...values: InferValues<TArgs>) => MaybePromise<Updates<TOuts> | NoUpdate>]
  ): CallbackDefinition;
  callback<TOut extends AnyOutput, TArgs extends readonly AnyArgument[]>(
    output: TOut,
    ...rest: [...args: TArgs, fn: (...values: InferValues<TArgs>) => MaybePromise<OutputReturn<InferValue<TOut>>>]
  ): CallbackDefinition;
  callback<TOut extends AnyOutput, TArgs extends readonly AnyArgument[]>(
    output: TOut,
    ...rest: [
      ...args: TArgs,
      fn: (...values: InferValues<TArgs>) => MaybePromise<OutputReturn<InferValue<TOut>>>,
      options: CallbackOptions | boolean,
    ]
  ): CallbackDefinition;
  callback<TOuts extends readonly AnyOutput[], TArgs extends readonly AnyArgument[]>(
    outputs: [...TOuts],
    ...rest: [
      ...args: TArgs,
      fn: (...values: InferValues<TArgs>) => MaybePromise<Updates<TOuts> | NoUpdate>,
      options: CallbackOptions | boolean,
    ]
  ): CallbackDefinition;
  /** No Output: Inputs/States (possibly none), then a function that acts through `setProps` and returns nothing. */
  callback<TArgs extends readonly AnyArgument[]>(
    ...args: [...args: TArgs, fn: (...values: InferValues<TArgs>) => MaybePromise<void>]
  ): CallbackDefinition;
  callback<TArgs extends readonly AnyArgument[]>(
    ...args: [
      ...args: TArgs,
      fn: (...values: InferValues<TArgs>) => MaybePromise<void>,
      options: CallbackOptions | boolean,
    ]
  ): CallbackDefinition;
  /**
   * A background callback with `progress` (spec/callbacks.md §5.5): the function receives
   * `setProgress` first (one value, or an array with one value per progress output), then the values.
   * Annotate the parameters (`async (setProgress: SetProgress, n: number) => …`): TypeScript types
   * unannotated ones from the first overload, which has no `setProgress`.
   */
  callback<TOuts extends readonly AnyOutput[], TArgs extends readonly AnyArgument[]>(
    outputs: [...TOuts],
    ...rest: [
      ...args: TArgs,
      fn: (setProgress: SetProgress, ...values: InferValues<TArgs>) => MaybePromise<Updates<TOuts> | NoUpdate>,
      options: CallbackOptions & { background: true; progress: AnyOutput | readonly AnyOutput[] },
    ]
  ): CallbackDefinition;
  callback<TOut extends AnyOutput, TArgs extends readonly AnyArgument[]>(
    output: TOut,
    ...rest: [
      ...args: TArgs,
      fn: (setProgress: SetProgress, ...values: InferValues<TArgs>) => MaybePromise<OutputReturn<InferValue<TOut>>>,
      options: CallbackOptions & { background: true; progress: AnyOutput | readonly AnyOutput[] },
    ]
  ): CallbackDefinition;
  callback(...args: unknown[]): CallbackDefinition {
    return this.registry.add(args[0], args.slice(1));
  }

  /**
   * Register a callback that runs in the browser (spec/callbacks.md §6): `fn` first, then the same
   * Outputs / Inputs / States / options as `callback()`. `fn` is `ClientsideFunction(namespace, name)`
   * (a function your assets folder defines on `window.dash_clientside`), a JavaScript source string,
   * or a function of the app. A function is sent to the browser as its source text, so it must be
   * self-contained: no imports, no variables from around it — only its arguments and browser globals
   * such as `dash_clientside`. The server never runs it.
   */
  clientside_callback<TArgs extends readonly AnyArgument[]>(
    fn: ClientsideCallbackFunction<InferValues<TArgs>>,
    outputs: AnyOutput | readonly AnyOutput[],
    ...args: [...args: TArgs]
  ): CallbackDefinition;
  clientside_callback<TArgs extends readonly AnyArgument[]>(
    fn: ClientsideCallbackFunction<InferValues<TArgs>>,
    outputs: AnyOutput | readonly AnyOutput[],
    ...args: [...args: TArgs, options: CallbackOptions | boolean]
  ): CallbackDefinition;
  /** No Output: Inputs/States only; the function acts through `dash_clientside.set_props`. */
  clientside_callback<TArgs extends readonly AnyArgument[]>(
    fn: ClientsideCallbackFunction<InferValues<TArgs>>,
    ...args: [...args: TArgs]
  ): CallbackDefinition;
  clientside_callback<TArgs extends readonly AnyArgument[]>(
    fn: ClientsideCallbackFunction<InferValues<TArgs>>,
    ...args: [...args: TArgs, options: CallbackOptions | boolean]
  ): CallbackDefinition;
  clientside_callback(fn: unknown, ...rest: unknown[]): CallbackDefinition {
    const spec = this.clientsideScripts.register(fn);
    const [outputs, ...tail] = registryArguments(rest);
    return this.registry.addClientside(spec, outputs, tail);
  }

  /**
   * Serve every callback registered with `api_endpoint` as `POST <path>` (spec/callbacks.md §5.7):
   * the raw function, called with the JSON body's values and answering its return value as JSON.
   * Body keys are matched to the callback's Inputs then States, in declaration order, by their
   * `<id>.<prop>` name, or by the prop name alone when no other dependency has it (so
   * `{"value": 3}` works for one Input on `value`); a missing key passes `null`, an unknown key is
   * a 400. Call it before the server is created.
   */
  setup_apis(): void {
    this.#apisEnabled = true;
  }

  /** @internal Whether `setup_apis()` was called. */
  get apisEnabled(): boolean {
    return this.#apisEnabled;
  }

  /**
   * The app as a Fastify plugin, to mount in an existing server:
   * `await fastify.register(app.plugin({ debug }), { prefix: "/dash" })`.
   */
  plugin(options: { debug?: boolean; bundleDir?: string } = {}): FastifyPluginAsync {
    return async (instance) => {
      const { dashPlugin } = await import('./plugin.js');
      await instance.register(dashPlugin, { app: this, debug: options.debug ?? false, bundleDir: options.bundleDir });
    };
  }

  /** A ready Fastify instance serving this app (for `inject` in tests, or to listen yourself). */
  async server(options: ServerOptions = {}): Promise<FastifyInstance> {
    const { createDashServer } = await import('./server.js');
    return createDashServer(this, options);
  }

  /** Serve the app: `await app.run({ port: 8050, host: "127.0.0.1", debug: true })`. */
  async run(options: RunOptions = {}): Promise<FastifyInstance> {
    const devtools = await import('./devtools/supervisor.js');
    if (options.debug === true && options.hotReload === true && !devtools.isSupervisedChild()) {
      process.exit(await devtools.superviseScript(options.port ?? 8050));
    }
    const serverOptions: ServerOptions = { debug: options.debug ?? false };
    if (options.logger !== undefined) serverOptions.logger = options.logger;
    const server = await this.server(serverOptions);
    // A restarted child listens where the first one did (the open page polls that address).
    await server.listen({ port: devtools.supervisedPort() ?? options.port ?? 8050, host: options.host ?? '127.0.0.1' });
    const address = server.server.address();
    if (typeof address === 'object' && address !== null) {
      devtools.reportToSupervisor({ port: address.port, assetsFolder: this.resolvedOptions().assetsFolder }, () =>
        server.close(),
      );
    }
    return server;
  }
}
