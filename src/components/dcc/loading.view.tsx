/**
 * dcc.Loading view (spec/components.md §3.20). How loading is detected: the renderer's loading map,
 * through `useLoadingBelow` from the view API — true while an in-flight callback computes a prop of
 * any component below this one (Dash's selector on the Loading's layout path), narrowed by
 * `target_components` ({id: prop | [props] | '*'}; dict ids given as JSON are matched in their
 * canonical stringified form). While shown, the spinner covers the content, which stays mounted
 * with `overlay_style` (default `visibility: hidden`). `delay_show`/`delay_hide` debounce it;
 * `display` forces it; `debug` lists the loading components found in the content (their
 * `data-dash-is-loading` elements).
 */
import type { CSSProperties } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoadingEntry, ViewProps } from '../../renderer/component-api.js';
import { useLoadingBelow } from '../../renderer/component-api.js';
import { stringifyId } from '../../shared/prop-id.js';
import type { LoadingProps } from './loading.js';
import { Spinner } from './spinners.view.js';
import { domId } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/loading.css';

const coveringSpinner: CSSProperties = {
  visibility: 'visible',
  position: 'absolute',
  top: 0,
  height: '100%',
  width: '100%',
  display: 'flex',
  justifyContent: 'center',
  alignItems: 'center',
};

/** A target key as the renderer writes ids: dict ids (given as JSON) in canonical form. */
function canonicalId(key: string): string {
  if (!key.startsWith('{')) return key;
  try {
    return stringifyId(JSON.parse(key) as Record<string, string | number | boolean>);
  } catch {
    return key; // not JSON after all: keep the key as written
  }
}

/** The filter `target_components` describes, or undefined to count every loading entry. */
function targetFilter(targets: LoadingProps['target_components']): ((entry: LoadingEntry) => boolean) | undefined {
  if (targets === undefined || targets === null) return undefined;
  const byId = new Map(Object.entries(targets).map(([key, props]) => [canonicalId(key), props]));
  return (entry) => {
    const props = byId.get(entry.id);
    if (props === undefined) return false;
    if (props === '*') return true;
    return Array.isArray(props) ? props.includes(entry.property) : props === entry.property;
  };
}

/** With `debug`: the ids of the loading elements inside `root`. */
function loadingIds(root: HTMLElement | null): string[] {
  if (root === null) return [];
  return Array.from(root.querySelectorAll('[data-dash-is-loading="true"]'), (element) => {
    let owner: Element | null = element;
    while (owner !== null && owner !== root && owner.id === '') owner = owner.parentElement;
    return owner !== null && owner !== root ? owner.id : '';
  });
}

export default function LoadingView(props: ViewProps<LoadingProps, 'custom_spinner'>) {
  const {
    children,
    display = 'auto',
    color = 'var(--Dash-Fill-Interactive-Strong)',
    show_initially = true,
    delay_hide = 0,
    delay_show = 0,
    target_components,
    custom_spinner,
  } = props;
  const content = useRef<HTMLDivElement>(null);
  const [showSpinner, setShowSpinner] = useState(show_initially);
  const [debugIds, setDebugIds] = useState<string[]>([]);
  const showTimer = useRef<number | undefined>(undefined);
  const hideTimer = useRef<number | undefined>(undefined);
  // target_components is compared by value: a new but equal object keeps the same filter.
  const targetKey = JSON.stringify(target_components ?? null);
  const filter = useMemo(() => targetFilter(target_components), [targetKey]);
  const isLoading = useLoadingBelow(filter);

  useEffect(() => {
    if (props.debug === true) setDebugIds(isLoading ? loadingIds(content.current) : []);
  }, [isLoading, props.debug]);
  useEffect(() => {
    if (display === 'show' || display === 'hide') {
      setShowSpinner(display === 'show');
      return;
    }
    if (isLoading) {
      window.clearTimeout(hideTimer.current);
      hideTimer.current = undefined;
      if (!showSpinner && showTimer.current === undefined) {
        showTimer.current = window.setTimeout(() => {
          showTimer.current = undefined;
          setShowSpinner(true);
        }, delay_show);
      }
    } else {
      window.clearTimeout(showTimer.current);
      showTimer.current = undefined;
      if (showSpinner && hideTimer.current === undefined) {
        hideTimer.current = window.setTimeout(() => {
          hideTimer.current = undefined;
          setShowSpinner(false);
        }, delay_hide);
      }
    }
  }, [isLoading, display, showSpinner, delay_show, delay_hide]);

  useEffect(
    () => () => {
      window.clearTimeout(showTimer.current);
      window.clearTimeout(hideTimer.current);
    },
    [],
  );

  const contentStyle: CSSProperties = showSpinner
    ? { visibility: 'hidden', ...props.overlay_style, ...props.parent_style }
    : { ...props.parent_style };

  return (
    <div className={props.parent_className} style={{ position: 'relative', ...props.parent_style }}>
      <div ref={content} className={props.parent_className} style={contentStyle}>
        {children}
      </div>
      <div id={domId(props.id)} style={showSpinner ? coveringSpinner : {}}>
        {showSpinner &&
          (custom_spinner ?? (
            <Spinner
              type={props.type ?? 'default'}
              className={props.className}
              style={props.style}
              color={color}
              fullscreen={props.fullscreen === true}
              debug={props.debug === true ? debugIds : undefined}
            />
          ))}
      </div>
    </div>
  );
}
