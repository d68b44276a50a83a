import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Graph } from './graph.js';

const schema = Graph.meta.schema;

describe('dcc.Graph definition', () => {
  it('has every Dash prop', () => {
    for (const prop of [
      'id',
      'responsive',
      'clickData',
      'clickAnnotationData',
      'hoverData',
      'clear_on_unhover',
      'selectedData',
      'relayoutData',
      'extendData',
      'prependData',
      'restyleData',
      'figure',
      'mathjax',
      'animate',
      'animation_options',
      'config',
      'className',
      'style',
    ]) {
      assert.ok(Graph.meta.propNames.includes(prop), `missing ${prop}`);
    }
  });
  it('accepts a figure, config and event data as the browser writes them', () => {
    const parsed = schema.safeParse({
      id: 'g',
      figure: { data: [{ type: 'bar', x: [1], y: [2] }], layout: { title: { text: 'T' } }, frames: [] },
      config: {
        displayModeBar: 'hover',
        doubleClick: 'reset+autosize',
        toImageButtonOptions: { format: 'svg' },
        edits: { titleText: true },
      },
      responsive: 'auto',
      clickData: {
        points: [{ curveNumber: 0, pointNumber: 0, x: 1, y: 2, 'marker.color': 'red', customdata: [1, 'a'] }],
        timestamp: 1,
      },
      selectedData: { points: [], range: { x: [0, 1], y: ['a', 'b'] } },
      relayoutData: { 'xaxis.range[0]': 1, autosize: true },
      restyleData: [{ visible: ['legendonly'] }, [0]],
      extendData: [{ y: [[3]] }, [0], 10],
      clickAnnotationData: { index: 0, annotation: { text: 'a' } },
    });
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });
  it('rejects unknown figure and config keys (Dash declares both exact)', () => {
    assert.equal(schema.safeParse({ figure: { data: [], layuot: {} } }).success, false);
    assert.equal(schema.safeParse({ config: { displayModebar: false } }).success, false);
    assert.equal(schema.safeParse({ config: { doubleClick: true } }).success, false);
    assert.equal(schema.safeParse({ responsive: 'yes' }).success, false);
    assert.equal(schema.safeParse({ clickData: { points: 'x' } }).success, false);
  });
});
