/**
 * Turn sanitized DOM nodes (DOMPurify's output) into React elements, so markdown is rendered by
 * React like everything else: no `innerHTML`, no `dangerouslySetInnerHTML`, `style` attributes
 * become style objects (applied through the CSSOM, which the CSP allows), every URL attribute goes
 * through `safeUrl`, and no `on*` attribute can pass.
 */
import type { ReactNode } from 'react';
import { createElement } from 'react';
import { safeUrl } from '../../renderer/component-api.js';
import { styleAttribute } from './markdown-text.js';

/** HTML attribute name → React prop name, where they differ. */
const reactNames: Readonly<Record<string, string>> = {
  class: 'className',
  for: 'htmlFor',
  accesskey: 'accessKey',
  allowfullscreen: 'allowFullScreen',
  autocomplete: 'autoComplete',
  autofocus: 'autoFocus',
  autoplay: 'autoPlay',
  cellpadding: 'cellPadding',
  cellspacing: 'cellSpacing',
  charset: 'charSet',
  colspan: 'colSpan',
  contenteditable: 'contentEditable',
  crossorigin: 'crossOrigin',
  datetime: 'dateTime',
  enctype: 'encType',
  formaction: 'formAction',
  frameborder: 'frameBorder',
  hreflang: 'hrefLang',
  inputmode: 'inputMode',
  maxlength: 'maxLength',
  minlength: 'minLength',
  novalidate: 'noValidate',
  playsinline: 'playsInline',
  readonly: 'readOnly',
  referrerpolicy: 'referrerPolicy',
  rowspan: 'rowSpan',
  spellcheck: 'spellCheck',
  srcdoc: 'srcDoc',
  srclang: 'srcLang',
  srcset: 'srcSet',
  tabindex: 'tabIndex',
  usemap: 'useMap',
};

/** Attributes that are on when present, whatever their text. */
const booleanAttributes: ReadonlySet<string> = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'hidden',
  'loop',
  'multiple',
  'muted',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
]);

const urlAttributes: ReadonlySet<string> = new Set([
  'action',
  'background',
  'cite',
  'data',
  'formaction',
  'href',
  'poster',
  'src',
  'srcset',
  'xlink:href',
]);

const voidElements: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** `a-b` → `aB`, vendor prefixes as React wants them (`-webkit-x` → `WebkitX`, `-ms-x` → `msX`). */
function camelCase(property: string): string {
  const name = property.startsWith('-ms-') ? property.slice(1) : property;
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Parse a `style` attribute into a React style object (custom properties kept as written). */
export function parseStyle(text: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim();
    if (property === '' || value === '') continue;
    style[property.startsWith('--') ? property : camelCase(property)] = value;
  }
  return style;
}

export interface ConvertOptions {
  /** `target` of every link (`link_target`). */
  readonly linkTarget?: string | undefined;
}

function elementProps(element: Element, key: number, options: ConvertOptions): Record<string, unknown> {
  const tag = element.localName;
  const props: Record<string, unknown> = { key };
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value;
    if (name.startsWith('on')) continue; // never an event handler, even if the sanitizer let one by
    if (name === 'style' || name === styleAttribute) {
      props['style'] = parseStyle(value);
    } else if (urlAttributes.has(name)) {
      props[reactNames[name] ?? name] = safeUrl(value, tag === 'img' && (name === 'src' || name === 'srcset'));
    } else if (booleanAttributes.has(name)) {
      props[reactNames[name] ?? name] = true;
    } else {
      props[reactNames[name] ?? name] = value;
    }
  }
  // Uncontrolled form fields: React would otherwise make them read-only.
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    if ('value' in props) {
      props['defaultValue'] = props['value'];
      delete props['value'];
    }
    if ('checked' in props) {
      props['defaultChecked'] = props['checked'];
      delete props['checked'];
    }
  }
  if (tag === 'a' && options.linkTarget !== undefined && options.linkTarget !== '') {
    props['target'] = options.linkTarget;
  }
  if (tag === 'a' && props['target'] === '_blank') props['rel'] = 'noopener noreferrer';
  return props;
}

/** A DOM node (and its subtree) as React nodes; comments and other node types are dropped. */
export function nodeToReact(node: Node, key: number, options: ConvertOptions): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.localName;
  const props = elementProps(element, key, options);
  if (voidElements.has(tag)) return createElement(tag, props);
  return createElement(tag, props, ...childrenToReact(element.childNodes, options));
}

/** A list of DOM nodes as React nodes. */
export function childrenToReact(nodes: NodeListOf<ChildNode>, options: ConvertOptions): ReactNode[] {
  return Array.from(nodes, (child, index) => nodeToReact(child, index, options));
}
