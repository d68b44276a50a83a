/**
 * The dev tools' callback graph (spec/callbacks.md §12.3, Dash's "Callback Graph"): every declared
 * callback with the props it reads and writes, laid out by graph-layout.ts and drawn as SVG, with
 * each callback's call count and latest round trip. SVG presentation attributes and React style
 * props (set through the CSSOM) only: nothing that needs 'unsafe-inline' under our CSP.
 */
import type { ReactElement } from 'react';
import { useMemo, useSyncExternalStore } from 'react';
import type { Runtime } from '../runtime.js';
import type { GraphCallback } from './graph-layout.js';
import { CHAR, layoutGraph } from './graph-layout.js';
import type { CallbackStats } from './profile.js';

const EDGE_STYLE = {
  input: { stroke: '#1f77b4', dash: undefined },
  state: { stroke: '#7f7f7f', dash: '4 3' },
  output: { stroke: '#2ca02c', dash: undefined },
} as const;

function statsLine(stats: CallbackStats | undefined): string {
  if (!stats) return 'not called yet';
  const ms = stats.lastMs < 10 ? stats.lastMs.toFixed(1) : Math.round(stats.lastMs).toString();
  const failed = stats.lastStatus >= 400 || stats.lastStatus === 0 ? ' · failed' : '';
  return `${stats.calls} call${stats.calls === 1 ? '' : 's'} · ${ms} ms${failed}`;
}

export function CallbackGraphView({ runtime }: { runtime: Runtime }): ReactElement {
  const callbacks = runtime.graph.callbacks;
  const layout = useMemo(
    () =>
      layoutGraph(
        callbacks.map((def): GraphCallback => ({
          key: def.key,
          inputs: def.inputs,
          state: def.state,
          outputs: def.outputs.map((o) => ({ id: o.id, property: o.clean })),
        })),
      ),
    [callbacks],
  );
  const stats = useSyncExternalStore(
    (listener) => runtime.profile.stats.subscribe(listener),
    () => runtime.profile.stats.getState().byKey,
  );
  if (callbacks.length === 0) return <p className="dash-ts-graph-empty">This app declares no callbacks.</p>;
  return (
    <svg
      id="dash-ts-callback-graph"
      role="img"
      aria-label="Callback graph"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily="monospace"
      fontSize={12}
    >
      <defs>
        {(['input', 'state', 'output'] as const).map((kind) => (
          <marker
            key={kind}
            id={`dash-ts-arrow-${kind}`}
            viewBox="0 0 10 10"
            refX={10}
            refY={5}
            markerWidth={7}
            markerHeight={7}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={EDGE_STYLE[kind].stroke} />
          </marker>
        ))}
      </defs>
      {layout.edges.map((edge, i) => (
        <path
          key={`${edge.from}>${edge.to}>${i}`}
          className={`dash-ts-graph-edge dash-ts-graph-edge-${edge.kind}`}
          d={edge.d}
          fill="none"
          stroke={EDGE_STYLE[edge.kind].stroke}
          strokeDasharray={EDGE_STYLE[edge.kind].dash}
          markerEnd={`url(#dash-ts-arrow-${edge.kind})`}
        />
      ))}
      {layout.nodes.map((node) => {
        const callbackStats = node.callback === undefined ? undefined : stats.get(node.callback);
        const lines = node.kind === 'callback' ? [...node.lines, statsLine(callbackStats)] : node.lines;
        return (
          <g
            key={node.key}
            className={`dash-ts-graph-node dash-ts-graph-${node.kind}`}
            data-key={node.key}
            transform={`translate(${node.x},${node.y})`}
          >
            <title>{node.callback ?? node.key.slice(2)}</title>
            <rect
              width={node.width}
              height={node.height}
              rx={node.kind === 'callback' ? 10 : 3}
              fill={node.kind === 'callback' ? '#fff7e6' : '#eef4fb'}
              stroke={node.kind === 'callback' ? '#d9822b' : '#5b8cc0'}
            />
            {lines.map((line, i) => (
              <text
                key={i}
                className={i === lines.length - 1 && node.kind === 'callback' ? 'dash-ts-graph-stats' : undefined}
                x={node.width / 2}
                y={8 + 12 + i * 15}
                textAnchor="middle"
                textLength={line.length * CHAR > node.width - 8 ? node.width - 8 : undefined}
                fill="#222"
              >
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
