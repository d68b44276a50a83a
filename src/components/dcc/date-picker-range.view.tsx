/**
 * dcc.DatePickerRange view (spec/components.md §3.11): start and end inputs and one calendar.
 * The focused end (start or end input) is what a picked day sets: a start moves the focus to the
 * end; an end before the start (or one that breaks `minimum_nights`) starts a new range instead.
 * `updatemode='singledate'` writes each end as it changes (`end_date: null` when a new start
 * drops the old end); 'bothdates' writes nothing until both ends are set. Typed text is read with
 * `display_format` on Enter or blur, like the single picker.
 */
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addDays, differenceInCalendarDays } from 'date-fns';
import type { Matcher } from 'react-day-picker';
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
import type { DatePickerRangeProps } from './date-picker-range.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dcc.css';

type End = 'start' | 'end';

/** Both ends as wire days (undefined when unset). */
interface Range {
  readonly start: string | undefined;
  readonly end: string | undefined;
}

function normalized(value: string | null | undefined): string | undefined {
  const day = fromWire(value);
  return day === undefined ? undefined : toWire(day);
}

export default function DatePickerRangeView(props: ViewProps<DatePickerRangeProps>) {
  const { setProps, clearable = false, disabled = false, updatemode = 'singledate' } = props;
  const displayFormat = props.display_format ?? defaultDisplayFormat;
  const minimumNights = Math.max(0, props.minimum_nights ?? 0);
  const locale = useMemo(pageLocale, []);
  const propStart = normalized(props.start_date);
  const propEnd = normalized(props.end_date);
  // The range being edited: equal to the props, except in 'bothdates' while only one end is picked.
  const [range, setRange] = useState<Range>({ start: propStart, end: propEnd });
  useEffect(() => setRange({ start: propStart, end: propEnd }), [propStart, propEnd]);

  const show = (wire: string | undefined) => {
    const day = fromWire(wire);
    return day === undefined ? '' : formatDay(day, displayFormat, locale);
  };
  const [texts, setTexts] = useState({ start: show(range.start), end: show(range.end) });
  const shownStart = show(range.start);
  const shownEnd = show(range.end);
  useEffect(() => setTexts({ start: shownStart, end: shownEnd }), [shownStart, shownEnd]);

  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<End>('start');
  const [month, setMonth] = useState<Date>(() => new Date());
  const root = useRef<HTMLDivElement>(null);
  const inputs = { start: useRef<HTMLInputElement>(null), end: useRef<HTMLInputElement>(null) };
  const popover = usePopoverRef();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, popover, close);

  const limits = {
    min_date_allowed: props.min_date_allowed,
    max_date_allowed: props.max_date_allowed,
    disabled_days: props.disabled_days,
  };

  /** Keep `next` as the edited range and write what `updatemode` says to write. */
  const apply = (next: Range) => {
    setRange(next);
    setTexts({ start: show(next.start), end: show(next.end) });
    const change: Partial<DatePickerRangeProps> = {};
    if (updatemode === 'bothdates') {
      // Only a complete range (or a full clear) is written.
      const complete = next.start !== undefined && next.end !== undefined;
      const cleared = next.start === undefined && next.end === undefined;
      if (!complete && !cleared) return;
    }
    if (next.start !== propStart) change.start_date = next.start ?? null;
    if (next.end !== propEnd) change.end_date = next.end ?? null;
    if (Object.keys(change).length > 0) setProps(change);
  };

  /** Is `end` far enough after `start` for `minimum_nights`? */
  const longEnough = (start: string, end: string) =>
    differenceInCalendarDays(fromWire(end) ?? 0, fromWire(start) ?? 0) >= minimumNights;

  /** Set one end to `day`, keeping the range ordered and long enough. Returns the end to focus next. */
  const setEnd = (which: End, day: string | undefined): End => {
    if (which === 'start') {
      const keepEnd = day !== undefined && range.end !== undefined && longEnough(day, range.end);
      apply({ start: day, end: day === undefined || keepEnd ? range.end : undefined });
      return 'end';
    }
    if (day !== undefined && range.start !== undefined && !longEnough(range.start, day)) {
      // An end before the start begins a new range there.
      apply({ start: day, end: undefined });
      return 'end';
    }
    apply({ start: range.start, end: day });
    return 'start';
  };

  const openCalendar = (which: End) => {
    setFocus(which);
    if (disabled || open) return;
    const first =
      fromWire(props.initial_visible_month) ??
      fromWire(range.start) ??
      fromWire(range.end) ??
      fromWire(props.min_date_allowed) ??
      new Date();
    setMonth(first);
    setOpen(true);
  };

  const pick = (date: Date) => {
    if (!isDayAllowed(date, limits)) return;
    const nextFocus = setEnd(focus, toWire(date));
    setFocus(nextFocus);
    if (focus === 'end' && nextFocus === 'start' && props.stay_open_on_select !== true) setOpen(false);
    else inputs[nextFocus].current?.focus();
  };

  /** Enter or blur in one input: take its typed day if allowed, else show the current one again. */
  const commitText = (which: End) => {
    const text = texts[which];
    const current = which === 'start' ? shownStart : shownEnd;
    if (text === current) return;
    if (text.trim() === '') {
      setEnd(which, undefined);
      return;
    }
    const day = parseDay(text, displayFormat, locale);
    if (day !== undefined && isDayAllowed(day, limits)) setEnd(which, toWire(day));
    else setTexts((t) => ({ ...t, [which]: current }));
  };

  const onKeyDown = (which: End) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      commitText(which);
      setOpen(false);
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'ArrowDown') {
      openCalendar(which);
    }
  };

  const clear = () => {
    apply({ start: undefined, end: undefined });
    setFocus('start');
    if (props.reopen_calendar_on_clear === true) {
      setOpen(false);
      window.setTimeout(() => {
        setMonth(fromWire(props.initial_visible_month) ?? fromWire(props.min_date_allowed) ?? new Date());
        setOpen(true);
      }, 0);
      inputs.start.current?.focus();
    } else {
      setOpen(false);
    }
  };

  // While the end is being picked, days too close after the start are blocked (minimum_nights).
  const disabledDays: Matcher[] = disabledMatchers(limits);
  const startDay = fromWire(range.start);
  if (focus === 'end' && startDay !== undefined && minimumNights > 0) {
    disabledDays.push({ after: startDay, before: addDays(startDay, minimumNights) });
  }

  const look: CalendarLook = {
    month_format: props.month_format,
    first_day_of_week: props.first_day_of_week,
    calendar_orientation: props.calendar_orientation,
    with_portal: props.with_portal,
    with_full_screen_portal: props.with_full_screen_portal,
    day_size: props.day_size,
    is_RTL: props.is_RTL,
    show_outside_days: props.show_outside_days ?? false,
    number_of_months_shown: props.number_of_months_shown ?? 2,
  };

  const field = (which: End) => {
    const placeholder =
      which === 'start'
        ? (props.start_date_placeholder_text ?? 'Start Date')
        : (props.end_date_placeholder_text ?? 'End Date');
    const text = texts[which];
    return (
      <input
        ref={inputs[which]}
        id={which === 'start' ? props.start_date_id : props.end_date_id}
        className={classNames(
          'dash-datepicker-input',
          `dash-datepicker-${which}-date`,
          open && focus === which && 'dash-datepicker-input-focused',
        )}
        type="text"
        aria-label={placeholder}
        placeholder={placeholder}
        value={text}
        size={Math.max(text.length, placeholder.length, 8)}
        disabled={disabled}
        autoComplete="off"
        onFocus={() => openCalendar(which)}
        onClick={() => openCalendar(which)}
        onChange={(event) => {
          const value = event.target.value;
          setTexts((t) => ({ ...t, [which]: value }));
          const day = parseDay(value, displayFormat, locale);
          if (day !== undefined) setMonth(day);
        }}
        onKeyDown={onKeyDown(which)}
        onBlur={() => commitText(which)}
      />
    );
  };

  const from = fromWire(range.start);
  const to = fromWire(range.end);
  return (
    <div
      ref={root}
      id={domId(props.id)}
      className={classNames('dash-datepicker', 'dash-datepicker-range', props.className)}
      style={props.style}
      dir={props.is_RTL === true ? 'rtl' : undefined}
      {...loadingAttributes(props.loading_state)}
    >
      <div className="dash-datepicker-input-wrapper">
        {field('start')}
        <span className="dash-datepicker-range-separator" aria-hidden="true">
          →
        </span>
        {field('end')}
        {clearable && !disabled && (from !== undefined || to !== undefined) && (
          <button type="button" className="dash-datepicker-clear" aria-label="Clear dates" onClick={clear}>
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
          selected={{ from, to }}
          disabled={disabledDays}
          onDayClick={pick}
          onClose={close}
          popoverRef={popover}
        />
      )}
    </div>
  );
}
