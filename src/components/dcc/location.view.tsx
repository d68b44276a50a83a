/**
 * dcc.Location view (spec/components.md §3.16): renders nothing. On mount it fills the URL parts
 * the app left empty from `window.location`. When a callback changes a part: with `refresh=true`
 * the page navigates; otherwise `history.pushState` (href wins over the parts), and with
 * `'callback-nav'` the other Locations are told. It follows `popstate` and Link navigations.
 * `href` goes through `safeUrl` before it can reach `window.location`.
 */
import { useEffect, useRef } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { safeUrl } from '../../renderer/component-api.js';
import type { LocationProps } from './location.js';
import { pushStateEvent, pushUrl } from './navigation.browser.js';

type Part = 'pathname' | 'href' | 'hash' | 'search';
const parts: readonly Part[] = ['pathname', 'href', 'hash', 'search'];

export default function LocationView(props: ViewProps<LocationProps>) {
  const { pathname, href, hash, search, refresh = true, setProps } = props;
  // The parts as last seen: with refresh=false only a part that changed is pushed (not a layout
  // value that merely differs from the URL on mount).
  const previous = useRef<Partial<Record<Part, string | undefined>>>({ pathname, href, hash, search });
  const latest = useRef({ props, setProps });
  latest.current = { props, setProps };

  // Apply prop changes to the browser (and fill empty parts from it).
  useEffect(() => {
    const current: Record<Part, string | undefined> = { pathname, href, hash, search };
    const fill: Partial<Record<Part, string>> = {};
    const changed = new Set<Part>();
    for (const part of parts) {
      const value = current[part];
      const actual = window.location[part];
      if (value === undefined || value === null) {
        fill[part] = actual;
      } else if (value !== actual && (refresh === true || previous.current[part] !== value)) {
        changed.add(part);
      }
    }
    previous.current = current;
    if (Object.keys(fill).length > 0) setProps(fill);
    if (changed.size === 0) return;
    if (refresh === true) {
      // A full navigation: href is checked, the parts are assigned like Dash does.
      if (changed.has('href') && href !== undefined) window.location.assign(safeUrl(href) ?? '');
      else for (const part of changed) if (part !== 'href') window.location[part] = current[part] ?? '';
      return;
    }
    const url =
      changed.has('href') && href !== undefined
        ? (safeUrl(href) ?? '')
        : `${pathname ?? ''}${search ?? ''}${hash ?? ''}`;
    if (!pushUrl(url, refresh === 'callback-nav')) {
      console.error(`dcc.Location: cannot push "${url}": not on this origin`);
    }
  }, [pathname, href, hash, search, refresh, setProps]);

  // The URL changed under us (back/forward, a dcc.Link, another Location): report the parts.
  useEffect(() => {
    const onChange = () => {
      const { props: now, setProps: write } = latest.current;
      const changes: Partial<Record<Part, string>> = {};
      for (const part of parts) if (now[part] !== window.location[part]) changes[part] = window.location[part];
      previous.current = { ...previous.current, ...changes };
      if (Object.keys(changes).length > 0) write(changes);
    };
    window.addEventListener('popstate', onChange);
    window.addEventListener(pushStateEvent, onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener(pushStateEvent, onChange);
    };
  }, []);

  return null;
}
