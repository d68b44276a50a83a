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

/** The container holding the location's last key (intermediate objects are created), and that key. */
function locate(holder: Container, location: readonly Key[]): [Container, Key] {
  let container = holder;
  let key: Key = 'value';
  for (const step of location) {
    let next = get(container, key);
    if (!isContainer(next)) {
      next = {};
      set(container, key, next);
    }
    container = next as Container;
    key = resolveKey(container, step);
  }
  return [container, key];
}

function arithmetic(operation: string, a: unknown, b: unknown): unknown {
  const x = a as number;
  const y = b as number;
  switch (operation) {
    case 'Add':
      return (a as string) + (b as string);
    case 'Sub':
      return x - y;
    case 'Mul':
      return x * y;
    default:
      return x / y;
  }
}

function applyOne(holder: Container, op: PatchOperation): void {
  const [container, key] = locate(holder, op.location);
  const value = op.params['value'];
  const target = get(container, key);
  const list: unknown[] = Array.isArray(target) ? (target as unknown[]) : [];
  switch (op.operation) {
    case 'Assign':
      return set(container, key, value);
    case 'Delete':
      if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
      else delete (container as Record<Key, unknown>)[key];
      return;
    case 'Append':
      return set(container, key, [...list, value]);
    case 'Prepend':
      return set(container, key, [value, ...list]);
    case 'Insert': {
      const raw = Number(op.params['index'] ?? 0);
      const index = raw < 0 ? Math.max(0, list.length + raw) : raw;
      return set(container, key, [...list.slice(0, index), value, ...list.slice(index)]);
    }
    case 'Extend':
      return set(container, key, [...list, ...(Array.isArray(value) ? (value as unknown[]) : [])]);
    case 'Merge':
      return set(container, key, { ...(target as object), ...(value as object) });
    case 'Clear':
      return set(container, key, Array.isArray(target) ? [] : typeof target === 'string' ? '' : {});
    case 'Reverse':
      return set(container, key, [...list].reverse());
    case 'Remove':
      return set(
        container,
        key,
        list.filter((item) => !deepEqual(item, value)),
      );
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div':
      return set(container, key, arithmetic(op.operation, target, value));
    default:
      throw new Error(`Unknown patch operation "${op.operation}"`);
  }
}

/** The new prop value after applying the patch to `current`. Throws "Cannot patch undefined". */
export function applyPatch(current: unknown, patch: PatchValue): unknown {
  if (current === undefined) throw new Error('Cannot patch undefined');
  const holder: Container = { value: structuredClone(current) };
  for (const op of patch.operations) applyOne(holder, op);
  return get(holder, 'value');
}
