/**
 * `dash-ts` command line: `dash-ts run app.ts [--port 8050] [--host 127.0.0.1] [--debug]`.
 * bin/dash-ts.js installs the TypeScript loader and calls `main`; it resolves to the exit code.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { isSupervisedChild, reportToSupervisor, supervise, supervisedPort } from '../server/devtools/supervisor.js';
import { DashError } from '../server/errors.js';
import { packageVersion } from '../server/suites.js';
import { loadApp } from './load-app.js';

export const USAGE = `Usage: dash-ts run <app.ts|app.js> [options]

Serve a dash-ts app. The app module's default export must be a Dash app:
  const app = new Dash({ title: "Hello" }); ...; export default app;

Options:
  -p, --port <port>   TCP port (default 8050; 0 picks a free one)
  -H, --host <host>   address to listen on (default 127.0.0.1)
  -d, --debug         dev tools: error details in the browser, callback graph, and hot reload
                      (the server restarts when a file in the app's folder changes; the page reloads,
                      keeping what was typed into it; changed CSS in assets/ is swapped in place)
      --no-reload     with --debug: no restarts on code changes
  -h, --help          show this help
  -v, --version       show the version

Environment:
  DASH_TS_BUNDLE_DIR  folder of the built browser renderer (default: the package's dist/browser)
`;

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

function usageError(message: string): DashError {
  return new DashError('DASH_ERR_CLI_USAGE', message);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8050;
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535) {
    throw usageError(`--port must be a number from 0 to 65535, got "${text}"`);
  }
  return port;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Run the CLI; resolves with the process exit code (after the server closed, for `run`). */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string', short: 'H' },
        debug: { type: 'boolean', short: 'd' },
        'no-reload': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr.write(`dash-ts: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version === true) {
    io.stdout.write(`dash-ts ${packageVersion}\n`);
    return 0;
  }
  try {
    const [command, file, ...extra] = positionals;
    if (command !== 'run')
      throw usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    if (file === undefined) throw usageError('run: give the app file, e.g. dash-ts run app.ts');
    if (extra.length > 0) throw usageError(`run: unexpected arguments: ${extra.join(' ')}`);
    const port = parsePort(values.port);
    const host = values.host ?? '127.0.0.1';
    const debug = values.debug === true;
    if (debug && values['no-reload'] !== true && !isSupervisedChild()) return await runSupervised(file, port, host, io);
    return await run(file, { port, host, debug }, io);
  } catch (error) {
    if (error instanceof DashError && error.code === 'DASH_ERR_CLI_USAGE') {
      io.stderr.write(`dash-ts: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const detail =
      error instanceof DashError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error);
    io.stderr.write(`dash-ts: ${detail}\n`);
    return 1;
  }
}

/** bin/dash-ts.js: the supervised child runs the same command. */
const binPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'dash-ts.js');

/** `run --debug`: run the app in a child process and restart it when the app's code changes. */
async function runSupervised(file: string, port: number, host: string, io: CliIo): Promise<number> {
  const absolute = path.resolve(file);
  // Checked here too: a supervisor would otherwise wait forever for a file that does not exist.
  const exists = await stat(absolute).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!exists) throw new DashError('DASH_ERR_APP_MODULE', `No app file at ${absolute}`);
  const root = path.dirname(absolute);
  io.stdout.write(`dash-ts: hot reload on, watching ${root}\n`);
  return supervise({
    args: [binPath, 'run', absolute, '--port', String(port), '--host', host, '--debug'],
    root,
    port,
    stdout: io.stdout,
    stderr: io.stderr,
  });
}

async function run(file: string, options: { port: number; host: string; debug: boolean }, io: CliIo): Promise<number> {
  const app = await loadApp(file);
  const bundleDir = process.env['DASH_TS_BUNDLE_DIR'];
  const server = await app.server(
    bundleDir === undefined || bundleDir === '' ? { debug: options.debug } : { debug: options.debug, bundleDir },
  );
  // A restarted child listens where the first one did (the open page polls that address).
  await server.listen({ port: supervisedPort() ?? options.port, host: options.host });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  reportToSupervisor({ port, assetsFolder: app.resolvedOptions().assetsFolder }, () => server.close());
  const prefix = app.resolvedOptions().routesPrefix;
  io.stdout.write(`Dash is running on http://${hostForUrl(options.host)}:${port}${prefix}\n`);
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stdout.write(`dash-ts: ${signal}, closing the server\n`);
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          io.stderr.write(`dash-ts: closing failed: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
