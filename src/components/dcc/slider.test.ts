import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RangeSlider } from './range-slider.js';
import { Slider } from './slider.js';

describe('dcc.Slider definition', () => {
  it("keeps Dash's prop order (min, max, step, marks, value first)", () => {
    assert.deepEqual(Slider.meta.propNames.slice(0, 8), [
      'id',
      'min',
      'max',
      'step',
      'marks',
      'value',
      'drag_value',
      'disabled',
    ]);
    for (const prop of [
      'dots',
      'included',
      'reverse',
      'tooltip',
      'updatemode',
      'vertical',
      'verticalHeight',
      'allow_direct_input',
      'className',
      'persistence',
      'persisted_props',
      'persistence_type',
    ]) {
      assert.ok(Slider.meta.propNames.includes(prop), `missing ${prop}`);
    }
  });
  it('accepts marks in both forms, null step and a tooltip', () => {
    const parsed = Slider.meta.schema.safeParse({
      min: 0,
      max: 10,
      step: null,
      marks: { 0: 'zero', '5': { label: 'five', style: { color: 'red' } }, '-2.5': 'x' },
      value: 5,
      tooltip: { always_visible: true, placement: 'bottomLeft', template: '{value} kg', transform: 'fmt' },
      updatemode: 'drag',
    });
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });
  it('rejects non-numeric mark positions, bad placements and list values', () => {
    assert.equal(Slider.meta.schema.safeParse({ marks: { abc: 'x' } }).success, false);
    assert.equal(Slider.meta.schema.safeParse({ tooltip: { placement: 'middle' } }).success, false);
    assert.equal(Slider.meta.schema.safeParse({ value: [1, 2] }).success, false);
    assert.equal(Slider.meta.schema.safeParse({ updatemode: 'always' }).success, false);
    assert.equal(Slider.meta.schema.safeParse({ step: 0 }).success, false);
  });
});

describe('dcc.RangeSlider definition', () => {
  it('has the range-only props and list values', () => {
    assert.deepEqual(RangeSlider.meta.propNames.slice(5, 12), [
      'value',
      'drag_value',
      'allowCross',
      'pushable',
      'disabled',
      'count',
      'dots',
    ]);
    assert.ok(
      RangeSlider.meta.schema.safeParse({ value: [1, 5], drag_value: [1, 4], pushable: 2, allowCross: false, count: 1 })
        .success,
    );
    assert.ok(RangeSlider.meta.schema.safeParse({ pushable: true }).success);
    assert.equal(RangeSlider.meta.schema.safeParse({ value: 3 }).success, false);
  });
  it('builds component JSON', () => {
    assert.deepEqual(RangeSlider({ id: 'r', min: 0, max: 10, value: [2, 8] }), {
      type: 'RangeSlider',
      namespace: 'dash_core_components',
      props: { id: 'r', min: 0, max: 10, value: [2, 8] },
    });
  });
});
