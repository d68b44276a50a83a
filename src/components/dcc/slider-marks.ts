/**
 * Slider and RangeSlider arithmetic that needs no DOM: bounds from marks, the default step,
 * automatic SI-formatted marks, and which marks are drawn (spec/components.md §3.3–3.4).
 * Shared by both views and tested in Node.
 */

/** One mark: a label, or a label with an inline style (camelCase keys). */
export type SliderMark = string | { label?: string | undefined; style?: Record<string, string | number> | undefined };

/** Marks keyed by position; JSON object keys are strings, so positions arrive as numeric strings. */
export type SliderMarks = Readonly<Record<string, SliderMark>>;

/** A mark ready to draw. */
export interface DrawnMark {
  readonly value: number;
  readonly label: string;
  readonly style?: Record<string, string | number> | undefined;
}

/** Above this many marks Dash ignores the given marks and generates its own (a rendering guard). */
export const MAX_MARKS = 500;

/** The marks the slider should use: `undefined` = generate, `null` = none, else the given marks. */
export function usableMarks(marks: SliderMarks | null | undefined): SliderMarks | null | undefined {
  if (marks === null || marks === undefined) return marks;
  return Object.keys(marks).length > MAX_MARKS ? undefined : marks;
}

/** Numeric positions of the marks, ascending, skipping keys that are not numbers. */
export function markPositions(marks: SliderMarks | null | undefined): number[] {
  if (!marks) return [];
  return Object.keys(marks)
    .map(Number)
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
}

/** min/max as Dash resolves them: given values first, else the extreme marks, else 0 and 1. */
export function sliderBounds(
  min: number | null | undefined,
  max: number | null | undefined,
  marks: SliderMarks | null | undefined,
): { min: number; max: number } {
  const positions = markPositions(marks);
  const low = min ?? positions[0] ?? 0;
  const high = max ?? positions[positions.length - 1] ?? 1;
  return { min: low, max: high };
}

/**
 * The step used when `step` is omitted: 1 when min and max are integers, otherwise the value
 * among 1, 2 and 5 × 10^n closest to a hundredth of the range (Dash's `calcStep`).
 */
export function defaultStep(min: number, max: number): number {
  if (Number.isInteger(min) && Number.isInteger(max)) return 1;
  return computedStep(min, max);
}

/** A "nice" step of about a hundredth of the range. */
export function computedStep(min: number, max: number): number {
  const v = (Math.abs(max - min) + Number.EPSILON) / 100;
  const n = Math.floor(Math.log10(v));
  const candidates = [10 ** n, 2 * 10 ** n, 5 * 10 ** n];
  let best = candidates[0] ?? 1;
  for (const c of candidates) if (Math.abs(c - v) < Math.abs(best - v)) best = c;
  return best;
}

/**
 * The step the slider moves by: the given step, the default when omitted, or `undefined` when
 * `step` is null and there are marks (only mark positions may be chosen).
 */
export function effectiveStep(
  step: number | null | undefined,
  bounds: { min: number; max: number },
  marks: SliderMarks | null | undefined,
): number | undefined {
  if (step === null) return markPositions(marks).length > 0 ? undefined : defaultStep(bounds.min, bounds.max);
  if (step !== undefined && step > 0) return step;
  return defaultStep(bounds.min, bounds.max);
}

const siPrefixes = ['y', 'z', 'a', 'f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/** Decimal exponent of |x| (the power of ten of its first significant digit). */
function exponentOf(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.floor(Math.log10(Math.abs(x)));
}

/** Group integer digits by thousands with commas. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Format `value` with the SI prefix chosen for `reference`, no decimals, thousands grouped and a
 * real minus sign: what d3-format's `formatPrefix(',.0', reference)` prints (Dash uses it for
 * automatic mark labels).
 */
export function formatSiPrefix(value: number, reference: number): string {
  const group = Math.max(-8, Math.min(8, Math.floor(exponentOf(reference) / 3)));
  const scaled = value * 10 ** (-group * 3);
  const rounded = Math.abs(scaled).toFixed(0);
  const negative = scaled < 0 && Number(rounded) !== 0;
  return `${negative ? '\u2212' : ''}${groupThousands(rounded)}${siPrefixes[group + 8] ?? ''}`;
}

/**
 * A mark label as Dash writes it: plain for 0 and for magnitudes between 10^-3 and 10^4,
 * otherwise SI-formatted relative to the mean magnitude of min and max.
 */
export function formatMarkLabel(mark: number, min: number, max: number): string {
  const tenFactor = Math.log10(Math.abs(mark));
  if (mark === 0 || (tenFactor > -3 && tenFactor < 4)) return String(mark);
  return formatSiPrefix(mark, (Math.abs(min) + Math.abs(max)) / 2);
}

/** Number of decimals in a number's shortest representation. */
export function decimalCount(n: number): number {
  const text = String(n);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split('e')[0]?.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/** Round away floating-point noise to the step's precision. */
export function roundToStepPrecision(value: number, step: number): number {
  return Number(value.toFixed(Math.min(20, decimalCount(step))));
}

/** Width in px assumed when the slider has not been measured yet (Dash's fallback). */
const defaultTrackWidth = 330;

/**
 * Automatic marks: about one label per (label width + margin) of track, at multiples of a "nice"
 * number of steps, plus min and max; a mark crowding max is dropped (Dash's `autoGenerateMarks`).
 */
export function autoMarks(
  min: number,
  max: number,
  step: number | undefined,
  trackWidth?: number | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(max > min)) {
    out[String(min)] = formatMarkLabel(min, min, max);
    return out;
  }
  const stepValue = step ?? 1;
  // Widest label: the bounds, or a value one step in (it carries the step's decimals).
  const labelChars = Math.max(
    formatMarkLabel(min, min, max).length,
    formatMarkLabel(max, min, max).length,
    formatMarkLabel(roundToStepPrecision(min + stepValue, stepValue), min, max).length,
  );
  const pixelsPerMark = labelChars * 10 + 20;
  const width = trackWidth && trackWidth > 0 ? trackWidth : defaultTrackWidth;
  const targetCount = Math.max(3, Math.min(Math.floor(width / pixelsPerMark) + 1, 50));
  const rawMultiplier = (max - min) / (targetCount - 1) / stepValue;
  const magnitude = 10 ** Math.floor(Math.log10(rawMultiplier));
  const normalized = rawMultiplier / magnitude;
  const nice = normalized <= 1.5 ? 1 : normalized <= 2.25 ? 2 : normalized <= 3.5 ? 2.5 : normalized <= 5 ? 5 : 10;
  // Marks sit on whole steps: a multiplier of 2.5 steps becomes 2.
  const stepsPerMark = Math.max(1, Math.floor(nice * magnitude));
  const interval = stepsPerMark * stepValue;
  const positions: number[] = [];
  // Count in whole steps from min so every mark is a reachable value and no float drift accumulates.
  for (let k = stepsPerMark; positions.length < 1000; k += stepsPerMark) {
    const position = roundToStepPrecision(min + k * stepValue, stepValue);
    if (position >= max) break;
    positions.push(position);
  }
  const secondLast = positions[positions.length - 2];
  if (positions.length >= 2 && secondLast !== undefined && max - secondLast <= interval * 1.5) positions.pop();
  for (const position of [min, ...positions, max]) out[String(position)] = formatMarkLabel(position, min, max);
  return out;
}

/** The label text of one mark (Dash falls back to the position when the label is empty). */
function markLabel(mark: SliderMark, position: number): string {
  if (typeof mark === 'string') return mark;
  return mark.label ? mark.label : String(position);
}

/**
 * The marks to draw, ascending: the given marks inside [min, max] (generated ones when none are
 * given or none fall inside), or none when `marks` is null.
 */
export function drawnMarks(options: {
  marks: SliderMarks | null | undefined;
  min: number;
  max: number;
  step: number | undefined;
  trackWidth?: number | null | undefined;
}): DrawnMark[] {
  const { marks, min, max, step, trackWidth } = options;
  if (marks === null) return [];
  const inside: DrawnMark[] = [];
  if (marks) {
    for (const [key, mark] of Object.entries(marks)) {
      const value = Number(key);
      if (!Number.isFinite(value) || value < min || value > max) continue;
      inside.push({ value, label: markLabel(mark, value), style: typeof mark === 'object' ? mark.style : undefined });
    }
  }
  const chosen =
    inside.length > 0
      ? inside
      : Object.entries(autoMarks(min, max, step, trackWidth)).map(([key, label]) => ({ value: Number(key), label }));
  return chosen.sort((a, b) => a.value - b.value);
}

/** Positions of the dots drawn at every step, or none when there would be more than 100. */
export function dotPositions(min: number, max: number, step: number | undefined): number[] {
  if (step === undefined || !(step > 0) || !(max > min)) return [];
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count > 100) return [];
  return Array.from({ length: count }, (_, i) => roundToStepPrecision(min + i * step, step));
}
