/**
 * dcc.Tabs view (spec/components.md §3.18): a tab bar and a content area. Tabs reads its Tab
 * children's `value` from their layout (`childLayout`) to know each tab's effective value
 * (`tab-N` by position when missing) and, when it has no `value` itself, writes the first one on
 * mount. Each Tab child is rendered once, in the bar: it draws its own header (its `label` is
 * already a React node there) and, when selected, renders its children into the content area
 * through a portal. Colours are CSS variables; below `mobile_breakpoint` the tabs stack.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Children, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { childLayout, loadingAttributes } from '../../renderer/component-api.js';
import { TabsContext } from './tabs-context.browser.js';
import type { TabsProps } from './tabs.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/tabs.css';

/** The effective value of the tab at `index`: its own non-empty `value`, else `tab-N`. */
function tabValue(child: ReactNode, index: number): string {
  const value = childLayout(child)?.props['value'];
  return typeof value === 'string' && value !== '' ? value : `tab-${index + 1}`;
}

export default function TabsView(props: ViewProps<TabsProps>) {
  const { children, setProps, vertical = false, mobile_breakpoint = 800 } = props;
  const tabs = useMemo(() => Children.toArray(children), [children]);
  const values = useMemo(() => tabs.map(tabValue), [tabs]);
  const value = props.value === undefined ? (values[0] ?? 'tab-1') : props.value;
  const [contentElement, setContentElement] = useState<HTMLDivElement | null>(null);
  const [aboveBreakpoint, setAboveBreakpoint] = useState(false);
  const initialised = useRef(false);

  // No value given: select the first tab, and tell the callbacks (as Dash does).
  useEffect(() => {
    if (initialised.current) return;
    initialised.current = true;
    if (props.value === undefined) setProps({ value: values[0] ?? 'tab-1' });
  }, [props.value, setProps, values]);

  useEffect(() => {
    const query = window.matchMedia(`(min-width: ${mobile_breakpoint}px)`);
    setAboveBreakpoint(query.matches);
    const onChange = (event: MediaQueryListEvent) => setAboveBreakpoint(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [mobile_breakpoint]);

  const select = useCallback((next: string) => setProps({ value: next }), [setProps]);

  const colors = props.colors ?? {};
  const cssVariables = {
    '--tabs-border': colors.border ?? 'var(--Dash-Stroke-Weak)',
    '--tabs-primary': colors.primary ?? 'var(--Dash-Fill-Interactive-Strong)',
    '--tabs-background': colors.background ?? 'var(--Dash-Fill-Weak)',
  } as CSSProperties;
  const id = domId(props.id);

  return (
    <div
      className={classNames(
        'tab-parent',
        vertical && 'tab-parent--vert',
        aboveBreakpoint && 'tab-parent--above-breakpoint',
        props.parent_className,
      )}
      style={{ ...cssVariables, ...props.parent_style }}
      id={id === undefined ? undefined : `${id}-parent`}
      {...loadingAttributes(props.loading_state)}
    >
      <div
        className={classNames('tab-container', vertical && 'tab-container--vert', props.className)}
        style={props.style}
        id={id}
        role="tablist"
        aria-orientation={vertical ? 'vertical' : 'horizontal'}
      >
        {tabs.map((tab, index) => {
          const tabValueAt = values[index] ?? `tab-${index + 1}`;
          return (
            <TabsContext.Provider
              key={index}
              value={{ value: tabValueAt, selected: tabValueAt === value, select, vertical, contentElement }}
            >
              {tab}
            </TabsContext.Provider>
          );
        })}
      </div>
      <div
        ref={setContentElement}
        className={classNames('tab-content', vertical && 'tab-content--vert', props.content_className)}
        style={props.content_style}
        role="tabpanel"
      />
    </div>
  );
}
