/**
 * Hot reload of server code (spec/protocol.md §7; Dash uses Flask's reloader): the command the
 * user started becomes a supervisor that runs the app in a child process and starts a fresh child
 * when a source file under the app's folder changes. Node cannot unload ES modules, so a new
 * process is the only way to run the edited code. The child tells the supervisor its port (so that
 * a `--port 0` server comes back on the same port and the open page finds it again) and its assets
 * folder (whose files the page hot-swaps itself, without a restart). The page notices the new
 * process through `_reload-hash` and reloads.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { DashError } from '../errors.js';
import type { Watcher } from './watch.js';
import { watchSources } from './watch.js';

/** Set in the child's environment: serve, and report to the supervisor. */
export const CHILD_ENV = 'DASH_TS_HOT_RELOAD_CHILD';
/** Set in the child's environment: the port to listen on after a restart. */
export const PORT_ENV = 'DASH_TS_HOT_RELOAD_PORT';

/** The child's report once it listens. */
export interface ChildReport {
  readonly type: 'dash-ts:listening';
  readonly port: number;
  readonly assetsFolder: string;
}

/** True in a process started by the supervisor. */
export function isSupervisedChild(): boolean {
  return process.env[CHILD_ENV] === '1' && typeof process.send === 'function';
}

/** The port a restarted child must use (the first child's), if any. */
export function supervisedPort(): number | undefined {
  const text = process.env[CHILD_ENV] === '1' ? process.env[PORT_ENV] : undefined;
  return text === undefined || text === '' ? undefined : Number(text);
}

/**
 * In the child: report the port and assets folder, and exit when the supervisor goes away (its IPC
 * channel closes), so that no orphan keeps the port.
 */
export function reportToSupervisor(report: Omit<ChildReport, 'type'>, close: () => Promise<unknown>): void {
  if (!isSupervisedChild()) return;
  process.send?.({ type: 'dash-ts:listening', ...report } satisfies ChildReport);
  // The channel must not keep the child alive once its server has closed (SIGTERM from the supervisor).
  process.channel?.unref();
  process.once('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
}

export interface SuperviseSettings {
  /** `node` arguments of the child (script and its arguments), e.g. `[bin, 'run', 'app.ts', '--debug']`. */
  readonly args: readonly string[];
  /** The app's folder: watched recursively. */
  readonly root: string;
  /** The port of the first child (0: any free one; later children reuse the port it got). */
  readonly port: number;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Milliseconds between scans. Default 500. */
  readonly interval?: number;
}

function isReport(message: unknown): message is ChildReport {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'dash-ts:listening' &&
    typeof (message as { port?: unknown }).port === 'number'
  );
}

/**
 * Supervise until SIGINT/SIGTERM; resolves with the exit code. The child gets SIGTERM and, if it
 * has not exited 5 s later, SIGKILL.
 */
export function supervise(settings: SuperviseSettings): Promise<number> {
  let port = settings.port;
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartQueued = false;

  const exited = (proc: ChildProcess): Promise<void> =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => proc.once('exit', () => resolve()));

  const stopChild = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (proc === null) return;
    const done = exited(proc);
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  };

  let watcher: Watcher | null = null;
  const startChild = (): void => {
    const env: NodeJS.ProcessEnv = { ...process.env, [CHILD_ENV]: '1' };
    if (port !== 0) env[PORT_ENV] = String(port);
    const proc = spawn(process.execPath, [...process.execArgv, ...settings.args], {
      env,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    child = proc;
    proc.on('message', (message: unknown) => {
      if (!isReport(message)) return;
      port = message.port;
      watcher?.setIgnore([message.assetsFolder]);
    });
    proc.on('exit', (code, signal) => {
      if (child === proc && !stopping) {
        child = null;
        settings.stderr.write(
          `dash-ts: the app stopped (${signal ?? `exit code ${String(code)}`}); it restarts when a file changes\n`,
        );
      }
    });
  };

  const restart = async (files: string[]): Promise<void> => {
    if (restartQueued || stopping) return;
    restartQueued = true;
    const shown = files.slice(0, 3).map((f) => path.relative(settings.root, f) || f);
    const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
    settings.stdout.write(`dash-ts: ${shown.join(', ')}${more} changed, restarting\n`);
    await stopChild();
    restartQueued = false;
    if (!stopping) startChild();
  };

  watcher = watchSources(
    { root: settings.root, ignore: [path.join(settings.root, 'assets')] },
    (files) => void restart(files),
    settings.interval,
  );
  startChild();

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopping = true;
      watcher?.stop();
      settings.stdout.write(`dash-ts: ${signal}, stopping the app\n`);
      void stopChild().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `app.run({ debug: true, hotReload: true })`: supervise this very script (same `node` flags, same
 * arguments), watching its folder. Resolves with the exit code once stopped.
 */
export async function superviseScript(port: number): Promise<number> {
  const script = process.argv[1];
  if (script === undefined || script === '') {
    throw new DashError('DASH_ERR_OPTIONS', 'hotReload needs a main script to run again; none is known');
  }
  const absolute = await realpath(script);
  const root = path.dirname(absolute);
  process.stdout.write(`dash-ts: hot reload on, watching ${root}\n`);
  return supervise({
    args: [absolute, ...process.argv.slice(2)],
    root,
    port,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
