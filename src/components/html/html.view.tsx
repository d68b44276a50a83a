/**
 * The one React view of all 125 html components (spec/components.md §2): it creates the element by
 * tag, passes Dash props through as DOM props, counts clicks into `n_clicks`/`n_clicks_timestamp`,
 * and checks every URL-valued prop with `safeUrl`. No raw HTML is ever inserted.
 */
import type { ComponentType } from 'react';
import { createElement, useEffect, useRef } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes, safeUrl, urlProps } from '../../renderer/component-api.js';
import { stringifyId } from '../../shared/prop-id.js';
import type { HtmlCommonProps } from './attributes.js';
import type { HtmlComponentName } from './tags.generated.js';
import { htmlBooleanAttributes, htmlTags } from './tags.generated.js';

/** Common props plus the element-specific and `data-*`/`aria-*` attributes, all passed through. */
type HtmlViewProps = ViewProps<HtmlCommonProps> & Record<string, unknown>;

/** Elements that may not have children: React throws if it is given any. */
const voidTags: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'spacer',
  'track',
  'wbr',
]);

/** Props consumed by the view itself, never passed to the DOM. */
const dashOnly: ReadonlySet<string> = new Set([
  'children',
  'setProps',
  'loading_state',
  'n_clicks',
  'n_clicks_timestamp',
  'disable_n_clicks',
  'key',
  'id',
]);

/** `data:image/*` is harmless where the URL can only ever be an image. */
function allowsDataImage(tag: string, prop: string): boolean {
  return ((tag === 'img' || tag === 'source') && (prop === 'src' || prop === 'srcSet')) || prop === 'poster';
}

/** The DOM props for `tag` from the Dash props: URLs checked, boolean attributes normalised. */
export function domProps(tag: string, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const dom: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (dashOnly.has(name) || value === undefined || value === null) continue;
    if (urlProps.has(name)) {
      dom[name] = safeUrl(value, allowsDataImage(tag, name));
    } else if (htmlBooleanAttributes.has(name)) {
      // `'disabled'`/`'DISABLED'` mean true, as in Dash; React wants a real boolean.
      dom[name] = value === true || typeof value === 'string';
    } else {
      dom[name] = value;
    }
  }
  // React warns about contentEditable elements with React children; the content is the app's choice.
  if ('contentEditable' in dom) dom['suppressContentEditableWarning'] = true;
  return dom;
}

function makeView(type: HtmlComponentName): ComponentType<HtmlViewProps> {
  const tag = htmlTags[type];
  function HtmlView(props: HtmlViewProps) {
    const { id, children, setProps, loading_state, n_clicks, disable_n_clicks } = props;
    // Clicks can come faster than re-renders: count from a ref that follows the prop.
    const clicks = useRef(n_clicks ?? 0);
    useEffect(() => {
      clicks.current = n_clicks ?? 0;
    }, [n_clicks]);
    // Without an id nobody can listen, so the element stays static (spec §2.4).
    const listens = id !== undefined && id !== null && disable_n_clicks !== true;
    const onClick = listens
      ? () => {
          clicks.current += 1;
          setProps({ n_clicks: clicks.current, n_clicks_timestamp: Date.now() });
        }
      : undefined;
    const attributes = {
      ...domProps(tag, props),
      id: id === undefined || id === null ? undefined : stringifyId(id),
      onClick,
      ...loadingAttributes(loading_state),
    };
    return voidTags.has(tag) ? createElement(tag, attributes) : createElement(tag, attributes, children);
  }
  HtmlView.displayName = `html.${type}`;
  return HtmlView;
}

const views = new Map<HtmlComponentName, ComponentType<HtmlViewProps>>();

/** The view of one html component type (made once per type; all live in this one chunk). */
export function htmlView(type: HtmlComponentName): ComponentType<HtmlViewProps> {
  let view = views.get(type);
  if (view === undefined) {
    view = makeView(type);
    views.set(type, view);
  }
  return view;
}
