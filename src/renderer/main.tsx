/**
 * The browser bundle's entry (built by scripts/build.mjs): read `_dash-config`, fetch the layout
 * and the callback list in parallel, preload the views the layout uses, render into
 * `#react-entry-point`, then run the initial callbacks (spec/callbacks.md §1.5).
 */
import { createRoot } from 'react-dom/client';
import { viewRegistry } from '../components/registry.browser.js';
import type { CallbackSpec, DashConfig } from '../shared/protocol.js';
import { App } from './app.js';
import { installCleanUrl } from './clientside/clean-url.js';
import { readConfig } from './config.js';
import { prepareHotReload, reloadWhenFixed } from './devtools/hot-reload.js';
import { Runtime } from './runtime.js';
import { watchPageTitle } from './page-title.js';
import { titleUpdater } from './title.js';
import { httpTransport, request } from './transport/http.js';
import { rendererHooks } from './transport/renderer-hooks.js';
import { ViewCache } from './tree/view-cache.js';

/** Show a boot failure as plain text (never HTML: the body may come from anywhere). */
function showFailure(mount: HTMLElement, message: string): void {
  const box = document.createElement('pre');
  box.className = 'dash-ts-load-error';
  box.textContent = message;
  mount.replaceChildren(box);
}

async function fetchJson(config: DashConfig, path: string, what: string): Promise<unknown> {
  let status = 0;
  let body = '';
  try {
    ({ status, body } = await request(config, path));
    if (status === 200) return JSON.parse(body) as unknown;
  } catch (error) {
    body ||= error instanceof Error ? error.message : String(error);
  }
  // Debug mode shows the response body; production only says what failed (spec/callbacks.md §12.3).
  throw new Error(config.ui ? `Error loading ${what} (${status})\n${body}` : `Error loading ${what}`);
}

async function boot(): Promise<void> {
  installCleanUrl(); // dash_clientside.clean_url uses the renderer's URL check
  const mount = document.getElementById('react-entry-point');
  if (!mount) throw new Error('dash-ts: the page has no #react-entry-point');
  let config: DashConfig;
  try {
    config = readConfig(document);
  } catch (error) {
    showFailure(mount, `Error reading _dash-config: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  let layout: unknown;
  let dependencies: unknown;
  try {
    const hooks = rendererHooks();
    // layout_pre / layout_post wrap the layout fetch (spec/protocol.md §6.4); layout_post may mutate it.
    if (typeof hooks.layout_pre === 'function') hooks.layout_pre();
    [layout, dependencies] = await Promise.all([
      fetchJson(config, '_dash-layout', 'layout').then((received) => {
        if (typeof hooks.layout_post === 'function') hooks.layout_post(received);
        return received;
      }),
      fetchJson(config, '_dash-dependencies', 'dependencies'),
    ]);
  } catch (error) {
    showFailure(mount, error instanceof Error ? error.message : String(error));
    reloadWhenFixed(config);
    return;
  }
  // Debug mode: values typed before a hot reload go back into the layout before anything renders.
  const hotReload = prepareHotReload(config, layout);
  const runtime = new Runtime({
    config,
    layout,
    dependencies: Array.isArray(dependencies) ? (dependencies as CallbackSpec[]) : [],
    transport: httpTransport(config),
    fetchDependencies: async () => {
      const specs = await fetchJson(config, '_dash-dependencies', 'dependencies');
      return Array.isArray(specs) ? (specs as CallbackSpec[]) : [];
    },
    // Reading these properties throws when the browser disables storage: persistence then uses memory.
    webStorage: (type) => (type === 'local' ? window.localStorage : window.sessionStorage),
  });
  const views = new ViewCache(viewRegistry);
  await views.preload(runtime.store.types());
  const setBusyTitle = titleUpdater(config.update_title, document);
  runtime.app.subscribe(() => setBusyTitle(runtime.app.getState().busy));
  watchPageTitle(runtime.store, document);
  createRoot(mount).render(<App runtime={runtime} views={views} debug={config.ui} />);
  runtime.start();
  hotReload?.start(runtime);
}

void boot();
