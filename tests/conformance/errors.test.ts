// Checklist "Error handling" (spec/callbacks.md §12, §15): `on_error` per callback and app-wide, and
// what a failing callback sends in production.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctx, Dash, dcc, html, Input, Output, PreventUpdate, setProps } from 'dash-ts';
import { inProcess } from './harness.js';

function layout(): ReturnType<typeof html.Div> {
  return html.Div([
    dcc.Input({ id: 'in', value: 'start' }),
    html.Div({ id: 'own', children: 'untouched' }),
    html.Div({ id: 'app-level', children: 'untouched' }),
    html.Div({ id: 'silent', children: 'untouched' }),
    html.Div({ id: 'pair-a', children: 'untouched' }),
    html.Div({ id: 'pair-b', children: 'untouched' }),
    html.Div({ id: 'status', children: '' }),
  ]);
}

test('C149: on_error — callback-level over app-level, setProps and replacement outputs, null means no update', async () => {
  const appHandled: unknown[] = [];
  const app = new Dash({
    on_error: (error) => {
      appHandled.push(error);
      return `app handler: ${(error as Error).message}`;
    },
  });
  app.layout = layout();
  const ownHandled: unknown[] = [];
  app.callback(
    Output('own', 'children'),
    Input('in', 'value'),
    (v) => {
      if (v !== 'start') throw new Error(`own failed on ${String(v)}`);
      return 'fine';
    },
    {
      on_error: (error) => {
        ownHandled.push(error);
        // Runs inside the callback context: ctx and setProps work.
        setProps('status', { children: `handled ${JSON.stringify(ctx.triggered_id)}` });
        return `own handler: ${(error as Error).message}`;
      },
    },
  );
  app.callback(Output('app-level', 'children'), Input('in', 'value'), async (v) => {
    await Promise.resolve();
    if (v !== 'start') throw new Error('app-level failed');
    return 'fine';
  });
  app.callback(
    Output('silent', 'children'),
    Input('in', 'value'),
    (v) => {
      if (v !== 'start') throw new Error('silent failed');
      return 'fine';
    },
    { on_error: () => null },
  );
  app.callback(
    [Output('pair-a', 'children'), Output('pair-b', 'children')],
    Input('in', 'value'),
    (v): [string, string] => {
      if (v !== 'start') throw new Error('pair failed');
      return ['fine', 'fine'];
    },
    { on_error: () => ['replaced a', 'replaced b'] },
  );
  const client = await inProcess(app);
  try {
    assert.deepEqual(client.errors, []);
    assert.equal(appHandled.length + ownHandled.length, 0, 'nothing failed on load');
    client.edit('in', { value: 'boom' });
    await client.settle();
    assert.equal(client.prop('own', 'children'), 'own handler: own failed on boom', 'the handler result is the output');
    assert.equal(client.prop('status', 'children'), 'handled "in"', 'setProps from the handler is applied');
    assert.equal(ownHandled.length, 1);
    assert.equal(appHandled.length, 1, 'the app handler only ran for the callback without its own');
    assert.equal(client.prop('app-level', 'children'), 'app handler: app-level failed', 'async callbacks too');
    assert.equal(client.prop('silent', 'children'), 'fine', 'null from the handler: no update');
    assert.deepEqual(
      [client.prop('pair-a', 'children'), client.prop('pair-b', 'children')],
      ['replaced a', 'replaced b'],
    );
    assert.deepEqual(client.errors, [], 'handled errors are not errors for the page');
    assert.ok(client.responses.every((r) => r.status === 200));
  } finally {
    await client.close();
  }
});

test('C149: PreventUpdate never reaches on_error; a handler returning nothing still sends its side updates', async () => {
  const seen: unknown[] = [];
  const app = new Dash({ on_error: (error) => seen.push(error) });
  app.layout = layout();
  app.callback(Output('own', 'children'), Input('in', 'value'), () => {
    throw new PreventUpdate();
  });
  // No output: the handler's setProps is the whole answer.
  app.callback(
    Input('in', 'value'),
    () => {
      throw new Error('no-output failed');
    },
    {
      prevent_initial_call: true,
      on_error: () => {
        setProps('status', { children: 'reported by the handler' });
      },
    },
  );
  const client = await inProcess(app);
  try {
    client.edit('in', { value: 'x' });
    await client.settle();
    assert.deepEqual(seen, [], 'PreventUpdate is not an error');
    assert.equal(client.prop('own', 'children'), 'untouched');
    assert.equal(client.prop('status', 'children'), 'reported by the handler');
    assert.deepEqual(client.errors, []);
  } finally {
    await client.close();
  }
});

test('C149: a handler that throws is a callback error; production bodies stay {error, id}', async () => {
  const app = new Dash();
  app.layout = layout();
  app.callback(
    Output('own', 'children'),
    Input('in', 'value'),
    () => {
      throw new Error('first');
    },
    {
      prevent_initial_call: true,
      on_error: () => {
        throw new Error('handler failed too');
      },
    },
  );
  app.callback(
    Output('app-level', 'children'),
    Input('in', 'value'),
    () => {
      throw new Error('secret detail');
    },
    { prevent_initial_call: true },
  );
  const client = await inProcess(app);
  try {
    client.edit('in', { value: 'x' });
    await client.settle();
    assert.deepEqual(client.errors.map((e) => e.title).sort(), [
      'Callback error updating app-level.children',
      'Callback error updating own.children',
    ]);
    assert.equal(client.responses.length, 2);
    for (const { status, body } of client.responses) {
      assert.equal(status, 500);
      assert.deepEqual(Object.keys(body as object).sort(), ['error', 'id'], 'no message or stack in production');
      assert.doesNotMatch(JSON.stringify(body), /secret|handler failed/);
    }
    assert.equal(client.prop('own', 'children'), 'untouched');
  } finally {
    await client.close();
  }
});
