/**
 * Component-valued props: `children` and the paths a type declares in the config's
 * `children_props` (spec/protocol-core.md §3 path grammar, `R:actions/utils.js#crawlLayout`):
 * `"footer"` (a prop), `"options[].label"` (a key inside each array item), `"items{}"` and
 * `"x.y{}.z"` (each value of an object). Pure functions; no DOM.
 */

/** One step of a path: a key, each array item (`[]`), or each object value (`{}`). */
export type PathStep = { readonly key: string } | { readonly each: 'array' | 'object' };

/** A parsed component-valued prop path. `prop` is its first key. */
export interface PropPath {
  readonly prop: string;
  /** Steps after the prop itself. */
  readonly steps: readonly PathStep[];
}

/** Parse `"options[].label"` → prop `options`, steps `[], label`. */
export function parsePropPath(text: string): PropPath {
  const steps: PathStep[] = [];
  for (const part of text.split('.').filter((p) => p !== '')) {
    const match = /^(.*?)((?:\[\]|\{\})*)$/.exec(part);
    const key = match?.[1] ?? part;
    if (key !== '') steps.push({ key });
    for (const marker of (match?.[2] ?? '').match(/\[\]|\{\}/g) ?? []) {
      steps.push({ each: marker === '[]' ? 'array' : 'object' });
    }
  }
  const first = steps[0];
  if (!first || !('key' in first)) throw new TypeError(`Invalid children_props path: "${text}"`);
  return { prop: first.key, steps: steps.slice(1) };
}

/** A plain JSON object (not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Return `value` with `leaf` applied at every place the steps reach; unchanged branches keep their
 * identity. Values that do not have the expected shape are left as they are.
 */
export function mapAtPath(value: unknown, steps: readonly PathStep[], leaf: (v: unknown) => unknown, at = 0): unknown {
  const step = steps[at];
  if (!step) return leaf(value);
  if ('key' in step) {
    if (!isPlainObject(value) || !(step.key in value)) return value;
    return { ...value, [step.key]: mapAtPath(value[step.key], steps, leaf, at + 1) };
  }
  if (step.each === 'array') {
    return Array.isArray(value) ? value.map((item) => mapAtPath(item, steps, leaf, at + 1)) : value;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapAtPath(v, steps, leaf, at + 1);
  return out;
}

/** The registry from `_dash-config`: namespace → type → paths (parsed once per type). */
export class ChildrenProps {
  readonly #raw: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly #cache = new Map<string, readonly PropPath[]>();

  constructor(raw: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {}) {
    this.#raw = raw;
  }

  /** Every component-valued path of a type, `children` first. */
  paths(namespace: string, type: string): readonly PropPath[] {
    const cacheKey = `${namespace}\u0000${type}`;
    let paths = this.#cache.get(cacheKey);
    if (!paths) {
      const declared = this.#raw[namespace]?.[type] ?? [];
      const parsed = [{ prop: 'children', steps: [] }, ...declared.map(parsePropPath)];
      paths = parsed.filter((p, i) => p.prop !== 'children' || p.steps.length > 0 || i === 0);
      this.#cache.set(cacheKey, paths);
    }
    return paths;
  }

  /** The paths that start at one prop. */
  pathsOf(namespace: string, type: string, prop: string): readonly PropPath[] {
    return this.paths(namespace, type).filter((p) => p.prop === prop);
  }
}
