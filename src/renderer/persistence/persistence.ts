/**
 * Persistence of prop edits (spec/callbacks.md §8, Dash's `persistence.js`). A component takes part
 * when it has an id, a truthy `persistence` and `persisted_props` (its own, else its type's default
 * from `_dash-config`). Each persisted prop is stored under
 * `<stringified id>.<persisted prop>.<JSON of persistence>` as `[new]` or `[new, original]`:
 *
 * - `record`: every prop update (user edit, callback output, side update) stores the new value; the
 *   original is the value before the first recorded change and is kept across later ones.
 * - `apply`: a component entering the layout (initial layout, or a subtree a callback delivered) gets
 *   the stored value of each persisted prop whose layout value still equals the stored original;
 *   otherwise the app changed its default and the stale edit is deleted.
 * - `prune`: a callback writing a persisted prop overrides the stored edit of that prop only; a
 *   callback changing `persistence`/`persistence_type`/`persisted_props` reverts the values applied
 *   under the old settings and applies the ones saved under the new settings.
 *
 * Pure: storage is injected (see storage.ts), components are plain `{namespace, type, props}`.
 */
import type { ComponentId } from '../../shared/prop-id.js';
import { stringifyId } from '../../shared/prop-id.js';
import { isPlainObject } from '../store/children-props.js';
import { deepEqual } from '../store/deep-equal.js';
import type { PersistenceType, PersistStore, StorageLike } from './storage.js';
import { MemoryStore, openWebStore } from './storage.js';
import type { PropTransforms, TransformLookup } from './transforms.js';
import { builtInTransforms, persistedKeysOf, transformFor } from './transforms.js';

/** A component as persistence sees it. */
export interface PersistedComponent {
  readonly namespace: string;
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface PersistenceOptions {
  /** The default `persisted_props` of a component type; `undefined` when the type persists nothing. */
  readonly defaults: (namespace: string, type: string) => readonly string[] | undefined;
  /**
   * The page's `localStorage`/`sessionStorage` (may throw when storage is disabled). Without it,
   * every type is kept in memory (node tests).
   */
  readonly webStorage?: ((type: 'local' | 'session') => StorageLike | undefined) | undefined;
  readonly transforms?: TransformLookup | undefined;
  /** Storage problems (the page keeps working); default: ignored. */
  readonly onError?: ((message: string) => void) | undefined;
}

interface Settings {
  readonly id: string;
  readonly persistence: unknown;
  readonly persistedProps: readonly string[];
  readonly type: PersistenceType;
  readonly transforms: PropTransforms | undefined;
}

/** `[new]` or `[new, original]`, as stored. */
type Saved = readonly [unknown, unknown];

const UNDO = true;

function persistenceType(value: unknown): PersistenceType {
  return value === 'session' || value === 'memory' ? value : 'local';
}

function propList(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** `prop.part` → [prop, part]; a plain prop has no part. */
function splitPersisted(persistedProp: string): [string, string | undefined] {
  const dot = persistedProp.indexOf('.');
  return dot < 0 ? [persistedProp, undefined] : [persistedProp.slice(0, dot), persistedProp.slice(dot + 1)];
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return isPlainObject(value) ? stringifyId(value as Exclude<ComponentId, string>) : undefined;
}

/** JSON of the persistence value; `true` and `"true"` are different saved sets, as in Dash. */
function valsKey(id: string, persistedProp: string, persistence: unknown): string {
  return `${id}.${persistedProp}.${JSON.stringify(persistence)}`;
}

export class Persistence {
  readonly #options: PersistenceOptions;
  readonly #transforms: TransformLookup;
  readonly #memory = new MemoryStore();
  readonly #stores = new Map<PersistenceType, PersistStore>([['memory', this.#memory]]);

  constructor(options: PersistenceOptions) {
    this.#options = options;
    this.#transforms = options.transforms ?? builtInTransforms;
  }

  /** The props a component enters the layout with: its own, with applicable saved values applied. */
  apply(component: PersistedComponent): Readonly<Record<string, unknown>> {
    const settings = this.#settings(component);
    if (settings === undefined || !settings.persistence) return component.props;
    const store = this.#store(settings.type);
    const update: Record<string, unknown> = {};
    for (const persistedProp of settings.persistedProps) {
      const key = valsKey(settings.id, persistedProp, settings.persistence);
      this.#modProp(store, key, settings.transforms, component.props, persistedProp, update);
    }
    return Object.keys(update).length === 0 ? component.props : { ...component.props, ...update };
  }

  /** Store the persisted props among `changes` (the component's props are still the old ones). */
  record(component: PersistedComponent, changes: Readonly<Record<string, unknown>>): void {
    const settings = this.#settings(component);
    if (settings === undefined || !settings.persistence) return;
    // An update that switches to another saved set records nothing in the old one (§8).
    if ('persistence' in changes && changes['persistence'] !== settings.persistence) return;
    for (const persistedProp of settings.persistedProps) {
      const [prop, part] = splitPersisted(persistedProp);
      if (changes[prop] === undefined) continue;
      const transform = transformFor(settings.transforms, prop, part);
      const oldValue = transform.extract(component.props[prop]);
      const newValue = transform.extract(changes[prop]);
      // With several parts of one prop, most parts are unchanged by an edit: nothing to store.
      if (deepEqual(oldValue, newValue)) continue;
      const store = this.#store(settings.type);
      const key = valsKey(settings.id, persistedProp, settings.persistence);
      const saved = this.#read(store, key);
      const original = saved === undefined ? oldValue : saved[1];
      store.set(key, original === undefined ? [newValue] : [newValue, original]);
    }
  }

  /**
   * A callback is about to write `changes`: drop the saved edits of the props it writes; when it
   * changes the persistence settings, also revert/apply saved values. Returns the props to write.
   */
  prune(component: PersistedComponent, changes: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    const settings = this.#settings(component);
    if (settings === undefined) return changes;
    const finalPersistence = 'persistence' in changes ? changes['persistence'] : settings.persistence;
    if (!settings.persistence && !finalPersistence) return changes;
    const finalType = 'persistence_type' in changes ? persistenceType(changes['persistence_type']) : settings.type;
    const finalProps =
      'persisted_props' in changes
        ? (propList(changes['persisted_props']) ?? this.#defaults(component) ?? [])
        : settings.persistedProps;
    const changed =
      finalPersistence !== settings.persistence ||
      finalType !== settings.type ||
      !deepEqual(finalProps, settings.persistedProps);
    const notWritten = (persistedProp: string): boolean => !(splitPersisted(persistedProp)[0] in changes);
    const update: Record<string, unknown> = {};
    let depersisted = component.props;
    if (changed && settings.persistence) {
      // Put back the layout's values wherever the old settings had applied a saved edit.
      const store = this.#store(settings.type);
      for (const persistedProp of settings.persistedProps.filter(notWritten)) {
        const key = valsKey(settings.id, persistedProp, settings.persistence);
        this.#modProp(store, key, settings.transforms, component.props, persistedProp, update, UNDO);
      }
      depersisted = { ...component.props, ...update };
    }
    if (finalPersistence) {
      const store = this.#store(finalType);
      if (changed) {
        for (const persistedProp of finalProps.filter(notWritten)) {
          const key = valsKey(settings.id, persistedProp, finalPersistence);
          this.#modProp(store, key, settings.transforms, depersisted, persistedProp, update);
        }
      }
      // The point of pruning: what a callback writes replaces the saved edit, whatever its value.
      for (const prop of Object.keys(changes)) {
        for (const persistedProp of persistedKeysOf(settings.transforms, prop)) {
          store.remove(valsKey(settings.id, persistedProp, finalPersistence));
        }
      }
    }
    return changed ? { ...changes, ...update } : changes;
  }

  #defaults(component: PersistedComponent): readonly string[] | undefined {
    return this.#options.defaults(component.namespace, component.type);
  }

  /** Who and how, when the component can persist at all (an id and some persisted props). */
  #settings(component: PersistedComponent): Settings | undefined {
    const { props } = component;
    const id = idOf(props['id']);
    if (id === undefined) return undefined;
    const persistedProps = propList(props['persisted_props']) ?? this.#defaults(component);
    if (persistedProps === undefined) return undefined;
    return {
      id,
      persistence: props['persistence'],
      persistedProps,
      type: persistenceType(props['persistence_type']),
      transforms: this.#transforms(component.namespace, component.type),
    };
  }

  /**
   * Apply (or with `undo`, revert) one saved value onto `update`, if the prop's current value is the
   * one it was saved against; otherwise the saved value is stale and deleted.
   */
  #modProp(
    store: PersistStore,
    key: string,
    transforms: PropTransforms | undefined,
    props: Readonly<Record<string, unknown>>,
    persistedProp: string,
    update: Record<string, unknown>,
    undo = false,
  ): void {
    const saved = this.#read(store, key);
    if (saved === undefined) return;
    const [newValue, originalValue] = saved;
    const [prop, part] = splitPersisted(persistedProp);
    const transform = transformFor(transforms, prop, part);
    if (deepEqual(undo ? newValue : originalValue, transform.extract(props[prop]))) {
      update[prop] = transform.apply(undo ? originalValue : newValue, prop in update ? update[prop] : props[prop]);
    } else {
      store.remove(key);
    }
  }

  /** A saved `[new, original?]`; anything else under the key is discarded. */
  #read(store: PersistStore, key: string): Saved | undefined {
    const entry = store.get(key);
    if (entry === undefined) return undefined;
    if (!Array.isArray(entry.value) || entry.value.length === 0 || entry.value.length > 2) {
      store.remove(key);
      return undefined;
    }
    return [entry.value[0], entry.value[1]];
  }

  #store(type: PersistenceType): PersistStore {
    let store = this.#stores.get(type);
    if (store === undefined) {
      const { webStorage, onError } = this.#options;
      const web =
        type !== 'memory' && webStorage !== undefined
          ? openWebStore(type, () => webStorage(type), onError ?? (() => undefined))
          : undefined;
      // Without working web storage, edits still persist for this page's lifetime.
      store = web ?? this.#memory;
      this.#stores.set(type, store);
    }
    return store;
  }
}
