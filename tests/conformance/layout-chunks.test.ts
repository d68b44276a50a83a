// Checklist "Layout chunks" (spec/callbacks.md §1.8, §15), driven in process by our renderer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL, ctx, Dash, dcc, html, Input, MATCH, Output } from 'dash-ts';
import { until, withApp } from './harness.js';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';

test('C027: components returned in children get one initial call per callback whose outputs they hold', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'show', value: 0 }), html.Div({ id: 'slot' })]);
  app.callback(Output('slot', 'children'), Input('show', 'value'), (n) =>
    Number(n) > 0
      ? html.Div([dcc.Input({ id: 'inner', value: 'x' }), html.Div({ id: 'o1' }), html.Div({ id: 'o2' })])
      : 'empty',
  );
  const triggered: unknown[] = [];
  app.callback([Output('o1', 'children'), Output('o2', 'children')], Input('inner', 'value'), (v) => {
    triggered.push(ctx.triggered);
    return [`1:${String(v)}`, `2:${String(v)}`];
  });
  await withApp(app, async (client) => {
    assert.equal(triggered.length, 0, 'not in the layout yet');
    client.edit('show', { value: 1 });
    await client.settle();
    assert.deepEqual(triggered, [[]], 'one initial call for both outputs, nothing triggered');
    assert.equal(client.prop('o1', 'children'), '1:x');
    assert.equal(client.prop('o2', 'children'), '2:x');
    client.edit('inner', { value: 'y' });
    await client.settle();
    assert.equal(triggered.length, 2);
    assert.equal(client.prop('o2', 'children'), '2:y');
  });
});

test('C028 C029: an Input in a new chunk with its Output outside fires with the prop in triggered; an Output inside gets none', async () => {
  // test_cbwc004 in small.
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'add', value: 0 }),
    html.Div({ id: 'container' }),
    html.Div({ id: 'outside' }),
  ]);
  app.callback(Output('container', 'children'), Input('add', 'value'), (n) =>
    Array.from({ length: Number(n) }, (_, i) =>
      html.Div([
        dcc.Input({ id: { type: 'in', index: i }, value: `v${i}` }),
        html.Div({ id: { type: 'echo', index: i } }),
      ]),
    ),
  );
  const outside: unknown[] = [];
  app.callback(Output('outside', 'children'), Input({ type: 'in', index: ALL }, 'value'), (values) => {
    outside.push(ctx.triggered.map((t) => t.prop_id));
    return values.join(',');
  });
  const inside: unknown[] = [];
  app.callback(
    Output({ type: 'echo', index: MATCH }, 'children'),
    Input({ type: 'in', index: MATCH }, 'value'),
    (v) => {
      inside.push(ctx.triggered);
      return `echo ${String(v)}`;
    },
  );
  await withApp(app, async (client) => {
    outside.length = 0;
    client.edit('add', { value: 2 });
    await client.settle();
    assert.deepEqual(outside, [['{"index":0,"type":"in"}.value', '{"index":1,"type":"in"}.value']]);
    assert.equal(client.prop('outside', 'children'), 'v0,v1');
    assert.deepEqual(inside, [[], []], 'outputs inside the chunk: initial calls');
    assert.equal(client.prop({ type: 'echo', index: 1 }, 'children'), 'echo v1');
  });
});

test('C030: re-rendering a list re-fires the initial calls of every item', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'n', value: 3 }),
    dcc.Input({ id: 'label', value: 'L' }),
    html.Div({ id: 'list' }),
  ]);
  app.callback(Output('list', 'children'), Input('n', 'value'), (n) =>
    Array.from({ length: Number(n) }, (_, i) => html.Div({ id: { type: 'item', index: i } })),
  );
  const calls: number[] = [];
  app.callback(Output({ type: 'item', index: MATCH }, 'children'), Input('label', 'value'), (label) => {
    const out = ctx.outputs_list as unknown as { id: { index: number } };
    calls.push(out.id.index);
    return `${String(label)}${out.id.index}`;
  });
  await withApp(app, async (client) => {
    assert.deepEqual(calls.sort(), [0, 1, 2]);
    calls.length = 0;
    client.edit('n', { value: 2 });
    await client.settle();
    assert.deepEqual(calls.sort(), [0, 1], 'every item of the new list, once');
    calls.length = 0;
    client.edit('n', { value: 2 });
    client.edit('label', { value: 'M' });
    await client.settle();
    assert.deepEqual(calls.sort(), [0, 1], 'a string-id input fires every MATCH instance');
    assert.equal(client.prop({ type: 'item', index: 1 }, 'children'), 'M1');
  });
});

test('C031: removing components matched by an ALL input re-fires it with the shorter list, down to []', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'n', value: 3 }), html.Div({ id: 'list' }), html.Div({ id: 'sum' })]);
  app.callback(Output('list', 'children'), Input('n', 'value'), (n) =>
    Array.from({ length: Number(n) }, (_, i) => dcc.Input({ id: { type: 'num', index: i }, value: i + 1 })),
  );
  const seen: unknown[] = [];
  app.callback(Output('sum', 'children'), Input({ type: 'num', index: ALL }, 'value'), (values) => {
    seen.push(values);
    return (values as number[]).reduce((a, b) => a + b, 0);
  });
  await withApp(app, async (client) => {
    assert.equal(client.prop('sum', 'children'), 6);
    client.edit('n', { value: 1 });
    await client.settle();
    assert.deepEqual(seen.at(-1), [1]);
    assert.equal(client.prop('sum', 'children'), 1);
    client.edit('n', { value: 0 });
    await client.settle();
    assert.deepEqual(seen.at(-1), [], 'down to the empty list');
    assert.equal(client.prop('sum', 'children'), 0);
    assert.deepEqual(client.errors, []);
  });
});

test('C032: updating an array-of-components prop triggers only callbacks on that prop', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'go', value: 0 }),
    dcc.Checklist({ id: 'list', options: [{ label: 'plain', value: 'a' }], value: [] }),
    html.Div({ id: 'value-calls' }),
    html.Div({ id: 'options-calls' }),
  ]);
  app.callback(Output('list', 'options'), Input('go', 'value'), (n) => [
    { label: html.Span({ id: 'label-a', children: `A${String(n)}` }), value: 'a' },
    { label: html.Span({ id: 'label-b', children: 'B' }), value: 'b' },
  ]);
  let valueCalls = 0;
  app.callback(Output('value-calls', 'children'), Input('list', 'value'), () => ++valueCalls);
  let optionCalls = 0;
  app.callback(Output('options-calls', 'children'), Input('list', 'options'), () => ++optionCalls);
  await withApp(app, async (client) => {
    assert.equal(valueCalls, 1);
    const before = optionCalls;
    client.edit('go', { value: 1 });
    await client.settle();
    assert.equal(valueCalls, 1, 'the other props of the component do not fire');
    assert.equal(optionCalls, before + 1);
  });
});

test('C033: components inside component-valued props (not only children) are addressable', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Checklist({
      id: 'list',
      options: [
        { label: html.Span({ id: 'label-in', children: 'static' }), value: 'a' },
        { label: dcc.Input({ id: 'label-input', value: 'typed' }), value: 'b' },
      ],
      value: [],
    }),
    dcc.Input({ id: 'src', value: 'from src' }),
    html.Div({ id: 'out' }),
  ]);
  app.callback(Output('label-in', 'children'), Input('src', 'value'), (v) => `label: ${String(v)}`);
  app.callback(Output('out', 'children'), Input('label-input', 'value'), (v) => `input: ${String(v)}`);
  await withApp(app, async (client) => {
    assert.equal(client.prop('label-in', 'children'), 'label: from src');
    assert.equal(client.prop('out', 'children'), 'input: typed');
    client.edit('label-input', { value: 'edited' });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'input: edited');
  });
});

test('C035: a response for a callback whose outputs were removed meanwhile is discarded silently', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'slow-in', value: 0 }),
    dcc.Input({ id: 'remove', value: 0 }),
    html.Div({ id: 'holder', children: html.Div({ id: 'target', children: 'initial' }) }),
  ]);
  let release: (() => void) | undefined;
  let finished = 0;
  app.callback(
    Output('target', 'children'),
    Input('slow-in', 'value'),
    async (v) => {
      await new Promise<void>((resolve) => (release = resolve));
      finished += 1;
      return `slow ${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(Output('holder', 'children'), Input('remove', 'value'), () => 'gone', { prevent_initial_call: true });
  await withApp(app, async (client) => {
    client.edit('slow-in', { value: 1 });
    await until(() => release !== undefined);
    client.edit('remove', { value: 1 });
    await until(() => client.prop('holder', 'children') === 'gone');
    release?.();
    await client.settle();
    assert.equal(finished, 1, 'the server still ran it');
    assert.equal(client.prop('holder', 'children'), 'gone');
    assert.equal(client.runtime.store.has('target'), false);
    assert.deepEqual(client.errors, []);
  });
});

test('C034 ADR 0015: a component returned by a callback comes back fresh: edits made since are gone', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'redraw', n_clicks: 0 }), html.Div({ id: 'holder' })]);
  app.callback(Output('holder', 'children'), Input('redraw', 'n_clicks'), () =>
    html.Div({ id: 'box', children: [dcc.Input({ id: 'field', value: 'same' })] }),
  );
  const browser = await launchBrowser();
  const served = await serveApp(app);
  try {
    const opened = await openPage(browser, served.url);
    const { page } = opened;
    try {
      await page.waitForSelector('#field');
      await page.fill('#field', 'typed by the user');
      await page.click('#redraw');
      await page.waitForFunction(() => (document.getElementById('field') as HTMLInputElement).value === 'same');
      assert.equal(await page.inputValue('#field'), 'same');
    } finally {
      await opened.close();
    }
  } finally {
    await served.close();
    await browser.close();
  }
});

test('C036: callbacks registered inside an _allow_dynamic_callbacks callback work after its answer, without initial calls', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'make', n_clicks: 0, children: 'make' }),
    html.Div({ id: 'slot' }),
    html.Button({ id: 'existing', n_clicks: 0, children: 'existing' }),
    html.Div({ id: 'existing-out', children: 'untouched' }),
  ]);
  let dynamicCalls = 0;
  let registered = false;
  app.callback(
    Output('slot', 'children'),
    Input('make', 'n_clicks'),
    () => {
      if (!registered) {
        registered = true;
        // With an element it creates, and on components that were already there.
        app.callback(Output('dyn-out', 'children'), Input('dyn-btn', 'n_clicks'), (n) => {
          dynamicCalls += 1;
          return `dynamic ${String(n)}`;
        });
        app.callback(Output('existing-out', 'children'), Input('existing', 'n_clicks'), (n) => `existing ${String(n)}`);
      }
      return [
        html.Button({ id: 'dyn-btn', n_clicks: 0, children: 'dyn' }),
        html.Div({ id: 'dyn-out', children: 'new' }),
      ];
    },
    { prevent_initial_call: true, _allow_dynamic_callbacks: true },
  );
  const browser = await launchBrowser();
  const served = await serveApp(app, { debug: true });
  try {
    const opened = await openPage(browser, served.url);
    const { page } = opened;
    try {
      await page.waitForSelector('#make');
      const deps = page.waitForResponse((r) => r.url().endsWith('_dash-dependencies'));
      await page.click('#make');
      await deps;
      await page.waitForSelector('#dyn-btn');
      assert.equal(await page.textContent('#dyn-out'), 'new', 'no initial call for the new callback');
      await page.click('#dyn-btn');
      await page.waitForFunction(() => document.getElementById('dyn-out')?.textContent === 'dynamic 1');
      await page.click('#existing');
      await page.waitForFunction(() => document.getElementById('existing-out')?.textContent === 'existing 1');
      assert.equal(dynamicCalls, 1);
      assert.deepEqual(opened.problems.pageErrors, []);
    } finally {
      await opened.close();
    }
  } finally {
    await served.close();
    await browser.close();
  }
});

test('C037 ADR 0010: a component type first used in a callback answer has its view loaded before it renders', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'show', n_clicks: 0, children: 'show' }), html.Div({ id: 'slot' })]);
  app.callback(
    Output('slot', 'children'),
    Input('show', 'n_clicks'),
    () => dcc.Markdown({ id: 'md', children: 'some **bold** text' }),
    { prevent_initial_call: true, _allow_dynamic_callbacks: true },
  );
  const browser = await launchBrowser();
  const served = await serveApp(app);
  try {
    const opened = await openPage(browser, served.url);
    const { page } = opened;
    try {
      await page.waitForSelector('#show');
      assert.equal(await page.$('#md'), null);
      await page.click('#show');
      await page.waitForSelector('#md strong');
      assert.equal(await page.textContent('#md strong'), 'bold');
      assert.deepEqual(opened.problems.pageErrors, []);
    } finally {
      await opened.close();
    }
  } finally {
    await served.close();
    await browser.close();
  }
});
