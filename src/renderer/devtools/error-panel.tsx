/**
 * Dev tools (debug mode, config `ui`): a panel listing callback and render errors, newest first,
 * with the server's message or traceback (spec/callbacks.md §12.3). Text only: server output is
 * never interpreted as HTML.
 */
import type { ReactElement } from 'react';
import { useState, useSyncExternalStore } from 'react';
import type { Runtime } from '../runtime.js';

const panelStyle = {
  position: 'fixed',
  right: '8px',
  bottom: '8px',
  maxWidth: 'min(720px, 90vw)',
  maxHeight: '60vh',
  overflow: 'auto',
  zIndex: 2147483000,
  background: '#fff',
  color: '#222',
  border: '1px solid #d33',
  borderRadius: '4px',
  boxShadow: '0 2px 8px rgba(0,0,0,.25)',
  font: '12px/1.4 system-ui, sans-serif',
} as const;

const headerStyle = {
  display: 'flex',
  gap: '8px',
  alignItems: 'center',
  padding: '4px 8px',
  background: '#fdecec',
} as const;
const preStyle = { margin: '4px 0 8px', whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: '11px' } as const;

export function ErrorPanel({ runtime }: { runtime: Runtime }): ReactElement | null {
  const errors = useSyncExternalStore(
    (listener) => runtime.app.subscribe(listener),
    () => runtime.app.getState().errors,
  );
  const [open, setOpen] = useState(true);
  if (errors.length === 0) return null;
  return (
    <div id="dash-ts-errors" role="log" style={panelStyle}>
      <div style={headerStyle}>
        <strong>
          {errors.length} error{errors.length === 1 ? '' : 's'}
        </strong>
        <button type="button" onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
        </button>
        <button type="button" onClick={() => runtime.app.setState({ errors: [] })}>
          Clear
        </button>
      </div>
      {open ? (
        <ol style={{ margin: 0, padding: '4px 8px 4px 28px' }}>
          {errors.map((error, i) => (
            <li key={`${error.time}-${i}`} className="dash-ts-error">
              <div className="dash-ts-error-title">{error.title}</div>
              {error.detail ? <pre style={preStyle}>{error.detail}</pre> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
