/**
 * dcc.Input view (spec/components.md §3.5): an `<input>` in a `dash-input-container`, with − / +
 * steppers for numbers. Number inputs send numbers (null while the browser finds the text invalid),
 * other types send strings. `debounce`: false sends on every change, true on Enter or blur, a number
 * after that many seconds without typing. Enter counts `n_submit`, blur counts `n_blur`; the value
 * goes in the same `setProps` call, so a callback on `n_submit` sees the submitted value as State.
 */
import type { ChangeEvent, KeyboardEvent } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { InputProps } from './input.js';
import { classNames, domId, isOn, useCounter } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/input.css';

type Value = InputProps['value'];

/** A finite number from a string or number, or NaN. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  return Number(value);
}

/** Same number, counting NaN (invalid or empty) as equal to NaN. */
function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function toText(value: Value): string {
  return value === undefined || value === null ? '' : String(value);
}

export default function InputView(props: ViewProps<InputProps>) {
  const { value, type = 'text', debounce = false, setProps, n_submit, n_blur, step = 'any', min, max } = props;
  const isNumber = type === 'number';
  const input = useRef<HTMLInputElement>(null);
  const fallbackId = useId();
  const inputId = domId(props.id) ?? fallbackId;
  // Text types are controlled by this state; number inputs are left to the browser (as in Dash),
  // because a controlled number input cannot hold half-typed text such as "1e".
  const [text, setText] = useState(() => toText(value));
  const timer = useRef<number | undefined>(undefined);
  // The last value this view wrote: when it comes back as a prop it must not reset the field.
  const written = useRef<{ value: Value } | undefined>(undefined);
  const nextSubmit = useCounter(n_submit);
  const nextBlur = useCounter(n_blur);
  const [, rerender] = useState(0);

  const cancelTimer = () => {
    if (timer.current !== undefined) window.clearTimeout(timer.current);
    timer.current = undefined;
  };

  /** The `value` change the field holds now (empty when nothing changed). */
  const valueChange = useCallback((): Partial<InputProps> => {
    cancelTimer();
    const el = input.current;
    if (el === null) return {};
    if (isNumber) {
      const next = el.checkValidity() ? toNumber(el.value) : NaN;
      if (sameNumber(toNumber(value), next)) return {};
      const sent = Number.isNaN(next) ? null : next;
      written.current = { value: sent };
      return { value: sent };
    }
    if (el.value === toText(value)) return {};
    written.current = { value: el.value };
    return { value: el.value };
  }, [isNumber, value]);

  const sendValue = useCallback(() => {
    const change = valueChange();
    if ('value' in change) setProps(change);
  }, [valueChange, setProps]);

  // A new value from a callback replaces what is shown, unless it is our own write coming back
  // or the user is mid-debounce.
  useEffect(() => {
    if (timer.current !== undefined) return;
    if (written.current !== undefined && Object.is(written.current.value, value)) return;
    written.current = undefined;
    if (isNumber) {
      const el = input.current;
      if (el !== null && !sameNumber(el.checkValidity() ? toNumber(el.value) : NaN, toNumber(value))) {
        el.value = toText(value);
        rerender((n) => n + 1); // the steppers' enabled state depends on the field
      }
    } else {
      setText(toText(value));
    }
  }, [value, isNumber]);

  useEffect(() => cancelTimer, []);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    if (!isNumber) setText(event.target.value);
    else rerender((n) => n + 1);
    if (debounce === false || debounce === 0) {
      sendValue();
    } else if (typeof debounce === 'number' && Number.isFinite(debounce)) {
      cancelTimer();
      timer.current = window.setTimeout(sendValue, debounce * 1000);
    }
    // debounce === true: wait for Enter or blur.
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // An Enter that confirms an IME composition is not a submit.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    setProps({
      n_submit: nextSubmit(),
      n_submit_timestamp: Date.now(),
      ...(debounce !== false ? valueChange() : {}),
    });
  };

  const onBlur = () => {
    setProps({
      n_blur: nextBlur(),
      n_blur_timestamp: Date.now(),
      ...(debounce !== false ? valueChange() : {}),
    });
  };

  const disabled = isOn(props.disabled);
  const stepBy = (direction: 1 | -1) => {
    const el = input.current;
    if (el === null) return;
    const current = parseFloat(el.value) || 0;
    const increment = parseFloat(String(step)) || 1;
    let next = current + direction * increment;
    if (min !== undefined && min !== '') next = Math.max(next, parseFloat(String(min)));
    if (max !== undefined && max !== '') next = Math.min(next, parseFloat(String(max)));
    // Avoid 0.1 + 0.2 = 0.30000000000000004 in the field.
    el.value = String(parseFloat(next.toPrecision(12)));
    rerender((n) => n + 1);
    sendValue();
  };
  const shown = isNumber && input.current !== null ? toNumber(input.current.value || '0') : toNumber(value ?? 0);

  return (
    <div
      className={classNames(
        'dash-input-container',
        'dash-input',
        props.className,
        type === 'hidden' && 'dash-input-hidden',
      )}
      style={props.style}
    >
      <input
        ref={input}
        id={inputId}
        className="dash-input-element"
        type={type}
        {...(isNumber ? { defaultValue: toText(value) } : { value: text })}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        placeholder={props.placeholder === undefined ? undefined : String(props.placeholder)}
        // Dash's list includes values React's type lacks ('verbatim', 'latin', ...); browsers ignore unknown ones.
        inputMode={props.inputMode as never}
        autoComplete={props.autoComplete}
        readOnly={isOn(props.readOnly)}
        required={isOn(props.required)}
        autoFocus={isOn(props.autoFocus)}
        disabled={disabled}
        list={props.list}
        multiple={props.multiple}
        spellCheck={props.spellCheck === undefined ? undefined : isOn(props.spellCheck)}
        name={props.name}
        min={min}
        max={max}
        step={step}
        minLength={props.minLength === undefined ? undefined : Number(props.minLength)}
        maxLength={props.maxLength === undefined ? undefined : Number(props.maxLength)}
        pattern={props.pattern}
        size={props.size === undefined ? undefined : Number(props.size)}
        {...loadingAttributes(props.loading_state)}
      />
      {isNumber && (
        <>
          <button
            type="button"
            className="dash-input-stepper dash-stepper-decrement"
            onClick={() => stepBy(-1)}
            disabled={disabled || shown <= toNumber(min)}
            aria-controls={inputId}
            aria-label="Decrease value"
          >
            −
          </button>
          <button
            type="button"
            className="dash-input-stepper dash-stepper-increment"
            onClick={() => stepBy(1)}
            disabled={disabled || shown >= toNumber(max)}
            aria-controls={inputId}
            aria-label="Increase value"
          >
            +
          </button>
        </>
      )}
    </div>
  );
}
