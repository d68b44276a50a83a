import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallbackGraph } from './callback-graph.js';
import { createInstance } from './instance.js';
import { prepareRequest } from './request-body.js';
import { classifyResponse, errorDetail, normalizeSideUpdate } from './response.js';
import type { LayoutView } from './types.js';
import { spec } from '../testing/fake-server.js';

describe('classifying answers (§12.2, protocol-core §5.2–§5.4)', () => {
  test('200 multi shape, with sideUpdate; a JSON string body is parsed', () => {
    const body = JSON.stringify({ multi: true, response: { a: { children: 1 } }, sideUpdate: { b: { x: 2 } } });
    assert.deepEqual(classifyResponse({ status: 200, body }, 'a.children'), {
      kind: 'data',
      data: { a: { children: 1 } },
      sideUpdate: { b: { x: 2 } },
    });
  });

  test('200 legacy shape applies to the id of the output key; 204 is prevented; other codes are errors', () => {
    assert.deepEqual(classifyResponse({ status: 200, body: { response: { props: { v: 1 } } } }, 'x.value'), {
      kind: 'data',
      data: { x: { v: 1 } },
      sideUpdate: undefined,
    });
    assert.deepEqual(classifyResponse({ status: 204, body: '' }, 'x.value'), { kind: 'prevented' });
    assert.deepEqual(classifyResponse({ status: 403, body: 'denied' }, 'x.value'), { kind: 'error', detail: 'denied' });
    assert.equal(classifyResponse({ status: 200, body: '<html>' }, 'x.value').kind, 'error');
  });

  test('side updates accept `{id: props}` and `"id.prop": value` forms, dict ids included', () => {
    assert.deepEqual(normalizeSideUpdate({ a: { x: 1 }, 'b.y': 2, '{"i":1}.z': 3, '{"i":2}': { w: 4 } }), {
      a: { x: 1 },
      b: { y: 2 },
      '{"i":1}': { z: 3 },
      '{"i":2}': { w: 4 },
    });
  });

  test('error details: our JSON errors become message + stack; other text is kept', () => {
    assert.equal(errorDetail('{"error":"Internal Server Error","message":"boom","stack":"at f"}'), 'boom\n\nat f');
    assert.equal(errorDetail('<h1>Traceback</h1>'), '<h1>Traceback</h1>');
  });
});

describe('request bodies (protocol-core §5.1)', () => {
  const layout: LayoutView = { has: () => true, getProp: () => 1, stringIds: () => [], dictIds: () => [] };

  test('an ALL input with no matching component is sent as an empty list', () => {
    const graph = new CallbackGraph([spec('out.children', { inputs: ['{"index":["ALL"],"type":"x"}.value'] })]);
    const prepared = prepareRequest(createInstance(graph.callbacks[0]!), layout);
    assert.equal(prepared.kind, 'request');
    assert.deepEqual(prepared.kind === 'request' ? prepared.body.inputs : undefined, [[]]);
  });

  test('clientside callbacks get the same payload as server ones (the clientside runner reads it)', () => {
    const clientside = {
      ...spec('out.children', { inputs: ['a.value'] }),
      clientside_function: { namespace: 'ns', function_name: 'f' },
    };
    const prepared = prepareRequest(createInstance(new CallbackGraph([clientside]).callbacks[0]!), layout);
    assert.equal(prepared.kind, 'request');
    assert.deepEqual(prepared.kind === 'request' ? prepared.body.inputs : undefined, [
      { id: 'a', property: 'value', value: 1 },
    ]);
  });

  test('a request echoes the key and keeps the @hash on outputs', () => {
    const graph = new CallbackGraph([spec('..a.children@h1...b.style..', { inputs: ['c.value'] })]);
    const prepared = prepareRequest(
      createInstance(graph.callbacks[0]!, { changed: new Map([['c.value', 2]]) }),
      layout,
    );
    assert.equal(prepared.kind, 'request');
    if (prepared.kind !== 'request') return;
    assert.deepEqual(prepared.body, {
      output: '..a.children@h1...b.style..',
      outputs: [
        { id: 'a', property: 'children@h1' },
        { id: 'b', property: 'style' },
      ],
      inputs: [{ id: 'c', property: 'value', value: 1 }],
      changedPropIds: ['c.value'],
      parsedChangedPropsIds: ['c.value'],
    });
  });
});
