import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { div, input } from '../testing/fake-server.js';
import { ChildrenProps, mapAtPath, parsePropPath } from './children-props.js';
import { LayoutStore, NodeRef, ROOT_KEY } from './layout-store.js';

describe('children_props paths', () => {
  test('parses the grammar of spec/protocol-core.md §3', () => {
    assert.deepEqual(parsePropPath('footer'), { prop: 'footer', steps: [] });
    assert.deepEqual(parsePropPath('options[].label'), {
      prop: 'options',
      steps: [{ each: 'array' }, { key: 'label' }],
    });
    assert.deepEqual(parsePropPath('items{}'), { prop: 'items', steps: [{ each: 'object' }] });
    assert.deepEqual(parsePropPath('x.y{}.z'), {
      prop: 'x',
      steps: [{ key: 'y' }, { each: 'object' }, { key: 'z' }],
    });
  });

  test('mapAtPath transforms only the leaves the path reaches', () => {
    const value = [{ label: 'a', value: 1 }, { value: 2 }, 'not an object'];
    const mapped = mapAtPath(value, parsePropPath('options[].label').steps, (leaf) => `<${String(leaf)}>`);
    assert.deepEqual(mapped, [{ label: '<a>', value: 1 }, { value: 2 }, 'not an object']);
  });

  test('children is always first and not repeated', () => {
    const registry = new ChildrenProps({ ns: { T: ['children', 'footer'] } });
    assert.deepEqual(
      registry.paths('ns', 'T').map((p) => p.prop),
      ['children', 'footer'],
    );
  });
});

describe('LayoutStore', () => {
  const layout = div({
    id: 'root',
    children: ['text', input({ id: 'in', value: 1 }), div({ children: [div({ id: { type: 'x', index: 1 } }), 7] })],
  });

  test('normalizes components into nodes with refs, indexes ids, and rebuilds the JSON', () => {
    const store = new LayoutStore(new ChildrenProps(), layout);
    const rootKey = store.keyOf('root')!;
    const node = store.getNode(rootKey)!;
    assert.equal(node.parent, ROOT_KEY);
    const children = node.props['children'] as unknown[];
    assert.equal(children[0], 'text');
    assert.ok(children[1] instanceof NodeRef);
    assert.equal(store.getNode(children[1].key)?.id, 'in');
    assert.ok(store.has('{"index":1,"type":"x"}'));
    assert.deepEqual(store.layoutJson(), layout);
    assert.deepEqual(store.idsBelow(), ['root', 'in', '{"index":1,"type":"x"}']);
    assert.deepEqual([...store.stringIds()].sort(), ['in', 'root']);
  });

  test('a prop change notifies only that node; JSON caches of it and its ancestors refresh', () => {
    const store = new LayoutStore(new ChildrenProps(), layout);
    const calls: string[] = [];
    for (const id of ['root', 'in', '{"index":1,"type":"x"}']) store.subscribe(store.keyOf(id)!, () => calls.push(id));
    const before = store.toJson(store.keyOf('root')!);
    const untouched = store.toJson(store.keyOf('{"index":1,"type":"x"}')!);
    store.updateProps(store.keyOf('in')!, { value: 2 });
    assert.deepEqual(calls, ['in']);
    const after = store.toJson(store.keyOf('root')!);
    assert.notEqual(after, before);
    assert.equal(
      store.toJson(store.keyOf('{"index":1,"type":"x"}')!),
      untouched,
      'unrelated subtree keeps its cached JSON',
    );
    assert.equal(store.getProp('in', 'value'), 2);
  });

  test('replacing children removes the old subtree and reports the new ids in document order', () => {
    const store = new LayoutStore(new ChildrenProps(), layout);
    const removedKey = store.keyOf('in')!;
    const result = store.updateProps(store.keyOf('root')!, {
      children: [div({ id: 'n1', children: input({ id: 'n2' }) }), div({ id: 'n3' })],
    });
    assert.deepEqual(result.chunks, [
      { property: 'children', addedIds: ['n1', 'n2', 'n3'], removedIds: ['in', '{"index":1,"type":"x"}'] },
    ]);
    assert.equal(store.has('in'), false);
    assert.equal(store.getNode(removedKey), undefined);
    assert.equal(store.getNode(store.keyOf('n2')!)?.parent, store.keyOf('n1'));
  });

  test('declared component props (`x[].y`, `x{}`, simple) are normalized and replaced like children', () => {
    const registry = new ChildrenProps({ ns: { T: ['options[].label', 'tabs{}', 'footer'] } });
    const json = {
      type: 'T',
      namespace: 'ns',
      props: {
        id: 't',
        options: [{ label: div({ id: 'l1' }), value: 'a' }],
        tabs: { one: div({ id: 'tab1' }) },
        footer: div({ id: 'f' }),
        data: { label: div({ id: 'not-a-component-prop' }) },
      },
    };
    const store = new LayoutStore(registry, json);
    assert.ok(store.has('l1') && store.has('tab1') && store.has('f'));
    assert.equal(store.has('not-a-component-prop'), false, 'only declared paths hold components');
    assert.deepEqual(store.getProp('t', 'options'), json.props.options);
    const result = store.updateProps(store.keyOf('t')!, { options: [{ label: div({ id: 'l2' }), value: 'b' }] });
    assert.deepEqual(result.chunks, [{ property: 'options', addedIds: ['l2'], removedIds: ['l1'] }]);
    assert.ok(store.has('tab1'), 'other component props keep their subtrees');
  });

  test('setProps writes only props that are not deep-equal and returns their names', () => {
    const store = new LayoutStore(new ChildrenProps(), input({ id: 'in', value: { a: [1] }, n: 1 }));
    let notified = 0;
    const key = store.keyOf('in')!;
    store.subscribe(key, () => (notified += 1));
    assert.deepEqual(store.setProps(key, { value: { a: [1] }, n: 1 }), []);
    assert.equal(notified, 0);
    assert.deepEqual(store.setProps(key, { value: { a: [2] }, n: 1 }), ['value']);
    assert.equal(notified, 1);
  });

  test('changing a component id re-indexes it', () => {
    const store = new LayoutStore(new ChildrenProps(), input({ id: 'a' }));
    store.updateProps(store.keyOf('a')!, { id: 'b' });
    assert.equal(store.has('a'), false);
    assert.equal(store.getNode(store.keyOf('b')!)?.id, 'b');
  });
});
