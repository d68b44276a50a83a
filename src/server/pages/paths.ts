/**
 * Paths of a multi-page app (spec/callbacks.md §10.1–10.2): inferring a page's path, module and name,
 * matching a request path against a page (`/report/<id>` templates capture variables), and parsing
 * query strings the way Dash does (one value → string, repeated → list).
 */

/** A template's variables, in order: `/a/<x>/b/<y>` → `['x', 'y']`. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/<([^<>/]+)>/g)].map((m) => m[1] ?? '');
}

/** `/weekly-analytics` from `pages.weekly_analytics` (the last segment, `_` → `-`, lower case). */
export function pathFromModule(module: string): string {
  const last = module.split('.').at(-1) ?? module;
  return `/${last.replace(/_/g, '-').toLowerCase()}`;
}

/** A template's path with every variable replaced by `none` (Dash's inference). */
export function pathFromTemplate(template: string): string {
  return template.replace(/<[^<>/]+>/g, 'none');
}

/** A module name standing for a path (pages registered without one): `/report/<id>` → `pages.report.id`. */
export function moduleFromPath(path: string): string {
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/[<>]/g, '').replace(/[^A-Za-z0-9_]/g, '_'));
  return `pages.${segments.length === 0 ? 'home' : segments.join('.')}`;
}

/** `Weekly analytics` from `pages.weekly_analytics` (Python's `str.capitalize`). */
export function nameFromModule(module: string): string {
  const text = (module.split('.').at(-1) ?? module).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The variables of `path` under `template` (both without leading/trailing slashes), or null when it
 * does not match. A variable matches one path segment; values are percent-decoded.
 */
export function matchTemplate(path: string, template: string): Record<string, string> | null {
  const names = templateVariables(template);
  const pattern = template
    .split(/<[^<>/]+>/)
    .map(escapeRegExp)
    .join('([^/]+)');
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (match === null) return null;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    const raw = match[i + 1] ?? '';
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  });
  return out;
}

/** A path without the requests prefix and without leading/trailing slashes. */
export function stripPath(pathname: string, requestsPrefix: string): string {
  let path = pathname;
  const prefix = requestsPrefix.replace(/\/+$/, '');
  if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length);
  return path.replace(/^\/+|\/+$/g, '');
}

/** `?a=1&b=2&b=3` → `{a: '1', b: ['2', '3']}`. */
export function parseQuery(search: string | null | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof search !== 'string' || search === '') return out;
  for (const [key, value] of new URLSearchParams(search.replace(/^\?/, ''))) {
    // Dash (parse_qs) drops blank values.
    if (value === '') continue;
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}
