/**
 * Our callback endpoint vs a bare Fastify JSON route, same process kind, same client, one run.
 * Each server runs in its own child process so the load generator does not share its event loop.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function startServer(kind: 'dash' | 'bare'): Promise<{ url: string; stop(): void }> {
  const child = fork(path.join(here, 'servers.ts'), [kind], {
    execArgv: ['--conditions=dash-ts-source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(m as string));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function load(url: string, body: string, seconds: number, connections: number): Promise<Figures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    duration: seconds,
    connections,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export const trivialBody = JSON.stringify({
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value: 'hello' }],
  changedPropIds: ['in.value'],
});

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Both servers run at once in their own processes; the client measures them in alternation
 * (bare, dash, bare, dash, …) so that drift in the machine's load hits both equally, and the ratio
 * is taken between medians. On 2 cores the load generator shares the CPU with the server it drives,
 * so absolute figures are lower than on a dedicated client machine; the ratio is what the target is.
 */
export async function benchCallbackThroughput(options: { seconds: number; connections: number }): Promise<void> {
  const rounds = 3;
  const slice = Math.max(2, Math.round(options.seconds / rounds));
  console.log(
    `\n## 1. Callback throughput (${rounds} alternating rounds of ${slice} s per server, ${options.connections} connections)`,
  );
  const bare = await startServer('bare');
  const dash = await startServer('dash');
  const dashUrl = `${dash.url}_dash-update-component`;
  try {
    // Warm both up (JIT, connection pools), then alternate.
    await load(bare.url, trivialBody, 2, options.connections);
    await load(dashUrl, trivialBody, 2, options.connections);
    const b: Figures[] = [];
    const d: Figures[] = [];
    for (let round = 0; round < rounds; round += 1) {
      b.push(await load(bare.url, trivialBody, slice, options.connections));
      d.push(await load(dashUrl, trivialBody, slice, options.connections));
    }
    const summary = (runs: Figures[]): Figures => ({
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    });
    const bs = summary(b);
    const ds = summary(d);
    const row = (name: string, f: Figures, runs: Figures[]): string =>
      `| ${name} | ${f.rps.toFixed(0)} | ${runs.map((r) => r.rps.toFixed(0)).join(' / ')} | ${f.p50} | ${f.p99} | ${f.errors + f.non2xx} |`;
    console.log('| route | req/s (median) | req/s per round | p50 ms | p99 ms | errors+non-2xx |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('bare Fastify JSON route', bs, b));
    console.log(row('dash-ts _dash-update-component', ds, d));
    const ratio = ds.rps / bs.rps;
    console.log(
      `ratio dash-ts / bare: ${(ratio * 100).toFixed(1)}% (target ≥ 60%) ${ratio >= 0.6 ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    bare.stop();
    dash.stop();
  }
}
