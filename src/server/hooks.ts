/**
 * Server hooks as in Dash 3+ (spec/callbacks.md §11.1, `dash/_hooks.py`): functions registered on the
 * global `hooks` object (or on a `Hooks` collection a plugin passes as `new Dash({ plugins: [...] })`)
 * and applied to every app created afterwards. Each app takes a snapshot when it is constructed
 * (`AppHooks`), so hooks registered later never change a running app.
 *
 * Ordering per kind: descending `priority`; a hook registered without one gets (current minimum − 1),
 * i.e. runs after every hook registered before it; at most one `final` hook per kind, which runs last.
 */
import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { Child } from '../shared/layout.js';
import type { MaybePromise } from '../shared/dependencies.js';
import type { CallbackArgument } from '../shared/protocol.js';
import type { Dash } from './dash.js';
import { DashError } from './errors.js';

/** Raised for a misuse of hooks (a second `final` hook of one kind). */
export class HookError extends DashError {
  constructor(message: string) {
    super('DASH_ERR_OPTIONS', message);
    this.name = 'HookError';
  }
}

/** Ordering options of every hook kind. */
export interface HookOrder {
  /** Higher runs first. Default: after every hook registered before (current minimum − 1). */
  priority?: number;
  /** Run after all others; one per kind. */
  final?: boolean;
}

/** `hooks.route` options. */
export interface RouteHookOptions extends HookOrder {
  /** Path under the routes prefix; default the function's name. */
  name?: string;
  /** Default `['GET']`. */
  methods?: HTTPMethods[];
}

/** A route hook's handler: a Fastify handler; its return value is the response body. */
export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** A script the index page loads (after the renderer and the assets): a URL, or `{ src, module }`. */
export type HookScript = string | { src: string; module?: boolean };

/** What a `custom_data` hook receives: the callback being run. */
export interface CustomDataContext {
  /** The callback's `output` key. */
  readonly output: string;
  /** The request's Inputs and States: `{id, property, value}` (a list for ALL/ALLSMALLER). */
  readonly inputs: readonly (CallbackArgument | CallbackArgument[])[];
  readonly state: readonly (CallbackArgument | CallbackArgument[])[];
  /** `<id>.<prop>` of the props that fired the call. */
  readonly triggered_prop_ids: readonly string[];
}

/** The function (and data) of each hook kind. */
export interface HookKinds {
  layout: { fn: (layout: Child) => MaybePromise<Child>; data: undefined };
  setup: { fn: (app: unknown) => void; data: undefined };
  route: { fn: RouteHandler; data: { name: string; methods: HTTPMethods[] } };
  error: { fn: (error: unknown) => void; data: undefined };
  callback: { fn: (...values: unknown[]) => unknown; data: { outputs: unknown; deps: readonly unknown[] } };
  clientside_callback: { fn: null; data: { fn: unknown; rest: readonly unknown[] } };
  index: { fn: (html: string) => string; data: undefined };
  custom_data: { fn: (context: CustomDataContext) => unknown; data: { namespace: string } };
  script: { fn: null; data: HookScript[] };
  stylesheet: { fn: null; data: string[] };
}

export type HookKind = keyof HookKinds;

/** One registered hook. */
export interface HookEntry<K extends HookKind = HookKind> {
  readonly kind: K;
  readonly fn: HookKinds[K]['fn'];
  readonly data: HookKinds[K]['data'];
  readonly priority: number;
  readonly final: boolean;
  /** Registration sequence, for stable ordering among equal priorities. */
  readonly seq: number;
}

let sequence = 0;

/**
 * A collection of hooks. The package exports one global instance (`hooks`); a plugin may build its own
 * with `new Hooks()` and hand it to apps through `new Dash({ plugins: [myHooks] })`.
 */
export class Hooks {
  readonly #entries: HookEntry[] = [];

  #add<K extends HookKind>(kind: K, fn: HookKinds[K]['fn'], data: HookKinds[K]['data'], order: HookOrder = {}): void {
    const final = order.final === true;
    if (final && this.#entries.some((e) => e.kind === kind && e.final)) {
      throw new HookError(`hooks.${kind}: a final hook is already registered; only one final hook per kind`);
    }
    let priority = order.priority;
    if (priority === undefined) {
      const others = this.#entries.filter((e) => e.kind === kind && !e.final).map((e) => e.priority);
      priority = others.length === 0 ? 0 : Math.min(...others) - 1;
    }
    this.#entries.push({ kind, fn, data, priority, final, seq: (sequence += 1) });
  }

  /** `fn(layout) -> layout`, applied each time the layout is served. */
  layout(fn: HookKinds['layout']['fn'], order?: HookOrder): this {
    this.#add('layout', fn, undefined, order);
    return this;
  }

  /** `fn(app)`, called while an app is constructed. */
  setup(fn: (app: Dash) => void, order?: HookOrder): this {
    this.#add('setup', fn as HookKinds['setup']['fn'], undefined, order);
    return this;
  }

  /** A route `<routes prefix><name>` on every app's server. */
  route(fn: RouteHandler, options: RouteHookOptions = {}): this {
    const name = (options.name ?? fn.name).replace(/^\/+/, '');
    if (name === '') throw new HookError('hooks.route: give the route a name (or use a named function)');
    this.#add('route', fn, { name, methods: options.methods ?? ['GET'] }, options);
    return this;
  }

  /** Called with the error of every failing callback (after the app's own error handling). */
  error(fn: (error: unknown) => void, order?: HookOrder): this {
    this.#add('error', fn, undefined, order);
    return this;
  }

  /**
   * A callback registered on every app, with `app.callback`'s arguments: outputs, Inputs/States, the
   * function, optional options.
   */
  callback(outputs: unknown, ...rest: unknown[]): this {
    const fnIndex = rest.findLastIndex((r) => typeof r === 'function');
    if (fnIndex === -1) throw new HookError('hooks.callback: the callback function is missing');
    this.#add('callback', rest[fnIndex] as HookKinds['callback']['fn'], { outputs, deps: rest });
    return this;
  }

  /**
   * A clientside callback registered on every app, with `app.clientside_callback`'s arguments: the
   * function (`ClientsideFunction(namespace, name)`, JavaScript source, or a self-contained
   * function), then outputs, Inputs/States and options.
   */
  clientside_callback(fn: unknown, ...rest: unknown[]): this {
    this.#add('clientside_callback', null, { fn, rest });
    return this;
  }

  /** `fn(html) -> html`, applied to the final index page. */
  index(fn: (html: string) => string, order?: HookOrder): this {
    this.#add('index', fn, undefined, order);
    return this;
  }

  /** `fn(context) -> value`, evaluated before each callback; read as `ctx.custom_data[namespace]`. */
  custom_data(namespace: string, fn: (context: CustomDataContext) => unknown, order?: HookOrder): this {
    this.#add('custom_data', fn, { namespace }, order);
    return this;
  }

  /** Scripts the index page loads after the renderer and the assets. */
  script(scripts: HookScript[], order?: HookOrder): this {
    this.#add('script', null, [...scripts], order);
    return this;
  }

  /**
   * Stylesheets the index page links after the others. The CSP allows same-origin styles only:
   * serve them from the app (assets folder or a route hook).
   */
  stylesheet(urls: string[], order?: HookOrder): this {
    this.#add('stylesheet', null, [...urls], order);
    return this;
  }

  /** @internal Every hook registered so far. */
  entries(): readonly HookEntry[] {
    return [...this.#entries];
  }
}

/** The global hooks: applied to every app created after registration. */
export const hooks = new Hooks();

/** The hooks of one app: a snapshot of the global hooks and its plugins' hooks, ordered per kind. */
export class AppHooks {
  readonly #byKind = new Map<HookKind, HookEntry[]>();

  constructor(sources: readonly Hooks[]) {
    const all = sources.flatMap((s) => s.entries());
    const kinds = new Set(all.map((e) => e.kind));
    for (const kind of kinds) {
      const ofKind = all.filter((e) => e.kind === kind);
      const finals = ofKind.filter((e) => e.final);
      if (finals.length > 1) {
        throw new HookError(`hooks.${kind}: ${finals.length} final hooks are registered; only one is allowed`);
      }
      const ordered = ofKind
        .filter((e) => !e.final)
        .sort((a, b) => b.priority - a.priority || a.seq - b.seq)
        .concat(finals);
      this.#byKind.set(kind, ordered);
    }
  }

  /** The hooks of one kind, in the order they run. */
  get<K extends HookKind>(kind: K): readonly HookEntry<K>[] {
    return (this.#byKind.get(kind) ?? []) as HookEntry<K>[];
  }

  /** Apply the layout hooks in order. */
  async layout(layout: Child): Promise<Child> {
    let current = layout;
    for (const hook of this.get('layout')) current = await hook.fn(current);
    return current;
  }

  /** Apply the index hooks in order. */
  index(html: string): string {
    let current = html;
    for (const hook of this.get('index')) current = hook.fn(current);
    return current;
  }

  /** Tell every error hook; an error hook that throws is logged, never replaces the original error. */
  error(error: unknown, log: (message: string, cause: unknown) => void): void {
    for (const hook of this.get('error')) {
      try {
        hook.fn(error);
      } catch (hookError) {
        log('dash-ts: an error hook threw', hookError);
      }
    }
  }

  /** The `custom_data` hooks evaluated for one callback, or undefined when there are none. */
  customData(context: CustomDataContext): Record<string, unknown> | undefined {
    const list = this.get('custom_data');
    if (list.length === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const hook of list) out[hook.data.namespace] = hook.fn(context);
    return out;
  }

  /** Hook scripts, in hook order. */
  scripts(): { src: string; module?: boolean }[] {
    return this.get('script').flatMap((h) => h.data.map((s) => (typeof s === 'string' ? { src: s } : { ...s })));
  }

  /** Hook stylesheets, in hook order. */
  stylesheets(): string[] {
    return this.get('stylesheet').flatMap((h) => h.data);
  }
}
