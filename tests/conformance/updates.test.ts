// Checklist "no_update / PreventUpdate / Patch / set_props / running" plus C040, C050, C072–C074
// (spec/callbacks.md §5.1–§5.4, §1.9, §3.8), driven in process by our renderer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ALL,
  Dash,
  DashError,
  dcc,
  html,
  Input,
  MATCH,
  NoUpdate,
  noUpdate,
  Output,
  Patch,
  PreventUpdate,
  setProps,
  State,
} from 'dash-ts';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';
import { withApp } from './harness.js';

/** A promise resolved from outside: lets a test look at the page while a callback is in flight. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('C085: noUpdate in one slot of a multi-output return skips only that output (a copy too)', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'start' }),
    html.Div({ id: 'a', children: 'a0' }),
    html.Div({ id: 'b', children: 'b0' }),
    html.Div({ id: 'c', children: 'c0' }),
    html.Div({ id: 'after-a' }),
  ]);
  let afterA = 0;
  app.callback(
    [Output('a', 'children'), Output('b', 'children'), Output('c', 'children')],
    Input('in', 'value'),
    (v) => [noUpdate, `b:${String(v)}`, new NoUpdate()],
    { prevent_initial_call: true },
  );
  app.callback(Output('after-a', 'children'), Input('a', 'children'), (a) => {
    afterA += 1;
    return String(a);
  });
  await withApp(app, async (client) => {
    assert.equal(afterA, 1, 'initial call only');
    client.edit('in', { value: 'x' });
    await client.settle();
    assert.equal(client.prop('a', 'children'), 'a0');
    assert.equal(client.prop('b', 'children'), 'b:x');
    assert.equal(client.prop('c', 'children'), 'c0');
    assert.equal(afterA, 1, 'a skipped output triggers nothing');
    assert.deepEqual(client.responses.at(-1)?.body, { multi: true, response: { b: { children: 'b:x' } } });
    assert.deepEqual(client.errors, []);
  });
});

test('C086: a single noUpdate for a multi-output callback skips every output without error', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'start' }),
    html.Div({ id: 'a', children: 'a0' }),
    html.Div({ id: 'b', children: 'b0' }),
  ]);
  app.callback([Output('a', 'children'), Output('b', 'children')], Input('in', 'value'), () => noUpdate);
  await withApp(app, async (client) => {
    client.edit('in', { value: 'x' });
    await client.settle();
    assert.equal(client.prop('a', 'children'), 'a0');
    assert.equal(client.prop('b', 'children'), 'b0');
    assert.equal(client.responses.at(-1)?.status, 200);
    assert.deepEqual(client.responses.at(-1)?.body, { multi: true, response: {} });
    assert.deepEqual(client.errors, []);
  });
});

test('C087 C050: PreventUpdate and noUpdate in a user-triggered callback are no error and trigger no dependants', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'start' }),
    html.Div({ id: 'out', children: 'kept' }),
    html.Div({ id: 'down' }),
  ]);
  let down = 0;
  app.callback(
    Output('out', 'children'),
    Input('in', 'value'),
    (v) => {
      if (v === 'prevent') throw new PreventUpdate();
      if (v === 'skip') return noUpdate;
      return `out:${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output('down', 'children'),
    Input('out', 'children'),
    (o) => {
      down += 1;
      return `down:${String(o)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('in', { value: 'prevent' });
    await client.settle();
    assert.equal(client.responses.at(-1)?.status, 204);
    client.edit('in', { value: 'skip' });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'kept');
    assert.equal(down, 0, 'no dependant ran');
    assert.deepEqual(client.errors, [], 'PreventUpdate is not an error');
    client.edit('in', { value: 'go' });
    await client.settle();
    assert.equal(client.prop('down', 'children'), 'down:out:go');
  });
});

test('C040: an output triggers its dependants even when its value did not change', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: '1' }), html.Div({ id: 'same' }), html.Div({ id: 'count' })]);
  let count = 0;
  app.callback(Output('same', 'children'), Input('in', 'value'), () => 'always the same');
  app.callback(Output('count', 'children'), Input('same', 'children'), () => {
    count += 1;
    return count;
  });
  await withApp(app, async (client) => {
    assert.equal(count, 1);
    client.edit('in', { value: '2' });
    await client.settle();
    client.edit('in', { value: '3' });
    await client.settle();
    assert.equal(count, 3, 'the dependant ran for every (unchanged) output');
    assert.equal(client.prop('count', 'children'), 3);
  });
});

test('C088: every Patch operation, both builder forms, negative indices, and the operator forms', async () => {
  const app = new Dash();
  const initial = { value: 'unset', n_clicks: 0, array: ['initial'], delete: 'Delete me', text: 'ab', obj: { a: 1 } };
  app.layout = html.Div([dcc.Input({ id: 'op' }), dcc.Store({ id: 'store', data: initial })]);
  // Python's forms: p.value = v; p.array.append(...); p.n_clicks += 1; p.text += 'c'; p.obj |= {...}; p.array += [...]
  const ops: Record<string, () => Patch> = {
    set: () => new Patch().assign(['value'], 'Set Value').add(['n_clicks'], 1),
    append: () => {
      const p = new Patch();
      p.at('array').append('Append');
      p.at('n_clicks').add(1);
      return p;
    },
    prepend: () => new Patch().prepend(['array'], 'Prepend'),
    extend: () => new Patch().extend(['array'], ['Extend']),
    merge: () => new Patch().merge([], { merged: 'Merged' }),
    delete: () => new Patch().delete(['delete']),
    insert: () => new Patch().insert(['array'], 1, 'Inserted'),
    insertNegative: () => new Patch().insert(['array'], -1, 'Negative'),
    deleteIndex: () => new Patch().delete(['array', 1]).delete(['array', -2]),
    reverse: () => new Patch().reverse(['array']),
    remove: () => new Patch().remove(['array'], 'initial'),
    operators: () => {
      const p = new Patch();
      p.at('n_clicks').add(10).sub(2).mul(3).div(4); // ((2 + 10 - 2) * 3) / 4
      p.at('text').add('c');
      p.at('obj').merge({ b: 2 });
      return p;
    },
    clear: () => new Patch().clear(['array']).clear(['text']).clear(['obj']),
  };
  app.callback(Output('store', 'data'), Input('op', 'value'), (op) => ops[String(op)]?.() ?? noUpdate, {
    prevent_initial_call: true,
  });
  await withApp(app, async (client) => {
    const data = (): Record<string, unknown> => client.prop('store', 'data') as Record<string, unknown>;
    const run = async (op: string): Promise<void> => {
      client.edit('op', { value: op });
      await client.settle();
    };
    await run('set');
    assert.equal(data()['value'], 'Set Value');
    assert.equal(data()['n_clicks'], 1);
    await run('append');
    assert.deepEqual(data()['array'], ['initial', 'Append']);
    await run('prepend');
    await run('extend');
    assert.deepEqual(data()['array'], ['Prepend', 'initial', 'Append', 'Extend']);
    assert.equal(data()['merged'], undefined);
    await run('merge');
    assert.equal(data()['merged'], 'Merged');
    await run('delete');
    assert.equal('delete' in data(), false);
    await run('insert');
    assert.deepEqual(data()['array'], ['Prepend', 'Inserted', 'initial', 'Append', 'Extend']);
    await run('insertNegative');
    assert.deepEqual(data()['array'], ['Prepend', 'Inserted', 'initial', 'Append', 'Negative', 'Extend']);
    await run('deleteIndex');
    assert.deepEqual(data()['array'], ['Prepend', 'initial', 'Append', 'Extend']);
    await run('reverse');
    assert.deepEqual(data()['array'], ['Extend', 'Append', 'initial', 'Prepend']);
    await run('remove');
    assert.deepEqual(data()['array'], ['Extend', 'Append', 'Prepend']);
    await run('operators');
    assert.equal(data()['n_clicks'], 7.5);
    assert.equal(data()['text'], 'abc');
    assert.deepEqual(data()['obj'], { a: 1, b: 2 });
    await run('clear');
    assert.deepEqual([data()['array'], data()['text'], data()['obj']], [[], '', {}]);
    // The wire form is Dash's, exactly.
    const lastPatch = (client.responses.at(-1)?.body as { response: { store: { data: unknown } } }).response.store.data;
    assert.deepEqual(lastPatch, {
      __dash_patch_update: '__dash_patch_update',
      operations: [
        { operation: 'Clear', location: ['array'], params: {} },
        { operation: 'Clear', location: ['text'], params: {} },
        { operation: 'Clear', location: ['obj'], params: {} },
      ],
    });
    assert.deepEqual(client.errors, []);
  });
});

test('C088: by type, a Patch is accepted wherever the output value is (and noUpdate beside it)', () => {
  const app = new Dash();
  const store = dcc.Store({ id: 'st', data: { a: 1 } });
  const name = dcc.Input({ id: 'nm', value: 'x' });
  app.callback(Output(store, 'data'), Input(name, 'value'), () => new Patch().assign(['a'], 2));
  app.callback(
    [Output(name, 'value', { allow_duplicate: true }), Output(store, 'data', { allow_duplicate: true })],
    Input(store, 'data'),
    () => [noUpdate, new Patch().merge([], { b: 2 })] as const,
    { prevent_initial_call: true },
  );
  // @ts-expect-error a Patch does not widen the output's type: n_submit is a number
  app.callback(Output(name, 'n_submit'), Input(name, 'value'), () => 'text');
  assert.equal(app.registry.size, 3);
});

test('C089: appending a component with a Patch keeps the children and the new one is addressable', async () => {
  const app = new Dash({ suppress_callback_exceptions: true }); // 'second' appears later
  app.layout = html.Div([
    html.Button({ id: 'add', children: 'add' }),
    html.Div({ id: 'list', children: [html.Div({ id: 'first', children: 'first' })] }),
    html.Div({ id: 'log' }),
  ]);
  app.callback(
    Output('list', 'children'),
    Input('add', 'n_clicks'),
    () => {
      const p = new Patch();
      p.at().append(dcc.Input({ id: 'second', value: 'new' }));
      return p;
    },
    { prevent_initial_call: true },
  );
  app.callback(Output('log', 'children'), Input('second', 'value'), (v) => `second says ${String(v)}`, {
    prevent_initial_call: true,
  });
  await withApp(app, async (client) => {
    client.edit('add', { n_clicks: 1 });
    await client.settle();
    const children = client.prop('list', 'children') as { props: { id: string } }[];
    assert.deepEqual(
      children.map((c) => c.props.id),
      ['first', 'second'],
    );
    client.edit('second', { value: 'typed' });
    await client.settle();
    assert.equal(client.prop('log', 'children'), 'second says typed');
    assert.deepEqual(client.errors, []);
  });
});

test('C073: a Patch per item of an ALL output, with noUpdate for one item', async () => {
  const app = new Dash();
  const row = (i: number): ReturnType<typeof dcc.Store> => dcc.Store({ id: { type: 'row', index: i }, data: [i] });
  app.layout = html.Div([html.Button({ id: 'go' }), row(0), row(1), row(2)]);
  app.callback(
    Output({ type: 'row', index: ALL }, 'data'),
    Input('go', 'n_clicks'),
    () => [new Patch().append([], 'x'), noUpdate, new Patch().prepend([], 'y')],
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('go', { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(client.prop({ type: 'row', index: 0 }, 'data'), [0, 'x']);
    assert.deepEqual(client.prop({ type: 'row', index: 1 }, 'data'), [1]);
    assert.deepEqual(client.prop({ type: 'row', index: 2 }, 'data'), ['y', 2]);
    assert.deepEqual(client.errors, []);
  });
});

test('C074 C093 C091 C092: setProps with dict ids, merged calls, Patch values, beside the outputs', async () => {
  const app = new Dash();
  const target = { type: 'target', index: 1 };
  app.layout = html.Div([
    html.Button({ id: 'go' }),
    html.Div({ id: 'out' }),
    html.Div({ id: target, children: 'before', title: 'old' }),
    dcc.Store({ id: 'store', data: { list: [1] } }),
    html.Div({ id: 'watch' }),
  ]);
  let watched = 0;
  app.callback(
    Output('out', 'children'),
    Input('go', 'n_clicks'),
    (n) => {
      setProps(target, { children: 'after' });
      setProps(target, { title: 'new' }); // merged with the call above (C093)
      setProps('store', { data: new Patch().append(['list'], 2) });
      return `clicked ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(Output('watch', 'children'), Input(target, 'children'), (c) => {
    watched += 1;
    return `saw ${String(c)}`;
  });
  await withApp(app, async (client) => {
    client.edit('go', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'clicked 1');
    assert.equal(client.prop(target, 'children'), 'after');
    assert.equal(client.prop(target, 'title'), 'new');
    assert.deepEqual(client.prop('store', 'data'), { list: [1, 2] });
    assert.equal(client.prop('watch', 'children'), 'saw after', 'a side update fires the dependants');
    assert.equal(watched, 2);
    const withSide = client.responses.find(
      (r) => typeof r.body === 'object' && r.body !== null && 'sideUpdate' in r.body,
    );
    const sideUpdate = (withSide?.body as { sideUpdate: Record<string, unknown> }).sideUpdate;
    assert.deepEqual(sideUpdate['{"index":1,"type":"target"}'], { children: 'after', title: 'new' });
    assert.deepEqual(Object.keys(sideUpdate), ['{"index":1,"type":"target"}', 'store']);
    assert.deepEqual(client.errors, []);
  });
});

test('C074: setProps with wildcard dict ids: ALL reaches every match, MATCH the triggering row', async () => {
  const app = new Dash();
  const rows = [0, 1, 2];
  app.layout = html.Div(
    rows.map((i) =>
      html.Div([
        html.Button({ id: { type: 'btn', index: i } }),
        html.Div({ id: { type: 'mine', index: i }, children: '-' }),
        html.Div({ id: { type: 'every', index: i }, children: '-' }),
      ]),
    ),
  );
  app.callback(
    Output({ type: 'mine', index: MATCH }, 'title'),
    Input({ type: 'btn', index: MATCH }, 'n_clicks'),
    (n) => {
      setProps({ type: 'mine', index: MATCH }, { children: `clicked ${String(n)}` });
      setProps({ type: 'every', index: ALL }, { children: 'all' });
      return 'done';
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit({ type: 'btn', index: 2 }, { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(
      rows.map((i) => client.prop({ type: 'mine', index: i }, 'children')),
      ['-', '-', 'clicked 1'],
    );
    assert.deepEqual(
      rows.map((i) => client.prop({ type: 'every', index: i }, 'children')),
      ['all', 'all', 'all'],
    );
    assert.deepEqual(client.errors, []);
  });
});

test('C094: a callback without Output drives the page through setProps', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'shown' })]);
  app.callback(Input('in', 'value'), (v: unknown) => {
    setProps('shown', { children: `value is ${String(v)}` });
  });
  await withApp(app, async (client) => {
    assert.equal(client.prop('shown', 'children'), 'value is a');
    client.edit('in', { value: 'b' });
    await client.settle();
    assert.equal(client.prop('shown', 'children'), 'value is b');
    assert.deepEqual(client.errors, []);
  });
});

test('C095: a component inserted by setProps works as an (optional) Input', async () => {
  const app = new Dash(); // no suppress_callback_exceptions: the optional Input is exempt from "ID not found"
  app.layout = html.Div([html.Button({ id: 'make' }), html.Div({ id: 'slot' }), html.Div({ id: 'log' })]);
  app.callback(
    Output('log', 'children'),
    Input('make', 'n_clicks'),
    () => {
      setProps('slot', { children: html.Button({ id: 'made', children: 'new button' }) });
      return 'made';
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output('log', 'children', { allow_duplicate: true }),
    Input('made', 'n_clicks', { allow_optional: true }),
    (n) => `made clicked ${String(n)}`,
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('make', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('log', 'children'), 'made');
    client.edit('made', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('log', 'children'), 'made clicked 1');
    assert.deepEqual(client.errors, []);
  });
});

test('C097: running sets values (components too) while the call is in flight and resets them after', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'go', children: 'Go' }),
    html.Div({ id: 'status', children: 'idle' }),
    html.Div({ id: 'out' }),
  ]);
  let release = gate();
  app.callback(
    Output('out', 'children'),
    Input('go', 'n_clicks'),
    async (n) => {
      await release.wait;
      if (n === 2) throw new PreventUpdate();
      return `done ${String(n)}`;
    },
    {
      prevent_initial_call: true,
      running: [
        [Output('go', 'disabled'), true, false],
        [Output('status', 'children'), html.B({ id: 'busy', children: 'working' }), 'idle'],
      ],
    },
  );
  await withApp(app, async (client) => {
    const spec = (await client.server.inject({ url: '/_dash-dependencies' })).json<{ running?: unknown }[]>();
    assert.deepEqual(spec[0]?.running, {
      running: { 'go.disabled': true, 'status.children': html.B({ id: 'busy', children: 'working' }) },
      runningOff: { 'go.disabled': false, 'status.children': 'idle' },
    });
    client.edit('go', { n_clicks: 1 });
    await until(() => client.prop('go', 'disabled') === true, 'the running value');
    assert.equal((client.prop('status', 'children') as { type: string }).type, 'B');
    assert.equal(client.runtime.store.has('busy'), true, 'the component is in the layout');
    release.open();
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'done 1');
    assert.equal(client.prop('go', 'disabled'), false);
    assert.equal(client.prop('status', 'children'), 'idle');
    // Reset also after a PreventUpdate (204).
    release = gate();
    client.edit('go', { n_clicks: 2 });
    await until(() => client.prop('go', 'disabled') === true, 'the running value again');
    release.open();
    await client.settle();
    assert.equal(client.responses.at(-1)?.status, 204);
    assert.equal(client.prop('go', 'disabled'), false);
    assert.equal(client.prop('status', 'children'), 'idle');
    assert.deepEqual(client.errors, []);
  });
});

for (const suppress of [true, false]) {
  test(`C098: a missing running target is ${suppress ? 'silent when suppressed' : 'reported on and off in debug'} and the output still applies`, async () => {
    const app = new Dash({ suppress_callback_exceptions: suppress });
    app.layout = html.Div([html.Button({ id: 'go' }), html.Div({ id: 'out' })]);
    app.callback(Output('out', 'children'), Input('go', 'n_clicks'), (n) => `clicked ${String(n)}`, {
      prevent_initial_call: true,
      running: [Output('nowhere', 'children'), 'on', 'off'],
    });
    await withApp(app, async (client) => {
      client.edit('go', { n_clicks: 1 });
      await client.settle();
      assert.equal(client.prop('out', 'children'), 'clicked 1');
      if (suppress) assert.deepEqual(client.errors, []);
      else {
        assert.deepEqual(
          client.errors.map((e) => e.title),
          ['ID running component not found in layout', 'ID running component not found in layout'],
        );
        assert.match(client.errors[0]?.detail ?? '', /nowhere/);
      }
    });
  });
}

test('C072: running with MATCH changes the triggering row only; with ALL every row', async () => {
  const app = new Dash();
  const rows = [0, 1, 2];
  app.layout = html.Div(
    rows.map((i) =>
      html.Div([
        html.Button({ id: { type: 'btn', index: i } }),
        html.Div({ id: { type: 'flag', index: i }, children: 'off' }),
        html.Div({ id: { type: 'all', index: i }, children: 'off' }),
        html.Div({ id: { type: 'out', index: i } }),
      ]),
    ),
  );
  const release = gate();
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input({ type: 'btn', index: MATCH }, 'n_clicks'),
    async (n) => {
      await release.wait;
      return `clicked ${String(n)}`;
    },
    {
      prevent_initial_call: true,
      running: [
        [Output({ type: 'flag', index: MATCH }, 'children'), 'on', 'off'],
        [Output({ type: 'all', index: ALL }, 'children'), 'on', 'off'],
      ],
    },
  );
  await withApp(app, async (client) => {
    client.edit({ type: 'btn', index: 1 }, { n_clicks: 1 });
    await until(() => client.prop({ type: 'flag', index: 1 }, 'children') === 'on', 'the running value');
    assert.deepEqual(
      rows.map((i) => client.prop({ type: 'flag', index: i }, 'children')),
      ['off', 'on', 'off'],
    );
    assert.deepEqual(
      rows.map((i) => client.prop({ type: 'all', index: i }, 'children')),
      ['on', 'on', 'on'],
    );
    release.open();
    await client.settle();
    assert.equal(client.prop({ type: 'out', index: 1 }, 'children'), 'clicked 1');
    assert.deepEqual(
      rows.map((i) => [
        client.prop({ type: 'flag', index: i }, 'children'),
        client.prop({ type: 'all', index: i }, 'children'),
      ]),
      rows.map(() => ['off', 'off']),
    );
    assert.deepEqual(client.errors, []);
  });
});

function duplicateApp(): Dash {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'a' }), html.Button({ id: 'b' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('a', 'n_clicks'), (n) => `a ${String(n)}`, {
    prevent_initial_call: true,
  });
  app.callback(Output('out', 'children', { allow_duplicate: true }), Input('b', 'n_clicks'), (n) => `b ${String(n)}`, {
    prevent_initial_call: true,
  });
  return app;
}

test('C099: several callbacks writing one prop (allow_duplicate) each apply; ids survive a restart', async () => {
  const first = duplicateApp();
  const keys = first.registry.specs().map((s) => s.output);
  assert.match(keys[1] ?? '', /^out\.children@[0-9a-f]{64}$/);
  await withApp(first, async (client) => {
    client.edit('a', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'a 1');
    client.edit('b', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'b 1');
    client.edit('a', { n_clicks: 2 });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'a 2');
    assert.deepEqual(client.errors, []);
    // A page loaded before a restart keeps working: the restarted server knows the same ids.
    const restarted = await duplicateApp().server({ logger: false });
    try {
      assert.deepEqual(
        duplicateApp()
          .registry.specs()
          .map((s) => s.output),
        keys,
      );
      const request = client.requestsFor(keys[1] ?? '').at(-1);
      assert.ok(request, 'the duplicate callback was requested');
      const res = await restarted.inject({
        method: 'POST',
        url: '/_dash-update-component',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:80' },
        payload: JSON.stringify(request),
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { multi: true, response: { out: { children: 'b 1' } } });
    } finally {
      await restarted.close();
    }
  });
});

test('C100: allow_duplicate needs prevent_initial_call unless initial_duplicate; then both run initially', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'x', value: 'x' }),
    dcc.Input({ id: 'y', value: 'y' }),
    html.Div({ id: 'out' }),
  ]);
  assert.throws(
    () => app.callback(Output('out', 'children', { allow_duplicate: true }), Input('x', 'value'), (v) => String(v)),
    (error: unknown) =>
      error instanceof DashError &&
      error.code === 'DASH_ERR_DUPLICATE_CALLBACK' &&
      /^DuplicateCallback: Output out\.children has allow_duplicate/.test(error.message) &&
      /prevent_initial_call/.test(error.message) &&
      /initial_duplicate/.test(error.message),
  );
  const ran: string[] = [];
  app.callback(
    Output('out', 'children', { allow_duplicate: true }),
    Input('x', 'value'),
    (v) => {
      ran.push('x');
      return String(v);
    },
    { prevent_initial_call: 'initial_duplicate' },
  );
  app.callback(
    Output('out', 'children', { allow_duplicate: true }),
    Input('y', 'value'),
    State('x', 'value'),
    (v) => {
      ran.push('y');
      return String(v);
    },
    { prevent_initial_call: 'initial_duplicate' },
  );
  assert.deepEqual(
    app.registry.specs().map((s) => s.prevent_initial_call),
    [false, false],
    "'initial_duplicate' is sent as false",
  );
  await withApp(app, async (client) => {
    await client.settle();
    assert.deepEqual(ran.sort(), ['x', 'y'], 'both ran on load');
    assert.ok(['x', 'y'].includes(String(client.prop('out', 'children'))));
  });
  // App-wide: the same rule and the same escape hatch.
  const wide = new Dash({ prevent_initial_callbacks: 'initial_duplicate' });
  wide.layout = html.Div([dcc.Input({ id: 'x' }), html.Div({ id: 'out' })]);
  assert.doesNotThrow(() =>
    wide.callback(Output('out', 'children', { allow_duplicate: true }), Input('x', 'value'), () => 'ok'),
  );
  assert.equal(wide.registry.specs()[0]?.prevent_initial_call, false);
});

test('C088 ADR 0009: (bad input, issue 3) a Patch on a prop of the wrong type is a clear dev-tools error and changes nothing', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'go' }),
    html.Div({ id: 'text', children: 'a string' }),
    html.Div({ id: 'other', children: 'other' }),
    html.Div({ id: 'down' }),
  ]);
  let down = 0;
  app.callback(
    [Output('text', 'children'), Output('other', 'children')],
    Input('go', 'n_clicks'),
    () => [new Patch().append([], 'x'), 'other updated'] as const,
    { prevent_initial_call: true },
  );
  app.callback(
    Output('down', 'children'),
    Input('text', 'children'),
    () => {
      down += 1;
      return 'ran';
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('go', { n_clicks: 1 });
    await client.settle();
    assert.equal(client.prop('text', 'children'), 'a string', 'the patched prop is unchanged');
    assert.equal(down, 0, 'its dependants did not run');
    assert.equal(client.prop('other', 'children'), 'other updated', 'the other output of the answer applies');
    assert.equal(client.errors.length, 1);
    assert.equal(client.errors[0]?.title, 'Callback error updating text.children');
    assert.match(client.errors[0]?.detail ?? '', /Append at \[\]: needs a list, found a string/);
  });
});

// What a person sees: one Chromium for the tests below.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

test('C088 ADR 0009 C097: in Chromium, a bad Patch shows a dev-tools error and the page stays as it was; running disables a button while in flight', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'bad', children: 'bad patch' }),
    html.Button({ id: 'slow', children: 'slow' }),
    html.Div({ id: 'text', children: 'a string' }),
    html.Div({ id: 'other', children: 'other' }),
  ]);
  app.callback(
    [Output('text', 'children'), Output('other', 'children')],
    Input('bad', 'n_clicks'),
    () => [new Patch().append([], 'x'), 'other updated'] as const,
    { prevent_initial_call: true },
  );
  const release = gate();
  app.callback(
    Output('other', 'children', { allow_duplicate: true }),
    Input('slow', 'n_clicks'),
    async () => {
      await release.wait;
      return 'slow done';
    },
    { prevent_initial_call: true, running: [Output('slow', 'disabled'), true, false] },
  );
  const served = await serveApp(app, { debug: true });
  try {
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await page.waitForSelector('#bad');
      await page.click('#bad');
      await page.waitForSelector('#dash-ts-errors .dash-ts-error');
      const shown = await page.textContent('#dash-ts-errors');
      assert.match(shown ?? '', /Callback error updating text\.children/);
      assert.match(shown ?? '', /Patch Append at \[\]: needs a list, found a string/);
      assert.equal(await page.textContent('#text'), 'a string');
      assert.equal(await page.textContent('#other'), 'other updated');
      await page.click('#slow');
      await page.waitForSelector('#slow:disabled');
      release.open();
      await page.waitForSelector('#slow:enabled');
      await page.waitForFunction(() => document.getElementById('other')?.textContent === 'slow done');
      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(problems.cspViolations, []);
    } finally {
      await opened.close();
    }
  } finally {
    await served.close();
  }
});
