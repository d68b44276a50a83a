/**
 * What stands in for a component that cannot render: an unknown namespace/type, or a view that
 * threw. A visible box, text only (messages are never interpreted as HTML).
 */
import type { ReactElement } from 'react';

const boxStyle = {
  border: '1px solid #d33',
  background: '#fff5f5',
  color: '#a00',
  padding: '4px 8px',
  margin: '2px 0',
  fontFamily: 'monospace',
  fontSize: '12px',
  whiteSpace: 'pre-wrap',
} as const;

export function ComponentError(props: { title: string; message?: string | undefined }): ReactElement {
  return (
    <div className="dash-ts-component-error" role="alert" style={boxStyle}>
      {props.title}
      {props.message ? `\n${props.message}` : null}
    </div>
  );
}

/** `dash_html_components.Div (id "main")` */
export function describeComponent(namespace: string, type: string, id: string | undefined): string {
  return `${namespace}.${type}${id === undefined ? '' : ` (id "${id}")`}`;
}
