/**
 * The dev-tools UI of debug mode (config `ui`, spec/callbacks.md §12.3): a small bar with the error
 * count, the server-connection status (from the hot-reload poll) and a button that opens the
 * callback graph; plus the error panel. Never rendered in production.
 */
import type { ReactElement } from 'react';
import { useState, useSyncExternalStore } from 'react';
import type { Runtime } from '../runtime.js';
import { CallbackGraphView } from './callback-graph-view.js';
import { ErrorPanel } from './error-panel.js';
import type { ReloadStatus } from './status.js';
import { reloadStatus } from './status.js';

const barStyle = {
  position: 'fixed',
  left: '8px',
  bottom: '8px',
  zIndex: 2147483000,
  display: 'flex',
  gap: '8px',
  alignItems: 'center',
  padding: '3px 8px',
  background: '#f7f7f9',
  color: '#222',
  border: '1px solid #bbb',
  borderRadius: '4px',
  font: '12px/1.4 system-ui, sans-serif',
} as const;

const graphStyle = {
  position: 'fixed',
  left: '8px',
  bottom: '40px',
  maxWidth: 'calc(100vw - 16px)',
  maxHeight: '70vh',
  overflow: 'auto',
  zIndex: 2147483000,
  background: '#fff',
  border: '1px solid #bbb',
  borderRadius: '4px',
  boxShadow: '0 2px 8px rgba(0,0,0,.25)',
  padding: '4px',
} as const;

const STATUS_TEXT: Record<ReloadStatus, string> = {
  off: 'hot reload off',
  connected: 'server: connected',
  unreachable: 'server: unreachable',
  stopped: 'hot reload stopped (server errors)',
  reloading: 'reloading…',
};

export function DevTools({ runtime }: { runtime: Runtime }): ReactElement {
  const errors = useSyncExternalStore(
    (listener) => runtime.app.subscribe(listener),
    () => runtime.app.getState().errors.length,
  );
  const status = useSyncExternalStore(
    (listener) => reloadStatus.subscribe(listener),
    () => reloadStatus.getState().status,
  );
  const [graphOpen, setGraphOpen] = useState(false);
  return (
    <>
      <div id="dash-ts-devtools" style={barStyle}>
        <button
          type="button"
          id="dash-ts-devtools-graph-button"
          aria-expanded={graphOpen}
          onClick={() => setGraphOpen(!graphOpen)}
        >
          Callbacks
        </button>
        <span id="dash-ts-devtools-errors">
          {errors} error{errors === 1 ? '' : 's'}
        </span>
        <span id="dash-ts-devtools-status" data-status={status}>
          {STATUS_TEXT[status]}
        </span>
      </div>
      {graphOpen ? (
        <div id="dash-ts-devtools-graph" style={graphStyle}>
          <CallbackGraphView runtime={runtime} />
        </div>
      ) : null}
      <ErrorPanel runtime={runtime} />
    </>
  );
}
