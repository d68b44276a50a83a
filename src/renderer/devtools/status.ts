/**
 * The server-connection status the dev-tools bar shows (spec/callbacks.md §12.3), fed by the
 * hot-reload poll.
 */
import type { VanillaStore } from '../store/vanilla-store.js';
import { createStore } from '../store/vanilla-store.js';

/** `connected`: the last poll answered; `unreachable`: it did not (restarting?); `stopped`: too many 500s. */
export type ReloadStatus = 'off' | 'connected' | 'unreachable' | 'stopped' | 'reloading';

export const reloadStatus: VanillaStore<{ status: ReloadStatus }> = createStore<{ status: ReloadStatus }>({
  status: 'off',
});
