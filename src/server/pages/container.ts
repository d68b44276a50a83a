/**
 * `page_container` (spec/callbacks.md §10.2): the components the pages router reads and writes —
 * a `dcc.Location` (in-app navigation, `refresh: 'callback-nav'`), the Div the page content goes
 * into, the Store carrying the page title to the renderer, and Dash's dummy Div.
 */
import { Location } from '../../components/dcc/location.js';
import { Store } from '../../components/dcc/store.js';
import * as html from '../../components/html/index.js';
import type { ComponentJson } from '../../shared/layout.js';
import { walkComponents } from '../../shared/layout.js';

/** The ids Dash uses (kept, so apps and tests written for Dash find them). */
export const PAGES_LOCATION = '_pages_location';
export const PAGES_CONTENT = '_pages_content';
export const PAGES_STORE = '_pages_store';
export const PAGES_DUMMY = '_pages_dummy';

/** A fresh page container. */
export function pageContainer(): ComponentJson {
  return html.Div([
    Location({ id: PAGES_LOCATION, refresh: 'callback-nav' }),
    html.Div({ id: PAGES_CONTENT, disable_n_clicks: true }),
    Store({ id: PAGES_STORE }),
    html.Div({ id: PAGES_DUMMY, disable_n_clicks: true }),
  ]);
}

/** Dash's `page_container`: put it in the app layout of a multi-page app (or leave the layout unset). */
export const page_container: ComponentJson = pageContainer();

/** Does a layout contain the page container's Location and content Div? */
export function hasPageContainer(layout: unknown): boolean {
  let location = false;
  let content = false;
  walkComponents(layout, (c) => {
    if (c.props['id'] === PAGES_LOCATION) location = true;
    if (c.props['id'] === PAGES_CONTENT) content = true;
  });
  return location && content;
}
