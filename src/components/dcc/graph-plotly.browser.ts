/**
 * Loads plotly.js for dcc.Graph: its own lazy chunk (a dynamic import, so pages without a Graph
 * never fetch it), loaded once per page.
 *
 * Strict CSP (style-src 'self' 'nonce-…', no 'unsafe-inline'): when plotly.js initialises it adds
 * its global rules (mode bar, hover labels, cursors) with `insertRule` into a
 * `<style id="plotly.js-style-global">` it creates, and an un-nonced <style> element is refused by
 * the browser, leaving `sheet` null and the mode bar unstyled. plotly.js reuses an element with
 * that id when one exists, so before importing it we provide one whose `sheet` accepts rules:
 * a constructed stylesheet adopted by the document (not subject to style-src, no nonce needed),
 * or, where constructed stylesheets are missing, a <style> carrying the page's style nonce.
 * The bundled maplibre-gl (map traces) also appends a <style> with its CSS text while plotly.js
 * initialises; for the duration of the import such un-nonced <style> elements are turned into
 * constructed sheets (or given the nonce), so a page with a Graph reports no CSP violation.
 */

/** The part of the plotly.js API dcc.Graph uses. */
export interface PlotlyApi {
  react(gd: HTMLElement, figure: PlotlyFigure): Promise<unknown>;
  animate(gd: HTMLElement, target: unknown, options?: unknown): Promise<unknown>;
  addFrames(gd: HTMLElement, frames: unknown[]): Promise<unknown>;
  deleteFrames(gd: HTMLElement, frames?: number[]): Promise<unknown>;
  extendTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  prependTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  purge(gd: HTMLElement): void;
  Plots: { resize(gd: HTMLElement): Promise<unknown> };
}

/** What Plotly.react takes in its one-object form. */
export interface PlotlyFigure {
  data: unknown[];
  layout: Record<string, unknown>;
  frames?: unknown[] | undefined;
  config: Record<string, unknown>;
}

/** The graph div once plotly.js has drawn into it. */
export interface PlotlyGraphDiv extends HTMLDivElement {
  data?: unknown[];
  layout?: Record<string, unknown>;
  on(event: string, handler: (eventData: unknown) => void): void;
  removeAllListeners?: () => void;
}

const plotlyStyleId = 'plotly.js-style-global';

/**
 * The page's style nonce: from a nonced <style>, <link> or <meta property="csp-nonce">, else the
 * script nonce (the dash-ts server uses one nonce for script-src and style-src).
 */
function pageStyleNonce(doc: Document): string | undefined {
  const selectors = ['style[nonce]', 'link[rel~="stylesheet"][nonce]', 'meta[property="csp-nonce"]', 'script[nonce]'];
  for (const selector of selectors) {
    const nonce = doc.querySelector<HTMLElement>(selector)?.nonce;
    if (nonce) return nonce;
  }
  return undefined;
}

/** Can this browser adopt constructed style sheets (Chrome 73, Firefox 101, Safari 16.4)? */
function canConstructSheets(doc: Document): boolean {
  return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in doc;
}

/**
 * Adopt a constructed sheet and put a <meta id={id}> in <head> whose `sheet` is that sheet, for
 * code that finds "its" style element by id. A <meta> never renders anything itself.
 */
function adoptSheet(doc: Document, id: string, cssText = ''): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  if (cssText !== '') sheet.replaceSync(cssText);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const holder = doc.createElement('meta');
  if (id !== '') holder.id = id;
  Object.defineProperty(holder, 'sheet', { value: sheet });
  Node.prototype.appendChild.call(doc.head, holder);
  return sheet;
}

/** Give plotly.js a style sheet it may write its rules into under a strict CSP (see the module comment). */
export function preparePlotlyStyles(doc: Document = document): 'existing' | 'constructed' | 'nonce' | 'none' {
  if (doc.getElementById(plotlyStyleId)) return 'existing';
  if (canConstructSheets(doc)) {
    adoptSheet(doc, plotlyStyleId);
    return 'constructed';
  }
  const nonce = pageStyleNonce(doc);
  if (nonce) {
    const style = doc.createElement('style');
    style.id = plotlyStyleId;
    style.nonce = nonce;
    doc.head.appendChild(style);
    return 'nonce';
  }
  return 'none';
}

/**
 * Until the returned function is called, <style> elements appended to <head> without a nonce are
 * adopted as constructed sheets (or given the page's nonce) instead of being refused by the CSP.
 */
export function captureStyleInjection(doc: Document = document): () => void {
  const head = doc.head;
  const construct = canConstructSheets(doc);
  const nonce = pageStyleNonce(doc);
  const append = <T extends Node>(node: T): T => {
    if (node instanceof HTMLStyleElement && !node.nonce) {
      if (construct) {
        try {
          adoptSheet(doc, node.id, node.textContent ?? '');
          return node;
        } catch {
          // CSS a constructed sheet refuses (@import): fall through to the nonce.
        }
      }
      if (nonce) node.nonce = nonce;
    }
    return Node.prototype.appendChild.call(head, node) as T;
  };
  head.appendChild = append;
  return () => {
    Reflect.deleteProperty(head, 'appendChild');
  };
}

let loading: Promise<PlotlyApi> | undefined;

/** plotly.js, imported on first use (its own chunk). */
export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= (async () => {
    preparePlotlyStyles();
    const release = captureStyleInjection();
    try {
      const module = await import('plotly.js-dist-min');
      // The bundled typings lack Plotly.react's documented one-object form ({data, layout, frames, config}).
      return module.default as unknown as PlotlyApi;
    } finally {
      release();
    }
  })();
  return loading;
}
