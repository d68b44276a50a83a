/**
 * The layout, normalized (STYLE.md §9.6): every component is a node with an internal numeric key;
 * component-valued props (`children` and the config's `children_props`) hold `NodeRef`s instead of
 * components. An id index maps stringified ids to keys, and listeners subscribe per node, so a
 * prop change notifies — and re-renders — only that component. Vanilla TypeScript, no DOM.
 */
import type { ComponentJson } from '../../shared/layout.js';
import { componentId, isComponentJson } from '../../shared/layout.js';
import { stringifyId } from '../../shared/prop-id.js';
import type { AppliedProps, LayoutView, ReplacedChunk } from '../graph/types.js';
import { ChildrenProps, isPlainObject, mapAtPath } from './children-props.js';
import { deepEqual } from './deep-equal.js';

/** Stands where a component was inside a component-valued prop. */
export class NodeRef {
  constructor(readonly key: number) {}
}

/** One component of the layout. Immutable: an update replaces the node object. */
export interface LayoutNode {
  readonly key: number;
  readonly type: string;
  readonly namespace: string;
  /** Props as set; component-valued props hold `NodeRef`s. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly parent: number | undefined;
  /** Stringified id, when the component has one. */
  readonly id: string | undefined;
}

/** The key of the virtual root node whose `children` is the whole layout. */
export const ROOT_KEY = 0;

/** Visit every `NodeRef` inside a value (arrays and plain objects), in order. */
export function forEachRef(value: unknown, visit: (ref: NodeRef) => void): void {
  if (value instanceof NodeRef) visit(value);
  else if (Array.isArray(value)) for (const item of value) forEachRef(item, visit);
  else if (isPlainObject(value)) for (const item of Object.values(value)) forEachRef(item, visit);
}

export class LayoutStore implements LayoutView {
  readonly childrenProps: ChildrenProps;
  readonly #nodes = new Map<number, LayoutNode>();
  readonly #byId = new Map<string, number>();
  readonly #listeners = new Map<number, Set<() => void>>();
  readonly #json = new Map<number, ComponentJson>();
  #nextKey = ROOT_KEY + 1;

  constructor(childrenProps: ChildrenProps = new ChildrenProps(), layout: unknown = null) {
    this.childrenProps = childrenProps;
    this.#nodes.set(ROOT_KEY, { key: ROOT_KEY, type: '', namespace: '', props: {}, parent: undefined, id: undefined });
    this.updateProps(ROOT_KEY, { children: layout });
  }

  getNode(key: number): LayoutNode | undefined {
    return this.#nodes.get(key);
  }

  keyOf(id: string): number | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  stringIds(): Iterable<string> {
    return [...this.#byId.keys()].filter((id) => !id.startsWith('{'));
  }

  /** Stringified dict ids in document order: what wildcard dependencies resolve against (§3.3). */
  dictIds(): Iterable<string> {
    return this.idsBelow().filter((id) => id.startsWith('{'));
  }

  /** Listen to changes of one node (its props, or its removal). */
  subscribe(key: number, listener: () => void): () => void {
    let set = this.#listeners.get(key);
    if (!set) {
      set = new Set();
      this.#listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(key);
    };
  }

  /** Is this prop of this node component-valued? */
  isNodeProp(node: LayoutNode, prop: string): boolean {
    return this.childrenProps.pathsOf(node.namespace, node.type, prop).length > 0;
  }

  /** A prop's value as component JSON. */
  getProp(id: string, prop: string): unknown {
    const key = this.#byId.get(id);
    return key === undefined ? undefined : this.getNodeProp(key, prop);
  }

  getNodeProp(key: number, prop: string): unknown {
    const node = this.#nodes.get(key);
    if (!node) return undefined;
    const value = node.props[prop];
    return this.isNodeProp(node, prop) ? this.#denormalize(value) : value;
  }

  /** The component JSON of a subtree (cached until it or a descendant changes). */
  toJson(key: number): ComponentJson {
    const cached = this.#json.get(key);
    if (cached) return cached;
    const node = this.#nodes.get(key);
    if (!node) throw new RangeError(`No layout node ${key}`);
    const props: Record<string, unknown> = {};
    for (const [prop, value] of Object.entries(node.props)) {
      if (value !== undefined) props[prop] = this.isNodeProp(node, prop) ? this.#denormalize(value) : value;
    }
    const json: ComponentJson = { type: node.type, namespace: node.namespace, props };
    this.#json.set(key, json);
    return json;
  }

  /** The whole layout as JSON (what `_dash-layout` returned, with every update applied). */
  layoutJson(): unknown {
    return this.getNodeProp(ROOT_KEY, 'children');
  }

  /** Stringified ids of the subtree under `key` (excluded), in document order. */
  idsBelow(key: number = ROOT_KEY): string[] {
    const ids: string[] = [];
    const visit = (k: number): void => {
      const node = this.#nodes.get(k);
      if (!node) return;
      if (k !== key && node.id !== undefined) ids.push(node.id);
      this.#forEachChild(node, visit);
    };
    visit(key);
    return ids;
  }

  /** Every `namespace`/`type` in the layout. */
  types(): { namespace: string; type: string }[] {
    const seen = new Map<string, { namespace: string; type: string }>();
    for (const node of this.#nodes.values()) {
      if (node.key !== ROOT_KEY)
        seen.set(`${node.namespace}\u0000${node.type}`, { namespace: node.namespace, type: node.type });
    }
    return [...seen.values()];
  }

  /** Apply the props a view set, skipping deep-equal values; returns the names actually changed. */
  setProps(key: number, changes: Readonly<Record<string, unknown>>): string[] {
    const node = this.#nodes.get(key);
    if (!node) return [];
    const changed: Record<string, unknown> = {};
    for (const [prop, value] of Object.entries(changes)) {
      if (!deepEqual(this.getNodeProp(key, prop), value)) changed[prop] = value;
    }
    const names = Object.keys(changed);
    if (names.length > 0) this.updateProps(key, changed);
    return names;
  }

  /** Write props (all of them, equal or not); component-valued ones replace their subtrees. */
  updateProps(key: number, changes: Readonly<Record<string, unknown>>): AppliedProps {
    const node = this.#nodes.get(key);
    if (!node) throw new RangeError(`No layout node ${key}`);
    const props: Record<string, unknown> = { ...node.props };
    const chunks: ReplacedChunk[] = [];
    for (const [prop, value] of Object.entries(changes)) {
      const paths = this.childrenProps.pathsOf(node.namespace, node.type, prop);
      if (paths.length === 0) {
        props[prop] = value;
        continue;
      }
      const removedIds: string[] = [];
      forEachRef(props[prop], (ref) => this.#remove(ref.key, removedIds));
      const added: number[] = [];
      let normalized = value;
      for (const path of paths) {
        normalized = mapAtPath(normalized, path.steps, (leaf) => this.#normalizeValue(leaf, key, added));
      }
      props[prop] = normalized;
      const addedIds = added.map((k) => this.#nodes.get(k)?.id).filter((id): id is string => id !== undefined);
      chunks.push({ property: prop, addedIds, removedIds });
    }
    let id = node.id;
    if ('id' in changes) {
      if (id !== undefined && this.#byId.get(id) === key) this.#byId.delete(id);
      id = idOf(props['id']);
      if (id !== undefined) this.#byId.set(id, key);
    }
    this.#nodes.set(key, { ...node, props, id });
    this.#invalidate(key);
    this.#notify(key);
    return { chunks };
  }

  /** Apply props by id (for the scheduler); `undefined` when the id is not in the layout. */
  updatePropsById(id: string, changes: Readonly<Record<string, unknown>>): AppliedProps | undefined {
    const key = this.#byId.get(id);
    return key === undefined ? undefined : this.updateProps(key, changes);
  }

  #forEachChild(node: LayoutNode, visit: (key: number) => void): void {
    for (const path of this.childrenProps.paths(node.namespace, node.type)) {
      forEachRef(node.props[path.prop], (ref) => visit(ref.key));
    }
  }

  #normalizeValue(value: unknown, parent: number, added: number[]): unknown {
    if (isComponentJson(value)) return new NodeRef(this.#addComponent(value, parent, added));
    if (Array.isArray(value)) return value.map((item) => this.#normalizeValue(item, parent, added));
    return value;
  }

  #addComponent(json: ComponentJson, parent: number, added: number[]): number {
    const key = this.#nextKey++;
    added.push(key); // before the children: document (pre-)order
    const props: Record<string, unknown> = { ...json.props };
    for (const path of this.childrenProps.paths(json.namespace, json.type)) {
      if (path.prop in props) {
        props[path.prop] = mapAtPath(props[path.prop], path.steps, (leaf) => this.#normalizeValue(leaf, key, added));
      }
    }
    const id = idOf(componentId(json));
    this.#nodes.set(key, { key, type: json.type, namespace: json.namespace, props, parent, id });
    if (id !== undefined) this.#byId.set(id, key);
    return key;
  }

  #remove(key: number, removedIds: string[]): void {
    const node = this.#nodes.get(key);
    if (!node) return;
    this.#forEachChild(node, (child) => this.#remove(child, removedIds));
    this.#nodes.delete(key);
    this.#json.delete(key);
    if (node.id !== undefined) {
      removedIds.push(node.id);
      if (this.#byId.get(node.id) === key) this.#byId.delete(node.id);
    }
    this.#notify(key);
  }

  #denormalize(value: unknown): unknown {
    if (value instanceof NodeRef) return this.toJson(value.key);
    if (Array.isArray(value)) return value.map((item) => this.#denormalize(item));
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.#denormalize(v);
      return out;
    }
    return value;
  }

  /** Drop cached JSON of a node and its ancestors. */
  #invalidate(key: number): void {
    for (let k: number | undefined = key; k !== undefined; k = this.#nodes.get(k)?.parent) this.#json.delete(k);
  }

  #notify(key: number): void {
    const listeners = this.#listeners.get(key);
    if (listeners) for (const listener of [...listeners]) listener();
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isPlainObject(value)) return stringifyId(value as Parameters<typeof stringifyId>[0]);
  return undefined;
}
