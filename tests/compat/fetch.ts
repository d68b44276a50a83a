/**
 * Make sure the unmodified Dash front end is in the cache: runs scripts/fetch-dash-renderer.mjs
 * (npm pack + sha512 check + extract; a no-op when already fetched). CI has npm registry access.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fetchDashRenderer(): void {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'fetch-dash-renderer.mjs')], {
    encoding: 'utf8',
    cwd: root,
  });
  if (run.status !== 0) {
    throw new Error(`scripts/fetch-dash-renderer.mjs failed (${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
  }
}
