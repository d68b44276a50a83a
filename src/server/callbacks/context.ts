/**
 * `ctx`: Dash's `callback_context`, backed by AsyncLocalStorage so that the function's parameters stay
 * exactly its dependencies (STYLE.md §9.8) and concurrent callbacks never see each other's context.
 * Also `setProps`: Dash's `set_props`, side updates sent in the response's `sideUpdate`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ComponentId } from '../../shared/prop-id.js';
import { stringifyId, parseId, splitPropId } from '../../shared/prop-id.js';
import type { CallbackArgument } from '../../shared/protocol.js';

/** One entry of `ctx.triggered`. */
export interface TriggeredProp {
  prop_id: string;
  value: unknown;
}

interface CallbackScope {
  readonly changedPropIds: readonly string[];
  /** `<id>.<prop>` → value, for inputs and for state; built on first use (most callbacks never read ctx). */
  readonly inputs: () => Readonly<Record<string, unknown>>;
  readonly states: () => Readonly<Record<string, unknown>>;
  readonly sideUpdates: Map<string, Record<string, unknown>>;
}

/** `fn`'s result, computed once on first call. */
function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

const storage = new AsyncLocalStorage<CallbackScope>();

/**
 * The scope of the callback running synchronously right now. Plain (non-async) functions run with
 * this instead of AsyncLocalStorage: on Node 20, AsyncLocalStorage installs promise hooks that cost
 * every request about 15% of callback throughput (measured with `npm run bench`), and a plain
 * function needs no context carried across awaits. `async` functions get AsyncLocalStorage, so ctx
 * and setProps keep working after an await. (A plain function that returns a promise chain sees ctx
 * only in its synchronous part; later reads throw a clear error rather than see another call's ctx.)
 */
let syncScope: CallbackScope | undefined;

/** True for functions declared `async` (their body may await before reading ctx). */
export function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'AsyncFunction';
}

function flatten(args: readonly (CallbackArgument | CallbackArgument[])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args.flat()) out[`${stringifyId(arg.id)}.${arg.property}`] = arg.value ?? null;
  return out;
}

/** Run `fn` with a callback context; returns its result and the side updates it made. */
export async function runInContext<T>(
  request: {
    changedPropIds: readonly string[];
    inputs: readonly (CallbackArgument | CallbackArgument[])[];
    state: readonly (CallbackArgument | CallbackArgument[])[];
  },
  fn: () => T | Promise<T>,
  needsAsyncContext: boolean,
): Promise<{ result: T; sideUpdates: Map<string, Record<string, unknown>> }> {
  const scope: CallbackScope = {
    changedPropIds: request.changedPropIds,
    inputs: once(() => flatten(request.inputs)),
    states: once(() => flatten(request.state)),
    sideUpdates: new Map(),
  };
  if (needsAsyncContext) {
    const result = await storage.run(scope, fn);
    return { result, sideUpdates: scope.sideUpdates };
  }
  const previous = syncScope;
  syncScope = scope;
  let returned: T | Promise<T>;
  try {
    returned = fn();
  } finally {
    syncScope = previous;
  }
  return { result: await returned, sideUpdates: scope.sideUpdates };
}

function scope(what: string): CallbackScope {
  const current = syncScope ?? storage.getStore();
  if (current === undefined) throw new Error(`${what} can only be used while a callback runs`);
  return current;
}

/** Dash's `callback_context`, read inside a callback. */
export const ctx = {
  /** The props that fired this call, with their values; `[]` on the initial call. */
  get triggered(): TriggeredProp[] {
    const s = scope('ctx.triggered');
    const inputs = s.inputs();
    return s.changedPropIds.map((propId) => ({ prop_id: propId, value: inputs[propId] ?? null }));
  },
  /** The id of the component that fired this call (a dict for pattern ids), or null. */
  get triggered_id(): ComponentId | null {
    const first = scope('ctx.triggered_id').changedPropIds[0];
    if (first === undefined) return null;
    return parseId(splitPropId(first)[0]);
  },
  /** The props that fired this call, as `{ "<id>.<prop>": value }`. */
  get triggered_prop_ids(): Record<string, ComponentId> {
    const out: Record<string, ComponentId> = {};
    for (const propId of scope('ctx.triggered_prop_ids').changedPropIds) out[propId] = parseId(splitPropId(propId)[0]);
    return out;
  },
  /** Every Input's value, keyed `<id>.<prop>`. */
  get inputs(): Readonly<Record<string, unknown>> {
    return scope('ctx.inputs').inputs();
  },
  /** Every State's value, keyed `<id>.<prop>`. */
  get states(): Readonly<Record<string, unknown>> {
    return scope('ctx.states').states();
  },
};

/**
 * Dash's `set_props`: update props of any component from inside a callback, beside its outputs.
 * The update travels in the response's `sideUpdate` and fires the callbacks that depend on it.
 */
export function setProps(id: ComponentId, props: Record<string, unknown>): void {
  const s = scope('setProps');
  const key = stringifyId(id);
  s.sideUpdates.set(key, { ...(s.sideUpdates.get(key) ?? {}), ...props });
}
