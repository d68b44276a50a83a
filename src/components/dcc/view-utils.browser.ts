/**
 * Small helpers shared by the dcc views (browser only, no zod): DOM ids, Dash's boolean-like
 * attribute values, class name joining, and counters that survive fast repeated events.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ComponentId } from '../../shared/prop-id.js';
import { stringifyId } from '../../shared/prop-id.js';

/** The DOM id of a component: dict ids are stringified as Dash does. */
export function domId(id: ComponentId | null | undefined): string | undefined {
  return id === undefined || id === null ? undefined : stringifyId(id);
}

/** Is a boolean-like attribute (`true`, `'disabled'`, `'DISABLED'`, `'readonly'`...) switched on? */
export function isOn(value: boolean | string | null | undefined): boolean {
  return value === true || (typeof value === 'string' && value !== '' && value.toLowerCase() !== 'false');
}

/** Join class names, skipping empty ones. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter((name): name is string => typeof name === 'string' && name !== '').join(' ');
}

/**
 * A counter prop (`n_clicks`, `n_blur`, ...) that follows the prop but also counts events that
 * arrive before the renderer has re-rendered the component. `next()` returns the new count.
 */
export function useCounter(value: number | null | undefined): () => number {
  const count = useRef(value ?? 0);
  useEffect(() => {
    count.current = value ?? 0;
  }, [value]);
  return useCallback(() => {
    count.current += 1;
    return count.current;
  }, []);
}
