/**
 * The pages registry of one app (spec/callbacks.md §10.1, Dash's `register_page`). TypeScript has no
 * module discovery, so pages are registered explicitly: `app.registerPage({ path, layout, ... })`.
 * `module` is optional and only names the page (Dash's registry key); it is inferred from the path.
 * Everything is checked at registration, so a wrong page fails when the app starts.
 */
import type { MaybePromise } from '../../shared/dependencies.js';
import type { Child } from '../../shared/layout.js';
import { DashError } from '../errors.js';
import {
  matchTemplate,
  moduleFromPath,
  nameFromModule,
  pathFromModule,
  pathFromTemplate,
  stripPath,
  templateVariables,
} from './paths.js';

/**
 * What a page layout function receives: the path template's variables, the query string's
 * parameters (one value → string, repeated → list) and the `routing_callback_inputs` values. Called
 * with `{}` when Dash would call it without arguments (validation).
 */
export type PageArguments = Record<string, unknown>;

/** A page's layout: a component tree, or a function of the page arguments. */
export type PageLayout = Child | ((args: PageArguments) => MaybePromise<Child>);

/** A page's title or description: text, or a function of the path template's variables. */
export type PageText = string | ((variables: Record<string, string>) => string);

/** `app.registerPage(...)`'s argument: Dash's `register_page` parameters. Extra keys are kept. */
export interface PageOptions {
  /** The registry key (Dash's module name). Default inferred from the path: `/a-b` → `pages.a_b`. */
  module?: string;
  /** URL path. Default from `path_template` (variables → `none`), else from `module`. */
  path?: string;
  /** Path with variables, `/report/<id>`: the layout function receives `{ id }`. */
  path_template?: string;
  /** Shown in navigation. Default from the module: `pages.weekly_analytics` → `Weekly analytics`. */
  name?: string;
  /** Sort key of the registry: numbers first, then strings, then pages without order. */
  order?: number | string;
  /** Page title (and `og:title`). Default: the app title unless it is `Dash`, else the name. */
  title?: PageText;
  /** `description` / `og:description` meta tags. Default: the app's description. */
  description?: PageText;
  /** An image in the assets folder for `og:image`/`twitter:image`. Default `<module>.*`, `app.*` or `logo.*` there. */
  image?: string;
  /** A full image URL; wins over `image`. */
  image_url?: string;
  /** Paths answered with a 301 redirect to this page. */
  redirect_from?: string[];
  /** Required: the page content. */
  layout: PageLayout;
  [extra: string]: unknown;
}

/** One entry of `app.page_registry`. */
export interface PageEntry {
  readonly module: string;
  readonly path: string;
  readonly path_template: string | null;
  readonly name: string;
  /** The order given, or 0 for `/` when no page gives one. */
  readonly order: number | string | null;
  readonly supplied_order: number | string | null;
  readonly title: PageText;
  readonly description: PageText;
  readonly image: string | null;
  readonly image_url: string | null;
  readonly redirect_from: readonly string[];
  /** The path the browser uses: requests prefix + path. */
  readonly relative_path: string;
  readonly layout: PageLayout;
  readonly [extra: string]: unknown;
}

/** The app data the registry infers defaults from. */
export interface PageDefaults {
  readonly appTitle: string;
  readonly appDescription: string;
  readonly requestsPrefix: string;
}

function pagesError(message: string): DashError {
  return new DashError('DASH_ERR_OPTIONS', `registerPage: ${message}`);
}

function checkPath(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.startsWith('/'))
    throw pagesError(`${what} must be a string starting with "/"`);
  return value;
}

function checkText(value: unknown, what: string): PageText | undefined {
  if (value === undefined || typeof value === 'string' || typeof value === 'function') return value as PageText;
  throw pagesError(`${what} must be a string or a function`);
}

/** Sort rank of an order: numbers, then strings, then none. */
function rank(order: number | string | null): number {
  return typeof order === 'number' ? 0 : typeof order === 'string' ? 1 : 2;
}

export class PageRegistry {
  readonly #pages = new Map<string, PageEntry>();

  constructor(private readonly defaults: () => PageDefaults) {}

  get size(): number {
    return this.#pages.size;
  }

  /** Register a page; throws a DashError naming what to fix. */
  register(options: PageOptions): PageEntry {
    if (typeof options !== 'object' || options === null) throw pagesError('give an options object');
    const pathTemplate = checkPath(options.path_template, 'path_template');
    let path = checkPath(options.path, 'path');
    if (options.module !== undefined && (typeof options.module !== 'string' || options.module === '')) {
      throw pagesError('module must be a non-empty string');
    }
    const module = options.module ?? moduleFromPath(path ?? pathTemplate ?? '');
    if (options.module === undefined && path === undefined && pathTemplate === undefined) {
      throw pagesError('give the page a path (or a path_template, or a module to infer it from)');
    }
    path ??= pathTemplate !== undefined ? pathFromTemplate(pathTemplate) : pathFromModule(module);
    if (!('layout' in options) || options.layout === undefined || options.layout === null) {
      throw new DashError(
        'DASH_ERR_LAYOUT',
        `registerPage: the page "${module}" (${path}) has no layout. Pass layout: a component, or a function returning one.`,
      );
    }
    if (this.#pages.has(module)) throw pagesError(`a page with module "${module}" is already registered`);
    for (const other of this.#pages.values()) {
      if (other.path === path) throw pagesError(`duplicate path "${path}" (pages "${other.module}" and "${module}")`);
    }
    if (
      pathTemplate !== undefined &&
      new Set(templateVariables(pathTemplate)).size !== templateVariables(pathTemplate).length
    ) {
      throw pagesError(`path_template "${pathTemplate}" repeats a variable`);
    }
    const order = options.order;
    if (order !== undefined && typeof order !== 'number' && typeof order !== 'string') {
      throw pagesError('order must be a number or a string');
    }
    const redirects = options.redirect_from ?? [];
    if (!Array.isArray(redirects)) throw pagesError('redirect_from must be a list of paths');
    redirects.forEach((r, i) => checkPath(r, `redirect_from[${i}]`));
    const defaults = this.defaults();
    const name = options.name ?? nameFromModule(module);
    const title = checkText(options.title, 'title') ?? (defaults.appTitle !== 'Dash' ? defaults.appTitle : name);
    const description = checkText(options.description, 'description') ?? defaults.appDescription;
    const {
      module: _m,
      path: _p,
      path_template: _t,
      name: _n,
      order: _o,
      title: _ti,
      description: _d,
      ...extra
    } = options;
    const entry: PageEntry = {
      ...extra,
      module,
      path,
      path_template: pathTemplate ?? null,
      name,
      order: order ?? null,
      supplied_order: order ?? null,
      title,
      description,
      image: options.image ?? null,
      image_url: options.image_url ?? null,
      redirect_from: [...redirects],
      relative_path: `${defaults.requestsPrefix.replace(/\/+$/, '')}${path}`,
      layout: options.layout,
    };
    this.#pages.set(module, entry);
    return entry;
  }

  /**
   * The pages in registry order: numeric `order` first (ascending), then string orders, then pages
   * without order; ties by module name. The `/` page counts as order 0 when no page gives an order.
   */
  entries(): PageEntry[] {
    const list = [...this.#pages.values()];
    const anySupplied = list.some((p) => p.supplied_order !== null);
    const withOrder = list.map((p) => (!anySupplied && p.path === '/' && p.order === null ? { ...p, order: 0 } : p));
    return withOrder.sort((a, b) => {
      const byRank = rank(a.order) - rank(b.order);
      if (byRank !== 0) return byRank;
      if (a.order !== null && b.order !== null && a.order !== b.order) {
        return typeof a.order === 'number' && typeof b.order === 'number'
          ? a.order - b.order
          : String(a.order) < String(b.order)
            ? -1
            : 1;
      }
      return a.module < b.module ? -1 : a.module > b.module ? 1 : 0;
    });
  }

  /** `app.page_registry`: module → entry, in registry order. */
  asMap(): ReadonlyMap<string, PageEntry> {
    return new Map(this.entries().map((p) => [p.module, p]));
  }

  /** The 404 page: the one whose module's last segment is `not_found_404`. */
  notFoundPage(): PageEntry | undefined {
    return this.entries().find((p) => p.module.split('.').at(-1) === 'not_found_404');
  }

  /**
   * The page for a browser path (Dash's `_path_to_page`): in registry order, a template match wins
   * with its variables, else an exact path match. Undefined when nothing matches.
   */
  match(pathname: string, requestsPrefix: string): { page: PageEntry; variables: Record<string, string> } | undefined {
    const path = stripPath(pathname, requestsPrefix);
    for (const page of this.entries()) {
      if (page.path_template !== null) {
        const variables = matchTemplate(path, page.path_template.replace(/^\/+|\/+$/g, ''));
        if (variables !== null) return { page, variables };
      }
      if (path === page.path.replace(/^\/+|\/+$/g, '')) return { page, variables: {} };
    }
    return undefined;
  }
}
