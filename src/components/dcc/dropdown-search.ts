/**
 * Dropdown option search and value bookkeeping, free of DOM and React so they are tested in Node
 * (spec/components.md §3.2).
 *
 * Matching follows Dash's js-search set-up: the query is split on whitespace and every word must
 * occur, case-insensitively, inside one word of the option's value, label (only when no label in
 * the list is a component) or `search` text. 'index' order ranks exact and prefix matches first;
 * 'original' keeps the options' order.
 */
import type { DetailedOption, OptionValue } from './options.js';

/** The searchable text of a label, or undefined for a component label. */
export function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  if (typeof label === 'number' || typeof label === 'boolean') return String(label);
  return undefined;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** How well one field matches the query: 0 exact, 1 prefix, 2 every word starts a word, 3 substrings, -1 none. */
function fieldScore(field: string, query: string, queryWords: readonly string[]): number {
  const text = field.toLowerCase().trim();
  const fieldWords = words(text);
  if (!queryWords.every((q) => fieldWords.some((w) => w.includes(q)))) return -1;
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  if (queryWords.every((q) => fieldWords.some((w) => w.startsWith(q)))) return 2;
  return 3;
}

/**
 * The options matching `query`; with an empty query, all of them. Each query word must occur in
 * some field; different words may match different fields (Dash looks every word up in one index
 * over all fields and intersects the results).
 */
export function filterOptions<T extends DetailedOption>(
  options: readonly T[],
  query: string | null | undefined,
  order: 'index' | 'original' = 'index',
): T[] {
  const trimmed = (query ?? '').toLowerCase().trim();
  const queryWords = words(trimmed);
  if (queryWords.length === 0) return [...options];
  const indexLabels = options.every((o) => labelText(o.label) !== undefined);
  const scored: { option: T; score: number; index: number }[] = [];
  options.forEach((option, index) => {
    const fields = [String(option.value)];
    const label = labelText(option.label);
    if (indexLabels && label !== undefined) fields.push(label);
    if (typeof option.search === 'string' && option.search !== '') fields.push(option.search);
    // Each query word must match somewhere; the best field decides the rank.
    const everyWordSomewhere = queryWords.every((q) => fields.some((f) => words(f).some((w) => w.includes(q))));
    if (!everyWordSomewhere) return;
    const scores = fields.map((f) => fieldScore(f, trimmed, queryWords)).filter((s) => s >= 0);
    scored.push({ option, score: scores.length > 0 ? Math.min(...scores) : 4, index });
  });
  if (order === 'index') scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((s) => s.option);
}

/** The value prop as a list (Dash's `sanitizedValues`): null/undefined → [], a scalar → [it]. */
export function valueList(value: OptionValue | readonly OptionValue[] | null | undefined): OptionValue[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? [...(value as OptionValue[])] : [value as OptionValue];
}

/**
 * The value to write back after `options` changed, dropping selected values that are no longer
 * offered (Dash: null for single, the filtered list for multi), or undefined when nothing changes.
 */
export function prunedValue(
  value: OptionValue | readonly OptionValue[] | null | undefined,
  options: readonly DetailedOption[],
  multi: boolean,
): { value: OptionValue | OptionValue[] | null } | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  const offered = new Set(options.map((o) => o.value));
  if (Array.isArray(value)) {
    if (!multi) return undefined;
    const kept = (value as OptionValue[]).filter((v) => offered.has(v));
    return kept.length === value.length ? undefined : { value: kept };
  }
  return offered.has(value as OptionValue) ? undefined : { value: null };
}

/** Toggle `picked` in a multi value list (appended at the end when added). */
export function toggleValue(values: readonly OptionValue[], picked: OptionValue): OptionValue[] {
  return values.includes(picked) ? values.filter((v) => v !== picked) : [...values, picked];
}

/** Select all: the current values plus every enabled shown option not yet selected, in shown order. */
export function selectAll(values: readonly OptionValue[], shown: readonly DetailedOption[]): OptionValue[] {
  const added = shown.filter((o) => !o.disabled && !values.includes(o.value)).map((o) => o.value);
  return [...values, ...added];
}

/** Deselect all: drop the shown (enabled) options from the values; values hidden by the search stay. */
export function deselectAll(values: readonly OptionValue[], shown: readonly DetailedOption[]): OptionValue[] {
  const removable = new Set(shown.filter((o) => !o.disabled).map((o) => o.value));
  return values.filter((v) => !removable.has(v));
}

/** Selected options first, keeping the order within each group (Dash sorts the multi list on open). */
export function selectedFirst<T extends DetailedOption>(options: readonly T[], selected: readonly OptionValue[]): T[] {
  const picked = options.filter((o) => selected.includes(o.value));
  const rest = options.filter((o) => !selected.includes(o.value));
  return [...picked, ...rest];
}

/** "{num_selected} selected" with the count filled in. */
export function selectedCountText(template: string, count: number): string {
  return template.replace('{num_selected}', String(count));
}
