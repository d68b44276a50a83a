/**
 * The root React tree: the layout (the children of the store's root node) and, in debug mode, the
 * dev tools (error panel, callback graph, server status).
 */
import type { ReactElement, ReactNode } from 'react';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { DevTools } from './devtools/dev-tools.js';
import type { Runtime } from './runtime.js';
import { ROOT_KEY } from './store/layout-store.js';
import { RendererContext } from './tree/renderer-context.js';
import { toElements } from './tree/slot.js';
import type { ViewCache } from './tree/view-cache.js';

function Layout({ runtime }: { runtime: Runtime }): ReactNode {
  const { store } = runtime;
  const subscribe = useCallback((listener: () => void) => store.subscribe(ROOT_KEY, listener), [store]);
  const root = useSyncExternalStore(subscribe, () => store.getNode(ROOT_KEY));
  return toElements(store, root?.props['children']) as ReactNode;
}

export function App(props: { runtime: Runtime; views: ViewCache; debug: boolean }): ReactElement {
  const { runtime, views, debug } = props;
  const context = useMemo(() => ({ runtime, views }), [runtime, views]);
  return (
    <RendererContext.Provider value={context}>
      <Layout runtime={runtime} />
      {debug ? <DevTools runtime={runtime} /> : null}
    </RendererContext.Provider>
  );
}
