import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  autoMarks,
  computedStep,
  decimalCount,
  defaultStep,
  dotPositions,
  drawnMarks,
  effectiveStep,
  formatMarkLabel,
  formatSiPrefix,
  MAX_MARKS,
  sliderBounds,
  usableMarks,
} from './slider-marks.js';

describe('sliderBounds', () => {
  it('prefers min/max, then the extreme marks, then 0 and 1', () => {
    assert.deepEqual(sliderBounds(2, 8, { '0': 'a', '10': 'b' }), { min: 2, max: 8 });
    assert.deepEqual(sliderBounds(undefined, undefined, { '5': 'a', '-3': 'b', '12.5': 'c' }), { min: -3, max: 12.5 });
    assert.deepEqual(sliderBounds(undefined, undefined, null), { min: 0, max: 1 });
    assert.deepEqual(sliderBounds(undefined, 20, undefined), { min: 0, max: 20 });
  });
});

describe('steps', () => {
  it('defaults to 1 for integer bounds and computes a nice step otherwise', () => {
    assert.equal(defaultStep(0, 10), 1);
    assert.equal(defaultStep(-500, 10_000), 1);
    assert.equal(defaultStep(0, 2.5), 0.02);
    assert.equal(defaultStep(0.5, 40.5), 0.5);
    assert.equal(computedStep(0, 1000), 10);
    assert.equal(computedStep(0, 1), 0.01);
  });
  it('uses no step when step is null and there are marks', () => {
    assert.equal(effectiveStep(null, { min: 0, max: 10 }, { '0': 'a', '3': 'b' }), undefined);
    assert.equal(effectiveStep(null, { min: 0, max: 10 }, null), 1);
    assert.equal(effectiveStep(0.25, { min: 0, max: 10 }, undefined), 0.25);
    assert.equal(effectiveStep(undefined, { min: 0, max: 0.5 }, undefined), 0.005);
  });
  it('counts decimals, including exponent notation', () => {
    assert.equal(decimalCount(1), 0);
    assert.equal(decimalCount(0.25), 2);
    assert.equal(decimalCount(1e-7), 7);
  });
});

describe('mark labels', () => {
  it('leaves mid-sized numbers alone and SI-formats large and tiny ones like d3 formatPrefix', () => {
    assert.equal(formatMarkLabel(0, 0, 1e6), '0');
    assert.equal(formatMarkLabel(5000, 0, 1e6), '5000');
    assert.equal(formatMarkLabel(0.5, 0, 1), '0.5');
    assert.equal(formatMarkLabel(1e6, 0, 1e6), '1,000k');
    assert.equal(formatMarkLabel(20_000_000, 0, 1e8), '20M');
    assert.equal(formatMarkLabel(0.0001, 0, 0.001), '100µ');
    assert.equal(formatSiPrefix(-2e6, 1e6), '\u22122M');
    assert.equal(formatSiPrefix(1_234_567_000, 1e9), '1G');
  });
});

describe('autoMarks', () => {
  it('puts a mark at every step when they fit', () => {
    assert.deepEqual(
      Object.keys(autoMarks(0, 10, 1, 330))
        .map(Number)
        .sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });
  it('spaces marks by a nice number of steps and always includes min and max', () => {
    const marks = autoMarks(0, 100, 1, 330);
    assert.deepEqual(
      Object.keys(marks)
        .map(Number)
        .sort((a, b) => a - b),
      [0, 20, 40, 60, 80, 100],
    );
    assert.equal(marks['100'], '100');
  });
  it('uses fewer marks on a narrow track and never leaves the step grid', () => {
    const narrow = Object.keys(autoMarks(0, 100, 1, 120)).map(Number);
    assert.ok(narrow.length < 6, `expected fewer marks, got ${narrow.join(',')}`);
    for (const m of Object.keys(autoMarks(3, 50, 0.5, 330)).map(Number)) {
      assert.equal(((m - 3) / 0.5) % 1, 0, `mark ${m} is off the 0.5 grid`);
    }
  });
  it('leaves room for decimals in the labels', () => {
    const marks = Object.keys(autoMarks(0, 1, 0.05, 500))
      .map(Number)
      .sort((a, b) => a - b);
    assert.ok(marks.length <= 11, `too many marks: ${marks.join(',')}`);
    for (const m of marks) assert.ok(Math.abs(m / 0.05 - Math.round(m / 0.05)) < 1e-9, `${m} is off the step grid`);
  });
  it('drops the last generated mark when it crowds max', () => {
    const marks = Object.keys(autoMarks(0, 105, 1, 330))
      .map(Number)
      .sort((a, b) => a - b);
    assert.deepEqual(marks, [0, 20, 40, 60, 80, 105]);
  });
  it('labels large ranges with SI prefixes', () => {
    const marks = autoMarks(0, 1e6, 1000, 330);
    assert.equal(marks['1000000'], '1,000k');
    assert.equal(marks['0'], '0');
  });
});

describe('drawnMarks', () => {
  it('keeps given marks inside the bounds, sorted, with labels and styles', () => {
    const drawn = drawnMarks({
      marks: { '10': 'ten', '0': { label: 'zero', style: { color: 'red' } }, '50': 'out', '5': { label: '' } },
      min: 0,
      max: 10,
      step: 1,
    });
    assert.deepEqual(drawn, [
      { value: 0, label: 'zero', style: { color: 'red' } },
      { value: 5, label: '5', style: undefined },
      { value: 10, label: 'ten', style: undefined },
    ]);
  });
  it('draws nothing for null and generated marks when none are given or none fall inside', () => {
    assert.deepEqual(drawnMarks({ marks: null, min: 0, max: 10, step: 1 }), []);
    assert.equal(drawnMarks({ marks: undefined, min: 0, max: 10, step: 1 }).length, 11);
    assert.equal(drawnMarks({ marks: { '20': 'x' }, min: 0, max: 10, step: 1 }).length, 11);
  });
  it('ignores more than MAX_MARKS marks (they are generated instead)', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i <= MAX_MARKS; i++) many[String(i)] = String(i);
    assert.equal(usableMarks(many), undefined);
    assert.equal(usableMarks(null), null);
    assert.deepEqual(usableMarks({ '1': 'a' }), { '1': 'a' });
  });
});

describe('dotPositions', () => {
  it('puts a dot at every step, none past 100 dots', () => {
    assert.deepEqual(dotPositions(0, 1, 0.25), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(dotPositions(0, 0.3, 0.1), [0, 0.1, 0.2, 0.3]);
    assert.deepEqual(dotPositions(0, 1000, 1), []);
    assert.deepEqual(dotPositions(0, 10, undefined), []);
  });
});
