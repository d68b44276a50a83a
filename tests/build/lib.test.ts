/**
 * The compiled package, as an app outside this repo loads it: plain `node`, no TypeScript loader,
 * no `dash-ts-source` condition, so `import "dash-ts"` resolves to lib/index.js (package.json
 * "exports" default). Serves a page and answers a callback.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const script = `
import { Dash, dcc, html, Input, Output } from 'dash-ts';
const app = new Dash({ title: 'compiled' });
app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out' })]);
app.callback(Output('out', 'children'), Input('in', 'value'), (v) => 'got ' + v);
const server = await app.server({ logger: false });
const page = await server.inject('/');
const update = await server.inject({
  method: 'POST',
  url: '/_dash-update-component',
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify({ output: 'out.children', outputs: { id: 'out', property: 'children' },
    inputs: [{ id: 'in', property: 'value', value: 'b' }], changedPropIds: ['in.value'] }),
});
const favicon = await server.inject('/_favicon.ico');
await server.close();
console.log(JSON.stringify({ page: page.statusCode, title: /<title>([^<]*)/.exec(page.body)?.[1],
  update: update.json(), favicon: favicon.statusCode, from: import.meta.resolve('dash-ts') }));
`;

before(() => {
  if (!existsSync(path.join(root, 'lib', 'index.js'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
});

test('plain node imports the compiled dash-ts from lib/ and serves an app', () => {
  // A clean environment: no --import tsx, no custom conditions inherited from the test runner.
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
  });
  const result = JSON.parse(output) as Record<string, unknown>;
  assert.match(String(result['from']), /\/lib\/index\.js$/);
  assert.equal(result['page'], 200);
  assert.equal(result['title'], 'compiled');
  assert.deepEqual(result['update'], { multi: true, response: { out: { children: 'got b' } } });
  assert.equal(result['favicon'], 200);
});
