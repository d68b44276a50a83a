/**
 * Hot reload wiring for main.tsx (debug mode with `hot_reload` in the config): before the first
 * render, put back the values the user had typed before the previous reload; after it, track new
 * edits and poll `_reload-hash`. A changed stylesheet is swapped in place; any other change reloads
 * the page — also when the server restarted with new code, where Dash re-fetches layout and
 * callbacks in place: a full reload also picks up a new title, new asset scripts and a rebuilt
 * renderer, and the kept values make it as smooth for the user.
 */
import type { DashConfig } from '../../shared/protocol.js';
import type { Runtime } from '../runtime.js';
import { request } from '../transport/http.js';
import { startReloader } from './reloader.js';
import { swapStylesheets } from './stylesheets.js';
import { reloadStatus } from './status.js';
import { applyKept, saveKept, takeKept, UserValues } from './user-values.js';

/** sessionStorage, or null when the browser refuses it (reading the property may throw). */
function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export interface HotReload {
  /** Start tracking edits and polling, once the runtime exists. */
  start(runtime: Runtime): void;
}

/** Call with the freshly fetched layout, before the runtime is built from it; null without hot reload. */
export function prepareHotReload(config: DashConfig, layout: unknown): HotReload | null {
  const settings = config.hot_reload;
  if (!config.ui || settings === undefined) return null;
  // Originals come from the layout as served, before kept values are written into it.
  const values = new UserValues(layout);
  const storage = session();
  for (const kept of applyKept(layout, storage ? takeKept(storage) : [])) values.record(kept.id, [kept.prop]);
  return {
    start(runtime) {
      runtime.onUserEdit = (id, props) => values.record(id, props);
      startReloader({
        interval: settings.interval,
        maxRetry: settings.max_retry,
        fetch: () => request(config, '_reload-hash'),
        status: (status) => reloadStatus.setState({ status }),
        act(action) {
          if (action.kind === 'css') {
            swapStylesheets(document, action.files);
            return;
          }
          reloadStatus.setState({ status: 'reloading' });
          if (storage)
            saveKept(
              storage,
              values.snapshot((id, prop) => runtime.store.getProp(id, prop)),
            );
          window.location.reload();
        },
      });
    },
  };
}

/**
 * The page failed to load its layout or callbacks (an error in the app's code): keep polling so
 * that the fixed app reloads the page by itself.
 */
export function reloadWhenFixed(config: DashConfig): void {
  const settings = config.hot_reload;
  if (!config.ui || settings === undefined) return;
  startReloader({
    interval: settings.interval,
    maxRetry: settings.max_retry,
    fetch: () => request(config, '_reload-hash'),
    status: (status) => reloadStatus.setState({ status }),
    act: () => window.location.reload(),
  });
}
