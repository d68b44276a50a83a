/**
 * Checks on what we ship, not only on the source (STYLE.md §9.5): the browser bundle holds no
 * server code or Node modules, plotly.js sits in a chunk that only a dynamic import reaches, and the
 * manifest (the server's allowlist) lists exactly the files that were built.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../browser/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const browserDir = path.join(root, 'dist', 'browser');

interface Meta {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}

let meta: Meta;
let manifest: { entry: string; files: string[] };

before(() => {
  ensureBuilt();
  meta = JSON.parse(readFileSync(path.join(browserDir, 'meta.json'), 'utf8')) as Meta;
  manifest = JSON.parse(readFileSync(path.join(browserDir, 'manifest.json'), 'utf8')) as typeof manifest;
});

test('the browser bundle contains no server code, zod, fastify or node: modules', () => {
  const forbidden = /(^|\/)(src\/server|src\/cli)\/|node_modules\/(fastify|@fastify|zod|tsx|pino)\/|^node:/;
  const offenders = Object.keys(meta.inputs).filter((input) => forbidden.test(input));
  assert.deepEqual(offenders, []);
});

/** Every output reachable from `start` through static imports. */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    for (const imp of meta.outputs[current]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return seen;
}

test('plotly.js is in its own chunk, reached only by a dynamic import', () => {
  const plotlyOutputs = Object.entries(meta.outputs)
    .filter(([, out]) => Object.keys(out.inputs).some((input) => input.includes('node_modules/plotly.js')))
    .map(([file]) => file);
  assert.equal(plotlyOutputs.length, 1, 'plotly.js is in exactly one output file');
  const entry = `dist/browser/${manifest.entry}`;
  assert.ok(!staticClosure(entry).has(plotlyOutputs[0] as string), 'the entry does not load plotly statically');
  const dynamicallyImported = Object.values(meta.outputs).some((out) =>
    out.imports.some((imp) => imp.kind === 'dynamic-import' && imp.path === plotlyOutputs[0]),
  );
  assert.ok(dynamicallyImported, 'plotly is loaded by a dynamic import');
});

test('the entry loads React and the html view only; dcc views are lazy', () => {
  const closure = [...staticClosure(`dist/browser/${manifest.entry}`)];
  const inputs = closure.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
  assert.ok(inputs.some((i) => i.includes('node_modules/react-dom/')));
  for (const lazy of ['dropdown.view', 'graph.view', 'markdown.view', 'slider.view', 'downshift', 'markdown-it']) {
    assert.ok(!inputs.some((i) => i.includes(lazy)), `${lazy} is not in the first load`);
  }
});

test('the manifest lists exactly the files that were built', () => {
  const built = readdirSync(browserDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !['manifest.json', 'meta.json'].includes(e.name))
    .map((e) => path.relative(browserDir, path.join(e.parentPath, e.name)))
    .sort();
  assert.deepEqual([...manifest.files].sort(), built);
});
