/**
 * The contract between the renderer and component views (STYLE.md §9.5): what a view receives,
 * how it writes props back, and the one place URL-valued props are checked.
 * Views (`*.view.tsx`) import only this module, React, and `import type` of their props.
 */
import type { ReactElement, ReactNode } from 'react';
import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { ComponentJson } from '../shared/layout.js';
import { NodeKeyContext, RendererContext } from './tree/renderer-context.js';

/** Dash's `loading_state` prop, supplied by the renderer while a callback writes this component. */
export interface LoadingState {
  is_loading: boolean;
  prop_name?: string | undefined;
  component_name?: string | undefined;
}

/**
 * What a view receives: its props with component-valued props (children and its declared
 * `childrenProps`) already turned into React nodes, plus `setProps` and `loading_state`.
 *
 * - Props are exactly the component's layout props (only those that are set; `id` as given, a
 *   string or a dict). Component-valued props arrive as React elements (one element per child
 *   component, inside the same arrays/objects the JSON had); read a child's JSON with `childLayout`.
 * - `setProps(changes)` is stable for the life of the component. The renderer keeps only values
 *   that are not deep-equal to the current ones and fires the callbacks whose Inputs changed.
 * - `loading_state` is present (`{is_loading: true, prop_name, component_name}`) only while an
 *   in-flight callback computes one of this component's props; otherwise undefined.
 *   Spread `loadingAttributes(loading_state)` on the view's root DOM element, so it carries
 *   `data-dash-is-loading="true"` as in Dash.
 * - Never spread `setProps` or `loading_state` onto a DOM element.
 */
export type ViewProps<TProps, TNodeProps extends keyof TProps = never> = {
  [K in keyof TProps]: K extends 'children' | TNodeProps ? ReactNode : TProps[K];
} & {
  /** Write props back: the renderer stores them and fires the callbacks whose Inputs changed. */
  setProps: (changes: Partial<TProps>) => void;
  loading_state?: LoadingState | undefined;
};

/**
 * The attributes a view spreads on its root DOM node: `data-dash-is-loading="true"` while a callback
 * is writing the component (spec/components.md §1.5), so CSS and `dcc.Loading` can see it.
 */
export function loadingAttributes(state: LoadingState | undefined): Record<string, string> {
  return state?.is_loading === true ? { 'data-dash-is-loading': 'true' } : {};
}

/** Props of the element the renderer creates for each child component (see `childLayout`). */
export interface SlotProps {
  /** Internal key of the child node in the renderer's store. */
  readonly nodeKey: number;
  /** The child's component JSON at the time the parent rendered (type, namespace, props). */
  readonly layout: ComponentJson;
}

/** The component JSON behind a rendered child (for parents that read their children, e.g. Tabs). */
export function childLayout(child: ReactNode): ComponentJson | undefined {
  if (typeof child !== 'object' || child === null || !('props' in child)) return undefined;
  const props = (child as ReactElement<Partial<SlotProps>>).props;
  return props.layout;
}

/** A loading entry: an output prop an in-flight callback is computing. */
export interface LoadingEntry {
  readonly id: string;
  readonly property: string;
}

/**
 * For container views such as `dcc.Loading`: true while a callback computes a prop of any
 * component strictly below this one. `filter` narrows the entries that count (`target_components`;
 * ids are stringified). Re-renders only when the answer flips.
 */
export function useLoadingBelow(filter?: (entry: LoadingEntry) => boolean): boolean {
  const renderer = useContext(RendererContext);
  const nodeKey = useContext(NodeKeyContext);
  const subscribe = useCallback(
    (listener: () => void) => (renderer ? renderer.runtime.loading.subscribeAll(listener) : () => undefined),
    [renderer],
  );
  return useSyncExternalStore(subscribe, () => renderer?.runtime.isLoadingBelow(nodeKey, filter) ?? false);
}

/** Schemes a URL-valued prop may use (the CVE-2024-21485 family: no `javascript:`, no `data:` html). */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);
const blockedUrl = 'about:blank#blocked';

/**
 * Check a URL-valued prop (`href`, `src`, `action`, `formAction`, `data`, ...). Relative URLs and
 * allowed schemes pass unchanged; anything else is replaced by `about:blank#blocked`.
 * `data:image/*` is allowed for `src` only when `allowDataImage` is set.
 */
export function safeUrl(url: unknown, allowDataImage = false): string | undefined {
  if (url === undefined || url === null) return undefined;
  // A URL prop is a string (numbers pass as text); anything else cannot be a safe URL.
  if (typeof url !== 'string' && typeof url !== 'number') return blockedUrl;
  const text = String(url);
  // Browsers ignore ASCII tab/newline and leading control characters or spaces in URLs.
  // eslint-disable-next-line no-control-regex
  const normalized = text.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalized);
  if (!scheme) return text; // relative URL
  const name = `${(scheme[1] ?? '').toLowerCase()}:`;
  if (allowedSchemes.has(name)) return text;
  if (allowDataImage && name === 'data:' && /^data:image\/(png|gif|jpeg|webp|avif|bmp);/i.test(normalized)) return text;
  return blockedUrl;
}

/** The props whose values are URLs, checked by `safeUrl` before they reach the DOM. */
export const urlProps: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'data',
  'cite',
  'poster',
  'background',
  'codebase',
  'manifest',
  'srcSet',
  'xlinkHref',
]);
