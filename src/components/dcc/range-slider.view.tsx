/**
 * dcc.RangeSlider view, and the slider engine Slider shares (spec/components.md §3.3–3.4): a Radix
 * slider (headless, keyboard accessible, pointer capture) with Dash's marks, dots, tooltips,
 * number boxes, update modes and snapping to marks when `step` is null.
 */
import * as RadixSlider from '@radix-ui/react-slider';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { RangeSliderProps } from './range-slider.js';
import type { SliderProps } from './slider.js';
import type { SliderMarks } from './slider-marks.js';
import {
  decimalCount,
  dotPositions,
  drawnMarks,
  effectiveStep,
  markPositions,
  sliderBounds,
  usableMarks,
} from './slider-marks.js';
import type { SliderGrid } from './slider-value.js';
import {
  clamp,
  constrainValue,
  isAllowedValue,
  nextMark,
  sameValues,
  snapToNearestMark,
  tooltipText,
  trackPosition,
} from './slider-value.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/slider.css';

/** Thumb size in px; must match `.dash-slider-thumb` in slider.css (marks are aligned with it). */
const thumbSize = 16;

type Tooltip = NonNullable<RangeSliderProps['tooltip']>;

/** What the engine writes back; the Slider wrapper turns the lists into single numbers. */
export interface SliderWrite {
  value?: number[];
  drag_value?: number[];
}

/** Everything the engine needs, already in list form. */
export interface SliderEngineProps {
  readonly id: string | undefined;
  readonly className: string | undefined;
  readonly rootAttributes: Record<string, string>;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly step: number | null | undefined;
  readonly marks: SliderMarks | null | undefined;
  /** The value prop as a list (undefined when unset). */
  readonly value: readonly number[] | undefined;
  readonly disabled: boolean;
  readonly dots: boolean;
  readonly included: boolean;
  readonly reverse: boolean;
  readonly tooltip: Tooltip | undefined;
  readonly updatemode: 'mouseup' | 'drag';
  readonly vertical: boolean;
  readonly verticalHeight: number;
  readonly allowDirectInput: boolean;
  readonly allowCross: boolean | undefined;
  readonly pushable: number | boolean | undefined;
  readonly write: (changes: SliderWrite) => void;
}

/** The function named by `tooltip.transform` in `window.dccFunctions` (dotted paths allowed). */
function tooltipTransform(name: string | undefined): ((value: number) => unknown) | undefined {
  if (!name) return undefined;
  let target: unknown = (window as unknown as { dccFunctions?: unknown }).dccFunctions;
  for (const part of name.split('.')) {
    if (typeof target !== 'object' && typeof target !== 'function') return undefined;
    target = (target as Record<string, unknown> | null)?.[part];
  }
  return typeof target === 'function' ? (target as (value: number) => unknown) : undefined;
}

/** The text shown for a value in the tooltip (and read by screen readers). */
function formatTooltip(tooltip: Tooltip | undefined, value: number): string {
  const transform = tooltipTransform(tooltip?.transform);
  let shown: string | number = value;
  if (transform) {
    const result = transform(value);
    shown = typeof result === 'number' ? result : String(result);
  }
  return tooltipText(tooltip?.template, shown);
}

/** Where the tooltip sits around the thumb (Dash's placements, including the corner ones). */
function tooltipPosition(placement: string | undefined): CSSProperties {
  const p = (placement ?? 'top').toLowerCase();
  const gap = 'calc(100% + var(--Dash-Spacing, 4px) * 2)';
  const style: CSSProperties = {};
  const transforms: string[] = [];
  if (p.includes('top')) style.bottom = gap;
  else if (p.includes('bottom')) style.top = gap;
  else {
    style.top = '50%';
    transforms.push('translateY(-50%)');
  }
  if (p.includes('left')) style.right = gap;
  else if (p.includes('right')) style.left = gap;
  else {
    style.left = '50%';
    transforms.push('translateX(-50%)');
  }
  if (transforms.length > 0) style.transform = transforms.join(' ');
  return style;
}

/** Style placing a mark or dot at `value` exactly where Radix would put a thumb's centre. */
function positionStyle(value: number, bounds: { min: number; max: number }, vertical: boolean, reverse: boolean) {
  const direction = reverse ? -1 : 1;
  const { percent, offsetPx } = trackPosition(value, bounds.min, bounds.max, thumbSize, direction);
  const edge = vertical ? (reverse ? 'top' : 'bottom') : reverse ? 'right' : 'left';
  return {
    [edge]: `calc(${percent}% + ${offsetPx}px)`,
    transform: vertical ? 'translateY(50%)' : 'translateX(-50%)',
  } as CSSProperties;
}

/** Width of a number box: enough characters for the bounds and the step's decimals. */
function inputWidth(bounds: { min: number; max: number }, step: number | undefined): string {
  const integerChars = Math.max(String(Math.floor(bounds.min)).length, String(Math.floor(bounds.max)).length);
  const decimals = step === undefined ? 0 : Math.min(decimalCount(step) + (decimalCount(step) > 0 ? 1 : 0), 3);
  return `calc(${integerChars + decimals + 1}ch + var(--Dash-Spacing, 4px) * 2)`;
}

/** A number box bound to one handle: free typing, written when valid, snapped on blur or Enter. */
function ValueInput(props: {
  readonly which: 'min' | 'max';
  readonly value: number | undefined;
  readonly bounds: { min: number; max: number };
  readonly step: number | undefined;
  readonly disabled: boolean;
  readonly width: string;
  readonly label: string;
  readonly onType: (value: number) => void;
  readonly onCommit: (value: number) => void;
}) {
  const { value } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const typed = Number.parseFloat(text);
    const next = Number.isNaN(typed) ? (value ?? props.bounds.min) : typed;
    props.onCommit(next);
    setText(String(value ?? next));
  };
  return (
    <input
      type="number"
      className={`dash-input-container dash-range-slider-input dash-range-slider-${props.which}-input`}
      style={{ width: props.width }}
      value={text}
      min={props.bounds.min}
      max={props.bounds.max}
      step={props.step ?? 'any'}
      disabled={props.disabled}
      aria-label={props.label}
      onChange={(event) => {
        setText(event.target.value);
        const typed = Number.parseFloat(event.target.value);
        if (!Number.isNaN(typed)) props.onType(typed);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

/** The slider engine shared by Slider and RangeSlider. */
export function SliderEngine(props: SliderEngineProps) {
  const { write, updatemode, vertical, reverse, disabled, tooltip } = props;
  const marks = usableMarks(props.marks);
  const tooManyMarks = marks === undefined && Boolean(props.marks);
  useEffect(() => {
    if (tooManyMarks)
      console.error(`Slider ${props.id ?? ''}: more than 500 marks; generated marks are shown instead.`);
  }, [tooManyMarks, props.id]);
  const bounds = useMemo(() => sliderBounds(props.min, props.max, marks), [props.min, props.max, marks]);
  const step = useMemo(() => effectiveStep(props.step, bounds, marks), [props.step, bounds, marks]);
  const positions = useMemo(() => markPositions(marks), [marks]);
  const grid: SliderGrid = useMemo(
    () => ({ min: bounds.min, max: bounds.max, step, markPositions: positions }),
    [bounds, step, positions],
  );

  const [values, setValues] = useState<number[]>(() => (props.value?.length ? [...props.value] : [bounds.min]));
  const latest = useRef(values);
  latest.current = values;

  // The value prop changed (mount, or a callback wrote it): show it and mirror it into drag_value.
  const propValue = props.value;
  useEffect(() => {
    if (!propValue || propValue.length === 0) return;
    if (!sameValues(propValue, latest.current)) setValues([...propValue]);
    write({ drag_value: [...propValue] });
  }, [propValue, write]);

  // The track's length decides how many automatic marks fit.
  const rootRef = useRef<HTMLSpanElement>(null);
  const [trackLength, setTrackLength] = useState<number | null>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const measure = () => {
      const rect = root.getBoundingClientRect();
      const length = vertical ? rect.height : rect.width;
      if (length > 0) setTrackLength(length);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [vertical]);

  const shownMarks = useMemo(
    () => drawnMarks({ marks, min: bounds.min, max: bounds.max, step, trackWidth: trackLength }),
    [marks, bounds, step, trackLength],
  );
  const dots = useMemo(
    () => (props.dots ? dotPositions(bounds.min, bounds.max, step) : []),
    [props.dots, bounds, step],
  );

  /** A move in progress (pointer drag, typing): drag_value always, value too in 'drag' mode. */
  const change = useCallback(
    (next: number[]) => {
      const snapped = step === undefined ? next.map((v) => snapToNearestMark(v, positions)) : next;
      if (sameValues(snapped, latest.current)) return;
      latest.current = snapped;
      setValues(snapped);
      write(updatemode === 'drag' ? { value: snapped, drag_value: snapped } : { drag_value: snapped });
    },
    [step, positions, updatemode, write],
  );

  /**
   * A finished move (pointer released, key pressed, box committed): value in 'mouseup' mode.
   * Radix passes the final values; on a key press it commits before reporting the change, so
   * `latest` may still hold the previous values then.
   */
  const commit = useCallback(
    (final?: number[]) => {
      if (updatemode !== 'mouseup') return;
      const values = final ?? latest.current;
      write({ value: step === undefined ? values.map((v) => snapToNearestMark(v, positions)) : [...values] });
    },
    [updatemode, write, step, positions],
  );

  /** With only marks allowed, arrow and page keys jump from mark to mark (Radix would move by its step). */
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (step !== undefined || disabled) return;
    const index = Number((event.target as HTMLElement).dataset['index']);
    const current = latest.current[index];
    if (current === undefined) return;
    const forward = ['ArrowRight', 'ArrowUp', 'PageUp'];
    const backward = ['ArrowLeft', 'ArrowDown', 'PageDown'];
    let target: number | undefined;
    if (event.key === 'Home') target = positions[0];
    else if (event.key === 'End') target = positions[positions.length - 1];
    else if (forward.includes(event.key) || backward.includes(event.key)) {
      const flip = reverse && !vertical && event.key.startsWith('Arrow') ? -1 : 1;
      const direction = (forward.includes(event.key) ? 1 : -1) * flip;
      target = nextMark(current, positions, direction as 1 | -1, event.key.startsWith('Page') ? 10 : 1);
    }
    if (target === undefined) return;
    event.preventDefault();
    const next = [...latest.current];
    next[index] = target;
    change(next.sort((a, b) => a - b));
    commit(next);
  };

  /** A number typed in the box for handle `index`. */
  const typeAt = (index: number, typed: number) => {
    if (!isAllowedValue(typed, grid)) return;
    const next = [...latest.current];
    next[index] = typed;
    if (next.length === 2 && (next[0] ?? 0) > (next[1] ?? 0)) return;
    change(next);
  };
  const commitAt = (index: number, typed: number) => {
    const next = [...latest.current];
    const low = index > 0 ? (next[index - 1] ?? bounds.min) : bounds.min;
    const high = index < next.length - 1 ? (next[index + 1] ?? bounds.max) : bounds.max;
    next[index] = constrainValue(clamp(typed, low, high), grid);
    change(next);
    commit(next);
  };

  // The highlighted part of the track: from min (one handle) or between the outer handles.
  const rangeLow = values.length > 1 ? Math.min(...values) : bounds.min;
  const rangeHigh = Math.max(...values);
  const showInputs = props.allowDirectInput && props.step !== null && values.length <= 2 && !vertical;
  const width = inputWidth(bounds, step);
  const minSteps = typeof props.pushable === 'number' && step !== undefined ? props.pushable : undefined;
  // In mark mode Radix still needs a step for pointer positions; a fine one, then we snap to marks.
  const radixStep = step ?? Math.max((bounds.max - bounds.min) / 1000, Number.EPSILON);

  return (
    <div
      id={props.id}
      className={classNames('dash-slider-container', vertical && 'dash-slider-vertical', props.className)}
      {...props.rootAttributes}
    >
      {showInputs && values.length === 2 && (
        <ValueInput
          which="min"
          value={values[0]}
          bounds={bounds}
          step={step}
          disabled={disabled}
          width={width}
          label="Minimum"
          onType={(v) => typeAt(0, v)}
          onCommit={(v) => commitAt(0, v)}
        />
      )}
      <div className="dash-slider-wrapper" onClickCapture={(event) => event.preventDefault()}>
        <RadixSlider.Root
          ref={rootRef}
          className={classNames('dash-slider-root', shownMarks.length > 0 && 'has-marks')}
          style={vertical ? { height: `${props.verticalHeight}px` } : undefined}
          value={values}
          min={bounds.min}
          max={bounds.max}
          step={radixStep}
          disabled={disabled}
          orientation={vertical ? 'vertical' : 'horizontal'}
          inverted={reverse}
          minStepsBetweenThumbs={minSteps}
          preserveThumbOrder={props.allowCross === false}
          data-included={props.included}
          onValueChange={change}
          onValueCommit={commit}
          onKeyDown={onKeyDown}
        >
          <RadixSlider.Track className="dash-slider-track">
            {props.included && <RadixSlider.Range className="dash-slider-range" />}
          </RadixSlider.Track>
          {dots.map((dot) => (
            <span
              key={`dot-${dot}`}
              className={classNames(
                'dash-slider-dot',
                props.included && dot >= rangeLow && dot <= rangeHigh && 'active',
              )}
              style={positionStyle(dot, bounds, vertical, reverse)}
            />
          ))}
          {shownMarks.map((mark) => (
            <span
              key={`mark-${mark.value}`}
              className={classNames('dash-slider-mark', props.dots && 'with-dots')}
              style={{ ...positionStyle(mark.value, bounds, vertical, reverse), ...mark.style }}
            >
              {mark.label}
            </span>
          ))}
          {values.map((value, index) => {
            const text = formatTooltip(tooltip, value);
            return (
              <RadixSlider.Thumb
                // Thumbs are positional: the index is their identity.
                key={index}
                className={`dash-slider-thumb dash-slider-thumb-${index + 1}`}
                data-index={index}
                aria-valuetext={text}
              >
                {tooltip && (
                  <span
                    className={classNames('dash-slider-tooltip', tooltip.always_visible && 'always-visible')}
                    style={tooltipPosition(tooltip.placement)}
                  >
                    <span
                      id={props.id === undefined ? undefined : `${props.id}-tooltip-${index + 1}-content`}
                      style={tooltip.style}
                    >
                      {text}
                    </span>
                  </span>
                )}
              </RadixSlider.Thumb>
            );
          })}
        </RadixSlider.Root>
      </div>
      {showInputs && (
        <ValueInput
          which="max"
          value={values[values.length - 1]}
          bounds={bounds}
          step={step}
          disabled={disabled}
          width={width}
          label={values.length === 2 ? 'Maximum' : 'Value'}
          onType={(v) => typeAt(values.length - 1, v)}
          onCommit={(v) => commitAt(values.length - 1, v)}
        />
      )}
    </div>
  );
}

/** The view props both sliders share (the RangeSlider-only ones optional). */
type SharedViewProps = Omit<ViewProps<SliderProps>, 'value' | 'drag_value' | 'setProps'> &
  Partial<Pick<RangeSliderProps, 'allowCross' | 'pushable'>>;

/** The props both sliders share, read the same way. */
export function engineProps(
  props: SharedViewProps,
  value: readonly number[] | undefined,
  write: (changes: SliderWrite) => void,
): SliderEngineProps {
  return {
    id: domId(props.id),
    className: props.className,
    rootAttributes: loadingAttributes(props.loading_state),
    min: props.min,
    max: props.max,
    step: props.step,
    marks: props.marks,
    value,
    disabled: props.disabled === true,
    dots: props.dots === true,
    included: props.included !== false,
    reverse: props.reverse === true,
    tooltip: props.tooltip,
    updatemode: props.updatemode ?? 'mouseup',
    vertical: props.vertical === true,
    verticalHeight: props.verticalHeight ?? 400,
    allowDirectInput: props.allow_direct_input !== false,
    allowCross: props.allowCross,
    pushable: props.pushable,
    write,
  };
}

export default function RangeSliderView(props: ViewProps<RangeSliderProps>) {
  const { setProps } = props;
  const write = useCallback((changes: SliderWrite) => setProps(changes), [setProps]);
  return <SliderEngine {...engineProps(props, props.value ?? undefined, write)} />;
}
