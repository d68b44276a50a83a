// Checklist "Pattern matching" (spec/callbacks.md §3, §15), driven in process by our renderer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL, ALLSMALLER, ctx, Dash, dcc, html, Input, MATCH, Output, setProps, State } from 'dash-ts';
import { withApp } from './harness.js';

test('C059: a MATCH callback runs once per instance, then only for the triggering instance', async () => {
  const app = new Dash();
  app.layout = html.Div(
    [1, 2, 3].flatMap((i) => [
      dcc.Input({ id: { type: 'in', index: i }, value: `v${i}` }),
      html.Div({ id: { type: 'out', index: i } }),
    ]),
  );
  const calls: unknown[] = [];
  app.callback(Output({ type: 'out', index: MATCH }, 'children'), Input({ type: 'in', index: MATCH }, 'value'), (v) => {
    calls.push(v);
    return `got ${String(v)}`;
  });
  await withApp(app, async (client) => {
    assert.deepEqual([...calls].sort(), ['v1', 'v2', 'v3']);
    calls.length = 0;
    client.edit({ type: 'in', index: 2 }, { value: 'x' });
    await client.settle();
    assert.deepEqual(calls, ['x']);
    assert.equal(client.prop({ type: 'out', index: 2 }, 'children'), 'got x');
    assert.equal(client.prop({ type: 'out', index: 1 }, 'children'), 'got v1');
  });
});

test('C060: ALL values arrive in layout order, kept after a partial subtree update', async () => {
  const app = new Dash();
  // Layout order differs from index order on purpose.
  app.layout = html.Div([
    html.Div({ id: 'first', children: [dcc.Input({ id: { type: 'n', index: 3 }, value: 'c' })] }),
    html.Div({ id: 'middle', children: [dcc.Input({ id: { type: 'n', index: 1 }, value: 'a' })] }),
    dcc.Input({ id: { type: 'n', index: 2 }, value: 'b' }),
    dcc.Input({ id: 'swap', value: 0 }),
    html.Div({ id: 'all' }),
  ]);
  app.callback(Output('all', 'children'), Input({ type: 'n', index: ALL }, 'value'), (values) => {
    const ids = ctx.inputs_list[0] as unknown as { id: { index: number } }[];
    return `${(values as string[]).join('')}:${ids.map((i) => i.id.index).join('')}`;
  });
  app.callback(
    Output('middle', 'children'),
    Input('swap', 'value'),
    (n) => [
      dcc.Input({ id: { type: 'n', index: 1 }, value: `a${String(n)}` }),
      dcc.Input({ id: { type: 'n', index: 9 }, value: 'z' }),
    ],
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    assert.equal(client.prop('all', 'children'), 'cab:312');
    client.edit('swap', { value: 1 });
    await client.settle();
    assert.equal(client.prop('all', 'children'), 'ca1zb:3192', 'the rebuilt subtree keeps its place');
  });
});

test('C061: ALLSMALLER delivers the values of components with smaller keys, in numeric order for numbers', async () => {
  const app = new Dash();
  const indexes = [10, 2, 1];
  app.layout = html.Div(
    indexes.flatMap((i) => [
      dcc.Input({ id: { type: 'n', index: i }, value: i }),
      html.Div({ id: { type: 'sum', index: i } }),
    ]),
  );
  app.callback(
    Output({ type: 'sum', index: MATCH }, 'children'),
    Input({ type: 'n', index: ALLSMALLER }, 'value'),
    Input({ type: 'n', index: MATCH }, 'value'),
    (smaller, own) => `${(smaller as number[]).join('+')}|${String(own)}`,
  );
  await withApp(app, async (client) => {
    // Layout order of the smaller ones: 2 then 1 for index 10 (numeric, not "10" < "2").
    assert.equal(client.prop({ type: 'sum', index: 10 }, 'children'), '2+1|10');
    assert.equal(client.prop({ type: 'sum', index: 2 }, 'children'), '1|2');
    assert.equal(client.prop({ type: 'sum', index: 1 }, 'children'), '|1');
    const before = client.requests.length;
    client.edit({ type: 'n', index: 2 }, { value: 20 });
    await client.settle();
    assert.equal(client.requests.length - before, 2, 'index 2 itself (MATCH) and index 10 (ALLSMALLER)');
    assert.equal(client.prop({ type: 'sum', index: 10 }, 'children'), '20+1|10');
    assert.equal(client.prop({ type: 'sum', index: 2 }, 'children'), '1|20');
  });
});

test('C062: an initial MATCH/ALLSMALLER chain runs each instance once; an ALL aggregator once per wave', async () => {
  // test_cbwc005 in small: n rows; each row's running total reads the smaller rows; a total reads ALL.
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'rows', value: 3 }), html.Div({ id: 'table' }), html.Div({ id: 'total' })]);
  const calls = { row: 0, running: 0, total: 0 };
  app.callback(Output('table', 'children'), Input('rows', 'value'), (n) =>
    Array.from({ length: Number(n) }, (_, i) =>
      html.Div([html.Div({ id: { type: 'cell', index: i } }), html.Div({ id: { type: 'running', index: i } })]),
    ),
  );
  app.callback(
    Output({ type: 'cell', index: MATCH }, 'children'),
    Input({ type: 'cell', index: MATCH }, 'id'),
    (id) => {
      calls.row += 1;
      return (id as { index: number }).index + 1;
    },
  );
  app.callback(
    Output({ type: 'running', index: MATCH }, 'children'),
    Input({ type: 'cell', index: ALLSMALLER }, 'children'),
    Input({ type: 'cell', index: MATCH }, 'children'),
    (smaller, own) => {
      calls.running += 1;
      return (smaller as number[]).reduce((a, b) => a + b, Number(own));
    },
  );
  app.callback(Output('total', 'children'), Input({ type: 'cell', index: ALL }, 'children'), (values) => {
    calls.total += 1;
    return (values as number[]).reduce((a, b) => a + b, 0);
  });
  await withApp(app, async (client) => {
    assert.deepEqual(calls, { row: 3, running: 3, total: 2 }, 'total: once at load ([]), once for the table wave');
    assert.equal(client.prop('total', 'children'), 6);
    assert.equal(client.prop({ type: 'running', index: 2 }, 'children'), 6);
    calls.row = calls.running = calls.total = 0;
    client.edit('rows', { value: 4 });
    await client.settle();
    assert.deepEqual(calls, { row: 4, running: 4, total: 1 });
    assert.equal(client.prop('total', 'children'), 10);
  });
});

test('C063: an ALL-only-output callback with zero matches is not called; with an extra existing output it gets []', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'v' }), html.Div({ id: 'fixed' })]);
  const calls: string[] = [];
  app.callback(Output({ type: 'none', index: ALL }, 'children'), Input('in', 'value'), () => {
    calls.push('all-only');
    return [];
  });
  app.callback(
    [Output({ type: 'none2', index: ALL }, 'children'), Output('fixed', 'children')],
    Input('in', 'value'),
    (v) => {
      const [allOut] = ctx.outputs_list as unknown[][];
      calls.push(`mixed ${JSON.stringify(allOut)}`);
      return [[], `fixed ${String(v)}`];
    },
  );
  await withApp(app, async (client) => {
    client.edit('in', { value: 'w' });
    await client.settle();
    assert.deepEqual(calls, ['mixed []', 'mixed []']);
    assert.equal(client.prop('fixed', 'children'), 'fixed w');
    assert.deepEqual(client.errors, []);
  });
});

test('C064: MATCH and ALL outputs together resolve per MATCH group', async () => {
  const app = new Dash();
  app.layout = html.Div(
    [1, 2].flatMap((g) => [
      dcc.Input({ id: { group: g, kind: 'in' }, value: `g${g}` }),
      html.Div({ id: { group: g, kind: 'title' } }),
      ...[1, 2, 3].slice(0, g + 1).map((c) => html.Div({ id: { group: g, kind: 'cell', col: c } })),
    ]),
  );
  app.callback(
    [Output({ group: MATCH, kind: 'title' }, 'children'), Output({ group: MATCH, kind: 'cell', col: ALL }, 'children')],
    Input({ group: MATCH, kind: 'in' }, 'value'),
    (v) => {
      const [, cells] = ctx.outputs_list as [unknown, { id: { col: number } }[]];
      return [`title ${String(v)}`, cells.map((c) => `${String(v)}-${c.id.col}`)];
    },
  );
  await withApp(app, async (client) => {
    assert.equal(client.prop({ group: 1, kind: 'title' }, 'children'), 'title g1');
    assert.equal(client.prop({ group: 1, kind: 'cell', col: 2 }, 'children'), 'g1-2');
    assert.equal(client.prop({ group: 2, kind: 'cell', col: 3 }, 'children'), 'g2-3');
    client.edit({ group: 2, kind: 'in' }, { value: 'x' });
    await client.settle();
    assert.equal(client.prop({ group: 2, kind: 'cell', col: 1 }, 'children'), 'x-1');
    assert.equal(client.prop({ group: 1, kind: 'cell', col: 1 }, 'children'), 'g1-1');
    assert.deepEqual(client.errors, []);
  });
});

test('C065 C066: triggered prop ids use the sorted compact stringified id; triggered_id is a dict', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: { type: 'btn', index: 'é.1', a: true }, n_clicks: 0 }),
    html.Div({ id: 'out' }),
  ]);
  const seen: { propIds: string[]; id: unknown }[] = [];
  app.callback(Output('out', 'children'), Input({ type: 'btn', index: ALL, a: ALL }, 'n_clicks'), () => {
    seen.push({ propIds: ctx.triggered.map((t) => t.prop_id), id: ctx.triggered_id });
    return 'ok';
  });
  await withApp(app, async (client) => {
    client.edit({ type: 'btn', index: 'é.1', a: true }, { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(seen.at(-1), {
      propIds: ['{"a":true,"index":"é.1","type":"btn"}.n_clicks'],
      id: { a: true, index: 'é.1', type: 'btn' },
    });
    assert.deepEqual(client.requests.at(-1)?.changedPropIds, ['{"a":true,"index":"é.1","type":"btn"}.n_clicks']);
  });
});

test('C067 C069: MATCH Inputs with a fixed Output fire per trigger; MATCH State follows the trigger; no validation errors', async () => {
  const app = new Dash();
  app.layout = html.Div([
    ...[1, 2].flatMap((i) => [
      html.Button({ id: { type: 'btn', index: i }, n_clicks: 0 }),
      dcc.Input({ id: { type: 'name', index: i }, value: `name${i}` }),
    ]),
    html.Div({ id: 'log' }),
  ]);
  const seen: string[] = [];
  app.callback(
    Output('log', 'children'),
    Input({ type: 'btn', index: MATCH }, 'n_clicks'),
    State({ type: 'name', index: MATCH }, 'value'),
    (n, name) => {
      seen.push(`${String(name)}:${String(n)}`);
      return `${String(name)} clicked ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit({ type: 'btn', index: 1 }, { n_clicks: 1 });
    client.edit({ type: 'btn', index: 2 }, { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(seen.sort(), ['name1:1', 'name2:1'], 'two instances; neither supersedes the other');
    client.edit({ type: 'btn', index: 2 }, { n_clicks: 2 });
    await client.settle();
    assert.equal(client.prop('log', 'children'), 'name2 clicked 2');
    assert.deepEqual(client.errors, []);
  });
});

test('C068: a MATCH Input with no Output drives its own row through setProps on the triggered id', async () => {
  const app = new Dash();
  app.layout = html.Div(
    [1, 2].flatMap((i) => [
      html.Button('go', { id: { type: 'btn', index: i }, n_clicks: 0 }),
      html.Div({ id: { type: 'label', index: i }, children: 'idle' }),
    ]),
  );
  const calls: unknown[] = [];
  app.callback(
    Input({ type: 'btn', index: MATCH }, 'n_clicks'),
    State({ type: 'label', index: MATCH }, 'children'),
    (clicks, label) => {
      calls.push([clicks, label]);
      if (!clicks) return;
      const id = ctx.triggered_id as { index: number };
      setProps({ type: 'label', index: id.index }, { children: `clicked ${Number(clicks)} (was ${String(label)})` });
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    assert.deepEqual(calls, [], 'prevented initially');
    client.edit({ type: 'btn', index: 2 }, { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(calls, [[1, 'idle']], 'one call, with the MATCH State of the triggering row');
    assert.equal(client.prop({ type: 'label', index: 2 }, 'children'), 'clicked 1 (was idle)');
    assert.equal(client.prop({ type: 'label', index: 1 }, 'children'), 'idle', 'the other row is untouched');
    client.edit({ type: 'btn', index: 1 }, { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop({ type: 'label', index: 1 }, 'children'), 'clicked 1 (was idle)');
    assert.deepEqual(client.errors, []);
  });
});

test('C075: args_grouping and outputs_grouping have the documented structure, ALL leaves as lists', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: { type: 'item', index: 0 }, value: 'a' }),
    dcc.Input({ id: { type: 'item', index: 1 }, value: 'b' }),
    dcc.Input({ id: 'note', value: 'n' }),
    html.Div({ id: 'one' }),
    html.Div({ id: 'two' }),
  ]);
  const seen: { args: unknown; outputs: unknown; using: [boolean, boolean] }[] = [];
  app.callback(
    [Output('one', 'children'), Output('two', 'children')],
    Input({ type: 'item', index: ALL }, 'value'),
    State('note', 'value'),
    () => {
      seen.push({
        args: ctx.args_grouping,
        outputs: ctx.outputs_grouping,
        using: [ctx.using_args_grouping, ctx.using_outputs_grouping],
      });
      return ['1', '2'];
    },
  );
  await withApp(app, async (client) => {
    client.edit({ type: 'item', index: 1 }, { value: 'B' });
    await client.settle();
    assert.deepEqual(seen.at(-1), {
      args: [
        [
          {
            id: { index: 0, type: 'item' },
            property: 'value',
            value: 'a',
            str_id: '{"index":0,"type":"item"}',
            triggered: false,
          },
          {
            id: { index: 1, type: 'item' },
            property: 'value',
            value: 'B',
            str_id: '{"index":1,"type":"item"}',
            triggered: true,
          },
        ],
        { id: 'note', property: 'value', value: 'n', str_id: 'note', triggered: false },
      ],
      outputs: [
        { id: 'one', property: 'children' },
        { id: 'two', property: 'children' },
      ],
      using: [false, false],
    });
  });
});
