/**
 * Callback dependencies (`Input`, `Output`, `State`) and the types that let a callback's function be
 * inferred from the components it names (STYLE.md §9.4). Runs anywhere: no DOM, no Node.
 */
import type { ComponentId } from './prop-id.js';
import type { Patch } from './patch.js';

declare const propsType: unique symbol;
declare const valueType: unique symbol;

/**
 * Anything that names a component with known props: a component made by a factory
 * (`dcc.Input({...})`) or a typed reference (`dcc.Input.ref("name")`).
 */
export interface ComponentRef<TProps, TId extends ComponentId = ComponentId> {
  readonly props: { readonly id?: TId | undefined };
  readonly [propsType]?: TProps;
}

export type DependencyKind = 'input' | 'output' | 'state';

/** One dependency of a callback. `TValue` is a phantom: the value the callback sees or returns. */
export interface Dependency<TKind extends DependencyKind, TValue> {
  readonly kind: TKind;
  readonly id: ComponentId;
  readonly property: string;
  readonly allowDuplicate?: boolean;
  /** Input/State only: may be absent from the layout (value `null`). */
  readonly allowOptional?: boolean;
  readonly [valueType]?: TValue;
}

/**
 * The value a prop has on the wire: optional props arrive as `null` when unset (ADR 0003), so
 * `value?: string` is seen as `string | null`.
 */
export type WireValue<TProps, TName extends keyof TProps> = undefined extends TProps[TName]
  ? Exclude<TProps[TName], undefined> | null
  : TProps[TName];

/**
 * Does an id type hold `ALL` or `ALLSMALLER` in one of its values? Then its dependency carries a list
 * of values, one per matching component (spec/callbacks.md §3.5). A plain `ComponentId` does not.
 */
export type HoldsMultiWildcard<TId> = TId extends string
  ? false
  : true extends {
        [K in keyof TId]-?: TId[K] extends readonly ['ALL'] | readonly ['ALLSMALLER'] ? true : false;
      }[keyof TId]
    ? true
    : false;

/** The value a dependency on id `TId` carries: a list for ALL/ALLSMALLER ids, else the prop's value. */
export type PatternValue<TId, TValue> = HoldsMultiWildcard<TId> extends true ? TValue[] : TValue;

/** String prop names of a props type. */
export type PropName<TProps> = Extract<keyof TProps, string>;

function idOf(target: ComponentRef<unknown> | ComponentId, what: string): ComponentId {
  if (typeof target === 'string') {
    if (target.length === 0) {
      throw new TypeError(`Callback item missing ID: ${what}('', ...) has an empty id; use the id of a component.`);
    }
    const bad = ['.', '{'].filter((c) => target.includes(c));
    if (bad.length > 0) {
      throw new TypeError(
        `Callback invalid ID string: ${what}("${target}", ...): the characters ${bad.map((c) => `'${c}'`).join(', ')} are not allowed in ids; rename the component (e.g. with "-"), or use a dict id.`,
      );
    }
    return target;
  }
  const ref = target as Partial<ComponentRef<unknown>>;
  if (typeof ref.props === 'object' && ref.props !== null) {
    const id = ref.props.id;
    if (id === undefined) throw new TypeError(`${what}: this component has no id; give it one ({ id: "..." })`);
    return id;
  }
  return target as ComponentId;
}

function propertyOf(property: unknown, what: string): string {
  if (typeof property !== 'string' || property.length === 0) {
    throw new TypeError(
      `Callback property error: ${what}(id, ${JSON.stringify(property) ?? String(property)}): name the component property as a non-empty string, e.g. 'value'.`,
    );
  }
  return property;
}

/**
 * Options of an Input or State. `allow_optional`: the component may be absent when the callback runs;
 * its value is then `null` instead of an error (spec/callbacks.md §1.11).
 */
export interface DependencyOptions {
  allow_optional?: boolean;
}

/** A dependency's value type, widened with `null` when it is `allow_optional`. */
export type Optional<TOpt, TValue> = TOpt extends { allow_optional: true } ? TValue | null : TValue;

/** An input: a change of this prop fires the callback; its value is passed to the function. */
export function Input<
  TProps,
  TName extends PropName<TProps>,
  TId extends ComponentId = ComponentId,
  const TOpt extends DependencyOptions = DependencyOptions,
>(
  component: ComponentRef<TProps, TId>,
  property: TName,
  options?: TOpt,
): Dependency<'input', Optional<TOpt, PatternValue<TId, WireValue<TProps, TName>>>>;
/**
 * An input named by a string or dict id; its value is `unknown` unless you give `TValue`. An id with
 * `ALL`/`ALLSMALLER` carries a list (`unknown[]`; with an explicit `TValue`, give the list type).
 */
export function Input<
  TValue = unknown,
  const TId extends ComponentId = ComponentId,
  const TOpt extends DependencyOptions = DependencyOptions,
>(id: TId, property: string, options?: TOpt): Dependency<'input', Optional<TOpt, PatternValue<TId, TValue>>>;
export function Input(
  target: ComponentRef<unknown> | ComponentId,
  property: string,
  options?: DependencyOptions,
): Dependency<'input', unknown> {
  const dep = { kind: 'input' as const, id: idOf(target, 'Input'), property: propertyOf(property, 'Input') };
  return options?.allow_optional === true ? { ...dep, allowOptional: true } : dep;
}

/** State: its value is passed to the function, but a change does not fire the callback. */
export function State<
  TProps,
  TName extends PropName<TProps>,
  TId extends ComponentId = ComponentId,
  const TOpt extends DependencyOptions = DependencyOptions,
>(
  component: ComponentRef<TProps, TId>,
  property: TName,
  options?: TOpt,
): Dependency<'state', Optional<TOpt, PatternValue<TId, WireValue<TProps, TName>>>>;
export function State<
  TValue = unknown,
  const TId extends ComponentId = ComponentId,
  const TOpt extends DependencyOptions = DependencyOptions,
>(id: TId, property: string, options?: TOpt): Dependency<'state', Optional<TOpt, PatternValue<TId, TValue>>>;
export function State(
  target: ComponentRef<unknown> | ComponentId,
  property: string,
  options?: DependencyOptions,
): Dependency<'state', unknown> {
  const dep = { kind: 'state' as const, id: idOf(target, 'State'), property: propertyOf(property, 'State') };
  return options?.allow_optional === true ? { ...dep, allowOptional: true } : dep;
}

/** Options of an output. `allow_duplicate` lets several callbacks write the same prop. */
export interface OutputOptions {
  allow_duplicate?: boolean;
}

/** An output: the function's return value is written to this prop. */
export function Output<TProps, TName extends PropName<TProps>, TId extends ComponentId = ComponentId>(
  component: ComponentRef<TProps, TId>,
  property: TName,
  options?: OutputOptions,
): Dependency<'output', PatternValue<TId, TProps[TName] | null>>;
export function Output<TValue = unknown, const TId extends ComponentId = ComponentId>(
  id: TId,
  property: string,
  options?: OutputOptions,
): Dependency<'output', PatternValue<TId, TValue>>;
export function Output(
  target: ComponentRef<unknown> | ComponentId,
  property: string,
  options?: OutputOptions,
): Dependency<'output', unknown> {
  const dep = { kind: 'output' as const, id: idOf(target, 'Output'), property: propertyOf(property, 'Output') };
  return options?.allow_duplicate === true ? { ...dep, allowDuplicate: true } : dep;
}

/** Returned (alone or in a tuple slot) to leave an output unchanged. */
export class NoUpdate {
  // A private member makes the class nominal: `{}` is not a NoUpdate (STYLE.md §9.4).
  readonly #brand = 'no_update';
  /** Dash serializes a nested no_update as this object (spec/protocol-core.md §5.2). */
  toJSON(): { _dash_no_update: string } {
    return { _dash_no_update: this.#brand === 'no_update' ? '_dash_no_update' : '' };
  }
}

/** The one `noUpdate` value. */
export const noUpdate: NoUpdate = new NoUpdate();

/** Throw it from a callback to cancel the whole update (the server answers 204). */
export class PreventUpdate extends Error {
  constructor(message = 'PreventUpdate') {
    super(message);
    this.name = 'PreventUpdate';
  }
}

export type AnyInput = Dependency<'input', unknown>;
export type AnyState = Dependency<'state', unknown>;
export type AnyOutput = Dependency<'output', unknown>;
export type AnyArgument = AnyInput | AnyState;
export type MaybePromise<T> = T | Promise<T>;

/** The value type carried by a dependency. */
export type InferValue<TDep> = TDep extends Dependency<DependencyKind, infer $Value> ? $Value : never;
/** The function's parameters: one per Input/State, in order. */
export type InferValues<TDeps extends readonly unknown[]> = { [I in keyof TDeps]: InferValue<TDeps[I]> };
/** What a multi-output function returns: a tuple with one slot per output. */
export type Updates<TOuts extends readonly unknown[]> = {
  readonly [I in keyof TOuts]: OutputReturn<InferValue<TOuts[I]>>;
};

/**
 * What a callback may return for one output: the value, `noUpdate`, or a `Patch` of it; for an ALL
 * output (a list, one item per component) also a list of those per item (spec/callbacks.md §5.1–§5.2).
 * The per-item form is allowed for every list-valued output, as the type cannot tell an ALL list
 * from a list prop.
 */
export type OutputReturn<TValue> =
  TValue | NoUpdate | Patch | (TValue extends readonly (infer $Item)[] ? readonly ($Item | NoUpdate | Patch)[] : never);

/** One `running` entry: `[Output(id, prop), valueWhileRunning, valueAfter]` (spec/callbacks.md §5.4). */
export type RunningEntry = readonly [output: AnyOutput, whileRunning: unknown, after: unknown];

/** Options of a callback. Names follow Dash; camelCase aliases are accepted. */
export interface CallbackOptions {
  /** Do not fire when the page loads (or when the outputs first appear). */
  prevent_initial_call?: boolean | 'initial_duplicate';
  preventInitialCall?: boolean | 'initial_duplicate';
  /**
   * Props set while the request is in flight and reset when its answer arrives:
   * `running: [[Output('btn', 'disabled'), true, false]]` (values may be components).
   */
  running?: RunningEntry | readonly RunningEntry[];
  /**
   * Called with the error when the function throws (never for `PreventUpdate`), inside the callback's
   * context (`ctx`, `setProps` work). Its return value replaces the function's; `null`/`undefined`
   * means no update. Wins over the app-wide `on_error` of `new Dash({...})` (spec/callbacks.md §12.1).
   */
  on_error?: CallbackErrorHandler;
  /**
   * Run as a background job (spec/callbacks.md §5.5): the request starts the job and the browser polls
   * every `interval` ms (default 1000) for progress, `setProps` updates and the result.
   */
  background?: boolean;
  /** Background only: poll period in ms (default 1000). */
  interval?: number;
  /** Background only: outputs fed by `set_progress`, which the function then receives as its first argument. */
  progress?: AnyOutput | readonly AnyOutput[];
  /** Background only: values of the `progress` outputs when the job ends or is cancelled (one per output). */
  progress_default?: unknown;
  /** Background only: Inputs that cancel a running job when they fire (no wildcards). */
  cancel?: AnyInput | readonly AnyInput[];
  /** Background only: argument positions (0-based, Inputs then States) left out of the cache key. */
  cache_args_to_ignore?: readonly number[];
  /** Background only: leave the triggering inputs out of the cache key (default true). */
  cache_ignore_triggered?: boolean;
  /**
   * Background only: the manager running the job (default: the app's `background_callback_manager`,
   * else an in-process one). Typed loosely here because the manager lives in the server code.
   */
  manager?: object;
  /** Excluded from the page's "busy" state: never switches the title to `update_title` (§5.6). */
  persistent?: boolean;
  /**
   * Also expose the function as `POST <path>` (JSON body → JSON answer) once `app.setup_apis()` is
   * called (spec/callbacks.md §5.7). The body's keys name the Inputs/States (see `setup_apis`).
   */
  api_endpoint?: string;
  /**
   * The function may register new callbacks while it runs (Dash's `_allow_dynamic_callbacks`): after
   * its answer the page fetches the callback list again. New callbacks get no initial call.
   */
  _allow_dynamic_callbacks?: boolean;
}

/** An `on_error` handler: gets what the callback threw; returns replacement outputs, or null for no update. */
export type CallbackErrorHandler = (error: unknown) => unknown;
