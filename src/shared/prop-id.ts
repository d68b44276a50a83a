/**
 * The codecs for Dash's id strings: the only module that knows how a dict id is stringified and how
 * `<id>.<prop>` and multi-output keys (`..a.children...b.style..`) are written.
 * Facts: spec/protocol-core.md §4 (`_utils.py#stringify_id`, `#create_callback_id`).
 */

/** A primitive value allowed inside a dict (pattern-matching) id. */
export type IdValue = string | number | boolean;
/** A wildcard inside a dict id, as it travels on the wire: `["MATCH"]`, `["ALL"]`, `["ALLSMALLER"]`. */
export type WireWildcard = readonly ['MATCH'] | readonly ['ALL'] | readonly ['ALLSMALLER'];
/** A dict id: a flat object of primitive values. */
export type DictId = Readonly<Record<string, IdValue | WireWildcard>>;
/** A component id: a string (without dots) or a flat dict. */
export type ComponentId = string | DictId;

/** Stringify an id as Dash does: strings unchanged, dicts as JSON with sorted keys and no spaces. */
export function stringifyId(id: ComponentId): string {
  if (typeof id === 'string') return id;
  const keys = Object.keys(id).sort();
  const parts = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(id[key])}`);
  return `{${parts.join(',')}}`;
}

/** Parse a stringified id back: a string starting with `{` is a dict id, anything else a plain id. */
export function parseId(text: string): ComponentId {
  if (!text.startsWith('{')) return text;
  const parsed: unknown = JSON.parse(text);
  if (!isDictId(parsed)) throw new TypeError(`Not a valid dict id: ${text}`);
  return parsed;
}

/** True when `value` has the shape of a dict id (flat object of primitives or wildcards). */
export function isDictId(value: unknown): value is DictId {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const v of Object.values(value as Record<string, unknown>)) {
    const primitive = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    const wildcard = Array.isArray(v) && v.length === 1 && ['MATCH', 'ALL', 'ALLSMALLER'].includes(v[0] as string);
    if (!primitive && !wildcard) return false;
  }
  return true;
}

/** `<stringified id>.<prop>`: the prop id used in `changedPropIds` and output keys. */
export function propIdString(id: ComponentId, property: string): string {
  return `${stringifyId(id)}.${property}`;
}

/** Split a prop id on its last dot: `{"a":1}.value` → [`{"a":1}`, `value`]. */
export function splitPropId(propId: string): [id: string, property: string] {
  const dot = propId.lastIndexOf('.');
  if (dot <= 0) throw new TypeError(`Not a prop id: ${propId}`);
  return [propId.slice(0, dot), propId.slice(dot + 1)];
}

/** The callback key Dash writes in `_dash-dependencies` `output` and echoes in every request. */
export function outputKey(outputs: readonly { id: ComponentId; property: string }[], multi: boolean): string {
  const parts = outputs.map((o) => propIdString(o.id, o.property));
  if (!multi) {
    const only = parts[0];
    if (only === undefined || parts.length !== 1) throw new TypeError('A single-output key needs exactly one output');
    return only;
  }
  return `..${parts.join('...')}..`;
}

/** Split a callback key into its prop ids (a multi key starts with `..`). */
export function splitOutputKey(key: string): string[] {
  if (!key.startsWith('..')) return [key];
  return key.slice(2, -2).split('...');
}
