import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as html from './index.js';

test('factory forms: children, props, children + props', () => {
  assert.deepEqual(html.Div('hello'), { type: 'Div', namespace: 'dash_html_components', props: { children: 'hello' } });
  assert.deepEqual(html.Div({ id: 'a', className: 'c' }), {
    type: 'Div',
    namespace: 'dash_html_components',
    props: { id: 'a', className: 'c' },
  });
  const child = html.Span('x');
  assert.deepEqual(html.Div([child, 'text', 3], { id: 'b' }), {
    type: 'Div',
    namespace: 'dash_html_components',
    props: { id: 'b', children: [child, 'text', 3] },
  });
  assert.deepEqual(html.P(child).props, { children: child });
  assert.deepEqual(html.Br(), { type: 'Br', namespace: 'dash_html_components', props: {} });
});

test('undefined props are not sent; JSON round-trips', () => {
  const node = html.A('docs', { href: '/docs', target: undefined });
  assert.deepEqual(node.props, { children: 'docs', href: '/docs' });
  assert.deepEqual(JSON.parse(JSON.stringify(html.MapEl({ name: 'm' }))), {
    type: 'MapEl',
    namespace: 'dash_html_components',
    props: { name: 'm' },
  });
});

test('ref gives a typed reference by id', () => {
  assert.deepEqual(html.Button.ref('go').props, { id: 'go' });
});

test('schema: common props, wildcard attributes, boolean and numeric attribute forms', () => {
  const div = html.Div.meta.schema;
  assert.ok(div.safeParse({ id: 'a', n_clicks: 3, n_clicks_timestamp: -1, style: { color: 'red', width: 3 } }).success);
  assert.ok(div.safeParse({ id: { type: 'item', index: 1 }, 'data-x': 'y', 'aria-label': 'z' }).success);
  assert.ok(div.safeParse({ hidden: 'HIDDEN', tabIndex: '2', disable_n_clicks: true }).success);
  assert.ok(!div.safeParse({ hidden: 'yes' }).success);
  assert.ok(!div.safeParse({ href: '/x' }).success, 'Div has no href');
  assert.ok(!div.safeParse({ onclick: 'alert(1)' }).success, 'no event attributes');
  assert.ok(!div.safeParse({ n_clicks: '3' }).success);
  assert.ok(!div.safeParse({ style: 'color: red' }).success, 'style is an object');

  const button = html.Button.meta.schema;
  for (const disabled of [true, false, 'disabled', 'DISABLED']) {
    assert.ok(button.safeParse({ disabled }).success, String(disabled));
  }
  assert.ok(!button.safeParse({ disabled: 'Disabled' }).success);
  const video = html.Video.meta.schema;
  for (const autoPlay of ['autoPlay', 'autoplay', 'AUTOPLAY']) assert.ok(video.safeParse({ autoPlay }).success);
  assert.ok(video.safeParse({ width: 300, height: '200' }).success);
  assert.ok(!video.safeParse({ width: true }).success);
  assert.ok(html.Textarea.meta.schema.safeParse({ readOnly: 'readonly' }).success);
  assert.ok(!html.Textarea.meta.schema.safeParse({ readOnly: true }).success, 'Textarea.readOnly is a string in Dash');
  assert.ok(html.Td.meta.schema.safeParse({ colSpan: 2, rowSpan: '3' }).success);
  assert.ok(html.A.meta.schema.safeParse({ href: 'https://example.com', target: '_blank' }).success);
});

test('html components declare no component-valued props besides children', () => {
  assert.deepEqual(html.Div.meta.childrenProps, []);
});
