/**
 * Hot reload keeps what the user typed or picked (beyond Dash, whose reload resets the page): the
 * props views changed (`setProps`) on components that have an id are remembered with the value
 * the layout gave them. Before a reload they are saved to sessionStorage (a full page reload) or
 * handed over in memory (a soft reload); after it, a value is put back into the new layout only when
 * the component still exists and its layout value is unchanged — the same rule as Dash's
 * persistence (spec/callbacks.md §8), so an edited default in the app's code wins over the old input.
 * Debug mode only; no DOM here (storage is passed in).
 */
import type { ComponentJson } from '../../shared/layout.js';
import { componentId, walkComponents } from '../../shared/layout.js';
import { stringifyId } from '../../shared/prop-id.js';
import { deepEqual } from '../store/deep-equal.js';

/** One kept value: the layout's value when the page loaded (`original`) and the user's. */
export interface KeptValue {
  readonly id: string;
  readonly prop: string;
  readonly original: unknown;
  readonly value: unknown;
}

export const STORAGE_KEY = 'dash-ts:hot-reload:user-values';

/** The part of the Web Storage API used here (sessionStorage in the page). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Props of every component with an id, as the layout JSON gives them. */
function propsById(layout: unknown): Map<string, Readonly<Record<string, unknown>>> {
  const out = new Map<string, Readonly<Record<string, unknown>>>();
  walkComponents(layout, (component) => {
    const id = componentId(component);
    // A copy: applyKept later writes into the layout's props objects.
    if (id !== undefined) out.set(stringifyId(id), { ...component.props });
  });
  return out;
}

/** Records user edits against the layout the page was loaded with. */
export class UserValues {
  readonly #initial: Map<string, Readonly<Record<string, unknown>>>;
  readonly #edited = new Map<string, Set<string>>();

  constructor(initialLayout: unknown) {
    this.#initial = propsById(initialLayout);
  }

  /** A view changed these props of component `id`. Components added later by callbacks are not kept. */
  record(id: string, props: readonly string[]): void {
    if (!this.#initial.has(id)) return;
    let set = this.#edited.get(id);
    if (!set) this.#edited.set(id, (set = new Set()));
    for (const prop of props) set.add(prop);
  }

  /** The edited props with their current values (what the user sees now). */
  snapshot(current: (id: string, prop: string) => unknown): KeptValue[] {
    const out: KeptValue[] = [];
    for (const [id, props] of this.#edited) {
      const initial = this.#initial.get(id);
      for (const prop of props) {
        out.push({ id, prop, original: initial?.[prop] ?? null, value: current(id, prop) ?? null });
      }
    }
    return out;
  }
}

/** Save for the next page load; values that are not JSON (none should be) are dropped. */
export function saveKept(storage: StorageLike, kept: readonly KeptValue[]): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the reload simply starts from the layout.
  }
}

/** Read and forget what the previous page saved. */
export function takeKept(storage: StorageLike): KeptValue[] {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
    storage.removeItem(STORAGE_KEY);
  } catch {
    return [];
  }
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((k: unknown): k is KeptValue => {
    if (typeof k !== 'object' || k === null) return false;
    const entry = k as Record<string, unknown>;
    return typeof entry['id'] === 'string' && typeof entry['prop'] === 'string' && 'value' in entry;
  });
}

/**
 * Put kept values into a freshly fetched layout (mutated in place: it was just parsed and is not
 * shared). Returns the values applied.
 */
export function applyKept(layout: unknown, kept: readonly KeptValue[]): KeptValue[] {
  const applied: KeptValue[] = [];
  if (kept.length === 0) return applied;
  const byId = new Map<string, KeptValue[]>();
  for (const k of kept) byId.set(k.id, [...(byId.get(k.id) ?? []), k]);
  walkComponents(layout, (component: ComponentJson) => {
    const id = componentId(component);
    const entries = id === undefined ? undefined : byId.get(stringifyId(id));
    if (!entries) return;
    const props = component.props as Record<string, unknown>;
    for (const entry of entries) {
      if (!deepEqual(props[entry.prop] ?? null, entry.original)) continue;
      props[entry.prop] = entry.value;
      applied.push(entry);
    }
  });
  return applied;
}
