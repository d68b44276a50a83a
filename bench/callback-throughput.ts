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

export async function benchCallbackThroughput(options: { seconds: number; connections: number }): Promise<void> {
  console.log(`\n## 1. Callback throughput (${options.seconds} s each, ${options.connections} connections)`);
  const bare = await startServer('bare');
  const dash = await startServer('dash');
  try {
    // Warm both up, then measure one after the other with the same client.
    await load(bare.url, trivialBody, 1, options.connections);
    await load(`${dash.url}_dash-update-component`, trivialBody, 1, options.connections);
    const b = await load(bare.url, trivialBody, options.seconds, options.connections);
    const d = await load(`${dash.url}_dash-update-component`, trivialBody, options.seconds, options.connections);
    const row = (name: string, f: Figures): string =>
      `| ${name} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors + f.non2xx} |`;
    console.log('| route | req/s | p50 ms | p99 ms | errors+non-2xx |');
    console.log('|---|---|---|---|---|');
    console.log(row('bare Fastify JSON route', b));
    console.log(row('dash-ts _dash-update-component', d));
    const ratio = d.rps / b.rps;
    console.log(
      `ratio dash-ts / bare: ${(ratio * 100).toFixed(1)}% (target ≥ 60%) ${ratio >= 0.6 ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    bare.stop();
    dash.stop();
  }
}
