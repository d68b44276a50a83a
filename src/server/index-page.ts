/**
 * The index page (spec/protocol-core.md §2), adapted to our CSP: no inline executable script at all.
 * `_dash-config` is a JSON data block; the renderer and the assets' scripts are external and carry
 * the response's nonce; stylesheets are same-origin links (`style-src 'self'`).
 */
import type { DashConfig } from '../shared/protocol.js';
import { DashError } from './errors.js';

/** Scripts and stylesheets the index page loads for a renderer (our bundle, or Dash's). */
export interface PageScripts {
  /** In page order; `module` ones get `type="module"`. Every script tag carries the response's nonce. */
  scripts: { src: string; module?: boolean }[];
  /** Stylesheet URLs, in page order. */
  styles: string[];
}

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

const jsonScriptEscapes: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON to embed in `<script type="application/json">`: `<` (and `>`, `&`) as `\u003c` escapes, so no
 * string inside — `</script>`, `<!--` — can end the block. The text still parses to the same value.
 */
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => jsonScriptEscapes[c] ?? c);
}

const attributeName = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

/** Check the `meta_tags` option once, at startup: attribute names cannot be escaped, only refused. */
export function checkMetaTags(tags: readonly Record<string, string>[]): void {
  for (const tag of tags) {
    for (const [name, value] of Object.entries(tag)) {
      if (!attributeName.test(name)) {
        throw new DashError('DASH_ERR_OPTIONS', `meta_tags: "${name}" is not a valid attribute name`);
      }
      if (typeof value !== 'string') {
        throw new DashError('DASH_ERR_OPTIONS', `meta_tags: the value of "${name}" must be a string`);
      }
    }
  }
}

function metaTag(attributes: Readonly<Record<string, string>>): string {
  const parts = Object.entries(attributes).map(([name, value]) => `${name}="${escapeHtml(value)}"`);
  return `<meta ${parts.join(' ')}>`;
}

/** Dash's three default meta tags unless the user gave equivalents, then the user's (`dash.py#_generate_meta`). */
export function metaTags(user: readonly Record<string, string>[]): string[] {
  const has = (test: (tag: Record<string, string>) => boolean): boolean => user.some(test);
  const tags: Record<string, string>[] = [];
  if (!has((t) => 'charset' in t)) tags.push({ charset: 'UTF-8' });
  if (!has((t) => t['name'] === 'viewport')) {
    tags.push({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  }
  if (!has((t) => t['http-equiv'] === 'X-UA-Compatible'))
    tags.push({ 'http-equiv': 'X-UA-Compatible', content: 'IE=edge' });
  return [...tags, ...user].map(metaTag);
}

/** Everything one page needs. URLs are final (already prefixed). */
export interface IndexPage {
  readonly title: string;
  readonly metaTags: readonly Record<string, string>[];
  readonly faviconUrl: string;
  /** Renderer scripts/styles first, then the assets folder's. */
  readonly page: PageScripts;
  readonly config: DashConfig;
  /** This response's CSP nonce. */
  readonly nonce: string;
}

/** The HTML of the index page. */
export function renderIndexPage(input: IndexPage): string {
  const nonce = escapeHtml(input.nonce);
  const head = [
    ...metaTags(input.metaTags),
    `<title>${escapeHtml(input.title)}</title>`,
    `<link rel="icon" type="image/x-icon" href="${escapeHtml(input.faviconUrl)}">`,
    ...input.page.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
  ];
  const scripts = input.page.scripts.map(
    (s) => `<script${s.module === true ? ' type="module"' : ''} nonce="${nonce}" src="${escapeHtml(s.src)}"></script>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    ...head.map((line) => `    ${line}`),
    '  </head>',
    '  <body>',
    '    <div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>',
    '    <footer>',
    `      <script id="_dash-config" type="application/json">${jsonForScript(input.config)}</script>`,
    ...scripts.map((line) => `      ${line}`),
    '    </footer>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
