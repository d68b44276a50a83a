// Checklist "Initial load and graph" (spec/callbacks.md §15), driven in process by our renderer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctx, Dash, dcc, html, Input, Output, State } from 'dash-ts';
import { inProcess } from './harness.js';

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
