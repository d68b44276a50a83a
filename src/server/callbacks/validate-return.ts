/**
 * What a callback returned, checked before it is sent (Dash's `InvalidCallbackReturnValue`,
 * spec/callbacks.md §9.4): a value JSON cannot carry faithfully is refused with a message naming the
 * output, where in the value the problem sits, and what to return instead.
 */
import { DashError } from '../errors.js';

function typeName(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  if (typeof ctor?.name !== 'string' || ctor.name === '') return 'an object without prototype';
  return `${/^[AEIOU]/.test(ctor.name) ? 'an' : 'a'} ${ctor.name}`;
}

/** Plain data: arrays, objects made by `{}` or `Object.create(null)`, or values that say how to serialise (`toJSON`). */
function isPlainOrSerialisable(value: object): boolean {
  if (Array.isArray(value)) return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The first part of `value` that JSON would lose or reject — a function, symbol, a Map, Set
 * or other class instance, or a cycle — as `[path, description]`; undefined when all is plain data.
 */
export function findUnserialisable(value: unknown): [path: string, what: string] | undefined {
  // Iterative, so a deep value cannot overflow the stack; `ancestors` holds the current path's objects.
  const ancestors = new Set<object>();
  const stack: { value: unknown; path: string; leave?: object }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string; leave?: object };
    if (item.leave !== undefined) {
      ancestors.delete(item.leave);
      continue;
    }
    const v = item.value;
    // BigInts are fine: encodeJson sends them as numbers or decimal strings.
    if (typeof v === 'function' || typeof v === 'symbol') return [item.path, typeName(v)];
    if (typeof v !== 'object' || v === null) continue;
    if (ancestors.has(v)) return [item.path, 'a reference back to one of its own parents (a cycle)'];
    if (!isPlainOrSerialisable(v)) return [item.path, typeName(v)];
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') continue;
    ancestors.add(v);
    stack.push({ value: undefined, path: item.path, leave: v });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: `${item.path}[${i}]` });
    } else {
      for (const key of Object.keys(v).reverse()) {
        const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        stack.push({ value: (v as Record<string, unknown>)[key], path: `${item.path}${segment}` });
      }
    }
  }
  return undefined;
}

/** Throw `DASH_ERR_CALLBACK_RETURN` when the value for `output` cannot be sent as JSON. */
export function checkSerialisable(value: unknown, output: string): void {
  const found = findUnserialisable(value);
  if (found === undefined) return;
  const [path, what] = found;
  throw new DashError(
    'DASH_ERR_CALLBACK_RETURN',
    `InvalidCallbackReturnValue: the callback returned ${what} ${path === '' ? '' : `at ${path} `}for the output ${output}, which cannot be sent to the browser as JSON. Return only strings, numbers, booleans, null, arrays, plain objects and components (convert a Map with Object.fromEntries, a Set with [...set]).`,
  );
}

/** A short description of a returned value for messages: its type and, for arrays, its length. */
export function describeReturn(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? typeName(value) : `a ${typeof value}`;
}
