/**
 * Callback dependencies (`Input`, `Output`, `State`) and the types that let a callback's function be
 * inferred from the components it names (STYLE.md §9.4). Runs anywhere: no DOM, no Node.
 */
import type { ComponentId } from './prop-id.js';

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
    if (target.length === 0) throw new TypeError(`${what}: the id must not be empty`);
    if (target.includes('.')) throw new TypeError(`${what}: the id "${target}" contains a dot, which Dash forbids`);
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
    throw new TypeError(`${what}: the property must be a non-empty string`);
  }
  return property;
}

/** An input: a change of this prop fires the callback; its value is passed to the function. */
export function Input<TProps, TName extends PropName<TProps>, TId extends ComponentId = ComponentId>(
  component: ComponentRef<TProps, TId>,
  property: TName,
): Dependency<'input', PatternValue<TId, WireValue<TProps, TName>>>;
/**
 * An input named by a string or dict id; its value is `unknown` unless you give `TValue`. An id with
 * `ALL`/`ALLSMALLER` carries a list (`unknown[]`; with an explicit `TValue`, give the list type).
 */
export function Input<TValue = unknown, const TId extends ComponentId = ComponentId>(
  id: TId,
  property: string,
): Dependency<'input', PatternValue<TId, TValue>>;
export function Input(target: ComponentRef<unknown> | ComponentId, property: string): Dependency<'input', unknown> {
  return { kind: 'input', id: idOf(target, 'Input'), property: propertyOf(property, 'Input') };
}

/** State: its value is passed to the function, but a change does not fire the callback. */
export function State<TProps, TName extends PropName<TProps>, TId extends ComponentId = ComponentId>(
  component: ComponentRef<TProps, TId>,
  property: TName,
): Dependency<'state', PatternValue<TId, WireValue<TProps, TName>>>;
export function State<TValue = unknown, const TId extends ComponentId = ComponentId>(
  id: TId,
  property: string,
): Dependency<'state', PatternValue<TId, TValue>>;
export function State(target: ComponentRef<unknown> | ComponentId, property: string): Dependency<'state', unknown> {
  return { kind: 'state', id: idOf(target, 'State'), property: propertyOf(property, 'State') };
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
  readonly [I in keyof TOuts]: InferValue<TOuts[I]> | NoUpdate;
};

/** Options of a callback. Names follow Dash; camelCase aliases are accepted. */
export interface CallbackOptions {
  /** Do not fire when the page loads (or when the outputs first appear). */
  prevent_initial_call?: boolean;
  preventInitialCall?: boolean;
}
