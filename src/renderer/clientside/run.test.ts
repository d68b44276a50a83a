// Clientside callbacks in the renderer runtime, under Node (spec/callbacks.md §6.2, §4.4, §5.3):
// functions on globalThis.dash_clientside, the scheduler's pipeline, no server involved.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { CallbackSpec } from '../../shared/protocol.js';
import type { CallbackError } from '../graph/types.js';
import { div, input, spec } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';
import { clientsideGlobals } from './globals.js';

function clientside(output: string, fn: string, options: Parameters<typeof spec>[1] = {}): CallbackSpec {
  return { ...spec(output, options), clientside_function: { namespace: 'test', function_name: fn } };
}

function define(functions: Record<string, (...args: never[]) => unknown>): void {
  clientsideGlobals()['test'] = functions;
}

afterEach(() => {
  delete clientsideGlobals()['test'];
});

describe('clientside runner', () => {
  test('arguments are inputs then states; single and multi outputs; nothing is POSTed', async () => {
    const seen: unknown[][] = [];
    define({
      one: (...args: never[]) => {
        seen.push(args);
        return `one:${String(args[0])}`;
      },
      two: (a: never) => [`${String(a)}-1`, `${String(a)}-2`],
    });
    const t = testRuntime(
      div({
        children: [
          input({ id: 'a', value: 'x' }),
          input({ id: 's', value: 'st' }),
          div({ id: 'o' }),
          div({ id: 'p' }),
          div({ id: 'q' }),
        ],
      }),
      [
        clientside('o.children', 'one', { inputs: ['a.value'], state: ['s.value'] }),
        clientside('..p.children...q.children..', 'two', { inputs: ['a.value'] }),
      ],
      {},
    );
    await t.start();
    assert.deepEqual(seen, [['x', 'st']]);
    assert.equal(t.prop('o', 'children'), 'one:x');
    assert.deepEqual([t.prop('p', 'children'), t.prop('q', 'children')], ['x-1', 'x-2']);
    assert.equal(t.server.calls.length, 0);
    assert.deepEqual(t.errors, []);
  });

  test('no_update per output and whole; PreventUpdate is silent; errors are reported with their message', async () => {
    const dc = clientsideGlobals();
    define({
      multi: (n: never) => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Dash's API: the sentinel itself is thrown
        if (n === 1) throw dc.PreventUpdate;
        if (n === 2) return [dc.no_update, 'b2'];
        if (n === 3) return dc.no_update;
        throw new TypeError(`bad ${String(n)}`);
      },
    });
    const t = testRuntime(
      div({
        children: [input({ id: 'n', value: 0 }), div({ id: 'a', children: 'a0' }), div({ id: 'b', children: 'b0' })],
      }),
      [clientside('..a.children...b.children..', 'multi', { inputs: ['n.value'], prevent_initial_call: true })],
      {},
    );
    await t.start();
    const values = (): unknown[] => [t.prop('a', 'children'), t.prop('b', 'children')];
    t.edit('n', { value: 1 });
    await t.settle();
    assert.deepEqual(values(), ['a0', 'b0']);
    t.edit('n', { value: 2 });
    await t.settle();
    assert.deepEqual(values(), ['a0', 'b2']);
    t.edit('n', { value: 3 });
    await t.settle();
    assert.deepEqual(values(), ['a0', 'b2']);
    assert.deepEqual(t.errors, []);
    t.edit('n', { value: 4 });
    await t.settle();
    assert.deepEqual(values(), ['a0', 'b2']);
    // Read again: the assertion above narrowed `t.errors` to an empty array type.
    const errors: readonly CallbackError[] = t.errors;
    assert.deepEqual(
      errors.map((e) => [e.title, e.callback]),
      [['bad 4', '..a.children...b.children..']],
    );
    assert.match(errors[0]?.detail ?? '', /TypeError: bad 4/);
  });

  test('callback_context exists during the synchronous part only; promises are awaited before dependants', async () => {
    const dc = clientsideGlobals();
    const contexts: unknown[] = [];
    let release: (value: string) => void = () => undefined;
    define({
      slow: (v: never) => {
        contexts.push(structuredClone(dc.callback_context));
        return new Promise<string>((resolve) => (release = (s) => resolve(`${s}:${String(v)}`)));
      },
      dep: (v: never) => `dep(${String(v)})`,
    });
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 'x' }), div({ id: 'o' }), div({ id: 'd' })] }),
      [
        clientside('o.children', 'slow', { inputs: ['a.value'], prevent_initial_call: true }),
        clientside('d.children', 'dep', { inputs: ['o.children'], prevent_initial_call: true }),
      ],
      {},
    );
    await t.start();
    t.edit('a', { value: 'y' });
    // Not settle(): it waits for idle, which the pending promise prevents.
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(t.runtime.scheduler.pending, 1, 'the promise keeps the instance in flight');
    assert.equal('callback_context' in dc, false);
    assert.deepEqual(contexts, [
      {
        triggered: [{ prop_id: 'a.value', value: 'y' }],
        triggered_id: 'a',
        inputs: { 'a.value': 'y' },
        inputs_list: [{ id: 'a', property: 'value', value: 'y' }],
        states: {},
        states_list: undefined,
        outputs_list: { id: 'o', property: 'children' },
      },
    ]);
    assert.equal(t.prop('d', 'children'), undefined);
    release('done');
    await t.settle();
    assert.equal(t.prop('o', 'children'), 'done:y');
    assert.equal(t.prop('d', 'children'), 'dep(done:y)');
  });

  test('set_props by id, dict id and layout path updates components and triggers their dependants', async () => {
    const dc = clientsideGlobals();
    define({
      side: (n: never) => {
        dc.set_props?.('t', { children: `id ${String(n)}` });
        dc.set_props?.({ type: 'x', index: 1 }, { children: `dict ${String(n)}` });
        dc.set_props?.(['props', 'children', 3], { children: `path ${String(n)}` });
        dc.set_props?.('missing', { children: 1 });
      },
      follow: (v: never) => `followed ${String(v)}`,
    });
    const t = testRuntime(
      div({
        children: [
          input({ id: 'n', value: 0 }),
          div({ id: 't' }),
          div({ id: { type: 'x', index: 1 } }),
          div({ id: 'p' }),
          div({ id: 'f' }),
        ],
      }),
      [
        { ...clientside('n.value', 'side', { inputs: ['n.value'], prevent_initial_call: true }), no_output: true },
        clientside('f.children', 'follow', { inputs: ['t.children'], prevent_initial_call: true }),
      ],
      {},
    );
    await t.start();
    t.edit('n', { value: 5 });
    await t.settle();
    assert.equal(t.prop('t', 'children'), 'id 5');
    assert.equal(t.prop('{"index":1,"type":"x"}', 'children'), 'dict 5');
    assert.equal(t.prop('p', 'children'), 'path 5');
    assert.equal(t.prop('f', 'children'), 'followed id 5');
    assert.deepEqual(
      t.errors.map((e) => e.title),
      ['dash_clientside.set_props: component not found'],
    );
  });

  test('a missing function is reported with a hint where to define it', async () => {
    define({});
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 'x' }), div({ id: 'o', children: 'keep' })] }),
      [clientside('o.children', 'absent', { inputs: ['a.value'] })],
      {},
    );
    await t.start();
    assert.equal(t.prop('o', 'children'), 'keep');
    assert.deepEqual(
      t.errors.map((e) => e.title),
      ['No clientside function dash_clientside.test.absent'],
    );
    assert.match(t.errors[0]?.detail ?? '', /assets folder/);
  });
});
