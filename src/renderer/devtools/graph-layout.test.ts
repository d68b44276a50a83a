import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphCallback } from './graph-layout.js';
import { layoutGraph } from './graph-layout.js';

const dep = (id: string, property: string): { id: string; property: string } => ({ id, property });

test('a chain flows left to right: input prop, callback, output prop, next callback', () => {
  const callbacks: GraphCallback[] = [
    { key: 'b.children', inputs: [dep('a', 'value')], state: [dep('s', 'value')], outputs: [dep('b', 'children')] },
    { key: 'c.children', inputs: [dep('b', 'children')], state: [], outputs: [dep('c', 'children')] },
  ];
  const layout = layoutGraph(callbacks);
  const x = new Map(layout.nodes.map((n) => [n.key, n.x]));
  assert.equal(layout.nodes.length, 6);
  assert.equal(layout.edges.length, 5);
  assert.ok(x.get('p:a.value')! < x.get('c:b.children')!);
  assert.ok(x.get('c:b.children')! < x.get('p:b.children')!);
  assert.ok(x.get('p:b.children')! < x.get('c:c.children')!);
  assert.equal(x.get('p:a.value'), x.get('p:s.value'), 'inputs and states share the first column');
  assert.deepEqual(
    layout.edges.map((e) => e.kind),
    ['input', 'state', 'output', 'input', 'output'],
  );
  for (const n of layout.nodes) {
    assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width && n.y + n.height <= layout.height, n.key);
  }
});

test('circular callbacks are laid out (a back edge is reversed), nodes never overlap', () => {
  const layout = layoutGraph([
    { key: 'b.value', inputs: [dep('a', 'value')], state: [], outputs: [dep('b', 'value')] },
    { key: 'a.value', inputs: [dep('b', 'value')], state: [], outputs: [dep('a', 'value')] },
    { key: 'x.children', inputs: [], state: [], outputs: [dep('x', 'children')] },
  ]);
  assert.equal(layout.nodes.length, 6);
  for (const a of layout.nodes) {
    for (const b of layout.nodes) {
      if (a === b) continue;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      assert.ok(apart, `${a.key} overlaps ${b.key}`);
    }
  }
});

test('long ids are clipped, an empty graph has a size', () => {
  const long = 'x'.repeat(100);
  const layout = layoutGraph([{ key: `${long}.children`, inputs: [], state: [], outputs: [dep(long, 'children')] }]);
  assert.ok(layout.nodes.every((n) => n.lines.every((l) => l.length <= 40)));
  assert.ok(layoutGraph([]).width > 0);
});

test('an edge spanning several layers bends through the layers it crosses', () => {
  const layout = layoutGraph([
    { key: 'b.children', inputs: [dep('a', 'value')], state: [], outputs: [dep('b', 'children')] },
    {
      key: 'c.children',
      inputs: [dep('b', 'children'), dep('a', 'value')],
      state: [],
      outputs: [dep('c', 'children')],
    },
  ]);
  const long = layout.edges.find((e) => e.from === 'p:a.value' && e.to === 'c:c.children');
  assert.ok(long);
  assert.equal(long.d.match(/C/g)?.length, 3, 'one curve per layer gap: a.value → (cb) → (b.children) → cb');
  const short = layout.edges.find((e) => e.from === 'p:a.value' && e.to === 'c:b.children');
  assert.equal(short?.d.match(/C/g)?.length, 1);
});
