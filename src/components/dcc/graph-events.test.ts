import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonEqual } from './json-equal.js';
import {
  clickAnnotationEvent,
  clickEvent,
  configOverride,
  filterPointsEvent,
  graphStyle,
  isResponsive,
  isShapeEdit,
  layoutOverride,
  parseTraceUpdate,
} from './graph-events.js';

/** A point as plotly.js emits it: scalars plus big, circular objects. */
function plotlyPoint(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const fullData = { type: 'scatter', mode: 'markers' };
  const xaxis: Record<string, unknown> = { _id: 'x' };
  xaxis['self'] = xaxis;
  return {
    curveNumber: 1,
    pointNumber: 2,
    pointIndex: 2,
    x: 'b',
    y: 7,
    text: null,
    data: { mode: 'markers', customdata: ['p', 'q', 'r'] },
    fullData,
    xaxis,
    marker: { color: 'red' },
    ...extra,
  };
}

const traces = [{ y: [1] }, { x: ['a', 'b', 'c'], y: [5, 6, 7], customdata: ['p', 'q', { id: 'r' }] }];

describe('filterPointsEvent', () => {
  it('keeps only scalar fields and looks customdata up in the trace', () => {
    const out = filterPointsEvent({ points: [plotlyPoint()], event: { type: 'click' } }, traces);
    assert.deepEqual(out, {
      points: [{ curveNumber: 1, pointNumber: 2, pointIndex: 2, x: 'b', y: 7, text: null, customdata: { id: 'r' } }],
    });
    assert.doesNotThrow(() => JSON.stringify(out));
  });
  it('passes bbox, pointNumbers (with their customdata), range and lassoPoints', () => {
    const point = plotlyPoint({ pointNumber: undefined, pointNumbers: [0, 2], bbox: { x0: 1, x1: 2, y0: 3, y1: 4 } });
    delete point['pointNumber'];
    const out = filterPointsEvent(
      { points: [point], range: { x: [0, 1], y: [2, 3] }, lassoPoints: { x: [1], y: [2] } },
      traces,
    );
    assert.deepEqual(out?.['points'], [
      {
        curveNumber: 1,
        pointIndex: 2,
        x: 'b',
        y: 7,
        text: null,
        bbox: { x0: 1, x1: 2, y0: 3, y1: 4 },
        customdata: ['p', { id: 'r' }],
        pointNumbers: [0, 2],
      },
    ]);
    assert.deepEqual(out?.['range'], { x: [0, 1], y: [2, 3] });
    assert.deepEqual(out?.['lassoPoints'], { x: [1], y: [2] });
  });
  it('returns null for a missing event and adds no customdata for traces without it', () => {
    assert.equal(filterPointsEvent(undefined, traces), null);
    const out = filterPointsEvent({ points: [plotlyPoint({ curveNumber: 0, pointNumber: 0 })] }, traces);
    assert.equal('customdata' in ((out?.['points'] as Record<string, unknown>[])[0] ?? {}), false);
  });
});

describe('click payloads', () => {
  it('stamps clicks so repeated clicks on one point differ', () => {
    const first = clickEvent({ points: [plotlyPoint()] }, traces, 1000);
    const second = clickEvent({ points: [plotlyPoint()] }, traces, 2000);
    assert.equal(first?.['timestamp'], 1000);
    assert.equal(jsonEqual(first, second), false);
  });
  it('drops the DOM event and fullAnnotation from annotation clicks', () => {
    const out = clickAnnotationEvent(
      { index: 0, annotation: { text: 'hi' }, fullAnnotation: { text: 'hi', _input: {} }, event: {} },
      5,
    );
    assert.deepEqual(out, { index: 0, annotation: { text: 'hi' }, timestamp: 5 });
  });
});

describe('isShapeEdit', () => {
  it('recognises shape edits among relayout keys', () => {
    assert.equal(isShapeEdit({ shapes: [] }), true);
    assert.equal(isShapeEdit({ 'shapes[0].x0': 1 }), true);
    assert.equal(isShapeEdit({ 'xaxis.range[0]': 1 }), false);
    assert.equal(isShapeEdit(null), false);
  });
});

describe('parseTraceUpdate', () => {
  it('reads [update, indices, maxPoints]', () => {
    assert.deepEqual(parseTraceUpdate([{ y: [[1, 2]] }, [1], 10]), {
      update: { y: [[1, 2]] },
      indices: [1],
      maxPoints: 10,
    });
  });
  it('defaults the indices to 0..n-1 from the first array', () => {
    assert.deepEqual(parseTraceUpdate({ x: [[1], [2]], y: [[3], [4]] }), {
      update: { x: [[1], [2]], y: [[3], [4]] },
      indices: [0, 1],
    });
    assert.deepEqual(parseTraceUpdate([{ y: [[5]] }]), { update: { y: [[5]] }, indices: [0] });
  });
  it('rejects values that are not updates', () => {
    assert.equal(parseTraceUpdate(null), null);
    assert.equal(parseTraceUpdate([1, 2]), null);
    assert.equal(parseTraceUpdate({ y: 3 }), null);
    assert.equal(parseTraceUpdate({}), null);
  });
});

describe('responsive', () => {
  it('overrides config and layout per mode', () => {
    assert.deepEqual(configOverride(true), { responsive: true });
    assert.deepEqual(configOverride(false), { responsive: false });
    assert.deepEqual(configOverride('auto'), {});
    assert.deepEqual(layoutOverride(true), { autosize: true, width: undefined, height: undefined });
    assert.deepEqual(layoutOverride(false), { autosize: false });
    assert.deepEqual(layoutOverride(undefined), {});
  });
  it("decides 'auto' from config.responsive and the layout size", () => {
    assert.equal(isResponsive(true, {}, { height: 300, width: 300 }), true);
    assert.equal(isResponsive(false, { responsive: true }, {}), false);
    assert.equal(isResponsive('auto', {}, {}), false);
    assert.equal(isResponsive('auto', { responsive: true }, {}), true);
    assert.equal(isResponsive('auto', { responsive: true }, { height: 300, width: 400 }), false);
    assert.equal(isResponsive('auto', { responsive: true }, { height: 300 }), true);
    assert.equal(isResponsive('auto', { responsive: true }, { autosize: false }), false);
  });
  it('fills the parent height when responsive and no height is given', () => {
    assert.deepEqual(graphStyle(undefined, true), { height: '100%' });
    assert.deepEqual(graphStyle({ height: 200 }, true), { height: 200 });
    assert.deepEqual(graphStyle({ color: 'red' }, 'auto'), { color: 'red' });
  });
});
