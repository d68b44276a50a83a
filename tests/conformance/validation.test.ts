// Checklist "Layout, validation and errors" (spec/callbacks.md §9, §15): layouts, the layout checks
// the renderer reports at load, and the declaration checks dash-ts makes at registration (ADR 0008).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL, ALLSMALLER, Dash, DashError, dcc, html, Input, MATCH, Output, setProps, State } from 'dash-ts';
import { inProcess } from './harness.js';

/** The error `fn` throws; fails when it throws nothing. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected an error');
}

test('C135: function layouts are called per page load, list layouts are accepted', async () => {
  const app = new Dash();
  let calls = 0;
  app.layout = () => {
    calls += 1;
    return html.Div([dcc.Input({ id: 'in', value: `load ${calls}` }), html.Div({ id: 'out' })]);
  };
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => `got ${String(v)}`);
  const client = await inProcess(app);
  try {
    const before = calls;
    const second = await client.server.inject({ method: 'GET', url: '/_dash-layout' });
    assert.equal(second.statusCode, 200);
    assert.equal(calls, before + 1, 'a fresh layout per request');
    assert.match(second.body, new RegExp(`load ${calls}`));
    assert.match(String(client.prop('out', 'children')), /^got load \d+$/);
    assert.deepEqual(client.errors, []);
  } finally {
    await client.close();
  }

  const listApp = new Dash();
  listApp.layout = [html.H1('title'), dcc.Input({ id: 'a', value: 'x' }), 'some text', html.Div({ id: 'b' })];
  listApp.callback(Output('b', 'children'), Input('a', 'value'), (v) => `b=${String(v)}`);
  const list = await inProcess(listApp);
  try {
    assert.equal(list.prop('b', 'children'), 'b=x');
    list.edit('a', { value: 'y' });
    await list.settle();
    assert.equal(list.prop('b', 'children'), 'b=y');
    assert.deepEqual(list.errors, []);
  } finally {
    await list.close();
  }
});

/** A two-page app: the layout shows page 1 only; page 2's callback targets ids absent at load. */
function multiPage(options: { suppress?: boolean } = {}): Dash {
  const app = new Dash({ suppress_callback_exceptions: options.suppress ?? false });
  app.layout = html.Div([dcc.Input({ id: 'p1-in', value: 'a' }), html.Div({ id: 'p1-out' })]);
  app.callback(Output('p1-out', 'children'), Input('p1-in', 'value'), (v) => v);
  app.callback(Output('p2-out', 'children'), Input('p2-in', 'value'), (v) => v);
  return app;
}

const page2 = (): ReturnType<typeof html.Div> =>
  html.Div([dcc.Input({ id: 'p2-in', value: 'b' }), html.Div({ id: 'p2-out' })]);

test('C136: validation_layout (attribute or function) and suppress_callback_exceptions silence "ID not found"', async () => {
  const withAttribute = multiPage();
  withAttribute.validation_layout = html.Div([withAttribute.layout as ReturnType<typeof html.Div>, page2()]);
  const withFunction = multiPage();
  withFunction.validation_layout = () => html.Div([withFunction.layout as ReturnType<typeof html.Div>, page2()]);
  const suppressed = multiPage({ suppress: true });
  for (const [name, app] of [
    ['attribute', withAttribute],
    ['function', withFunction],
    ['suppress', suppressed],
  ] as const) {
    const client = await inProcess(app);
    try {
      assert.deepEqual(
        client.errors.map((e) => e.title),
        [],
        `${name}: no "ID not found" for components of other pages`,
      );
      assert.equal(client.prop('p1-out', 'children'), 'a', `${name}: the page still works`);
      assert.equal(client.config.callback_layout_errors, undefined, `${name}: nothing sent to report`);
    } finally {
      await client.close();
    }
  }
});

test('C136: a layout function is checked through its own result (Dash calls it once for validation)', async () => {
  const app = new Dash();
  app.layout = () => html.Div([dcc.Input({ id: 'in', value: 'v' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => v);
  app.callback(Output('ghost', 'children'), Input('in', 'value'), (v) => v);
  const client = await inProcess(app);
  try {
    assert.deepEqual(
      client.errors.filter((e) => e.title === 'ID not found in layout').map((e) => e.detail.split('\n')[1]),
      ['  "ghost"'],
    );
  } finally {
    await client.close();
  }
});

test('C137: each absent id yields one "ID not found in layout" error naming the callback outputs', async () => {
  const client = await inProcess(multiPage());
  try {
    const notFound = client.errors.filter((e) => e.title === 'ID not found in layout');
    // p2-out (Output) and p2-in (Input): one error each, even though both belong to one callback.
    assert.equal(notFound.length, 2, client.errors.map((e) => `${e.title}\n${e.detail}`).join('\n---\n'));
    const output = notFound.find((e) => e.detail.includes('"p2-out"'));
    const input = notFound.find((e) => e.detail.includes('"p2-in"'));
    assert.ok(output && input);
    assert.match(output.detail, /callback Output item/);
    assert.match(input.detail, /callback Input item/);
    for (const e of notFound) {
      assert.match(e.detail, /This ID was used in the callback\(s\) for Output\(s\):\n {2}p2-out\.children/);
      assert.match(e.detail, /validation_layout|suppress_callback_exceptions/, 'says how to fix it');
    }
    assert.equal(client.prop('p1-out', 'children'), 'a', 'the rest of the app still runs');
  } finally {
    await client.close();
  }

  // One id used by several callbacks: still one error, listing every callback.
  const app = new Dash();
  app.layout = html.Div([html.Div({ id: 'a' }), html.Div({ id: 'b' })]);
  app.callback(Output('a', 'children'), Input('gone', 'value'), (v) => v);
  app.callback(Output('b', 'children'), Input('gone', 'value'), State('gone', 'n_clicks'), (v) => v);
  const shared = await inProcess(app);
  try {
    const inputs = shared.errors.filter((e) => e.title === 'ID not found in layout' && /Input item/.test(e.detail));
    assert.equal(inputs.length, 1);
    assert.match(inputs[0]?.detail ?? '', /Output\(s\):\n {2}a\.children\n {2}b\.children/);
  } finally {
    await shared.close();
  }
});

test('C138: invalid props are reported per dependency kind; data-* and aria-* props are accepted', async () => {
  const build = (suppress: boolean): Dash => {
    const app = new Dash({ suppress_callback_exceptions: suppress });
    app.layout = html.Div([
      dcc.Input({ id: 'in', value: 'v' }),
      html.Div({ id: 'out' }),
      html.Div({ id: 'out2' }),
      html.Div({ id: 'attrs' }),
    ]);
    app.callback(Output('out', 'nope_out'), Input('in', 'nope_in'), State('in', 'nope_state'), (v) => v);
    app.callback(
      [Output('attrs', 'data-count'), Output('attrs', 'aria-label')],
      Input('in', 'value'),
      State('out2', 'children'),
      (v) => [String(v), 'label'],
    );
    return app;
  };
  for (const suppress of [false, true]) {
    const client = await inProcess(build(suppress));
    try {
      const invalid = client.errors.filter((e) => e.title === 'Invalid prop for this component');
      const kinds = invalid.map((e) => /in one of the (\w+) items/.exec(e.detail)?.[1]).sort();
      assert.deepEqual(kinds, ['Input', 'Output', 'State'], `suppress=${String(suppress)}`);
      assert.ok(invalid.some((e) => /"nope_in"[\s\S]*dash_core_components\.Input component/.test(e.detail)));
      assert.ok(invalid.some((e) => /"nope_out"[\s\S]*dash_html_components\.Div component/.test(e.detail)));
      assert.ok(!client.errors.some((e) => /data-count|aria-label/.test(e.detail)), 'wildcard attributes pass');
      assert.equal(client.prop('attrs', 'data-count'), 'v', 'the valid callback still runs');
    } finally {
      await client.close();
    }
  }
});

test('C139 ADR 0008: duplicate outputs within and across callbacks are refused at registration', () => {
  const app = new Dash();
  const within = thrown(() =>
    app.callback([Output('x', 'children'), Output('x', 'children')], Input('i', 'value'), () => [1, 2]),
  );
  assert.ok(within instanceof DashError && within.code === 'DASH_ERR_DUPLICATE_OUTPUT');
  assert.match(
    within.message,
    /^Duplicate callback Outputs: .*Output 1 \(x\.children\) is already used by this callback/,
  );

  app.callback(Output('y', 'children'), Input('i', 'value'), (v) => v);
  const across = thrown(() => app.callback(Output('y', 'children'), Input('j', 'value'), (v) => v));
  assert.match(across.message, /^Duplicate callback outputs: .*y\.children.*allow_duplicate/);

  app.callback(Output({ type: 'cell', index: ALL }, 'children'), Input('i', 'value'), () => []);
  const overlap = thrown(() =>
    app.callback(
      Output({ type: 'cell', index: MATCH }, 'children'),
      Input({ type: 'in', index: MATCH }, 'value'),
      (v) => v,
    ),
  );
  assert.match(overlap.message, /^Overlapping wildcard callback outputs: .*overlaps another output/);
  // Different constant values do not overlap.
  app.callback(
    Output({ type: 'other', index: MATCH }, 'children'),
    Input({ type: 'in2', index: MATCH }, 'value'),
    (v) => v,
  );
});

test('C140 ADR 0008: empty ids and props are reported with what to fix', () => {
  assert.match(thrown(() => Input('', 'value')).message, /^Callback item missing ID: /);
  assert.match(thrown(() => Output('out', '')).message, /^Callback property error: .*non-empty string/);
  assert.match(thrown(() => State('a.b', 'value')).message, /^Callback invalid ID string: .*'\.'/);
  const app = new Dash();
  const emptyDict = thrown(() => app.callback(Output({}, 'children'), Input('i', 'value'), (v) => v));
  assert.ok(emptyDict instanceof DashError && emptyDict.code === 'DASH_ERR_CALLBACK_ID');
  assert.match(emptyDict.message, /^Callback item missing ID: .*Output\[0\]\.id is \{\}.*needs at least one key/);
  const emptyKey = thrown(() => app.callback(Output({ '': 1 }, 'children'), Input('i', 'value'), (v) => v));
  assert.match(emptyKey.message, /^Callback wildcard ID error: .*empty key/);
});

test('C141: out-of-order dependencies are refused at registration with what to fix', () => {
  const app = new Dash();
  const stateFirst = thrown(() =>
    app.callback(
      Output('o', 'children'),
      State('s', 'value'),
      Input('i', 'value'),
      (s, i) => `${String(s)}${String(i)}`,
    ),
  );
  assert.ok(stateFirst instanceof DashError && stateFirst.code === 'DASH_ERR_CALLBACK_ARGS');
  assert.match(stateFirst.message, /Input must come before the first State/);
  const outputLate = thrown(() =>
    (app.callback as (...args: unknown[]) => unknown)(
      Output('o', 'children'),
      Input('i', 'value'),
      Output('p', 'children'),
      () => 1,
    ),
  );
  assert.match(outputLate.message, /got an Output\. Outputs go first/);
  const notADependency = thrown(() =>
    (app.callback as (...args: unknown[]) => unknown)(Output('o', 'children'), 'i.value', () => 1),
  );
  assert.match(notADependency.message, /expected Input\(\.\.\.\) or State\(\.\.\.\)/);
});

test('C141: non-serialisable or wrong-length returns give an InvalidCallbackReturnValue error saying what to return', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 1 }), html.Div({ id: 'a' }), html.Div({ id: 'b' })]);
  app.callback([Output('a', 'children'), Output('b', 'children')], Input('in', 'value'), () => ['only one'] as never);
  app.callback(Output('a', 'title'), Input('in', 'value'), () => ({ nested: [new Map([['k', 1]])] }));
  app.callback(Output('b', 'title'), Input('in', 'value'), () => () => 1);
  const server = await app.server({ debug: true, logger: false });
  try {
    const post = async (
      output: string,
      outputs: unknown,
    ): Promise<{ statusCode: number; body: Record<string, unknown> }> => {
      const res = await server.inject({
        method: 'POST',
        url: '/_dash-update-component',
        headers: { 'content-type': 'application/json' },
        payload: { output, outputs, inputs: [{ id: 'in', property: 'value', value: 1 }], changedPropIds: [] },
      });
      return { statusCode: res.statusCode, body: res.json() };
    };
    const short = await post('..a.children...b.children..', [
      { id: 'a', property: 'children' },
      { id: 'b', property: 'children' },
    ]);
    assert.equal(short.statusCode, 500);
    assert.equal(short.body['code'], 'DASH_ERR_CALLBACK_RETURN');
    assert.match(
      String(short.body['message']),
      /^InvalidCallbackReturnValue: .*\[a\.children, b\.children\] has 2 Outputs, so it must return an array of 2 values.*returned an array of 1/,
    );
    const map = await post('a.title', { id: 'a', property: 'title' });
    assert.equal(map.statusCode, 500);
    assert.match(
      String(map.body['message']),
      /^InvalidCallbackReturnValue: .*a Map at \.nested\[0\] for the output a\.title.*Object\.fromEntries/,
    );
    const fn = await post('b.title', { id: 'b', property: 'title' });
    assert.match(String(fn.body['message']), /returned a function for the output b\.title, which cannot be sent/);
  } finally {
    await server.close();
  }
});

test('C017: present inputs with a missing single Output give the "nonexistent object … Output" error', async () => {
  const app = new Dash({ suppress_callback_exceptions: true });
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'v' }), html.Div({ id: 'out' })]);
  // One Output present, one missing: the callback is dispatched and its missing single Output is an error.
  app.callback([Output('out', 'title'), Output('missing', 'children')], Input('in', 'value'), (v) => [v, v]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => v);
  const client = await inProcess(app);
  try {
    client.edit('in', { value: 'w' });
    await client.settle();
    const errors = client.errors.filter((e) => /nonexistent object was used in an `Output`/.test(e.title));
    assert.equal(errors.length, 2, 'on load and on the edit');
    assert.match(errors[0]?.title ?? '', /The id of this object is `missing` and the property is `children`/);
    assert.match(errors[0]?.title ?? '', /The string ids in the current layout are: \[.*in.*\]/);
    assert.equal(client.requestsFor('..out.title...missing.children..').length, 0, 'nothing is sent for it');
    assert.equal(client.prop('out', 'children'), 'w', 'other callbacks run');
  } finally {
    await client.close();
  }
});

test('C025 ADR 0008: callback() with no dependencies is valid; with prevent_initial_call it is "missing Inputs"', async () => {
  const app = new Dash();
  app.layout = html.Div({ id: 'status' });
  let runs = 0;
  app.callback(() => {
    runs += 1;
    setProps('status', { children: 'loaded' });
  });
  const client = await inProcess(app);
  try {
    assert.equal(runs, 1, 'runs once on load');
    assert.equal(client.prop('status', 'children'), 'loaded');
    assert.deepEqual(client.errors, []);
  } finally {
    await client.close();
  }
  const error = thrown(() => app.callback(() => undefined, { prevent_initial_call: true }));
  assert.ok(error instanceof DashError && error.code === 'DASH_ERR_CALLBACK_ARGS');
  assert.match(error.message, /^A callback is missing Inputs: .*would never be called.*Add an Input/);
  const withOutput = thrown(() => app.callback(Output('status', 'title'), () => 'x', { prevent_initial_call: true }));
  assert.match(withOutput.message, /^A callback is missing Inputs: In the callback for output\(s\) status\.title/);
});

test('C026: a no-output callback returning a value reports "Callback error with no output from input <prop>"', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'v' })]);
  app.callback(Input('in', 'value'), (() => 'a value') as () => void, { prevent_initial_call: true });
  const client = await inProcess(app);
  try {
    client.edit('in', { value: 'w' });
    await client.settle();
    assert.deepEqual(
      client.errors.map((e) => e.title),
      ['Callback error with no output from input in.value'],
    );
    assert.equal(client.responses.at(-1)?.status, 500);
  } finally {
    await client.close();
  }
});

test('C070 ADR 0008: invalid wildcard usage yields the documented titles at registration', () => {
  const app = new Dash();
  const untyped = app.callback.bind(app) as (...args: unknown[]) => unknown;
  const cases: [() => unknown, RegExp][] = [
    [
      // Untyped: the typed signatures already refuse ALLSMALLER in an Output at compile time.
      () => untyped(Output({ i: ALLSMALLER }, 'children'), Input({ i: MATCH }, 'value'), (v: unknown) => v),
      /^Callback wildcard ID error: .*ALLSMALLER/,
    ],
    [
      () =>
        app.callback(
          [Output({ a: MATCH, b: 1 }, 'children'), Output({ a: 1, b: MATCH }, 'children')],
          Input({ a: MATCH, b: MATCH }, 'value'),
          () => [1, 2],
        ),
      /^Mismatched `MATCH` wildcards across `Output`s: /,
    ],
    [
      () => app.callback(Output({ a: MATCH, b: 1 }, 'children'), Input({ a: MATCH, b: MATCH }, 'value'), (v) => v),
      /^`Input` \/ `State` wildcards not in `Output`s: /,
    ],
    [
      () => app.callback(Output({ a: MATCH, b: 1 }, 'children'), Input({ a: MATCH, b: ALLSMALLER }, 'value'), (v) => v),
      /^`Input` \/ `State` wildcards not in `Output`s: .*ALLSMALLER/,
    ],
    [
      () => untyped(Output({ a: [1] } as never, 'children'), Input('i', 'value'), (v: unknown) => v),
      /^Callback wildcard ID error: .*must be strings, numbers, booleans/,
    ],
  ];
  for (const [register, title] of cases) assert.match(thrown(register).message, title);
  assert.equal(app.registry.size, 0, 'nothing was registered');
});

test('C083: the server runs a callback request even when its ids are absent from the layout', async () => {
  const app = new Dash();
  app.layout = html.Div({ id: 'only' });
  app.callback(Output('later-out', 'children'), Input('later-in', 'value'), (v) => `ran with ${String(v)}`);
  const server = await app.server({ logger: false });
  try {
    const res = await server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: {
        output: 'later-out.children',
        outputs: { id: 'later-out', property: 'children' },
        inputs: [{ id: 'later-in', property: 'value', value: 3 }],
        changedPropIds: ['later-in.value'],
      },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { multi: true, response: { 'later-out': { children: 'ran with 3' } } });
  } finally {
    await server.close();
  }
});

test('C084 ADR 0006: mismatched output/outputs in a request get a 400 that leaks no declared ids', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'secret-input', value: 1 }), html.Div({ id: 'secret-output' })]);
  app.callback(Output('secret-output', 'children'), Input('secret-input', 'value'), (v) => v);
  const server = await app.server({ logger: false });
  try {
    for (const outputs of [
      { id: 'other', property: 'children' },
      [{ id: 'secret-output', property: 'children' }],
      undefined,
    ]) {
      const res = await server.inject({
        method: 'POST',
        url: '/_dash-update-component',
        headers: { 'content-type': 'application/json' },
        payload: {
          output: 'secret-output.children',
          outputs,
          inputs: [{ id: 'other-input', property: 'value', value: 1 }],
          changedPropIds: [],
        },
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `4xx, got ${res.statusCode}`);
      const body = res.json<Record<string, unknown>>();
      assert.equal(body['error'], 'Bad Request');
      assert.doesNotMatch(String(body['message']), /secret-input/, 'no declared input id in the answer');
    }
  } finally {
    await server.close();
  }
});
