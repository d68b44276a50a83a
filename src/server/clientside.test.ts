import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { ClientsideFunction, Dash, html, Input, Output, State } from 'dash-ts';
import { makeFakeBundle, serve } from '../../tests/server/helpers.js';
import { ClientsideScripts, GLOBALS_CONTENT, GLOBALS_FILE, INLINE_NAMESPACE } from './clientside.js';
import { DashError } from './errors.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function throwsFix(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DashError, 'a DashError');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('clientside callbacks: registration', () => {
  it('refuses reserved namespaces, saying what to fix', () => {
    throwsFix(
      () => ClientsideFunction('_dashprivate_mine', 'f'),
      /reserved for inline functions.*Rename the namespace/,
    );
    throwsFix(() => ClientsideFunction('PreventUpdate', 'f'), /cannot be a namespace.*dash_clientside global/);
    throwsFix(() => ClientsideFunction('no_update', 'f'), /cannot be a namespace/);
    throwsFix(() => ClientsideFunction('', 'f'), /non-empty namespace/);
    throwsFix(() => ClientsideFunction('ns', ''), /non-empty function name/);
    assert.deepEqual({ ...ClientsideFunction('ns', 'no_update') }, { namespace: 'ns', function_name: 'no_update' });
  });

  it('refuses what cannot become a browser function', () => {
    const app = new Dash();
    throwsFix(
      () => app.clientside_callback(42 as unknown as string, Output('o', 'children'), Input('i', 'value')),
      /ClientsideFunction\(namespace, name\), a JavaScript source string, or a function/,
    );
    throwsFix(() => app.clientside_callback('  ', Output('o', 'children'), Input('i', 'value')), /empty/);
    const holder = {
      method(value: unknown) {
        return value;
      },
    };
    throwsFix(
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the detached method is what is refused
      () => app.clientside_callback(holder.method, Output('o', 'children'), Input('i', 'value')),
      /function expression or an arrow function/,
    );
    throwsFix(() => app.clientside_callback(String, Output('o', 'children'), Input('i', 'value')), /native or bound/);
    throwsFix(
      () =>
        app.clientside_callback('function (v) { return v; }', Output('o', 'children'), Input('i', 'value'), {
          running: [[Output('b', 'disabled'), true, false]],
        }),
      /do not support the running option/,
    );
  });

  it('gives inline functions a stable sha256 name and one content-addressed file', () => {
    const scripts = new ClientsideScripts();
    const source = 'function (x) { return x; }';
    assert.deepEqual(scripts.register(`  ${source};\n`), {
      namespace: INLINE_NAMESPACE,
      function_name: sha256(source),
    });
    const arrow = (a: number, b: number): number => a + b;
    const spec = scripts.register(arrow);
    assert.equal(spec.function_name, sha256(arrow.toString()));
    assert.deepEqual(scripts.register(source), { namespace: INLINE_NAMESPACE, function_name: sha256(source) });
    const file = scripts.inlineFile();
    assert.ok(file);
    assert.equal(file.name, `${sha256(file.content).slice(0, 20)}.js`);
    assert.equal(file.content.split(sha256(source)).length, 2, 'a repeated source is stored once');
    assert.match(
      file.content,
      new RegExp(`ns\\["${spec.function_name}"\\] = \\(\\n${escape(arrow.toString())}\\n\\);`),
    );
    // The file runs as a classic script and defines both functions.
    const win: { dash_clientside?: Record<string, Record<string, (...args: number[]) => unknown>> } = {};
    runInNewContext(file.content, { window: win });
    const ns = win.dash_clientside?.[INLINE_NAMESPACE];
    assert.equal(ns?.[sha256(source)]?.(7), 7);
    assert.equal(ns?.[spec.function_name]?.(2, 3), 5);
    assert.equal(new ClientsideScripts().inlineFile(), null);
  });

  it('the globals file creates the sentinels and keeps existing ones', () => {
    const noUpdate = { mine: true };
    const win: { dash_clientside?: Record<string, unknown> } = { dash_clientside: { no_update: noUpdate } };
    runInNewContext(GLOBALS_CONTENT, { window: win });
    assert.equal(win.dash_clientside?.['no_update'], noUpdate);
    assert.equal(
      JSON.stringify(win.dash_clientside?.['PreventUpdate']),
      JSON.stringify({ description: 'Throw to prevent updating all Outputs.' }),
    );
    assert.match(GLOBALS_FILE, /^globals-[0-9a-f]{20}\.js$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('clientside callbacks: served', () => {
  let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
  const app = new Dash();
  const inline = 'function (v) { return v; }';
  const noOutput = (v: unknown): unknown => v;
  before(async () => {
    bundle = await makeFakeBundle();
    app.layout = html.Div([html.Div({ id: 'i' }), html.Div({ id: 'o' }), html.Div({ id: 'p' })]);
    app.clientside_callback(ClientsideFunction('ns', 'f'), Output('o', 'children'), Input('i', 'children'), true);
    app.clientside_callback(
      inline,
      [Output('p', 'children'), Output('p', 'title')],
      Input('i', 'children'),
      State('o', 'children'),
      { prevent_initial_call: true },
    );
    app.clientside_callback(noOutput, Input('p', 'children'));
  });
  after(() => bundle.cleanup());

  it('lists clientside_function in _dash-dependencies and refuses to run them on the server', async () => {
    const server = await serve(app, bundle.dir);
    try {
      const specs = (await server.inject('/_dash-dependencies')).json<
        { output: string; clientside_function: unknown; prevent_initial_call: boolean; no_output: boolean }[]
      >();
      assert.deepEqual(
        specs.map((s) => [s.output, s.clientside_function, s.prevent_initial_call]),
        [
          ['o.children', { namespace: 'ns', function_name: 'f' }, true],
          ['..p.children...p.title..', { namespace: INLINE_NAMESPACE, function_name: sha256(inline) }, true],
          [specs[2]?.output, { namespace: INLINE_NAMESPACE, function_name: sha256(noOutput.toString()) }, false],
        ],
      );
      assert.equal(specs[2]?.no_output, true);
      const response = await server.inject({
        method: 'POST',
        url: '/_dash-update-component',
        payload: {
          output: 'o.children',
          outputs: { id: 'o', property: 'children' },
          inputs: [{ id: 'i', property: 'children', value: 1 }],
          changedPropIds: ['i.children'],
        },
      });
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /runs in the browser only/);
    } finally {
      await server.close();
    }
  });

  it('serves the globals and inline files as nonced scripts around the assets, cached as immutable', async () => {
    const server = await serve(app, bundle.dir);
    try {
      const page = await server.inject('/');
      const nonce = /nonce="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(nonce);
      const srcs = [...page.body.matchAll(/<script( type="module")? nonce="([^"]+)" src="([^"]+)"><\/script>/g)];
      assert.ok(srcs.every((m) => m[2] === nonce));
      const urls = srcs.map((m) => m[3] ?? '');
      assert.equal(urls[0], `/_dash-clientside/${GLOBALS_FILE}`, 'globals first');
      const inlineUrl = urls.at(-1) ?? '';
      assert.match(inlineUrl, /^\/_dash-clientside\/[0-9a-f]{20}\.js$/, 'inline functions last');
      assert.doesNotMatch(page.body, /<script(?! id="_dash-config")(?![^>]*\bsrc=)[^>]*>/, 'no inline script');

      for (const url of [urls[0] ?? '', inlineUrl]) {
        const file = await server.inject(url);
        assert.equal(file.statusCode, 200);
        assert.match(String(file.headers['content-type']), /^text\/javascript/);
        assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
      }
      assert.match((await server.inject(inlineUrl)).body, new RegExp(sha256(inline)));
      assert.equal((await server.inject('/_dash-clientside/0123456789abcdef0123.js')).statusCode, 404);
      assert.equal((await server.inject('/_dash-clientside/..%2Fpackage.json')).statusCode, 404);
    } finally {
      await server.close();
    }
  });
});
