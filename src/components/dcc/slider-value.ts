/**
 * Value rules of Slider and RangeSlider that need no DOM: snapping to steps or marks, checking a
 * typed number, keyboard moves between marks, tooltip text, and where a mark sits on the track
 * so it lines up with the thumb. Tested in Node.
 */
import { roundToStepPrecision } from './slider-marks.js';

/** Clamp into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The mark position nearest to `value` (the first one on a tie); `value` itself when there are none. */
export function snapToNearestMark(value: number, positions: readonly number[]): number {
  let best: number | undefined;
  for (const p of positions) if (best === undefined || Math.abs(p - value) < Math.abs(best - value)) best = p;
  return best ?? value;
}

/** Where a slider value may land: inside the bounds, on a step (from min) or, with no step, on a mark. */
export interface SliderGrid {
  readonly min: number;
  readonly max: number;
  /** undefined: only the mark positions are allowed. */
  readonly step: number | undefined;
  readonly markPositions: readonly number[];
}

/** The allowed value closest to `value`. */
export function constrainValue(value: number, grid: SliderGrid): number {
  const bounded = clamp(value, grid.min, grid.max);
  if (grid.step === undefined) return snapToNearestMark(bounded, grid.markPositions);
  const steps = Math.round((bounded - grid.min) / grid.step);
  return clamp(roundToStepPrecision(grid.min + steps * grid.step, grid.step), grid.min, grid.max);
}

/** Is `value` already an allowed value (within floating-point tolerance)? */
export function isAllowedValue(value: number, grid: SliderGrid): boolean {
  if (!Number.isFinite(value) || value < grid.min || value > grid.max) return false;
  const epsilon = 1e-9 * Math.max(1, Math.abs(grid.max - grid.min));
  if (grid.step === undefined) return grid.markPositions.some((p) => Math.abs(p - value) <= epsilon);
  const offset = (value - grid.min) / grid.step;
  return Math.abs(offset - Math.round(offset)) <= 1e-6;
}

/**
 * The next mark from `value` in `direction` (+1 up, -1 down), `jump` marks at a time (Page keys);
 * stays at the last mark at either end. Used for keyboard moves when only marks are allowed.
 */
export function nextMark(value: number, positions: readonly number[], direction: 1 | -1, jump = 1): number {
  if (positions.length === 0) return value;
  const current = positions.indexOf(snapToNearestMark(value, positions));
  const target = clamp(current + direction * jump, 0, positions.length - 1);
  return positions[target] ?? value;
}

/** Tooltip text: the first `{value}` in the template replaced by the value (Dash's rule). */
export function tooltipText(template: string | undefined, value: string | number): string {
  return (template ?? '{value}').replace('{value}', () => String(value));
}

/**
 * Percentage and pixel offset of `value` along the track, the way Radix places a thumb of
 * `thumbSize` px (kept fully inside the track), so marks and dots line up with thumbs.
 * `direction` is -1 when the track runs from its far edge (reverse), as in Radix.
 */
export function trackPosition(
  value: number,
  min: number,
  max: number,
  thumbSize: number,
  direction: 1 | -1 = 1,
): { percent: number; offsetPx: number } {
  const percent = max > min ? clamp(((value - min) / (max - min)) * 100, 0, 100) : 0;
  const half = thumbSize / 2;
  return { percent, offsetPx: (half - (percent / 50) * half * direction) * direction };
}

/** Are two value lists equal element by element? */
export function sameValues(a: readonly number[] | null | undefined, b: readonly number[] | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);
}
