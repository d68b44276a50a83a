/**
 * `ctx`: Dash's `callback_context`, backed by AsyncLocalStorage so that the function's parameters stay
 * exactly its dependencies (STYLE.md §9.8) and concurrent callbacks never see each other's context.
 * Also `setProps`: Dash's `set_props`, side updates sent in the response's `sideUpdate`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ComponentId } from '../../shared/prop-id.js';
import { stringifyId, parseId, splitPropId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef } from '../../shared/protocol.js';
import type { ArgumentLeaf, OutputLeaf } from './grouping.js';
import { argsGrouping, outputsGrouping } from './grouping.js';
import { CallbackResponse } from './response.js';

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
  /** `custom_data` hooks' values for this call (spec/callbacks.md §11.1). */
  readonly customData: Readonly<Record<string, unknown>>;
  /** The request's dependencies as checked (for `inputs_list`, `args_grouping`, …). */
  readonly call: CallDependencies;
  /** Cookies, headers and timings the callback adds to its answer (`ctx.response`). */
  readonly response: CallbackResponse;
  /** The request's cookies and headers (`ctx.cookies`, `ctx.headers`); copied into background jobs. */
  readonly request: RequestData;
  /** Background jobs: `setProps` is streamed here instead of collected into `sideUpdates`. */
  readonly onSetProps: ((id: string, props: Record<string, unknown>) => void) | undefined;
  /** Background jobs: aborted when the job is cancelled or superseded. */
  readonly signal: AbortSignal | undefined;
}

/** Request data a callback may read. */
export interface RequestData {
  readonly cookies: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

type Slot<T> = T | T[];

/** The dependencies of one request, as the server checked them. */
interface CallDependencies {
  readonly inputs: readonly Slot<CallbackArgument>[];
  readonly state: readonly Slot<CallbackArgument>[];
  readonly outputs: readonly Slot<CallbackOutputRef>[];
  readonly multi: boolean;
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
    customData?: Readonly<Record<string, unknown>> | undefined;
    outputs?: readonly Slot<CallbackOutputRef>[];
    multi?: boolean;
    /** Where `ctx.response` / `ctx.record_timing` write; the caller reads it afterwards. */
    response?: CallbackResponse;
    request?: RequestData | undefined;
    onSetProps?: ((id: string, props: Record<string, unknown>) => void) | undefined;
    signal?: AbortSignal | undefined;
  },
  fn: () => T | Promise<T>,
  needsAsyncContext: boolean,
): Promise<{ result: T; sideUpdates: Map<string, Record<string, unknown>> }> {
  const scope: CallbackScope = {
    changedPropIds: request.changedPropIds,
    inputs: once(() => flatten(request.inputs)),
    states: once(() => flatten(request.state)),
    sideUpdates: new Map(),
    customData: request.customData ?? {},
    call: {
      inputs: request.inputs,
      state: request.state,
      outputs: request.outputs ?? [],
      multi: request.multi ?? false,
    },
    response: request.response ?? new CallbackResponse(),
    request: request.request ?? { cookies: {}, headers: {} },
    onSetProps: request.onSetProps,
    signal: request.signal,
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
  /** Values of the `custom_data` hooks, by namespace (evaluated before this call). */
  get custom_data(): Readonly<Record<string, unknown>> {
    return scope('ctx.custom_data').customData;
  },
  /** Per Input: `{id, property, value}`, or a list of them for ALL/ALLSMALLER (§3.5). */
  get inputs_list(): readonly Slot<CallbackArgument>[] {
    return scope('ctx.inputs_list').call.inputs;
  },
  /** Per State: `{id, property, value}`, or a list of them. */
  get states_list(): readonly Slot<CallbackArgument>[] {
    return scope('ctx.states_list').call.state;
  },
  /** `{id, property}` for a single Output; a list (one entry or list per Output) for several. */
  get outputs_list(): Slot<OutputLeaf> | Slot<OutputLeaf>[] {
    const { call } = scope('ctx.outputs_list');
    return outputsGrouping(call.outputs, call.multi);
  },
  /** Inputs then States, each leaf `{id, property, value, str_id, triggered}` (lists for wildcards). */
  get args_grouping(): Slot<ArgumentLeaf>[] {
    const s = scope('ctx.args_grouping');
    return argsGrouping([...s.call.inputs, ...s.call.state], s.changedPropIds);
  },
  /** Outputs with the structure they were declared in (`{id, property}` leaves). */
  get outputs_grouping(): Slot<OutputLeaf> | Slot<OutputLeaf>[] {
    const { call } = scope('ctx.outputs_grouping');
    return outputsGrouping(call.outputs, call.multi);
  },
  /** Dependencies are declared positionally in dash-ts: never a dict/nested grouping. */
  get using_args_grouping(): boolean {
    scope('ctx.using_args_grouping');
    return false;
  },
  get using_outputs_grouping(): boolean {
    scope('ctx.using_outputs_grouping');
    return false;
  },
  /** This call's HTTP answer: `set_cookie`, `delete_cookie`, `set_header`. */
  get response(): Pick<CallbackResponse, 'set_cookie' | 'delete_cookie' | 'set_header'> {
    return scope('ctx.response').response;
  },
  /** The request's cookies (name → value); also inside background jobs. */
  get cookies(): Readonly<Record<string, string>> {
    return scope('ctx.cookies').request.cookies;
  },
  /** The request's headers (lower-case names); also inside background jobs. */
  get headers(): Readonly<Record<string, string>> {
    return scope('ctx.headers').request.headers;
  },
  /** In a background job: aborted when the job is cancelled or superseded (stop work then); else undefined. */
  get signal(): AbortSignal | undefined {
    return scope('ctx.signal').signal;
  },
  /** Add a `Server-Timing` entry (sent in debug mode, in ms); each name once per call. */
  record_timing(name: string, seconds: number, description?: string): void {
    scope('ctx.record_timing').response.record_timing(name, seconds, description);
  },
};

/**
 * Dash's `set_props`: update props of any component from inside a callback, beside its outputs.
 * The update travels in the response's `sideUpdate` and fires the callbacks that depend on it.
 */
export function setProps(id: ComponentId, props: Record<string, unknown>): void {
  const s = scope('setProps');
  const key = stringifyId(id);
  if (s.onSetProps) {
    s.onSetProps(key, props);
    return;
  }
  s.sideUpdates.set(key, { ...(s.sideUpdates.get(key) ?? {}), ...props });
}
