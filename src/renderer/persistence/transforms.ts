/**
 * `persistenceTransforms` (spec/callbacks.md §8, components.md §1.6): for some persisted props only a
 * part is stored and compared — `extract` takes that part out of the prop value, `apply` puts a stored
 * part back into the current value (returning a new value). A transform is declared either for a whole
 * prop (`persisted_props: ['date']`) or per nested part (`persisted_props: ['columns.name']`).
 */

export interface PersistenceTransform {
  extract(value: unknown): unknown;
  apply(stored: unknown, current: unknown): unknown;
}

/** prop → transform of the whole prop, or part name → transform of that part. */
export type PropTransforms = Readonly<
  Record<string, PersistenceTransform | Readonly<Record<string, PersistenceTransform>>>
>;

/** namespace/type → transforms; `undefined` when the component has none. */
export type TransformLookup = (namespace: string, type: string) => PropTransforms | undefined;

export function isTransform(value: unknown): value is PersistenceTransform {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<PersistenceTransform>).extract === 'function' &&
    typeof (value as Partial<PersistenceTransform>).apply === 'function'
  );
}

const identity: PersistenceTransform = { extract: (value) => value, apply: (stored) => stored };

/** The transform of `prop` or `prop.part`; identity when the component declares none. */
export function transformFor(transforms: PropTransforms | undefined, prop: string, part: string | undefined) {
  const entry = transforms?.[prop];
  if (entry === undefined) return identity;
  if (part === undefined) return isTransform(entry) ? entry : identity;
  if (isTransform(entry)) return identity;
  return entry[part] ?? identity;
}

/** The storage keys a callback write of `prop` invalidates: one per declared part, else the prop itself. */
export function persistedKeysOf(transforms: PropTransforms | undefined, prop: string): string[] {
  const entry = transforms?.[prop];
  if (entry === undefined || isTransform(entry)) return [prop];
  return Object.keys(entry).map((part) => `${prop}.${part}`);
}

/** A date or datetime string reduced to its calendar day (`yyyy-MM-dd`), as the date pickers store it. */
function calendarDay(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return day ? day[0] : value;
}

const dayTransform: PersistenceTransform = { extract: calendarDay, apply: (stored) => stored };

/** DataTable `columns.name`: only the list of column names is stored; `apply` renames in order. */
const columnNames: PersistenceTransform = {
  extract: (columns) =>
    Array.isArray(columns)
      ? columns.map((c: unknown) => (typeof c === 'object' && c ? (c as { name?: unknown }).name : undefined))
      : columns,
  apply: (names, columns) => {
    if (!Array.isArray(names) || !Array.isArray(columns)) return columns;
    const count = Math.min(names.length, columns.length);
    return columns.slice(0, count).map((column: unknown, i) => ({ ...(column as object), name: names[i] as unknown }));
  },
};

/** The transforms Dash's components declare (spec/components.md §1.6), by namespace and type. */
const builtIn: Readonly<Record<string, Readonly<Record<string, PropTransforms>>>> = {
  dash_core_components: {
    DatePickerSingle: { date: dayTransform },
    DatePickerRange: { start_date: dayTransform, end_date: dayTransform },
  },
  dash_table: { DataTable: { columns: { name: columnNames } } },
};

export const builtInTransforms: TransformLookup = (namespace, type) => builtIn[namespace]?.[type];
