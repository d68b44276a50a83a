/**
 * Applying a `Patch` output to the current prop value (spec/callbacks.md §5.2,
 * spec/protocol-core.md §5.5; `R:actions/patch.ts#handlePatch`). Pure: the current value is
 * copied, never mutated.
 */
import { deepEqual } from '../store/deep-equal.js';

type Key = string | number;

export interface PatchOperation {
  readonly operation: string;
  readonly location: readonly Key[];
  readonly params: Readonly<Record<string, unknown>>;
}

export interface PatchValue {
  readonly __dash_patch_update: '__dash_patch_update';
  readonly operations: readonly PatchOperation[];
}

export function isPatch(value: unknown): value is PatchValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)['__dash_patch_update'] === '__dash_patch_update' &&
    Array.isArray((value as Record<string, unknown>)['operations'])
  );
}

type Container = Record<Key, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Negative indices count from the end of the array they index. */
function resolveKey(container: Container, key: Key): Key {
  return Array.isArray(container) && typeof key === 'number' && key < 0 ? container.length + key : key;
}

function get(container: Container, key: Key): unknown {
  return (container as Record<Key, unknown>)[key];
}

function set(container: Container, key: Key, value: unknown): void {
  (container as Record<Key, unknown>)[key] = value;
}

/** What a value is, for error messages: "a list", "a string", "an object", "null", "nothing". */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Thrown when an operation does not fit the value it meets: the scheduler reports it (dev tools). */
export class PatchError extends Error {
  constructor(op: PatchOperation, message: string) {
    super(`Patch ${op.operation} at ${JSON.stringify(op.location)}: ${message}`);
    this.name = 'PatchError';
  }
}

/**
 * The container holding the location's last key, and that key. Missing (or null) intermediate
 * values are created — a list for an integer key, an object otherwise — as Dash's `assocPath` does;
 * stepping into a string or number is an error rather than a silent overwrite.
 */
function locate(holder: Container, op: PatchOperation): [Container, Key] {
  let container = holder;
  let key: Key = 'value';
  for (const step of op.location) {
    let next = get(container, key);
    if (next === undefined || next === null) {
      next = typeof step === 'number' ? [] : {};
      set(container, key, next);
    } else if (!isContainer(next)) {
      throw new PatchError(op, `cannot go into ${kindOf(next)} with the key ${JSON.stringify(step)}`);
    }
    container = next as Container;
    key = resolveKey(container, step);
  }
  return [container, key];
}

function needList(op: PatchOperation, target: unknown, what = ''): unknown[] {
  if (!Array.isArray(target)) throw new PatchError(op, `needs a list${what && ` ${what}`}, found ${kindOf(target)}`);
  const list: unknown[] = target;
  return list;
}

function needNumber(op: PatchOperation, value: unknown, what: string): number {
  if (typeof value !== 'number') throw new PatchError(op, `needs a number ${what}, found ${kindOf(value)}`);
  return value;
}

/** Python's `+=` on the client: numbers add, strings concatenate; anything else is a type error. */
function add(op: PatchOperation, a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  throw new PatchError(op, `cannot add ${kindOf(b)} to ${kindOf(a)}`);
}

function arithmetic(op: PatchOperation, a: unknown, b: unknown): number {
  const x = needNumber(op, a, 'to change');
  const y = needNumber(op, b, 'operand');
  if (op.operation === 'Sub') return x - y;
  if (op.operation === 'Mul') return x * y;
  return x / y;
}

function applyOne(holder: Container, op: PatchOperation): void {
  const [container, key] = locate(holder, op);
  const value = op.params['value'];
  const target = get(container, key);
  switch (op.operation) {
    case 'Assign':
      return set(container, key, value);
    case 'Delete':
      if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
      else delete (container as Record<Key, unknown>)[key];
      return;
    case 'Append':
      return set(container, key, [...needList(op, target), value]);
    case 'Prepend':
      return set(container, key, [value, ...needList(op, target)]);
    case 'Insert': {
      const list = needList(op, target);
      const raw = needNumber(op, op.params['index'] ?? 0, 'index');
      const index = raw < 0 ? Math.max(0, list.length + raw) : raw;
      return set(container, key, [...list.slice(0, index), value, ...list.slice(index)]);
    }
    case 'Extend':
      return set(container, key, [...needList(op, target), ...needList(op, value, 'to extend with')]);
    case 'Merge':
      if (target !== undefined && target !== null && (typeof target !== 'object' || Array.isArray(target))) {
        throw new PatchError(op, `needs an object to merge into, found ${kindOf(target)}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PatchError(op, `needs an object to merge, got ${kindOf(value)}`);
      }
      return set(container, key, { ...target, ...value });
    case 'Clear':
      if (Array.isArray(target)) return set(container, key, []);
      if (typeof target === 'string') return set(container, key, '');
      if (typeof target === 'object' && target !== null) return set(container, key, {});
      throw new PatchError(op, `needs a list, object or string, found ${kindOf(target)}`);
    case 'Reverse':
      return set(container, key, [...needList(op, target)].reverse());
    case 'Remove':
      return set(
        container,
        key,
        needList(op, target).filter((item) => !deepEqual(item, value)),
      );
    case 'Add':
      return set(container, key, add(op, target, value));
    case 'Sub':
    case 'Mul':
    case 'Div':
      return set(container, key, arithmetic(op, target, value));
    default:
      throw new PatchError(op, 'unknown operation');
  }
}

/** The new prop value after applying the patch to `current`. Throws "Cannot patch undefined". */
export function applyPatch(current: unknown, patch: PatchValue): unknown {
  if (current === undefined) throw new Error('Cannot patch undefined');
  const holder: Container = { value: structuredClone(current) };
  for (const op of patch.operations) applyOne(holder, op);
  return get(holder, 'value');
}
