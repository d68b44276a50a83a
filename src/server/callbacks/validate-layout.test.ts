import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as dcc from '../../components/dcc/index.js';
import * as html from '../../components/html/index.js';
import type { CallbackSpec } from '../../shared/protocol.js';
import { builtinPropTable, validateCallbacksToLayout } from './validate-layout.js';

function spec(output: string, inputs: string[], state: string[] = [], extra: Partial<CallbackSpec> = {}): CallbackSpec {
  const dep = (propId: string): { id: string; property: string } => {
    const dot = propId.lastIndexOf('.');
    return { id: propId.slice(0, dot), property: propId.slice(dot + 1) };
  };
  return {
    output,
    inputs: inputs.map(dep),
    state: state.map(dep),
    clientside_function: null,
    prevent_initial_call: false,
    background: null,
    dynamic_creator: null,
    no_output: false,
    optional: false,
    hidden: null,
    websocket: false,
    persistent: false,
    ...extra,
  };
}

const layout = html.Div([
  dcc.Input({ id: 'in', value: 'v' }),
  html.Div({ id: 'out' }),
  html.Div({ id: { type: 'row', index: 1 } }),
  html.Div({ id: { type: 'row', index: 2 } }),
]);

describe('validateCallbacksToLayout', () => {
  it('reports nothing for a correct app', () => {
    const specs = [
      spec('out.children', ['in.value'], ['in.n_submit']),
      spec('{"index":["ALL"],"type":"row"}.children', ['in.value']),
    ];
    assert.deepEqual(validateCallbacksToLayout(layout, specs, { suppress: false }), []);
  });

  it('reports a missing id once per kind, listing every callback; not when suppressed or optional', () => {
    const specs = [
      spec('out.children', ['gone.value']),
      spec('out.title', ['gone.value'], ['gone.n_clicks']),
      spec('..out.style...lost.children..', ['in.value']),
    ];
    const issues = validateCallbacksToLayout(layout, specs, { suppress: false });
    assert.deepEqual(
      issues.map((i) => [i.title, i.detail.split('\n')[0], i.detail.split('\n')[1]]),
      [
        // State is checked with the callbacks reached through a present output, as Dash does.
        ['ID not found in layout', 'Attempting to connect a callback State item to component:', '  "gone"'],
        ['ID not found in layout', 'Attempting to connect a callback Output item to component:', '  "lost"'],
        ['ID not found in layout', 'Attempting to connect a callback Input item to component:', '  "gone"'],
      ],
    );
    assert.match(issues[2]?.detail ?? '', /Output\(s\):\n {2}out\.children\n {2}out\.title$/);
    assert.match(issues[1]?.detail ?? '', /Output\(s\):\n {2}out\.style, lost\.children$/);
    assert.equal(issues[1]?.callback, '..out.style...lost.children..');
    assert.deepEqual(validateCallbacksToLayout(layout, specs, { suppress: true }), []);
    const optional = spec('out.children', ['maybe.value']);
    optional.inputs[0] = { id: 'maybe', property: 'value', allow_optional: true };
    assert.deepEqual(validateCallbacksToLayout(layout, [optional], { suppress: false }), []);
  });

  it('reports unknown props of known components, through patterns too; wildcard attributes only where accepted', () => {
    const specs = [
      spec('out.data-x', ['in.valeu']),
      spec('{"index":["ALL"],"type":"row"}.colour', ['in.value']),
      spec('out.aria-label', ['in.data-x']),
    ];
    const issues = validateCallbacksToLayout(layout, specs, { suppress: true });
    const found = issues.map((i) =>
      /Property "([^"]+)" was used with component ID:\n {2}(.+)\n/.exec(i.detail)?.slice(1),
    );
    assert.deepEqual(found, [
      ['colour', '{"index":1,"type":"row"}'],
      ['colour', '{"index":2,"type":"row"}'],
      ['valeu', '"in"'],
      ['data-x', '"in"'], // dcc.Input takes no data-* attributes (as in Dash); html.Div does
    ]);
    assert.ok(issues.every((i) => i.title === 'Invalid prop for this component'));
    const table = builtinPropTable();
    assert.equal(table.accepts('dash_html_components', 'Div', 'data-x'), true);
    assert.equal(table.accepts('dash_html_components', 'Div', 'nope'), false);
    assert.equal(table.accepts('dash_core_components', 'Input', 'value'), true);
    assert.equal(table.accepts('someone_else', 'Widget', 'anything'), undefined);
  });
});
