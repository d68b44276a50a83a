import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  constrainValue,
  isAllowedValue,
  nextMark,
  sameValues,
  snapToNearestMark,
  tooltipText,
  trackPosition,
} from './slider-value.js';

const grid = { min: 0, max: 10, step: 0.5, markPositions: [] };
const marksOnly = { min: 0, max: 10, step: undefined, markPositions: [0, 2, 7, 10] };

describe('constrainValue', () => {
  it('clamps and rounds to the step grid without float noise', () => {
    assert.equal(constrainValue(3.3, grid), 3.5);
    assert.equal(constrainValue(-4, grid), 0);
    assert.equal(constrainValue(99, grid), 10);
    assert.equal(constrainValue(0.30000000000000004, { min: 0, max: 1, step: 0.1, markPositions: [] }), 0.3);
  });
  it('snaps to the nearest mark when only marks are allowed', () => {
    assert.equal(constrainValue(4, marksOnly), 2);
    assert.equal(constrainValue(5, marksOnly), 7);
    assert.equal(snapToNearestMark(4.5, [2, 7]), 2);
    assert.equal(snapToNearestMark(3, []), 3);
  });
});

describe('isAllowedValue', () => {
  it('accepts values on the grid inside the bounds only', () => {
    assert.equal(isAllowedValue(2.5, grid), true);
    assert.equal(isAllowedValue(2.4, grid), false);
    assert.equal(isAllowedValue(11, grid), false);
    assert.equal(isAllowedValue(Number.NaN, grid), false);
    assert.equal(isAllowedValue(7, marksOnly), true);
    assert.equal(isAllowedValue(6, marksOnly), false);
  });
});

describe('nextMark', () => {
  it('moves one mark (or several) and stops at the ends', () => {
    assert.equal(nextMark(2, [0, 2, 7, 10], 1), 7);
    assert.equal(nextMark(2, [0, 2, 7, 10], -1), 0);
    assert.equal(nextMark(0, [0, 2, 7, 10], -1), 0);
    assert.equal(nextMark(0, [0, 2, 7, 10], 1, 10), 10);
  });
});

describe('tooltipText', () => {
  it('replaces the first {value} only, and defaults to the bare value', () => {
    assert.equal(tooltipText('$ {value} ({value})', 5), '$ 5 ({value})');
    assert.equal(tooltipText(undefined, 2.5), '2.5');
    assert.equal(tooltipText('{value}', '$&'), '$&');
  });
});

describe('trackPosition', () => {
  it('keeps a thumb-sized mark inside the track like Radix does', () => {
    assert.deepEqual(trackPosition(0, 0, 10, 16), { percent: 0, offsetPx: 8 });
    assert.deepEqual(trackPosition(5, 0, 10, 16), { percent: 50, offsetPx: 0 });
    assert.deepEqual(trackPosition(10, 0, 10, 16), { percent: 100, offsetPx: -8 });
    assert.deepEqual(trackPosition(20, 0, 10, 16), { percent: 100, offsetPx: -8 });
    assert.deepEqual(trackPosition(0, 0, 10, 16, -1), { percent: 0, offsetPx: -8 });
    assert.deepEqual(trackPosition(10, 0, 10, 16, -1), { percent: 100, offsetPx: -24 });
  });
});

describe('sameValues', () => {
  it('compares lists element-wise', () => {
    assert.equal(sameValues([1, 2], [1, 2]), true);
    assert.equal(sameValues([1, 2], [2, 1]), false);
    assert.equal(sameValues(null, undefined), false);
    assert.equal(sameValues(undefined, undefined), true);
  });
});
