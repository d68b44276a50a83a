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
  /** `<id>.<prop>` → value, for inputs and for state. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly states: Readonly<Record<string, unknown>>;
  readonly sideUpdates: Map<string, Record<string, unknown>>;
}

const storage = new AsyncLocalStorage<CallbackScope>();

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
): Promise<{ result: T; sideUpdates: Map<string, Record<string, unknown>> }> {
  const scope: CallbackScope = {
    changedPropIds: request.changedPropIds,
    inputs: flatten(request.inputs),
    states: flatten(request.state),
    sideUpdates: new Map(),
  };
  const result = await storage.run(scope, fn);
  return { result, sideUpdates: scope.sideUpdates };
}

function scope(what: string): CallbackScope {
  const current = storage.getStore();
  if (current === undefined) throw new Error(`${what} can only be used while a callback runs`);
  return current;
}

/** Dash's `callback_context`, read inside a callback. */
export const ctx = {
  /** The props that fired this call, with their values; `[]` on the initial call. */
  get triggered(): TriggeredProp[] {
    const s = scope('ctx.triggered');
    return s.changedPropIds.map((propId) => ({ prop_id: propId, value: s.inputs[propId] ?? null }));
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
    return scope('ctx.inputs').inputs;
  },
  /** Every State's value, keyed `<id>.<prop>`. */
  get states(): Readonly<Record<string, unknown>> {
    return scope('ctx.states').states;
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
