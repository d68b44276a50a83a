/**
 * The wrapper rendered for every component (`<Slot nodeKey layout>`): it subscribes to its own
 * node and loading state only, so a prop change re-renders this component and nothing else, looks
 * its view up lazily, and hands it props, a stable `setProps` and `loading_state`.
 */
import type { ReactElement } from 'react';
import { memo, Suspense, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SlotProps } from '../component-api.js';
import { isPlainObject } from '../store/children-props.js';
import type { LayoutNode, LayoutStore } from '../store/layout-store.js';
import { NodeRef } from '../store/layout-store.js';
import { ComponentError, describeComponent } from './component-error.js';
import { ComponentErrorBoundary } from './error-boundary.js';
import { NodeKeyContext, useRenderer } from './renderer-context.js';

/**
 * Replace every `NodeRef` in a component-valued prop by a `<Slot>` element, keyed by node key (so a
 * replaced child remounts) and carrying a snapshot of the child's JSON for `childLayout`.
 */
export function toElements(store: LayoutStore, value: unknown): unknown {
  if (value instanceof NodeRef) return <Slot key={value.key} nodeKey={value.key} layout={store.toJson(value.key)} />;
  if (Array.isArray(value)) return value.map((item) => toElements(store, item));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toElements(store, v);
    return out;
  }
  return value;
}

/** The props a view receives (without `setProps`/`loading_state`). */
function viewProps(store: LayoutStore, node: LayoutNode): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [prop, value] of Object.entries(node.props)) {
    if (value !== undefined) props[prop] = store.isNodeProp(node, prop) ? toElements(store, value) : value;
  }
  return props;
}

/** Namespaces whose views never suspend once loaded (ours: html and dcc); others may. */
const NEVER_SUSPEND: ReadonlySet<string> = new Set(['dash_html_components', 'dash_core_components']);

const noSubscription = (): (() => void) => () => undefined;

/**
 * Test/bench hook: when the page defines `window.__DASH_TS_RENDER_COUNTS__` as a Map before this
 * bundle runs (Playwright's `addInitScript`), every Slot render adds one under the component's
 * stringified id, else `type#nodeKey` (`#nodeKey` once removed). Read once at load, so production
 * pays one `undefined` check per render. tests/renderer/rerender.browser.test.ts uses it to prove
 * that only components whose props changed re-render.
 */
const renderCounts: unknown = (globalThis as { __DASH_TS_RENDER_COUNTS__?: unknown }).__DASH_TS_RENDER_COUNTS__;
const countRender = renderCounts instanceof Map ? (renderCounts as Map<string, number>) : undefined;

function SlotView({ nodeKey }: SlotProps): ReactElement | null {
  const { runtime, views } = useRenderer();
  const { store, loading } = runtime;
  const subscribeNode = useCallback((listener: () => void) => store.subscribe(nodeKey, listener), [store, nodeKey]);
  const node = useSyncExternalStore(subscribeNode, () => store.getNode(nodeKey));
  const id = node?.id;
  if (countRender) {
    const countKey = id ?? `${node?.type ?? ''}#${nodeKey}`;
    countRender.set(countKey, (countRender.get(countKey) ?? 0) + 1);
  }
  const subscribeLoading = useCallback(
    (listener: () => void) => (id === undefined ? noSubscription() : loading.subscribe(id, listener)),
    [loading, id],
  );
  const loadingState = useSyncExternalStore(subscribeLoading, () => loading.get(id));
  const setProps = useCallback(
    (changes: Record<string, unknown>) => runtime.setPropsFromView(nodeKey, changes),
    [runtime, nodeKey],
  );
  const onRenderError = useCallback(
    (message: string) =>
      runtime.reportError({
        title: `Error rendering ${node ? describeComponent(node.namespace, node.type, id) : 'a component'}`,
        detail: message,
        callback: '',
        time: Date.now(),
      }),
    [runtime, node, id],
  );
  const props = useMemo(() => (node ? viewProps(store, node) : undefined), [store, node]);
  if (!node || !props) return null;
  const label = describeComponent(node.namespace, node.type, id);
  const View = views.get(node.namespace, node.type);
  if (!View)
    return (
      <ComponentError
        title={`Unknown component ${label}`}
        message="No view is registered for this namespace and type."
      />
    );
  const view = <View {...props} setProps={setProps} loading_state={loadingState} />;
  return (
    <NodeKeyContext.Provider value={nodeKey}>
      <ComponentErrorBoundary label={label} resetKey={node} onError={onRenderError}>
        {views.isLazy(node.namespace, node.type) || !NEVER_SUSPEND.has(node.namespace) ? (
          <Suspense fallback={null}>{view}</Suspense>
        ) : (
          // A preloaded built-in view (the usual case): no Suspense boundary, two fibers fewer.
          view
        )}
      </ComponentErrorBoundary>
    </NodeKeyContext.Provider>
  );
}

/**
 * Memoized on the node key alone: a Slot reads its node from the store (and re-renders itself when
 * it changes), so a parent re-rendering never re-renders it. `layout` is a snapshot for the
 * parent's view (`childLayout`); a fresh snapshot of an unchanged child must not count as a change
 * (with it, one click in a row re-rendered every sibling row whose JSON had been rebuilt).
 */
export const Slot = memo(SlotView, (before, after) => before.nodeKey === after.nodeKey);
