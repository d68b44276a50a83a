/**
 * The pages router (spec/callbacks.md §10.2): one hidden callback from the page container's Location
 * (`pathname`, `search`, plus `routing_callback_inputs`) to the content Div and the title Store. It
 * is not an initial call: the Location fills `pathname` from the browser when it mounts, and that
 * change routes. Layout functions get the path variables, the query parameters and the routing
 * inputs as one object.
 */
import * as html from '../../components/html/index.js';
import type { AnyArgument } from '../../shared/dependencies.js';
import { Input, Output } from '../../shared/dependencies.js';
import type { Child } from '../../shared/layout.js';
import type { CallbackRegistry } from '../callbacks/registry.js';
import { DashError } from '../errors.js';
import { hasPageContainer, PAGES_CONTENT, PAGES_LOCATION, PAGES_STORE } from './container.js';
import { parseQuery } from './paths.js';
import type { PageEntry, PageLayout, PageRegistry, PageText } from './registry.js';

/** `routing_callback_inputs`: name → Input (re-routes on change) or State (read when routing). */
export type RoutingInputs = Readonly<Record<string, AnyArgument>>;

/** The page's title or description for these path variables. */
export function pageText(text: PageText, variables: Record<string, string>): string {
  return typeof text === 'function' ? text(variables) : text;
}

async function renderLayout(layout: PageLayout, args: Record<string, unknown>): Promise<Child> {
  return typeof layout === 'function' ? await layout(args) : layout;
}

/** What the router shows for a path: the page's content and title. */
export async function routePage(
  pages: PageRegistry,
  context: { requestsPrefix: string; appTitle: string },
  pathname: unknown,
  search: unknown,
  routing: Record<string, unknown>,
): Promise<{ layout: Child; title: string }> {
  const query = parseQuery(typeof search === 'string' ? search : '');
  const found = pages.match(typeof pathname === 'string' ? pathname : '/', context.requestsPrefix);
  let page: PageEntry | undefined = found?.page;
  const variables = found?.variables ?? {};
  if (page === undefined) {
    page = pages.notFoundPage();
    if (page === undefined) return { layout: html.H1('404 - Page not found'), title: context.appTitle };
  }
  const layout = await renderLayout(page.layout, { ...variables, ...query, ...routing });
  return { layout, title: pageText(page.title, variables) };
}

/**
 * Register the routing callback on an app's registry (once), after checking the app layout holds the
 * page container when the layout is a static tree (a layout function is checked when served).
 */
export function installRouter(options: {
  registry: CallbackRegistry;
  pages: PageRegistry;
  routingInputs: RoutingInputs;
  staticLayout: unknown;
  requestsPrefix: string;
  appTitle: string;
}): void {
  const { registry, pages, routingInputs } = options;
  if (options.staticLayout !== undefined && !hasPageContainer(options.staticLayout)) {
    throw new DashError(
      'DASH_ERR_LAYOUT',
      'This app registers pages, so its layout must contain page_container (import { page_container } from "dash-ts"), or leave app.layout unset to use it alone.',
    );
  }
  const named = Object.entries(routingInputs);
  for (const [name, dep] of named) {
    if (dep === null || typeof dep !== 'object' || (dep.kind !== 'input' && dep.kind !== 'state')) {
      throw new DashError('DASH_ERR_OPTIONS', `routing_callback_inputs.${name} must be an Input(...) or a State(...)`);
    }
  }
  // Inputs must precede States in a callback's arguments; the names follow the same order.
  const ordered = [...named.filter(([, d]) => d.kind === 'input'), ...named.filter(([, d]) => d.kind === 'state')];
  const route = async (pathname: unknown, search: unknown, ...values: unknown[]): Promise<[Child, unknown]> => {
    const routing: Record<string, unknown> = {};
    ordered.forEach(([name], i) => {
      routing[name] = values[i] ?? null;
    });
    const { layout, title } = await routePage(
      pages,
      { requestsPrefix: options.requestsPrefix, appTitle: options.appTitle },
      pathname,
      search,
      routing,
    );
    return [layout, { title }];
  };
  registry.add(
    [Output(PAGES_CONTENT, 'children'), Output(PAGES_STORE, 'data')],
    [
      Input(PAGES_LOCATION, 'pathname'),
      Input(PAGES_LOCATION, 'search'),
      ...ordered.map(([, dep]) => dep),
      route,
      { prevent_initial_call: true },
    ],
  );
}
