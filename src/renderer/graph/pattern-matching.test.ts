// Pattern-matching callbacks in the renderer (spec/callbacks.md §3.3–§3.5, §1.4, §1.5, §1.8;
// request shapes of spec/protocol-core.md §5.1), run against a fake server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallbackArgument, CallbackOutputRef, UpdateRequest } from '../../shared/protocol.js';
import { stringifyId } from '../../shared/prop-id.js';
import { div, input, ok, spec } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

const QTY_MATCH = '{"index":["MATCH"],"type":"qty"}';
const QTY_ALL = '{"index":["ALL"],"type":"qty"}';
const OUT_MATCH = '{"index":["MATCH"],"type":"out"}';
const OUT_KEY = `${OUT_MATCH}.children`;

const qtyId = (index: number) => ({ index, type: 'qty' });
const outId = (index: number) => ({ index, type: 'out' });
const row = (index: number, value: unknown) =>
  div({ children: [input({ id: qtyId(index), value }), div({ id: outId(index) })] });

/** The MATCH callback: copy the row's input into its Div. */
function copyRow(request: UpdateRequest) {
  const out = request.outputs as CallbackOutputRef;
  const arg = request.inputs[0] as CallbackArgument;
  return ok({ [stringifyId(out.id)]: { children: `row ${String(arg.value)}` } });
}

/** The ALL callback: sum the inputs into `total`. */
function sum(request: UpdateRequest) {
  const args = request.inputs[0] as CallbackArgument[];
  return ok({ total: { children: args.reduce((s, a) => s + Number(a.value ?? 0), 0) } });
}

const todoSpecs = [
  spec(OUT_KEY, { inputs: [`${QTY_MATCH}.value`] }),
  spec('total.children', { inputs: [`${QTY_ALL}.value`] }),
];

describe('pattern matching (§3)', () => {
  test('cbwc001-style: the initial wave has one MATCH instance per row and one ALL call, bodies per §5.1', async () => {
    const t = testRuntime(div({ children: [row(0, 1), row(1, 2), row(2, 3), div({ id: 'total' })] }), todoSpecs, {
      [OUT_KEY]: copyRow,
      'total.children': sum,
    });
    await t.start();
    const matchCalls = t.server.callsFor(OUT_KEY);
    assert.equal(matchCalls.length, 3);
    assert.deepEqual(matchCalls[1], {
      output: OUT_KEY,
      outputs: { id: outId(1), property: 'children' },
      inputs: [{ id: qtyId(1), property: 'value', value: 2 }],
      changedPropIds: [],
      parsedChangedPropsIds: [],
    });
    const [total] = t.server.callsFor('total.children');
    // ALL: every matching component, in layout order.
    assert.deepEqual(total?.inputs, [
      [
        { id: qtyId(0), property: 'value', value: 1 },
        { id: qtyId(1), property: 'value', value: 2 },
        { id: qtyId(2), property: 'value', value: 3 },
      ],
    ]);
    assert.equal(t.prop('{"index":2,"type":"out"}', 'children'), 'row 3');
    assert.equal(t.prop('total', 'children'), 6);
    assert.deepEqual(t.errors, []);
  });

  test('a change fires only the MATCH instance of its row and every ALL callback on the pattern', async () => {
    const t = testRuntime(div({ children: [row(0, 1), row(1, 2), row(2, 3), div({ id: 'total' })] }), todoSpecs, {
      [OUT_KEY]: copyRow,
      'total.children': sum,
    });
    await t.start();
    t.server.calls.length = 0;
    t.edit('{"index":1,"type":"qty"}', { value: 10 });
    await t.settle();
    assert.deepEqual(
      t.server.calls.map((c) => [c.output, c.changedPropIds]),
      [
        [OUT_KEY, ['{"index":1,"type":"qty"}.value']],
        ['total.children', ['{"index":1,"type":"qty"}.value']],
      ],
    );
    assert.deepEqual(t.server.calls[0]?.parsedChangedPropsIds, [qtyId(1)]);
    assert.equal(t.prop('{"index":1,"type":"out"}', 'children'), 'row 10');
    assert.equal(t.prop('{"index":0,"type":"out"}', 'children'), 'row 1');
    assert.equal(t.prop('total', 'children'), 14);
  });

  test('ALLSMALLER: a change fires the instances whose MATCH value is greater, each with the smaller rows', async () => {
    const key = '{"index":["MATCH"],"type":"run"}.children';
    const layout = div({
      children: [0, 1, 2].flatMap((i) => [
        input({ id: qtyId(i), value: i + 1 }),
        div({ id: { index: i, type: 'run' } }),
      ]),
    });
    const t = testRuntime(
      layout,
      [spec(key, { inputs: ['{"index":["ALLSMALLER"],"type":"qty"}.value', `${QTY_MATCH}.value`] })],
      {
        [key]: (r) => {
          const smaller = (r.inputs[0] as CallbackArgument[]).map((a) => a.value);
          const own = (r.inputs[1] as CallbackArgument).value;
          return ok({ [stringifyId((r.outputs as CallbackOutputRef).id)]: { children: [...smaller, own].join('+') } });
        },
      },
    );
    await t.start();
    assert.equal(t.prop('{"index":0,"type":"run"}', 'children'), '1');
    assert.equal(t.prop('{"index":2,"type":"run"}', 'children'), '1+2+3');
    t.server.calls.length = 0;
    t.edit('{"index":0,"type":"qty"}', { value: 5 });
    await t.settle();
    // index 0 fires its own MATCH instance and, through ALLSMALLER, those of 1 and 2.
    assert.deepEqual(t.server.calls.map((c) => stringifyId((c.outputs as CallbackOutputRef).id)).sort(), [
      '{"index":0,"type":"run"}',
      '{"index":1,"type":"run"}',
      '{"index":2,"type":"run"}',
    ]);
    assert.equal(t.prop('{"index":2,"type":"run"}', 'children'), '5+2+3');
    t.server.calls.length = 0;
    t.edit('{"index":2,"type":"qty"}', { value: 9 });
    await t.settle();
    assert.equal(t.server.calls.length, 1);
    assert.equal(t.prop('{"index":2,"type":"run"}', 'children'), '5+2+9');
  });

  test('cbwc001-style: rows added by a callback get their MATCH instance, and the ALL total recomputes', async () => {
    const addKey = 'rows.children';
    const t = testRuntime(
      div({ children: [input({ id: 'add', n_clicks: 0 }), div({ id: 'rows', children: [] }), div({ id: 'total' })] }),
      [spec(addKey, { inputs: ['add.n_clicks'], state: ['rows.children'], prevent_initial_call: true }), ...todoSpecs],
      {
        [addKey]: (r) => {
          const existing = ((r.state?.[0] as CallbackArgument).value ?? []) as unknown[];
          const n = existing.length;
          return ok({ rows: { children: [...existing, row(n, n + 1)] } });
        },
        [OUT_KEY]: copyRow,
        'total.children': sum,
      },
    );
    await t.start();
    assert.equal(t.prop('total', 'children'), 0); // ALL over no rows: an empty list, still called
    assert.deepEqual(t.server.callsFor('total.children')[0]?.inputs, [[]]);
    for (let clicks = 1; clicks <= 3; clicks += 1) {
      t.edit('add', { n_clicks: clicks });
      await t.settle();
    }
    assert.equal(t.prop('{"index":2,"type":"out"}', 'children'), 'row 3');
    assert.equal(t.prop('total', 'children'), 6);
    t.server.calls.length = 0;
    t.edit('{"index":1,"type":"qty"}', { value: 7 });
    await t.settle();
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      [OUT_KEY, 'total.children'],
    );
    assert.equal(t.prop('{"index":1,"type":"out"}', 'children'), 'row 7');
    assert.equal(t.prop('{"index":0,"type":"out"}', 'children'), 'row 1');
    assert.equal(t.prop('total', 'children'), 11);
    assert.deepEqual(t.errors, []);
  });

  test('an ALL output is sent as an array of refs and written per concrete id', async () => {
    const key = '{"index":["ALL"],"type":"out"}.children';
    const t = testRuntime(
      div({ children: [input({ id: 'src', value: 'v' }), div({ id: outId(0) }), div({ id: outId(1) })] }),
      [spec(key, { inputs: ['src.value'] })],
      {
        [key]: (r) => {
          const outs = r.outputs as CallbackOutputRef[];
          return ok(
            Object.fromEntries(
              outs.map((o) => [
                stringifyId(o.id),
                { children: `all ${String((o.id as Record<string, unknown>)['index'])}` },
              ]),
            ),
          );
        },
      },
    );
    await t.start();
    assert.deepEqual(t.server.calls[0]?.outputs, [
      { id: outId(0), property: 'children' },
      { id: outId(1), property: 'children' },
    ]);
    assert.equal(t.prop('{"index":1,"type":"out"}', 'children'), 'all 1');
  });

  test('cbwc009 (§3.7): MATCH input with a fixed output binds each trigger; State resolves to its row', async () => {
    const key = 'log.children';
    const btn = (index: number) => input({ id: { index, type: 'btn' }, n_clicks: 0 });
    const t = testRuntime(
      div({
        children: [btn(0), input({ id: { index: 0, type: 'lbl' }, value: 'zero' }), btn(1)].concat([
          input({ id: { index: 1, type: 'lbl' }, value: 'one' }),
          div({ id: 'log' }),
        ]),
      }),
      [
        spec(key, {
          inputs: ['{"index":["MATCH"],"type":"btn"}.n_clicks'],
          state: ['{"index":["MATCH"],"type":"lbl"}.value'],
          prevent_initial_call: true,
        }),
      ],
      { [key]: (r) => ok({ log: { children: (r.state?.[0] as CallbackArgument).value } }) },
    );
    await t.start();
    t.edit('{"index":1,"type":"btn"}', { n_clicks: 1 });
    await t.settle();
    assert.equal(t.prop('log', 'children'), 'one');
    assert.deepEqual(t.server.calls[0]?.inputs, [{ id: { index: 1, type: 'btn' }, property: 'n_clicks', value: 1 }]);
    t.edit('{"index":0,"type":"btn"}', { n_clicks: 1 });
    await t.settle();
    assert.equal(t.prop('log', 'children'), 'zero');
  });
});
