/**
 * `npm run bench`: the figures of docs/benchmarks.md, each measured side by side in one run.
 *  1. `_dash-update-component` for a trivial callback vs a bare Fastify JSON route (autocannon,
 *     loopback, bounded in time): requests/s, p50, p99, and the ratio.
 *  2. First-load JS/CSS bytes (gzip) of an app of html elements + dcc.Input, and of one with a Graph.
 *  3. Time from navigation to the demo's first complete render in Chromium (median of N).
 *  4. The renderer at scale (10,000 divs, 1,000 pattern-matched rows) vs the unmodified Dash renderer.
 * Usage: npm run bench [-- --seconds 10 --connections 10 --loads 5]
 */
import { parseArgs } from 'node:util';
import { benchCallbackThroughput } from './callback-throughput.js';
import { benchFirstLoadBytes } from './first-load-bytes.js';
import { benchDemoRender } from './demo-render.js';
import { benchRendererScale, scaleOptionsFrom } from './renderer-scale.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    loads: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const loads = Number(values.loads);
const only = values.only;

console.log(`dash-ts benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'callback') await benchCallbackThroughput({ seconds, connections });
if (!only || only === 'bytes') await benchFirstLoadBytes();
if (!only || only === 'render') await benchDemoRender({ loads });
if (!only || only === 'scale') await benchRendererScale(scaleOptionsFrom({}));
