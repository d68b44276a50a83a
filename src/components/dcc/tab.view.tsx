/**
 * dcc.Tab view (spec/components.md §3.19). Inside a dcc.Tabs (see tabs.view.tsx) it draws its
 * header in the tab bar (`tab`, `tab--selected`, `tab--disabled` plus the selected/disabled
 * classes and styles) and, while selected, renders its children into the Tabs' content area.
 * A click selects it by writing the parent's `value`. Outside a Tabs it renders its children.
 */
import type { CSSProperties, KeyboardEvent, MouseEvent, SyntheticEvent } from 'react';
import { useContext } from 'react';
import { createPortal } from 'react-dom';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { TabProps } from './tab.js';
import { TabsContext } from './tabs-context.browser.js';
import { classNames, domId } from './view-utils.browser.js';

type Props = ViewProps<TabProps, 'label'>;

const defaultDisabledStyle: CSSProperties = { color: 'var(--Dash-Text-Disabled)' };

export default function TabView(props: Props) {
  const tabs = useContext(TabsContext);
  if (tabs === undefined) return <>{props.children}</>;
  const { selected, vertical } = tabs;
  const disabled = props.disabled === true;
  const width =
    vertical || props.width === undefined
      ? {}
      : { width: typeof props.width === 'number' ? `${props.width}px` : props.width, flex: 'none' };
  const style: CSSProperties = {
    ...props.style,
    ...width,
    ...(disabled ? (props.disabled_style ?? defaultDisabledStyle) : {}),
    ...(selected ? props.selected_style : {}),
  };
  // Events inside the portalled content bubble here through React: only the header's own count.
  const fromHeader = (event: SyntheticEvent<HTMLDivElement>) => event.currentTarget.contains(event.target as Node);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (fromHeader(event) && !disabled) tabs.select(tabs.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!fromHeader(event) || disabled || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    tabs.select(tabs.value);
  };
  const label =
    typeof props.label === 'string' || typeof props.label === 'number' ? <span>{props.label}</span> : props.label;
  return (
    <div
      id={domId(props.id)}
      className={classNames(
        'tab',
        props.className,
        disabled && 'tab--disabled',
        disabled && props.disabled_className,
        selected && 'tab--selected',
        selected && props.selected_className,
      )}
      style={style}
      role="tab"
      aria-selected={selected}
      aria-disabled={disabled}
      tabIndex={disabled ? -1 : 0}
      onClick={onClick}
      onKeyDown={onKeyDown}
      {...loadingAttributes(props.loading_state)}
    >
      {label}
      {selected && tabs.contentElement !== null && createPortal(props.children, tabs.contentElement)}
    </div>
  );
}
