/**
 * Browser side: namespace → component type → lazy loader of its React view. The renderer looks
 * views up here (a Map, no window globals). Each loader is a dynamic import, so esbuild puts every
 * view (or group of views) in its own chunk, loaded only when a page uses it.
 */
import type { ComponentType } from 'react';
import { htmlViews } from './html/views.browser.js';
import { dccViews } from './dcc/views.browser.js';

/** A lazily loaded view module: its default export is the React component. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- views have heterogeneous props
export type ViewLoader = () => Promise<{ default: ComponentType<any> }>;

export type ViewTable = Readonly<Record<string, ViewLoader>>;

export const viewRegistry: ReadonlyMap<string, ViewTable> = new Map<string, ViewTable>([
  ['dash_html_components', htmlViews],
  ['dash_core_components', dccViews],
]);
