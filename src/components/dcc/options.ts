/**
 * Normalisation of the `options` prop of Dropdown, Checklist and RadioItems (Dash's
 * `sanitizeOptions`, spec/components.md §3.2, §3.7) to a list of `{label, value, disabled?,
 * title?, search?}`. Free of zod so views can import it; the schema is in options-schema.ts.
 */
import type { Child } from '../../shared/layout.js';
import type { DetailedOption, Options } from './options-schema.js';

export type { DetailedOption, OptionValue, Options } from './options-schema.js';

/** A label as the views show it: components stay components, anything else becomes a string. */
function labelOf(label: Child): Child {
  if (typeof label === 'object' && label !== null) return label; // a component, or a list of them
  return String(label);
}

/**
 * Normalise `options` to a list of detailed options (Dash's `sanitizeOptions`): values become
 * `{label: String(value), value}`, dict entries `{label, value: key}`; option objects pass unchanged.
 */
export function normalizeOptions(options: Options | null | undefined): DetailedOption[] {
  if (options === null || options === undefined) return [];
  if (Array.isArray(options)) {
    return options.map((option) => (typeof option === 'object' ? option : { label: String(option), value: option }));
  }
  return Object.entries(options).map(([value, label]) => ({ label: labelOf(label), value }));
}
