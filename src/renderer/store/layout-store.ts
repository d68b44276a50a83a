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

/** Optional hooks of a `LayoutStore`. */
export interface LayoutStoreOptions {
  /**
   * The props a component enters the layout with (initial layout or a delivered subtree), given its
   * JSON; persistence uses it to re-apply saved edits (spec/callbacks.md §8). Default: its own props.
   */
  readonly entering?: ((component: ComponentJson) => Readonly<Record<string, unknown>>) | undefined;
}

export class LayoutStore implements LayoutView {
  readonly childrenProps: ChildrenProps;
  readonly #entering: LayoutStoreOptions['entering'];
  readonly #nodes = new Map<number, LayoutNode>();
  readonly #byId = new Map<string, number>();
  readonly #listeners = new Map<number, Set<() => void>>();
  readonly #json = new Map<number, ComponentJson>();
  #dictIds: readonly string[] | undefined;
  #nextKey = ROOT_KEY + 1;

  constructor(
    childrenProps: ChildrenProps = new ChildrenProps(),
    layout: unknown = null,
    options: LayoutStoreOptions = {},
  ) {
    this.childrenProps = childrenProps;
    this.#entering = options.entering;
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
    // Cached until the layout's structure or an id changes: the same array object meanwhile, so
    // resolve.ts can memoize pattern matches per array (pattern callbacks resolve it constantly).
    this.#dictIds ??= Object.freeze(this.idsBelow().filter((id) => id.startsWith('{')));
    return this.#dictIds;
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
    // Writing a prop its identical value (a callback answering what is already there) changes
    // nothing: the node, its JSON and its view stay as they are.
    let changed = 'id' in changes;
    for (const [prop, value] of Object.entries(changes)) {
      const paths = this.childrenProps.pathsOf(node.namespace, node.type, prop);
      if (paths.length === 0) {
        if (!Object.is(props[prop], value) || !(prop in props)) changed = true;
        props[prop] = value;
        continue;
      }
      // Old children that come back unchanged keep their nodes (so React keeps their elements and
      // does not render them again); the chunk still lists every id removed and added, as Dash's.
      const before = props[prop];
      const reuse = this.#reuseCandidates(before);
      const added: number[] = [];
      let normalized = value;
      for (const path of paths) {
        normalized = mapAtPath(normalized, path.steps, (leaf) => this.#normalizeValue(leaf, key, added, reuse));
      }
      const removedIds: string[] = [];
      for (const old of reuse.order) {
        if (reuse.kept.has(old)) this.#collectIds(old, removedIds);
        else this.#remove(old, removedIds);
      }
      if (sameRefs(before, normalized)) normalized = before;
      else changed = true;
      props[prop] = normalized;
      const addedIds = added.map((k) => this.#nodes.get(k)?.id).filter((id): id is string => id !== undefined);
      chunks.push({ property: prop, addedIds, removedIds });
    }
    if (!changed) return { chunks };
    let id = node.id;
    if ('id' in changes) {
      if (id !== undefined && this.#byId.get(id) === key) this.#byId.delete(id);
      id = idOf(props['id']);
      if (id !== undefined) this.#byId.set(id, key);
    }
    this.#nodes.set(key, { ...node, props, id });
    if (chunks.length > 0 || 'id' in changes) this.#dictIds = undefined;
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

  #normalizeValue(value: unknown, parent: number, added: number[], reuse?: Reuse): unknown {
    if (isComponentJson(value)) {
      const old = reuse ? this.#reusable(reuse, value) : undefined;
      if (old === undefined) return new NodeRef(this.#addComponent(value, parent, added));
      this.#collectKeys(old, added);
      return new NodeRef(old);
    }
    if (Array.isArray(value)) return value.map((item) => this.#normalizeValue(item, parent, added, reuse));
    return value;
  }

  /** The children a component-valued prop holds now, for `#reusable`. */
  #reuseCandidates(value: unknown): Reuse {
    const order: number[] = [];
    const byId = new Map<string, number>();
    forEachRef(value, (ref) => {
      order.push(ref.key);
      const id = this.#nodes.get(ref.key)?.id;
      if (id !== undefined) byId.set(id, ref.key);
    });
    return { order, byId, next: 0, kept: new Set() };
  }

  /** An old child equal to `json` (same id, else same position), marked as kept; else undefined. */
  #reusable(reuse: Reuse, json: ComponentJson): number | undefined {
    const position = reuse.next++;
    const id = idOf(componentId(json));
    const candidate = id === undefined ? reuse.order[position] : reuse.byId.get(id);
    if (candidate === undefined || reuse.kept.has(candidate) || !this.#sameSubtree(candidate, json)) return undefined;
    reuse.kept.add(candidate);
    return candidate;
  }

  /**
   * Is the subtree at `key` exactly what `json` would create? Components with `persistence` never
   * are (entering the layout may restore saved edits, which only a fresh node gets).
   */
  #sameSubtree(key: number, json: ComponentJson): boolean {
    const node = this.#nodes.get(key);
    if (!node || node.type !== json.type || node.namespace !== json.namespace) return false;
    if (json.props['persistence'] !== undefined && json.props['persistence'] !== false) return false;
    const names = new Set([...Object.keys(node.props), ...Object.keys(json.props)]);
    for (const prop of names) {
      const stored = node.props[prop];
      const given = json.props[prop];
      if (stored === undefined && given === undefined) continue;
      const same = this.isNodeProp(node, prop) ? this.#sameNormalized(stored, given) : deepEqual(stored, given);
      if (!same) return false;
    }
    return true;
  }

  /** Does a normalized value (with `NodeRef`s) stand for exactly this JSON value? */
  #sameNormalized(stored: unknown, given: unknown): boolean {
    if (stored instanceof NodeRef) return isComponentJson(given) && this.#sameSubtree(stored.key, given);
    if (Array.isArray(stored)) {
      return (
        Array.isArray(given) &&
        stored.length === given.length &&
        stored.every((item, i) => this.#sameNormalized(item, given[i]))
      );
    }
    if (isPlainObject(stored)) {
      if (!isPlainObject(given) || Object.keys(stored).length !== Object.keys(given).length) return false;
      return Object.entries(stored).every(([k, v]) => k in given && this.#sameNormalized(v, given[k]));
    }
    return deepEqual(stored, given);
  }

  /** Keys of a subtree in document (pre-)order, as `#addComponent` reports them. */
  #collectKeys(key: number, keys: number[]): void {
    keys.push(key);
    const node = this.#nodes.get(key);
    if (node) this.#forEachChild(node, (child) => this.#collectKeys(child, keys));
  }

  /** Ids of a subtree in the order `#remove` reports them (children first). */
  #collectIds(key: number, ids: string[]): void {
    const node = this.#nodes.get(key);
    if (!node) return;
    this.#forEachChild(node, (child) => this.#collectIds(child, ids));
    if (node.id !== undefined) ids.push(node.id);
  }

  #addComponent(json: ComponentJson, parent: number, added: number[]): number {
    const key = this.#nextKey++;
    added.push(key); // before the children: document (pre-)order
    const props: Record<string, unknown> = { ...(this.#entering?.(json) ?? json.props) };
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

/** Old children of a component-valued prop being replaced: by position and by id. */
interface Reuse {
  readonly order: readonly number[];
  readonly byId: ReadonlyMap<string, number>;
  next: number;
  readonly kept: Set<number>;
}

/** Same shape with the same `NodeRef` keys and identical leaves (a re-normalized value that changed nothing). */
function sameRefs(a: unknown, b: unknown): boolean {
  if (a instanceof NodeRef) return b instanceof NodeRef && a.key === b.key;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameRefs(item, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b) || Object.keys(a).length !== Object.keys(b).length) return false;
    return Object.entries(a).every(([k, v]) => k in b && sameRefs(v, b[k]));
  }
  return Object.is(a, b);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isPlainObject(value)) return stringifyId(value as Parameters<typeof stringifyId>[0]);
  return undefined;
}
