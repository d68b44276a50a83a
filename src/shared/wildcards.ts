/**
 * Pattern-matching wildcards (spec/callbacks.md §3): the `MATCH`, `ALL`, `ALLSMALLER` values users put
 * in dict ids, and the matching rules shared by the server (request checks) and the renderer
 * (resolution). Runs anywhere: no DOM, no Node.
 */
import type { ComponentId, DictId, IdValue, WireWildcard } from './prop-id.js';

/** One instance per distinct value: every MATCH dependency of an instance shares the value. */
export const MATCH: readonly ['MATCH'] = Object.freeze(['MATCH'] as const);
/** Every matching component, as a list. */
export const ALL: readonly ['ALL'] = Object.freeze(['ALL'] as const);
/** Every matching component whose value on this key is smaller than the instance's MATCH value (inputs/state only). */
export const ALLSMALLER: readonly ['ALLSMALLER'] = Object.freeze(['ALLSMALLER'] as const);

export type WildcardName = WireWildcard[0];

/** The wildcard name of a dict-id value, or undefined for a constant. */
export function wildcardOf(value: IdValue | WireWildcard | undefined): WildcardName | undefined {
  return Array.isArray(value) ? (value[0] as WildcardName) : undefined;
}

/** Does this id hold any wildcard? */
export function hasWildcard(id: ComponentId): id is DictId {
  return typeof id !== 'string' && Object.values(id).some((v) => wildcardOf(v) !== undefined);
}

/** Keys of `id` that hold the wildcard `name`, sorted. */
export function wildcardKeys(id: ComponentId, name: WildcardName): string[] {
  if (typeof id === 'string') return [];
  return Object.keys(id)
    .filter((k) => wildcardOf(id[k]) === name)
    .sort();
}

/** Does this dependency take a list of components (an ALL or ALLSMALLER somewhere in its id)? */
export function isMultiPattern(id: ComponentId): boolean {
  return wildcardKeys(id, 'ALL').length > 0 || wildcardKeys(id, 'ALLSMALLER').length > 0;
}

/** §3.4: same key set, and every non-wildcard value equal. Wildcards in `concrete` never match. */
export function idMatchesPattern(pattern: ComponentId, concrete: ComponentId): boolean {
  if (typeof pattern === 'string' || typeof concrete === 'string') return pattern === concrete;
  const keys = Object.keys(pattern);
  if (keys.length !== Object.keys(concrete).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(concrete, key)) return false;
    const actual = concrete[key];
    if (actual === undefined || Array.isArray(actual)) return false;
    const expected = pattern[key];
    if (wildcardOf(expected) === undefined && expected !== actual) return false;
  }
  return true;
}

function rank(value: IdValue): [number, number | string] {
  if (typeof value === 'number') return [0, value];
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return [0, Number(value)];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  return [2, value];
}

/**
 * The total order of §3.3 (`R:actions/dependencies.js#idValSort`): numbers and numeric strings
 * numerically first, then booleans, then other strings lexicographically.
 */
export function compareIdValues(a: IdValue, b: IdValue): number {
  const [ra, va] = rank(a);
  const [rb, vb] = rank(b);
  if (ra !== rb) return ra - rb;
  if (va < vb) return -1;
  return va > vb ? 1 : 0;
}
