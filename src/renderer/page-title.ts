/**
 * Multi-page apps (spec/callbacks.md §10.2): the pages router writes `{title}` into the page
 * container's Store; the page's `document.title` follows it. Dash does this with a clientside
 * callback; ours is built in, so it needs no script in the page (CSP).
 */
import type { LayoutStore } from './store/layout-store.js';

/** The page container's Store id (server: src/server/pages/container.ts). */
const PAGES_STORE = '_pages_store';

/** Keep `doc.title` in step with the pages Store; a no-op for apps without pages. */
export function watchPageTitle(store: LayoutStore, doc: Document): void {
  const key = store.keyOf(PAGES_STORE);
  if (key === undefined) return;
  let last: unknown;
  store.subscribe(key, () => {
    const data = store.getProp(PAGES_STORE, 'data');
    if (data === last) return;
    last = data;
    const title = typeof data === 'object' && data !== null ? (data as { title?: unknown }).title : undefined;
    if (typeof title === 'string') doc.title = title;
  });
}
