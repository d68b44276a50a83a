/**
 * React contexts of the renderer: the runtime and view cache (one per page), and the key of the
 * node a view renders (so component-api hooks know where they are in the layout).
 */
import { createContext, useContext } from 'react';
import type { Runtime } from '../runtime.js';
import { ROOT_KEY } from '../store/layout-store.js';
import type { ViewCache } from './view-cache.js';

export interface RendererContextValue {
  readonly runtime: Runtime;
  readonly views: ViewCache;
}

export const RendererContext = createContext<RendererContextValue | null>(null);

/** The node whose view is rendering (ROOT_KEY outside any component). */
export const NodeKeyContext = createContext<number>(ROOT_KEY);

export function useRenderer(): RendererContextValue {
  const value = useContext(RendererContext);
  if (!value) throw new Error('dash-ts: a renderer component was used outside <RendererContext.Provider>');
  return value;
}
