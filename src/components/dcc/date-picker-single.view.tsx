/**
 * dcc.DatePickerSingle view (spec/components.md §3.10): a text input that opens a calendar.
 * Picking a day writes `date` ('YYYY-MM-DD'). Typed text is read with `display_format` (or ISO) on
 * Enter or blur: an allowed day is written, an empty field clears `date` (null), anything else
 * reverts to the current date. While typing, a readable day moves the calendar to its month.
 */
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { CalendarLook } from './date-picker-calendar.view.js';
import {
  CalendarPopover,
  disabledMatchers,
  pageLocale,
  useDismiss,
  usePopoverRef,
} from './date-picker-calendar.view.js';
import { defaultDisplayFormat, formatDay, fromWire, isDayAllowed, parseDay, toWire } from './date-picker-format.js';
import type { DatePickerSingleProps } from './date-picker-single.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dcc.css';

export default function DatePickerSingleView(props: ViewProps<DatePickerSingleProps>) {
  const { setProps, placeholder = 'Select Date', clearable = false, disabled = false } = props;
  const displayFormat = props.display_format ?? defaultDisplayFormat;
  const locale = useMemo(pageLocale, []);
  const selected = fromWire(props.date);
  const selectedWire = selected === undefined ? undefined : toWire(selected);
  const shownText = selected === undefined ? '' : formatDay(selected, displayFormat, locale);
  const [text, setText] = useState(shownText);
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState<Date>(() => new Date());
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const popover = usePopoverRef();

  // A new date (from a callback or our own write) replaces the text.
  useEffect(() => setText(shownText), [shownText]);

  const limits = {
    min_date_allowed: props.min_date_allowed,
    max_date_allowed: props.max_date_allowed,
    disabled_days: props.disabled_days,
  };
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, popover, close);

  const openCalendar = () => {
    if (disabled || open) return;
    const first = fromWire(props.initial_visible_month) ?? selected ?? fromWire(props.min_date_allowed) ?? new Date();
    setMonth(first);
    setOpen(true);
  };

  const write = (day: Date | undefined) => {
    const wire = day === undefined ? undefined : toWire(day);
    if (wire !== selectedWire) setProps({ date: wire ?? null });
    setText(day === undefined ? '' : formatDay(day, displayFormat, locale));
  };

  /** Enter or blur: take the typed day if it is allowed, else show the current date again. */
  const commitText = () => {
    if (text === shownText) return;
    if (text.trim() === '') {
      write(undefined);
      return;
    }
    const day = parseDay(text, displayFormat, locale);
    if (day !== undefined && isDayAllowed(day, limits)) write(day);
    else setText(shownText);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      commitText();
      setOpen(false);
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'ArrowDown') {
      openCalendar();
    }
  };

  const pick = (day: Date) => {
    if (!isDayAllowed(day, limits)) return;
    write(day);
    if (props.stay_open_on_select !== true) setOpen(false);
  };

  const clear = () => {
    write(undefined);
    if (props.reopen_calendar_on_clear === true) {
      setOpen(false);
      // Reopen after this click's state settles, on the month the calendar opens with.
      window.setTimeout(() => {
        setMonth(fromWire(props.initial_visible_month) ?? fromWire(props.min_date_allowed) ?? new Date());
        setOpen(true);
      }, 0);
      input.current?.focus();
    } else {
      setOpen(false);
    }
  };

  const look: CalendarLook = {
    month_format: props.month_format,
    first_day_of_week: props.first_day_of_week,
    calendar_orientation: props.calendar_orientation,
    with_portal: props.with_portal,
    with_full_screen_portal: props.with_full_screen_portal,
    day_size: props.day_size,
    is_RTL: props.is_RTL,
    show_outside_days: props.show_outside_days ?? true,
    number_of_months_shown: props.number_of_months_shown ?? 1,
  };
  const id = domId(props.id);

  return (
    <div
      ref={root}
      id={id}
      className={classNames('dash-datepicker', 'dash-datepicker-single', props.className)}
      style={props.style}
      dir={props.is_RTL === true ? 'rtl' : undefined}
      {...loadingAttributes(props.loading_state)}
    >
      <div className="dash-datepicker-input-wrapper">
        <input
          ref={input}
          className="dash-datepicker-input"
          type="text"
          aria-label={placeholder}
          placeholder={placeholder}
          value={text}
          // Auto-size to the text (or the placeholder) as Dash's picker does.
          size={Math.max(text.length, placeholder.length, 8)}
          disabled={disabled}
          autoComplete="off"
          onFocus={openCalendar}
          onClick={openCalendar}
          onChange={(event) => {
            setText(event.target.value);
            const day = parseDay(event.target.value, displayFormat, locale);
            if (day !== undefined) setMonth(day);
          }}
          onKeyDown={onKeyDown}
          onBlur={commitText}
        />
        {clearable && !disabled && selected !== undefined && (
          <button type="button" className="dash-datepicker-clear" aria-label="Clear date" onClick={clear}>
            ×
          </button>
        )}
      </div>
      {open && (
        <CalendarPopover
          look={look}
          locale={locale}
          month={month}
          onMonthChange={setMonth}
          selected={selected}
          disabled={disabledMatchers(limits)}
          onDayClick={pick}
          onClose={close}
          popoverRef={popover}
        />
      )}
    </div>
  );
}
