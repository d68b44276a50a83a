// Checklist "Initial load and graph" (spec/callbacks.md §15), driven in process by our renderer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL, ctx, Dash, dcc, html, Input, MATCH, Output, setProps, State } from 'dash-ts';
import { inProcess, withApp } from './harness.js';
import { launchBrowser, serveApp } from '../browser/harness.js';

/** Serve `app` in process, hydrate it, run `body`, always close. */

test('C001 ADR 0007 C038: each initial callback runs once with empty triggered; State never triggers', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'a', value: 'x' }),
    dcc.Input({ id: 's', value: 'state' }),
    html.Div({ id: 'out' }),
  ]);
  const seen: { triggered: unknown; a: unknown; s: unknown }[] = [];
  app.callback(Output('out', 'children'), Input('a', 'value'), State('s', 'value'), (a, s) => {
    seen.push({ triggered: ctx.triggered, a, s });
    return `${String(a)}/${String(s)}`;
  });
  const client = await inProcess(app);
  try {
    assert.equal(seen.length, 1, 'one initial call');
    assert.deepEqual(seen[0]?.triggered, [], 'nothing triggered (ADR 0007)');
    assert.equal(client.prop('out', 'children'), 'x/state');
    client.edit('s', { value: 'changed' });
    await client.settle();
    assert.equal(seen.length, 1, 'a State edit does not trigger');
    client.edit('a', { value: 'y' });
    await client.settle();
    assert.equal(seen.length, 2);
    assert.equal(client.prop('out', 'children'), 'y/changed');
    assert.deepEqual(client.errors, []);
  } finally {
    await client.close();
  }
});

test('C002: a callback with many Inputs and many Outputs present at load is called once', async () => {
  const app = new Dash();
  const ids = ['i1', 'i2', 'i3', 'i4'];
  app.layout = html.Div([
    ...ids.map((id) => dcc.Input({ id, value: id })),
    ...['o1', 'o2', 'o3'].map((id) => html.Div({ id })),
  ]);
  let calls = 0;
  app.callback(
    [Output('o1', 'children'), Output('o2', 'children'), Output('o3', 'children')],
    ...ids.map((id) => Input(id, 'value')),
    (...values: unknown[]) => {
      calls += 1;
      const joined = values.join(',');
      return [joined, `${joined}!`, calls];
    },
  );
  await withApp(app, (client) => {
    assert.equal(calls, 1);
    assert.equal(client.requests.length, 1);
    assert.equal(client.prop('o1', 'children'), 'i1,i2,i3,i4');
    assert.equal(client.prop('o2', 'children'), 'i1,i2,i3,i4!');
    assert.equal(client.prop('o3', 'children'), 1);
  });
});

/**
 * test_cbpi001 in small: A is prevented, B follows A (runs initially from the layout value), C is
 * prevented but its input is written by an initial callback D, so it runs in the initial wave.
 */
function preventApp(appWide: boolean): { app: Dash; calls: Map<string, number> } {
  const app = new Dash(appWide ? { prevent_initial_callbacks: true } : {});
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'start' }),
    html.Div({ id: 'a', children: 'layout-a' }),
    html.Div({ id: 'b' }),
    html.Div({ id: 'd' }),
    html.Div({ id: 'c' }),
  ]);
  const calls = new Map<string, number>();
  const count = (name: string): void => void calls.set(name, (calls.get(name) ?? 0) + 1);
  const prevented = { prevent_initial_call: true };
  const runs = { prevent_initial_call: false };
  app.callback(
    Output('a', 'children'),
    Input('in', 'value'),
    (v) => {
      count('A');
      return `a:${String(v)}`;
    },
    appWide ? {} : prevented,
  );
  app.callback(
    Output('b', 'children'),
    Input('a', 'children'),
    (a) => {
      count('B');
      return `b:${String(a)}`;
    },
    runs,
  );
  app.callback(
    Output('d', 'children'),
    Input('in', 'value'),
    (v) => {
      count('D');
      return `d:${String(v)}`;
    },
    runs,
  );
  app.callback(
    Output('c', 'children'),
    Input('d', 'children'),
    (d) => {
      count('C');
      return `c:${String(d)}`;
    },
    appWide ? {} : prevented,
  );
  return { app, calls };
}

test('C003 C004 C005: prevent_initial_call skips only the output-driven call; followers and fed callbacks run', async () => {
  const { app, calls } = preventApp(false);
  await withApp(app, async (client) => {
    assert.equal(calls.get('A'), undefined, 'A is prevented');
    assert.equal(client.prop('a', 'children'), 'layout-a');
    assert.equal(calls.get('B'), 1, 'B (downstream of prevented A) runs with the layout value');
    assert.equal(client.prop('b', 'children'), 'b:layout-a');
    assert.equal(calls.get('C'), 1, 'C is prevented but its input is written by initial callback D');
    assert.equal(client.prop('c', 'children'), 'c:d:start');
    client.edit('in', { value: 'next' });
    await client.settle();
    assert.equal(calls.get('A'), 1, 'a later input change fires A');
    assert.equal(client.prop('b', 'children'), 'b:a:next');
    assert.equal(client.prop('c', 'children'), 'c:d:next');
    assert.deepEqual(client.errors, []);
  });
});

test('C006: app-wide prevent_initial_callbacks is the default; a per-callback false overrides it', async () => {
  const { app, calls } = preventApp(true);
  await withApp(app, (client) => {
    assert.equal(calls.get('A'), undefined);
    assert.equal(calls.get('B'), 1);
    assert.equal(calls.get('D'), 1);
    assert.equal(calls.get('C'), 1, 'fed by D in the initial wave');
    const flag = (key: string): boolean | undefined =>
      client.runtime.graph.callbacks.find((d) => d.key === key)?.spec.prevent_initial_call;
    assert.equal(flag('a.children'), true, 'the app-wide default');
    assert.equal(flag('b.children'), false, 'the per-callback override');
  });
});

test('C007: a trailing positional boolean is prevent_initial_call', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 1 }), html.Div({ id: 'p' }), html.Div({ id: 'q' })]);
  let p = 0;
  let q = 0;
  app.callback(Output('p', 'children'), Input('in', 'value'), () => ++p, true);
  app.callback(Output('q', 'children'), Input('in', 'value'), () => ++q, false);
  await withApp(app, async (client) => {
    assert.equal(p, 0);
    assert.equal(q, 1);
    client.edit('in', { value: 2 });
    await client.settle();
    assert.equal(p, 1);
    assert.equal(client.prop('p', 'children'), 1);
  });
});

test('C008: the initial-call rules are the same for pattern-matching callbacks', async () => {
  const app = new Dash();
  const rows = [1, 2];
  app.layout = html.Div(
    rows.flatMap((i) => [
      dcc.Input({ id: { type: 'in', index: i }, value: `v${i}` }),
      html.Div({ id: { type: 'mid', index: i }, children: `layout${i}` }),
      html.Div({ id: { type: 'fed', index: i } }),
      html.Div({ id: { type: 'follow', index: i } }),
    ]),
  );
  const calls: string[] = [];
  app.callback(
    Output({ type: 'mid', index: MATCH }, 'children'),
    Input({ type: 'in', index: MATCH }, 'value'),
    (v) => {
      calls.push('mid');
      return `mid:${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output({ type: 'follow', index: MATCH }, 'children'),
    Input({ type: 'mid', index: MATCH }, 'children'),
    (m) => {
      calls.push('follow');
      return `follow:${String(m)}`;
    },
  );
  // Prevented, but fed by the initial 'follow' calls.
  app.callback(
    Output({ type: 'fed', index: MATCH }, 'children'),
    Input({ type: 'follow', index: MATCH }, 'children'),
    (f) => {
      calls.push('fed');
      return `fed:${String(f)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    assert.deepEqual(calls.sort(), ['fed', 'fed', 'follow', 'follow']);
    assert.equal(client.prop({ type: 'follow', index: 2 }, 'children'), 'follow:layout2');
    assert.equal(client.prop({ type: 'fed', index: 1 }, 'children'), 'fed:follow:layout1');
    calls.length = 0;
    client.edit({ type: 'in', index: 2 }, { value: 'x' });
    await client.settle();
    assert.deepEqual(calls, ['mid', 'follow', 'fed'], 'only instance 2, in chain order');
    assert.equal(client.prop({ type: 'fed', index: 2 }, 'children'), 'fed:follow:mid:x');
    assert.equal(client.prop({ type: 'fed', index: 1 }, 'children'), 'fed:follow:layout1');
  });
});

test('C009 C010: all Inputs absent (State present) → no initial call, nor for callbacks fed only by it', async () => {
  // Ids missing on purpose: silence the layout check's "ID not found" (items 136–137) to see the runtime rule.
  const app = new Dash({ suppress_callback_exceptions: true });
  app.layout = html.Div([
    dcc.Input({ id: 'state', value: 's' }),
    html.Div({ id: 'skipped1' }),
    html.Div({ id: 'skipped2' }),
    html.Div({ id: 'follow' }),
    html.Div({ id: 'mixed' }),
    dcc.Input({ id: 'present', value: 'p' }),
  ]);
  const calls: string[] = [];
  app.callback(Output('skipped1', 'children'), Input('gone1', 'value'), State('state', 'value'), () => {
    calls.push('skipped1');
    return 1;
  });
  app.callback(Output('skipped2', 'children'), Input('gone2', 'value'), Input('gone3', 'value'), () => {
    calls.push('skipped2');
    return 2;
  });
  app.callback(Output('follow', 'children'), Input('skipped1', 'children'), Input('skipped2', 'children'), () => {
    calls.push('follow');
    return 3;
  });
  // A present input from elsewhere keeps a follower in the wave.
  app.callback(Output('mixed', 'children'), Input('skipped1', 'children'), Input('present', 'value'), (s, p) => {
    calls.push('mixed');
    return `${String(s)}/${String(p)}`;
  });
  await withApp(app, (client) => {
    assert.deepEqual(calls, ['mixed']);
    assert.equal(client.prop('mixed', 'children'), 'null/p');
    assert.deepEqual(client.errors, [], 'skipping is silent');
  });
});

test('C011: some but not all plain Inputs present → a nonexistent-object error naming the id; the app keeps working', async () => {
  // Ids missing on purpose: silence the layout check's "ID not found" (items 136–137) to see the runtime rule.
  const app = new Dash({ suppress_callback_exceptions: true });
  app.layout = html.Div([dcc.Input({ id: 'here', value: 1 }), html.Div({ id: 'out' }), html.Div({ id: 'ok' })]);
  let broken = 0;
  app.callback(Output('out', 'children'), Input('here', 'value'), Input('missing', 'value'), () => {
    broken += 1;
    return 'never';
  });
  app.callback(Output('ok', 'children'), Input('here', 'value'), (v) => `ok ${String(v)}`);
  await withApp(app, async (client) => {
    assert.equal(broken, 0, 'the request is never sent');
    assert.equal(client.errors.length, 1);
    const [error] = client.errors;
    assert.match(error?.title ?? '', /nonexistent object was used in an `Input`/);
    assert.match(error?.title ?? '', /`missing`/);
    assert.match(error?.title ?? '', /property is `value`/);
    assert.equal(client.prop('ok', 'children'), 'ok 1');
    client.edit('here', { value: 2 });
    await client.settle();
    assert.equal(client.prop('ok', 'children'), 'ok 2', 'other callbacks keep working');
  });
});

test('C012 C013 C014: ALL-only inputs run with [] when an output exists; not without outputs; not with an absent plain input', async () => {
  // Ids missing on purpose: silence the layout check's "ID not found" (items 136–137) to see the runtime rule.
  const app = new Dash({ suppress_callback_exceptions: true });
  app.layout = html.Div([html.Div({ id: 'total' }), html.Div({ id: 'mixed' })]);
  const calls: string[] = [];
  app.callback(
    Output('total', 'children'),
    Input({ type: 'item', index: ALL }, 'value'),
    Input({ type: 'other', index: ALL }, 'value'),
    (items, others) => {
      calls.push('total');
      return `${JSON.stringify(items)}${JSON.stringify(others)}`;
    },
  );
  app.callback(
    Output({ type: 'nowhere', index: ALL }, 'children'),
    Input({ type: 'item', index: ALL }, 'value'),
    (items) => {
      calls.push('no-output');
      return items.map(() => 'x');
    },
  );
  app.callback(Output('absent-out', 'children'), Input({ type: 'item', index: ALL }, 'value'), () => {
    calls.push('absent-output');
    return 'x';
  });
  app.callback(
    Output('mixed', 'children'),
    Input({ type: 'item', index: ALL }, 'value'),
    Input('missing', 'value'),
    () => {
      calls.push('mixed');
      return 'x';
    },
  );
  await withApp(app, (client) => {
    assert.deepEqual(calls, ['total']);
    assert.equal(client.prop('total', 'children'), '[][]');
    assert.deepEqual(client.errors, []);
  });
});

test('C015: MATCH-bound dependencies follow the missing-input rules of plain ids', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Div({ id: { type: 'out', index: 1 } }),
    html.Div({ id: { type: 'out', index: 2 } }),
    dcc.Input({ id: { type: 'state', index: 1 }, value: 's1' }),
    dcc.Input({ id: { type: 'half', index: 1 }, value: 'h1' }),
    html.Div({ id: { type: 'res', index: 1 } }),
  ]);
  const calls: string[] = [];
  // Inputs absent for every instance (State present): skipped silently.
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input({ type: 'in', index: MATCH }, 'value'),
    State({ type: 'state', index: MATCH }, 'value'),
    () => {
      calls.push('out');
      return 'x';
    },
  );
  // One MATCH input present, the other absent: the nonexistent-object error.
  app.callback(
    Output({ type: 'res', index: MATCH }, 'children'),
    Input({ type: 'half', index: MATCH }, 'value'),
    Input({ type: 'other', index: MATCH }, 'value'),
    () => {
      calls.push('res');
      return 'x';
    },
  );
  await withApp(app, (client) => {
    assert.deepEqual(calls, []);
    assert.equal(client.errors.length, 1);
    assert.match(client.errors[0]?.title ?? '', /nonexistent object was used in an `Input`/);
    assert.match(client.errors[0]?.title ?? '', /"other"/);
  });
});

test('C016: callbacks whose outputs do not exist are never executed and cause no error', async () => {
  // Ids missing on purpose: silence the layout check's "ID not found" (items 136–137) to see the runtime rule.
  const app = new Dash({ suppress_callback_exceptions: true });
  app.layout = html.Div([dcc.Input({ id: 'in', value: 1 })]);
  let calls = 0;
  app.callback(Output('ghost', 'children'), Input('in', 'value'), () => {
    calls += 1;
    return 'x';
  });
  app.callback([Output('ghost2', 'children'), Output('ghost3', 'children')], Input('in', 'value'), () => {
    calls += 1;
    return ['x', 'y'];
  });
  await withApp(app, async (client) => {
    client.edit('in', { value: 2 });
    await client.settle();
    assert.equal(calls, 0);
    assert.equal(client.requests.length, 0);
    assert.deepEqual(client.errors, []);
  });
});

test('C018: overlapping initial chains call each callback once', async () => {
  // test_cbmt012 in small: a fans out to b and c; d reads a, b and c; e reads d and b.
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'a', value: 'A' }), ...['b', 'c', 'd', 'e'].map((id) => html.Div({ id }))]);
  const calls: string[] = [];
  const make = (out: string, ins: string[]): void => {
    app.callback(
      Output(out, 'children'),
      ...ins.map((i) => Input(i, i === 'a' ? 'value' : 'children')),
      (...v: unknown[]) => {
        calls.push(out);
        return `${out}(${v.map(String).join(',')})`;
      },
    );
  };
  make('b', ['a']);
  make('c', ['a', 'b']);
  make('d', ['a', 'b', 'c']);
  make('e', ['d', 'b']);
  await withApp(app, (client) => {
    assert.deepEqual(calls, ['b', 'c', 'd', 'e']);
    assert.equal(client.prop('e', 'children'), 'e(d(A,b(A),c(A,b(A))),b(A))');
  });
});

test('C022: a no-output callback with an Input in the layout runs on load and on every change', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'shown' })]);
  const seen: unknown[] = [];
  app.callback(Input('in', 'value'), (v) => {
    seen.push(v);
    setProps('shown', { children: `saw ${String(v)}` });
  });
  // Without setProps it answers like PreventUpdate, as Dash does.
  let quiet = 0;
  app.callback(Input('in', 'value'), () => {
    quiet += 1;
  });
  await withApp(app, async (client) => {
    assert.deepEqual(seen, ['a']);
    assert.equal(quiet, 1);
    assert.equal(client.prop('shown', 'children'), 'saw a');
    client.edit('in', { value: 'b' });
    await client.settle();
    client.edit('in', { value: 'c' });
    await client.settle();
    assert.deepEqual(seen, ['a', 'b', 'c']);
    assert.equal(quiet, 3);
    assert.equal(client.prop('shown', 'children'), 'saw c');
    assert.ok(client.responses.some((r) => r.status === 204));
    assert.ok(client.requests.every((r) => r.outputs === undefined));
    assert.deepEqual(client.errors, []);
  });
});

test('C023: a no-input callback with an Output in the layout (State only) runs once on load', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 's', value: 'first' }), html.Div({ id: 'out' })]);
  let calls = 0;
  app.callback(Output('out', 'children'), State('s', 'value'), (s) => {
    calls += 1;
    return `loaded with ${String(s)}`;
  });
  await withApp(app, async (client) => {
    assert.equal(calls, 1);
    assert.equal(client.prop('out', 'children'), 'loaded with first');
    client.edit('s', { value: 'second' });
    await client.settle();
    assert.equal(calls, 1, 'never again');
  });
});

test('C024: no-input no-output callbacks each run once on load', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Div({ id: 'one' }), html.Div({ id: 'two' })]);
  let calls = 0;
  app.callback(() => {
    calls += 1;
    setProps('one', { children: 'first ran' });
  });
  app.callback(() => {
    calls += 1;
    setProps('two', { children: 'second ran' });
  });
  await withApp(app, (client) => {
    assert.equal(calls, 2);
    assert.equal(new Set(client.requests.map((r) => r.output)).size, 2, 'two distinct callbacks');
    assert.equal(client.prop('one', 'children'), 'first ran');
    assert.equal(client.prop('two', 'children'), 'second ran');
  });
});

test('C019: a missing allow_optional Input or State is passed as null without error', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'btn', n_clicks: 0 }), html.Div({ id: 'out' })]);
  const seen: unknown[] = [];
  app.callback(
    Output('out', 'children'),
    Input('btn', 'n_clicks'),
    Input('not-yet', 'value', { allow_optional: true }),
    State('nowhere', 'value', { allow_optional: true }),
    (n, missingInput, missingState) => {
      seen.push([n, missingInput, missingState]);
      return `${String(n)} ${String(missingInput)} ${String(missingState)}`;
    },
  );
  await withApp(app, async (client) => {
    client.edit('btn', { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(seen, [
      [0, null, null],
      [1, null, null],
    ]);
    assert.equal(client.prop('out', 'children'), '1 null null');
    assert.deepEqual(client.errors, []);
    const spec = client.runtime.graph.callbacks[0]?.spec;
    assert.equal(spec?.inputs[1]?.allow_optional, true);
    assert.equal(spec?.inputs[0]?.allow_optional, undefined);
  });
});

test("C020: extra components (Dash's app._extra_components) participate in callbacks", async () => {
  const app = new Dash();
  app.layout = html.Div([html.Div({ id: 'out' })]);
  app.extraComponents.push(dcc.Store({ id: 'extra-store', data: 123 }));
  app.callback(Output('out', 'children'), Input('extra-store', 'data'), (data) => `extra ${JSON.stringify(data)}`);
  await withApp(app, async (client) => {
    assert.equal(client.prop('out', 'children'), 'extra 123');
    client.edit('extra-store', { data: 456 });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'extra 456');
    assert.deepEqual(client.errors, []);
  });
});

test('C021: the layout and dependency requests may complete in either order', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'ready' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => `got ${String(v)}`);
  const browser = await launchBrowser();
  const served = await serveApp(app);
  try {
    for (const slow of ['_dash-layout', '_dash-dependencies']) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const order: string[] = [];
        page.on('response', (r) => {
          const name = new URL(r.url()).pathname.slice(1);
          if (name === '_dash-layout' || name === '_dash-dependencies') order.push(name);
        });
        await page.route(`**/${slow}`, async (route) => {
          await new Promise((r) => setTimeout(r, 300));
          await route.continue();
        });
        await page.goto(served.url);
        await page.waitForFunction(() => document.getElementById('out')?.textContent === 'got ready');
        assert.equal(order.at(-1), slow, `${slow} arrived last`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await served.close();
    await browser.close();
  }
});
