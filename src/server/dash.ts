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
  Updates,
} from '../shared/dependencies.js';
import type { Child } from '../shared/layout.js';
import type { CallbackDefinition } from './callbacks/registry.js';
import { CallbackRegistry } from './callbacks/registry.js';
import { DashError } from './errors.js';
import type { DashOptions, ResolvedOptions } from './options.js';
import { resolveOptions } from './options.js';
import type { ComponentPackage } from './suites.js';

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
  #layout: Layout | undefined;
  readonly #packages: ComponentPackage[] = [];

  constructor(options: DashOptions = {}) {
    this.options = options;
    this.registry = new CallbackRegistry(() => options.prevent_initial_callbacks ?? false);
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

  /** The layout for one page load: calls a layout function. */
  async resolveLayout(): Promise<Child> {
    const layout = this.#layout;
    if (layout === undefined) {
      throw new DashError('DASH_ERR_LAYOUT', 'The app has no layout: set app.layout before serving it');
    }
    return typeof layout === 'function' ? await layout() : layout;
  }

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
   * then the function, optionally followed by options.
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
    ...rest: [...args: TArgs, fn: (...values: InferValues<TArgs>) => MaybePromise<InferValue<TOut> | NoUpdate>]
  ): CallbackDefinition;
  callback<TOut extends AnyOutput, TArgs extends readonly AnyArgument[]>(
    output: TOut,
    ...rest: [
      ...args: TArgs,
      fn: (...values: InferValues<TArgs>) => MaybePromise<InferValue<TOut> | NoUpdate>,
      options: CallbackOptions,
    ]
  ): CallbackDefinition;
  callback<TOuts extends readonly AnyOutput[], TArgs extends readonly AnyArgument[]>(
    outputs: [...TOuts],
    ...rest: [
      ...args: TArgs,
      fn: (...values: InferValues<TArgs>) => MaybePromise<Updates<TOuts> | NoUpdate>,
      options: CallbackOptions,
    ]
  ): CallbackDefinition;
  callback(outputs: AnyOutput | AnyOutput[], ...rest: unknown[]): CallbackDefinition {
    return this.registry.add(outputs, rest);
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
    const serverOptions: ServerOptions = { debug: options.debug ?? false };
    if (options.logger !== undefined) serverOptions.logger = options.logger;
    const server = await this.server(serverOptions);
    await server.listen({ port: options.port ?? 8050, host: options.host ?? '127.0.0.1' });
    return server;
  }
}
