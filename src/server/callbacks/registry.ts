/**
 * The server's callback registry: callback key → definition (spec/protocol-core.md §4).
 * Registration-time checks live here, with messages that say what to fix.
 */
import { createHash } from 'node:crypto';
import type { AnyArgument, AnyOutput, CallbackErrorHandler, CallbackOptions } from '../../shared/dependencies.js';
import { noUpdate } from '../../shared/dependencies.js';
import { outputKey, propIdString, stringifyId } from '../../shared/prop-id.js';
import type { CallbackSpec, DependencySpec } from '../../shared/protocol.js';
import { wildcardKeys } from '../../shared/wildcards.js';
import type { BackgroundManager } from '../background/manager.js';
import type { BackgroundSpec } from '../background/spec.js';
import { backgroundSpec, jobFunction } from '../background/spec.js';
import { DashError } from '../errors.js';
import { isAsyncFunction } from './context.js';
import { checkDeclaration, OutputIndex } from './validate.js';

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
  /** `running` side updates as sent in `_dash-dependencies` (spec/callbacks.md §5.4). */
  readonly running?: { running: Record<string, unknown>; runningOff: Record<string, unknown> } | undefined;
  /** Declared `async`: runs with AsyncLocalStorage so ctx survives awaits (see context.ts). */
  readonly isAsync: boolean;
  /** `_allow_dynamic_callbacks`: it may register callbacks; the page re-reads the list after it (§1.12). */
  readonly dynamicCreator?: boolean | undefined;
  /** The callback's own `on_error` (spec/callbacks.md §12.1); the app-wide one is `appErrorHandler`. */
  readonly onError?: CallbackErrorHandler | undefined;
  /** A clientside callback (src/server/clientside.ts): runs in the browser only, never on the server. */
  readonly clientside?: { readonly namespace: string; readonly function_name: string } | undefined;
  /** `background: true` (spec/callbacks.md §5.5): runs as a job of its manager. */
  readonly background?: BackgroundSpec | undefined;
  /** `persistent: true`: excluded from the page's busy state (§5.6). */
  readonly persistent?: boolean | undefined;
  /** `api_endpoint`: also served as `POST <path>` after `app.setup_apis()` (§5.7). */
  readonly apiEndpoint?: string | undefined;
}

/** One Input/State in `_dash-dependencies`; `allow_optional` only when set, as Dash emits it. */
function dependencySpec(d: AnyArgument): DependencySpec {
  const spec: DependencySpec = { id: stringifyId(d.id), property: d.property };
  if (d.allowOptional === true) spec.allow_optional = true;
  return spec;
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
  // Dash's trailing positional `prevent_initial_call` boolean (checklist item 7).
  if (typeof last === 'boolean') {
    options = { prevent_initial_call: last };
    end -= 1;
  } else if (typeof last === 'object' && last !== null && !('kind' in last)) {
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

/** `title` is the one Dash's dev tools show for the same mistake (spec/callbacks.md §9.5). */
function wildcardError(title: string, message: string): DashError {
  return new DashError('DASH_ERR_CALLBACK_ARGS', `${title}: ${message}`);
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
        'Callback wildcard ID error',
        `Output ${propIdString(o.id, o.property)} uses ALLSMALLER; allowed wildcards for Outputs are ALL and MATCH.`,
      );
    }
    const keys = wildcardKeys(o.id, 'MATCH');
    if (outputMatch === undefined) outputMatch = keys;
    else if (keys.join(',') !== outputMatch.join(',')) {
      throw wildcardError(
        'Mismatched `MATCH` wildcards across `Output`s',
        `every Output must use MATCH on the same keys ([${outputMatch.join(', ')}] vs [${keys.join(', ')}] in ${propIdString(o.id, o.property)}). ALL wildcards need not match, only MATCH.`,
      );
    }
  }
  const matchKeys = new Set(outputMatch ?? []);
  for (const d of deps) {
    const what = `${d.kind === 'input' ? 'Input' : 'State'} ${propIdString(d.id, d.property)}`;
    for (const key of wildcardKeys(d.id, 'ALLSMALLER')) {
      if (!matchKeys.has(key)) {
        throw wildcardError(
          '`Input` / `State` wildcards not in `Output`s',
          `${what} uses ALLSMALLER on "${key}", which needs MATCH on "${key}" in the Outputs.`,
        );
      }
    }
    // Since Dash 4.2, MATCH in inputs is free when the outputs carry no MATCH at all (§3.7).
    if (matchKeys.size === 0) continue;
    for (const key of wildcardKeys(d.id, 'MATCH')) {
      if (!matchKeys.has(key)) {
        throw wildcardError(
          '`Input` / `State` wildcards not in `Output`s',
          `${what} uses MATCH on "${key}", but the Outputs use MATCH only on [${[...matchKeys].join(', ')}]. Inputs and State need not use every MATCH of the Outputs, but cannot add others.`,
        );
      }
    }
  }
}

/**
 * Dash's `validate_duplicate_output` (spec/callbacks.md §1.9, §9.3): several callbacks writing one
 * prop would race on page load, so an `allow_duplicate` output needs `prevent_initial_call: true`,
 * or `'initial_duplicate'` to accept the race knowingly.
 */
function checkDuplicateOutputs(outputs: readonly AnyOutput[], prevent: boolean | 'initial_duplicate'): void {
  if (prevent === true || prevent === 'initial_duplicate') return;
  const duplicate = outputs.find((o) => o.allowDuplicate === true);
  if (duplicate === undefined) return;
  throw new DashError(
    'DASH_ERR_DUPLICATE_CALLBACK',
    `DuplicateCallback: Output ${propIdString(duplicate.id, duplicate.property)} has allow_duplicate, which requires prevent_initial_call: true — the order of initial calls writing the same prop is not guaranteed. To run it on page load anyway, set prevent_initial_call: 'initial_duplicate' (or the app-wide prevent_initial_callbacks: 'initial_duplicate').`,
  );
}

function isOutput(value: unknown): value is AnyOutput {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'output';
}

/**
 * The `running` option as Dash sends it: `{running: {"<id>.<prop>": on}, runningOff: {...: off}}`
 * (spec/callbacks.md §1.1, §5.4). A single `[Output, on, off]` entry is accepted like a list of one.
 */
function runningSpec(option: CallbackOptions['running']): CallbackDefinition['running'] {
  if (option === undefined) return undefined;
  const entries = (Array.isArray(option) && isOutput(option[0]) ? [option] : option) as readonly unknown[];
  if (!Array.isArray(entries)) {
    throw new DashError(
      'DASH_ERR_CALLBACK_ARGS',
      'callback(): running must be a list of [Output, valueWhileRunning, valueAfter]',
    );
  }
  const on: Record<string, unknown> = {};
  const off: Record<string, unknown> = {};
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 3 || !isOutput(entry[0])) {
      throw new DashError(
        'DASH_ERR_CALLBACK_ARGS',
        `callback(): each running entry must be [Output(id, prop), valueWhileRunning, valueAfter], got ${JSON.stringify(entry)}`,
      );
    }
    const output = entry[0];
    const key = `${stringifyId(output.id)}.${output.property}`;
    on[key] = entry[1] ?? null;
    off[key] = entry[2] ?? null;
  }
  return { running: on, runningOff: off };
}

/** The callbacks of one app. */
export class CallbackRegistry {
  readonly #byKey = new Map<string, CallbackDefinition>();
  readonly #outputs = new OutputIndex();

  constructor(private readonly preventInitialDefault: () => boolean | 'initial_duplicate') {}

  /** The app-wide `on_error` (`new Dash({ on_error })`), used when a callback has none. */
  appErrorHandler: () => CallbackErrorHandler | undefined = () => undefined;

  /** The app's `background_callback_manager` (or its default), for callbacks that name none. */
  backgroundManager: () => BackgroundManager = () => {
    throw new DashError(
      'DASH_ERR_CALLBACK_ARGS',
      'callback(): background callbacks need a background_callback_manager',
    );
  };

  /** Every manager a background callback of this app uses (to stop `cancelJob` / `oldJob` jobs). */
  backgroundManagers(): Set<BackgroundManager> {
    const managers = new Set<BackgroundManager>();
    for (const d of this.#byKey.values()) if (d.background) managers.add(d.background.manager);
    return managers;
  }

  /**
   * The extras of a callback's options: background settings (its function registered with its
   * manager, and Dash's hidden callback per cancel Input, `Output(<cancel id>, "id")`, which lets the
   * browser send `cancelJob`), `persistent` and `api_endpoint`.
   */
  #extras(
    key: string,
    fn: CallbackFunction,
    options: CallbackOptions,
  ): Pick<CallbackDefinition, 'background' | 'persistent' | 'apiEndpoint'> {
    const extras: { -readonly [K in 'background' | 'persistent' | 'apiEndpoint']?: CallbackDefinition[K] } = {};
    if (options.persistent === true) extras.persistent = true;
    if (options.api_endpoint !== undefined) {
      if (typeof options.api_endpoint !== 'string' || !options.api_endpoint.startsWith('/')) {
        throw new DashError('DASH_ERR_CALLBACK_ARGS', 'callback(): api_endpoint must be a path starting with "/"');
      }
      // Dash's DuplicateCallback: one path, one function.
      if ([...this.#byKey.values()].some((d) => d.apiEndpoint === options.api_endpoint)) {
        throw new DashError(
          'DASH_ERR_DUPLICATE_CALLBACK',
          `callback(): api_endpoint ${options.api_endpoint} is already used by another callback`,
        );
      }
      extras.apiEndpoint = options.api_endpoint;
    }
    if (options.background !== true) return extras;
    const background = backgroundSpec(key, fn, options, () => this.backgroundManager());
    background.manager.register(
      background.fnKey,
      jobFunction(fn, background, () => options.on_error ?? this.appErrorHandler()),
    );
    extras.background = background;
    return extras;
  }

  /** Dash's cancel callbacks: `Output(<id>, "id")` ← the cancel Input; they only carry `cancelJob`. */
  #addCancelCallbacks(background: BackgroundSpec | undefined): void {
    for (const input of background?.cancel ?? []) {
      if (this.#byKey.has(outputKey([{ id: input.id, property: 'id' }], false))) continue;
      const output: AnyOutput = { kind: 'output', id: input.id, property: 'id' };
      this.add(output, [input, () => noUpdate, { prevent_initial_call: true }]);
    }
  }

  /** Register a callback; throws a DashError that says what to fix when the declaration is invalid. */
  add(outputsArg: unknown, rest: readonly unknown[]): CallbackDefinition {
    // No Output (Dash 2.17+): the first argument is already an Input/State, or the function itself
    // (no Input either, Dash 4.2+). Such callbacks act through setProps only (spec/callbacks.md §1.10).
    const first = outputsArg as { kind?: unknown } | null;
    if (typeof outputsArg === 'function' || (first !== null && (first?.kind === 'input' || first?.kind === 'state'))) {
      return this.#addNoOutput([outputsArg, ...rest]);
    }
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
    // No Input (Dash 4.2+): it runs when its outputs appear, never otherwise (§1.10).
    const typedOutputs = outputs as AnyOutput[];
    checkDeclaration(
      typedOutputs,
      deps,
      (options.prevent_initial_call ?? options.preventInitialCall ?? this.preventInitialDefault()) === true,
    );
    validateWildcards(typedOutputs, deps);
    this.#outputs.check(typedOutputs, inputs);
    const keyed = typedOutputs.map((o) => {
      const property = o.allowDuplicate === true ? `${o.property}@${hashInputs(inputs)}` : o.property;
      return { id: o.id, property };
    });
    const key = outputKey(keyed, multi);
    if (this.#byKey.has(key)) {
      throw new DashError('DASH_ERR_DUPLICATE_CALLBACK', `A callback for ${key} is already registered`);
    }
    const prevent = options.prevent_initial_call ?? options.preventInitialCall ?? this.preventInitialDefault();
    checkDuplicateOutputs(typedOutputs, prevent);
    // Only `true` prevents the initial call; `'initial_duplicate'` lets it run (§1.1, §1.9).
    const preventInitialCall = prevent === true;
    const running = runningSpec(options.running);
    const definition: CallbackDefinition = {
      key,
      outputs: typedOutputs,
      multi,
      inputs,
      state,
      fn,
      preventInitialCall,
      running,
      isAsync: isAsyncFunction(fn),
      onError: options.on_error,
      dynamicCreator: options._allow_dynamic_callbacks === true,
      ...this.#extras(key, fn, options),
    };
    this.#byKey.set(key, definition);
    this.#outputs.add(typedOutputs, key);
    this.#addCancelCallbacks(definition.background);
    return definition;
  }

  /**
   * A callback without Output. Its key is the sha256 of its inputs (Dash's); several such callbacks
   * on the same inputs, or with none (Dash hashes the call site), are told apart by registration order.
   */
  #addNoOutput(args: readonly unknown[]): CallbackDefinition {
    const { deps, fn, options } = parseCallbackArguments(args);
    const inputs = deps.filter((d) => d.kind === 'input');
    const state = deps.filter((d) => d.kind === 'state');
    checkDeclaration(
      [],
      deps,
      (options.prevent_initial_call ?? options.preventInitialCall ?? this.preventInitialDefault()) === true,
    );
    validateWildcards([], deps);
    let key = hashInputs(inputs);
    for (let n = 1; this.#byKey.has(key) || inputs.length === 0; n += 1) {
      key = createHash('sha256')
        .update(`${hashInputs(inputs)}#${n}`)
        .digest('hex');
      if (!this.#byKey.has(key)) break;
    }
    const definition: CallbackDefinition = {
      key,
      outputs: [],
      multi: false,
      inputs,
      state,
      fn,
      preventInitialCall:
        (options.prevent_initial_call ?? options.preventInitialCall ?? this.preventInitialDefault()) === true,
      running: runningSpec(options.running),
      isAsync: isAsyncFunction(fn),
      onError: options.on_error,
      dynamicCreator: options._allow_dynamic_callbacks === true,
      ...this.#extras(key, fn, options),
    };
    this.#byKey.set(key, definition);
    this.#addCancelCallbacks(definition.background);
    return definition;
  }

  /**
   * Register a clientside callback: the same checks and key as `add` (`rest` ends with a stand-in
   * function), and `clientside_function` in its spec.
   */
  addClientside(
    clientside: NonNullable<CallbackDefinition['clientside']>,
    outputsArg: unknown,
    rest: readonly unknown[],
  ): CallbackDefinition {
    const definition: CallbackDefinition = { ...this.add(outputsArg, rest), clientside };
    this.#byKey.set(definition.key, definition);
    return definition;
  }

  /** A callback the server runs; clientside callbacks are unknown here (a request for one is a 404). */
  get(key: string): CallbackDefinition | undefined {
    const definition = this.#byKey.get(key);
    return definition?.clientside === undefined ? definition : undefined;
  }

  /** Callbacks registered with `api_endpoint` (served after `app.setup_apis()`). */
  apiEndpoints(): CallbackDefinition[] {
    return [...this.#byKey.values()].filter((d) => d.apiEndpoint !== undefined);
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** `_dash-dependencies`: every key Dash emits, for every entry. */
  specs(): CallbackSpec[] {
    return [...this.#byKey.values()].map((d) => ({
      output: d.key,
      inputs: d.inputs.map(dependencySpec),
      state: d.state.map(dependencySpec),
      clientside_function: d.clientside ?? null,
      prevent_initial_call: d.preventInitialCall,
      background: d.background ? { interval: d.background.interval } : null,
      dynamic_creator: d.dynamicCreator === true ? true : null,
      no_output: d.outputs.length === 0,
      optional: false,
      hidden: null,
      websocket: false,
      persistent: d.persistent === true,
      ...(d.running ? { running: d.running } : {}),
    }));
  }
}
