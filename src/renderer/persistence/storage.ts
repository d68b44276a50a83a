/**
 * Where persisted edits live (spec/callbacks.md §8): `localStorage`, `sessionStorage`, or a map that
 * lasts until the page reloads. Keys carry the `_dash_persistence.` prefix; values are JSON, with
 * `undefined` written as `U` (JSON has no undefined). Web storage is injected (`StorageLike`) so the
 * logic runs in node tests, and every failure — storage disabled, quota exceeded, unreadable entry —
 * is reported, never thrown: persistence is a convenience and must not break the page.
 */

export const STORE_PREFIX = '_dash_persistence.';

/** The part of the Web Storage API we use. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type PersistenceType = 'local' | 'session' | 'memory';

/** One store of persisted values, keyed without the prefix. */
export interface PersistStore {
  /** The stored value, or `undefined` when absent or unreadable. */
  get(key: string): { value: unknown } | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

const UNDEFINED = 'U';

function encode(value: unknown): string {
  return value === undefined ? UNDEFINED : JSON.stringify(value);
}

function decode(text: string): unknown {
  return text === UNDEFINED ? undefined : (JSON.parse(text) as unknown);
}

/** Until the page reloads. Values go through JSON too, so every read is a fresh copy. */
export class MemoryStore implements PersistStore {
  readonly #data = new Map<string, string>();

  get(key: string): { value: unknown } | undefined {
    const text = this.#data.get(key);
    return text === undefined ? undefined : { value: decode(text) };
  }

  set(key: string, value: unknown): void {
    this.#data.set(key, encode(value));
  }

  remove(key: string): void {
    this.#data.delete(key);
  }
}

/** `localStorage` or `sessionStorage`. */
export class WebStore implements PersistStore {
  readonly #storage: StorageLike;
  readonly #name: string;
  readonly #onError: (message: string) => void;

  constructor(storage: StorageLike, name: string, onError: (message: string) => void) {
    this.#storage = storage;
    this.#name = name;
    this.#onError = onError;
  }

  get(key: string): { value: unknown } | undefined {
    try {
      const text = this.#storage.getItem(STORE_PREFIX + key);
      return text === null ? undefined : { value: decode(text) };
    } catch {
      // Written by something else or truncated: drop it rather than fail every load.
      this.remove(key);
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    try {
      this.#storage.setItem(STORE_PREFIX + key, encode(value));
    } catch {
      this.#onError(`${key} failed to save in ${this.#name}. Persisted props may be lost.`);
    }
  }

  remove(key: string): void {
    try {
      this.#storage.removeItem(STORE_PREFIX + key);
    } catch {
      // Nothing to do: the entry stays, and is discarded later if it no longer fits the layout.
    }
  }
}

const PROBE_KEY = `${STORE_PREFIX}x.x`;

/**
 * The web store for `local`/`session` when it works (a probe write and read back succeed), else
 * `undefined` after reporting why — the caller then falls back to memory.
 */
export function openWebStore(
  type: 'local' | 'session',
  backend: () => StorageLike | undefined,
  onError: (message: string) => void,
): PersistStore | undefined {
  const name = type === 'local' ? 'localStorage' : 'sessionStorage';
  try {
    const storage = backend();
    if (storage === undefined) throw new Error('unavailable');
    const probe = `probe-${Date.now()}`;
    storage.setItem(PROBE_KEY, probe);
    const ok = storage.getItem(PROBE_KEY) === probe;
    storage.removeItem(PROBE_KEY);
    if (!ok) throw new Error('set/get mismatch');
    return new WebStore(storage, name, onError);
  } catch (error) {
    onError(`${name} init failed (${error instanceof Error ? error.message : String(error)}), falling back to memory`);
    return undefined;
  }
}
