/**
 * The component tree as it travels on the wire: `{type, namespace, props}` (spec/protocol-core.md §3).
 */
import type { ComponentId } from './prop-id.js';

/** A component as JSON. `props` carries only the props that were set. */
export interface ComponentJson {
  readonly type: string;
  readonly namespace: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** What may stand where children go: a component, text, a number, nothing, or a list of those. */
export type Child = ComponentJson | string | number | boolean | null | undefined | readonly Child[];

/** True when `value` is shaped like a serialized component. */
export function isComponentJson(value: unknown): value is ComponentJson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['type'] === 'string' &&
    typeof v['namespace'] === 'string' &&
    typeof v['props'] === 'object' &&
    v['props'] !== null
  );
}

/** The id of a component, if it has one. */
export function componentId(component: ComponentJson): ComponentId | undefined {
  const id = component.props['id'];
  if (typeof id === 'string' || (typeof id === 'object' && id !== null)) return id as ComponentId;
  return undefined;
}

/**
 * Visit every component in a value that may hold components (children, lists, nested children),
 * depth first. `childrenProps` names the non-`children` props of a type that hold components
 * (the `children_props` registry of `_dash-config`); only simple prop names are walked here.
 */
export function walkComponents(
  value: unknown,
  visit: (component: ComponentJson) => void,
  childrenProps: (namespace: string, type: string) => readonly string[] = () => [],
): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) stack.push(item[i]);
    } else if (isComponentJson(item)) {
      visit(item);
      const extra = childrenProps(item.namespace, item.type);
      for (const prop of extra) if (prop !== 'children' && prop in item.props) stack.push(item.props[prop]);
      if ('children' in item.props) stack.push(item.props['children']);
    }
  }
}
