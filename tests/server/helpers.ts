/**
 * Helpers for the HTTP integration tests: a fake browser bundle in a temporary folder (so the
 * server's tests do not depend on the renderer being built), and small apps.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Dash } from 'dash-ts';

/** The fake bundle's file names: content-hashed like esbuild's. */
export const FAKE = {
  entry: 'main-ABCD2345.js',
  css: 'main-EFGH2345.css',
  chunk: 'chunks/input.view-WXYZ2345.js',
  map: 'chunks/input.view-WXYZ2345.js.map',
  /** In the folder but not in the manifest: must never be served. */
  unlisted: 'secret.txt',
} as const;

/** A temporary dist/browser look-alike; `cleanup()` removes it. */
export async function makeFakeBundle(
  buildHash = 'fakebuild0000001',
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-bundle-'));
  await writeFakeBundle(dir, buildHash);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** (Re)write the fake bundle's files and manifest into `dir`. */
export async function writeFakeBundle(dir: string, buildHash: string, entry: string = FAKE.entry): Promise<void> {
  await mkdir(path.join(dir, 'chunks'), { recursive: true });
  await writeFile(path.join(dir, entry), `import('./chunks/input.view-WXYZ2345.js'); // ${buildHash}\n`);
  await writeFile(path.join(dir, FAKE.css), '._dash-loading { color: gray; }\n');
  await writeFile(path.join(dir, FAKE.chunk), 'export const view = 1;\n');
  await writeFile(path.join(dir, FAKE.map), '{"version":3,"sources":[],"mappings":""}\n');
  await writeFile(path.join(dir, FAKE.unlisted), 'top secret\n');
  const manifest = { entry, css: [FAKE.css], files: [entry, FAKE.css, FAKE.chunk, FAKE.map].sort(), buildHash };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
}

/** `app.server()` with logging off and the fake bundle. */
export async function serve(app: Dash, bundleDir: string, debug = false): Promise<FastifyInstance> {
  return app.server({ logger: false, bundleDir, debug });
}
