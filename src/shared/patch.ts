/**
 * `Patch`: a partial update of an output prop (spec/callbacks.md §5.2). A Patch records operations
 * against the value the prop has *in the browser* when the answer arrives; the renderer replays them
 * (src/renderer/graph/patch.ts). Runs anywhere — no DOM, no Node — because the same class is exposed
 * to clientside callbacks as `dash_clientside.Patch`.
 *
 * Two ways to write one, both producing the same operations:
 *
 * - Dash's clientside builder API, location first, chainable:
 *   `new Patch().assign(['value'], v).append(['array'], x).add(['n_clicks'], 1)`
 * - Python-like, from a location reached with `at(...)` (Python's `p['data'][0]`):
 *   `const p = new Patch(); p.at('data', 0, 'x').append(4); p.at('layout').merge({ title: 'T' });`
 *
 * A Patch is its own wire form: it carries `__dash_patch_update` and `operations`, so returning it
 * (or `build()`, or its JSON) sends `{__dash_patch_update: '__dash_patch_update', operations:
 * [{operation, location, params}]}` exactly as Dash does. Python's operators map to methods:
 * `+=` → `add` (or `extend` for a list), `-=` → `sub`, `*=` → `mul`, `/=` → `div`, `|=` → `merge`,
 * `p[k] = v` → `assign`, `del p[k]` → `delete`.
 */

/** One step of a location: an object key or an array index (negative counts from the end). */
export type PatchKey = string | number;

/** The operations Dash's renderer knows (`R:actions/patch.ts`). */
export type PatchOperationName =
  | 'Assign'
  | 'Delete'
  | 'Append'
  | 'Prepend'
  | 'Insert'
  | 'Extend'
  | 'Merge'
  | 'Clear'
  | 'Reverse'
  | 'Remove'
  | 'Add'
  | 'Sub'
  | 'Mul'
  | 'Div';

/** One recorded operation, as sent on the wire. */
export interface PatchOperation {
  readonly operation: PatchOperationName;
  readonly location: readonly PatchKey[];
  readonly params: { readonly value?: unknown; readonly index?: number };
}

/** The wire form of a Patch. */
export interface PatchUpdate {
  readonly __dash_patch_update: '__dash_patch_update';
  readonly operations: readonly PatchOperation[];
}

/** A copy of a location, checked: callers from plain JavaScript (clientside) get no type checking. */
function checkLocation(location: unknown, what: string): PatchKey[] {
  if (!Array.isArray(location)) {
    throw new TypeError(`Patch.${what}: the location must be an array of keys and indices, e.g. ['data', 0]`);
  }
  const keys: unknown[] = location;
  for (const key of keys) checkKey(key, what);
  return keys.slice() as PatchKey[];
}

function checkKey(key: unknown, what: string): void {
  const fine = typeof key === 'string' || (typeof key === 'number' && Number.isInteger(key));
  if (!fine) {
    throw new TypeError(`Patch.${what}: ${JSON.stringify(key)} is not a valid key (use strings and integer indices)`);
  }
}

/**
 * The operations of one Patch at one location (Python's `patch['a'][0]`). Every method records an
 * operation in the Patch it came from; `at(...)` goes deeper.
 */
export class PatchLocation {
  readonly #patch: Patch;
  readonly #location: readonly PatchKey[];

  /** @internal Use `patch.at(...)`. */
  constructor(patch: Patch, location: readonly PatchKey[]) {
    this.#patch = patch;
    this.#location = location;
  }

  /** The location from the prop root. */
  get location(): readonly PatchKey[] {
    return this.#location;
  }

  /** A location further down: `p.at('a').at(0)` is `p.at('a', 0)`. */
  at(...keys: PatchKey[]): PatchLocation {
    return new PatchLocation(this.#patch, [...this.#location, ...checkLocation(keys, 'at')]);
  }

  /** Python `p[...] = value`: replace the value here (intermediate objects are created). */
  assign(value: unknown): this {
    this.#patch.assign(this.#location, value);
    return this;
  }

  /** Python `del p[...]`: remove this key (or array element). */
  delete(): this {
    this.#patch.delete(this.#location);
    return this;
  }

  append(value: unknown): this {
    this.#patch.append(this.#location, value);
    return this;
  }

  prepend(value: unknown): this {
    this.#patch.prepend(this.#location, value);
    return this;
  }

  insert(index: number, value: unknown): this {
    this.#patch.insert(this.#location, index, value);
    return this;
  }

  extend(values: readonly unknown[]): this {
    this.#patch.extend(this.#location, values);
    return this;
  }

  /** Python `p.update(d)` / `p |= d`: shallow-merge an object into the object here. */
  merge(value: Readonly<Record<string, unknown>>): this {
    this.#patch.merge(this.#location, value);
    return this;
  }

  clear(): this {
    this.#patch.clear(this.#location);
    return this;
  }

  reverse(): this {
    this.#patch.reverse(this.#location);
    return this;
  }

  /** Drop every element deep-equal to `value`. */
  remove(value: unknown): this {
    this.#patch.remove(this.#location, value);
    return this;
  }

  /** Python `+=`: `old + value` (numbers add, strings concatenate). */
  add(value: unknown): this {
    this.#patch.add(this.#location, value);
    return this;
  }

  sub(value: number): this {
    this.#patch.sub(this.#location, value);
    return this;
  }

  mul(value: number): this {
    this.#patch.mul(this.#location, value);
    return this;
  }

  div(value: number): this {
    this.#patch.div(this.#location, value);
    return this;
  }
}

/** A partial update of an output prop. Return it (or pass it to `setProps`) instead of the full value. */
export class Patch implements PatchUpdate {
  readonly __dash_patch_update = '__dash_patch_update' as const;
  readonly operations: PatchOperation[] = [];

  /** A location in the prop value to record operations at: `patch.at('data', 0).append(x)`. */
  at(...keys: PatchKey[]): PatchLocation {
    return new PatchLocation(this, checkLocation(keys, 'at'));
  }

  #record(operation: PatchOperationName, location: readonly PatchKey[], params: PatchOperation['params'] = {}): this {
    this.operations.push({ operation, location: checkLocation(location, operation.toLowerCase()), params });
    return this;
  }

  /** Set the value at `location` (creating intermediate objects). `[]` replaces the whole prop. */
  assign(location: readonly PatchKey[], value: unknown): this {
    return this.#record('Assign', location, { value });
  }

  /** Remove the key or array element at `location`. */
  delete(location: readonly PatchKey[]): this {
    return this.#record('Delete', location);
  }

  /** Push onto the array at `location`. */
  append(location: readonly PatchKey[], value: unknown): this {
    return this.#record('Append', location, { value });
  }

  /** Put in front of the array at `location`. */
  prepend(location: readonly PatchKey[], value: unknown): this {
    return this.#record('Prepend', location, { value });
  }

  /** Insert before `index` in the array at `location` (a negative index counts from the end). */
  insert(location: readonly PatchKey[], index: number, value: unknown): this {
    if (!Number.isInteger(index)) throw new TypeError(`Patch.insert: the index must be an integer, got ${index}`);
    return this.#record('Insert', location, { index, value });
  }

  /** Concatenate `values` to the array at `location`. */
  extend(location: readonly PatchKey[], values: readonly unknown[]): this {
    if (!Array.isArray(values)) throw new TypeError(`Patch.extend: ${JSON.stringify(values)} should be an array`);
    return this.#record('Extend', location, { value: values });
  }

  /** Shallow-merge `value` into the object at `location`. */
  merge(location: readonly PatchKey[], value: Readonly<Record<string, unknown>>): this {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TypeError(`Patch.merge: ${JSON.stringify(value)} should be an object`);
    }
    return this.#record('Merge', location, { value });
  }

  /** Empty the value at `location`: `[]`, `{}` or `''` depending on what it is. */
  clear(location: readonly PatchKey[]): this {
    return this.#record('Clear', location);
  }

  /** Reverse the array at `location`. */
  reverse(location: readonly PatchKey[]): this {
    return this.#record('Reverse', location);
  }

  /** Drop every element deep-equal to `value` from the array at `location`. */
  remove(location: readonly PatchKey[], value: unknown): this {
    return this.#record('Remove', location, { value });
  }

  /** `old + value` at `location` (numbers add, strings concatenate). */
  add(location: readonly PatchKey[], value: unknown): this {
    return this.#record('Add', location, { value });
  }

  sub(location: readonly PatchKey[], value: number): this {
    return this.#record('Sub', location, { value });
  }

  mul(location: readonly PatchKey[], value: number): this {
    return this.#record('Mul', location, { value });
  }

  div(location: readonly PatchKey[], value: number): this {
    return this.#record('Div', location, { value });
  }

  /** The wire form (a copy): what Dash's clientside `build()` returns. */
  build(): PatchUpdate {
    return { __dash_patch_update: '__dash_patch_update', operations: [...this.operations] };
  }

  toJSON(): PatchUpdate {
    return this.build();
  }
}

/** True for a Patch or its wire form (`{__dash_patch_update, operations}`). */
export function isPatchUpdate(value: unknown): value is PatchUpdate {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)['__dash_patch_update'] === '__dash_patch_update' &&
    Array.isArray((value as Record<string, unknown>)['operations'])
  );
}
