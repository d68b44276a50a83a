/**
 * The server's callback registry: callback key → definition (spec/protocol-core.md §4).
 * Registration-time checks live here, with messages that say what to fix.
 */
import { createHash } from 'node:crypto';
import type { AnyArgument, AnyOutput, CallbackOptions } from '../../shared/dependencies.js';
import { outputKey, propIdString, stringifyId } from '../../shared/prop-id.js';
import type { CallbackSpec } from '../../shared/protocol.js';
import { wildcardKeys } from '../../shared/wildcards.js';
import { DashError } from '../errors.js';
import { isAsyncFunction } from './context.js';

/** The user's function, untyped at runtime. */
export type CallbackFunction = (...values: unknown[]) => unknown;

/** One registered callback. */
export interface CallbackDefinition {
  /** The key in `_dash-dependencies` and in every request's `output`. */
  readonly key: string;
  readonly outputs: readonly AnyOutput[];
  /** Declared as a list of outputs: the function returns a tuple. */
  readonly multi: boolean;
  readonly inputs: readonly AnyArgument[];
  readonly state: readonly AnyArgument[];
  readonly fn: CallbackFunction;
  readonly preventInitialCall: boolean;
  /** Declared `async`: runs with AsyncLocalStorage so ctx survives awaits (see context.ts). */
  readonly isAsync: boolean;
}

function hashInputs(inputs: readonly AnyArgument[]): string {
  const text = inputs.map((d) => propIdString(d.id, d.property)).join(',');
  return createHash('sha256').update(text).digest('hex');
}

/** Split `[...deps, fn]` or `[...deps, fn, options]` into their parts, checking each. */
export function parseCallbackArguments(args: readonly unknown[]): {
  deps: AnyArgument[];
  fn: CallbackFunction;
  options: CallbackOptions;
} {
  let options: CallbackOptions = {};
  let end = args.length;
  const last = args[end - 1];
  if (typeof last === 'object' && last !== null && !('kind' in last)) {
    options = last;
    end -= 1;
  }
  const fn = args[end - 1];
  if (typeof fn !== 'function') {
    throw new DashError('DASH_ERR_CALLBACK_FN', 'callback(): the last argument must be the callback function');
  }
  const deps: AnyArgument[] = [];
  let seenState = false;
  for (const dep of args.slice(0, end - 1)) {
    const d = dep as { kind?: unknown } | null;
    if (d === null || typeof d !== 'object' || (d.kind !== 'input' && d.kind !== 'state')) {
      const what = d?.kind === 'output' ? 'an Output' : JSON.stringify(dep);
      throw new DashError(
        'DASH_ERR_CALLBACK_ARGS',
        `callback(): expected Input(...) or State(...) after the outputs, got ${what}. Outputs go first, as one Output or an array of them.`,
      );
    }
    if (d.kind === 'state') seenState = true;
    else if (seenState) {
      throw new DashError('DASH_ERR_CALLBACK_ARGS', 'callback(): every Input must come before the first State');
    }
    deps.push(dep as AnyArgument);
  }
  return { deps, fn: fn as CallbackFunction, options };
}

function wildcardError(message: string): DashError {
  return new DashError('DASH_ERR_CALLBACK_ARGS', `callback(): pattern-matching (wildcard) error: ${message}`);
}

/**
 * Dash's wildcard rules (spec/callbacks.md §3.6, with the 4.2 relaxation of §3.7): checked when the
 * callback is registered, so a wrong pattern fails at startup rather than in the browser.
 */
export function validateWildcards(outputs: readonly AnyOutput[], deps: readonly AnyArgument[]): void {
  let outputMatch: string[] | undefined;
  for (const o of outputs) {
    if (wildcardKeys(o.id, 'ALLSMALLER').length > 0) {
      throw wildcardError(
        `Output ${propIdString(o.id, o.property)} uses ALLSMALLER; allowed wildcards for Outputs are ALL and MATCH.`,
      );
    }
    const keys = wildcardKeys(o.id, 'MATCH');
    if (outputMatch === undefined) outputMatch = keys;
    else if (keys.join(',') !== outputMatch.join(',')) {
      throw wildcardError(
        `Mismatched MATCH wildcards across Outputs: every Output must use MATCH on the same keys ([${outputMatch.join(', ')}] vs [${keys.join(', ')}] in ${propIdString(o.id, o.property)}).`,
      );
    }
  }
  const matchKeys = new Set(outputMatch ?? []);
  for (const d of deps) {
    const what = `${d.kind === 'input' ? 'Input' : 'State'} ${propIdString(d.id, d.property)}`;
    for (const key of wildcardKeys(d.id, 'ALLSMALLER')) {
      if (!matchKeys.has(key)) {
        throw wildcardError(`${what} uses ALLSMALLER on "${key}", which needs MATCH on "${key}" in the Outputs.`);
      }
    }
    // Since Dash 4.2, MATCH in inputs is free when the outputs carry no MATCH at all (§3.7).
    if (matchKeys.size === 0) continue;
    for (const key of wildcardKeys(d.id, 'MATCH')) {
      if (!matchKeys.has(key)) {
        throw wildcardError(
          `${what} uses MATCH on "${key}", but the Outputs use MATCH only on [${[...matchKeys].join(', ')}] (Input / State wildcards not in Outputs).`,
        );
      }
    }
  }
}

/** The callbacks of one app. */
export class CallbackRegistry {
  readonly #byKey = new Map<string, CallbackDefinition>();
  readonly #outputOwners = new Map<string, string>();

  constructor(private readonly preventInitialDefault: () => boolean) {}

  /** Register a callback; throws a DashError that says what to fix when the declaration is invalid. */
  add(outputsArg: unknown, rest: readonly unknown[]): CallbackDefinition {
    const multi = Array.isArray(outputsArg);
    const outputs = (multi ? outputsArg : [outputsArg]) as unknown[];
    for (const o of outputs) {
      const dep = o as Partial<AnyOutput> | null;
      if (dep === null || typeof dep !== 'object' || dep.kind !== 'output') {
        throw new DashError(
          'DASH_ERR_CALLBACK_ARGS',
          'callback(): the first argument must be an Output(...) or an array of Output(...)',
        );
      }
    }
    if (outputs.length === 0) {
      throw new DashError('DASH_ERR_CALLBACK_ARGS', 'callback(): give at least one Output');
    }
    const { deps, fn, options } = parseCallbackArguments(rest);
    const inputs = deps.filter((d) => d.kind === 'input');
    const state = deps.filter((d) => d.kind === 'state');
    if (inputs.length === 0) {
      throw new DashError('DASH_ERR_CALLBACK_ARGS', 'callback(): give at least one Input(...)');
    }
    const typedOutputs = outputs as AnyOutput[];
    validateWildcards(typedOutputs, deps);
    const seen = new Set<string>();
    const keyed = typedOutputs.map((o) => {
      const propId = propIdString(o.id, o.property);
      if (seen.has(propId)) {
        throw new DashError(
          'DASH_ERR_DUPLICATE_OUTPUT',
          `callback(): the output ${propId} is listed twice in one callback`,
        );
      }
      seen.add(propId);
      const owner = this.#outputOwners.get(propId);
      if (owner !== undefined && o.allowDuplicate !== true) {
        throw new DashError(
          'DASH_ERR_DUPLICATE_OUTPUT',
          `Output ${propId} is already written by the callback "${owner}". Give both Outputs { allow_duplicate: true } if several callbacks must write it.`,
        );
      }
      const property = o.allowDuplicate === true ? `${o.property}@${hashInputs(inputs)}` : o.property;
      return { id: o.id, property };
    });
    const key = outputKey(keyed, multi);
    if (this.#byKey.has(key)) {
      throw new DashError('DASH_ERR_DUPLICATE_CALLBACK', `A callback for ${key} is already registered`);
    }
    const preventInitialCall =
      options.prevent_initial_call ?? options.preventInitialCall ?? this.preventInitialDefault();
    const definition: CallbackDefinition = {
      key,
      outputs: typedOutputs,
      multi,
      inputs,
      state,
      fn,
      preventInitialCall,
      isAsync: isAsyncFunction(fn),
    };
    this.#byKey.set(key, definition);
    for (const o of typedOutputs) {
      const propId = propIdString(o.id, o.property);
      if (!this.#outputOwners.has(propId)) this.#outputOwners.set(propId, key);
    }
    return definition;
  }

  get(key: string): CallbackDefinition | undefined {
    return this.#byKey.get(key);
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** `_dash-dependencies`: every key Dash emits, for every entry. */
  specs(): CallbackSpec[] {
    return [...this.#byKey.values()].map((d) => ({
      output: d.key,
      inputs: d.inputs.map((i) => ({ id: stringifyId(i.id), property: i.property })),
      state: d.state.map((s) => ({ id: stringifyId(s.id), property: s.property })),
      clientside_function: null,
      prevent_initial_call: d.preventInitialCall,
      background: null,
      dynamic_creator: null,
      no_output: false,
      optional: false,
      hidden: null,
      websocket: false,
      persistent: false,
    }));
  }
}
