/**
 * dcc.Store view (spec/components.md §3.14): renders nothing; keeps `data` in memory (per
 * component), localStorage or sessionStorage under the stringified id, with `<id>-timestamp` for
 * the modification time. On mount a stored value wins over the layout value; later `data` writes
 * from callbacks are stored; `clear_data` removes the entry; other tabs' writes arrive through the
 * `storage` event.
 */
import { useEffect, useRef } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { jsonEqual } from './json-equal.js';
import type { StoreProps } from './store.js';
import { domId } from './view-utils.browser.js';

type Data = StoreProps['data'];

interface BackStore {
  get(key: string): Data;
  set(key: string, value: Data): void;
  remove(key: string): void;
  modified(key: string): number;
  /** The Web Storage behind it, to match `storage` events (none for memory). */
  readonly storage: Storage | undefined;
}

/** Memory storage: one per component instance, lost on reload. */
function memoryStore(): BackStore {
  const values = new Map<string, Data>();
  let modified = -1;
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
      modified = Date.now();
    },
    remove: (key) => {
      values.delete(key);
      modified = Date.now();
    },
    modified: () => modified,
    storage: undefined,
  };
}

/** localStorage or sessionStorage, JSON-encoded; unreadable entries count as empty. */
function webStore(storage: Storage): BackStore {
  return {
    get: (key) => {
      try {
        return JSON.parse(storage.getItem(key) ?? 'null') as Data;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, JSON.stringify(value));
        storage.setItem(`${key}-timestamp`, String(Date.now()));
      } catch (error) {
        // Quota exceeded or storage disabled: the prop still holds the data for this page.
        console.error(`dcc.Store "${key}": could not save data`, error);
      }
    },
    remove: (key) => {
      storage.removeItem(key);
      storage.removeItem(`${key}-timestamp`);
    },
    modified: (key) => Number.parseInt(storage.getItem(`${key}-timestamp`) ?? '', 10) || -1,
    storage,
  };
}

function backStoreFor(type: StoreProps['storage_type']): BackStore {
  if (type === 'local') return webStore(window.localStorage);
  if (type === 'session') return webStore(window.sessionStorage);
  return memoryStore();
}

const isNil = (value: unknown): boolean => value === undefined || value === null;

export default function StoreView(props: ViewProps<StoreProps>) {
  const { data, clear_data, setProps, storage_type = 'memory' } = props;
  const key = domId(props.id) ?? '';
  const store = useRef<{ type: string; backStore: BackStore } | undefined>(undefined);
  if (store.current?.type !== storage_type)
    store.current = { type: storage_type, backStore: backStoreFor(storage_type) };
  const backStore = store.current.backStore;
  const latest = useRef({ setProps, backStore, key });
  latest.current = { setProps, backStore, key };
  const mounted = useRef(false);

  // Mount: a stored value wins; an empty store takes the layout value.
  useEffect(() => {
    const stored = backStore.get(key);
    if (isNil(stored) && !isNil(data)) {
      backStore.set(key, data);
      setProps({ modified_timestamp: backStore.modified(key) });
    } else if (!(isNil(stored) && isNil(data)) && !jsonEqual(stored, data)) {
      setProps({ data: stored ?? null, modified_timestamp: backStore.modified(key) });
    }
    mounted.current = true;
    // Deliberately not on `data`: later changes are handled by the next effect.
  }, [backStore, key]);

  // Later changes of data / clear_data from callbacks.
  useEffect(() => {
    if (!mounted.current) return;
    if (clear_data === true) {
      backStore.remove(key);
      setProps({ clear_data: false, data: null, modified_timestamp: backStore.modified(key) });
      return;
    }
    const stored = backStore.get(key);
    if (jsonEqual(data, stored)) return;
    if (data === undefined) {
      // The component was re-created without data: give back what is stored.
      setProps({ data: stored ?? null });
    } else {
      backStore.set(key, data);
      setProps({ modified_timestamp: backStore.modified(key) });
    }
    // Only a new `data`/`clear_data` from a callback is an event here.
  }, [data, clear_data]);

  // Writes from other tabs (local) or frames (session).
  useEffect(() => {
    if (backStore.storage === undefined) return undefined;
    const onStorage = (event: StorageEvent) => {
      const current = latest.current;
      if (event.storageArea !== current.backStore.storage || event.key !== current.key) return;
      if (event.newValue === event.oldValue) return;
      let next: Data;
      try {
        next = JSON.parse(event.newValue ?? 'null') as Data;
      } catch {
        next = null; // not JSON: written by something else, treat as empty
      }
      current.setProps({ data: next, modified_timestamp: current.backStore.modified(current.key) });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [backStore]);

  return null;
}
