/**
 * The calendar popover both date pickers open (spec/components.md §3.10, §3.11), built on
 * react-day-picker (date-fns underneath). Not a view of its own: the picker views render it.
 * It shows below the inputs, or in an overlay (`with_portal`) or a full-screen overlay
 * (`with_full_screen_portal`), both portalled to <body> so no ancestor clips them. A press outside
 * the picker or Escape closes it.
 */
import type { CSSProperties, ReactNode, RefObject } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Locale } from 'date-fns';
import type { DateRange, Matcher } from 'react-day-picker';
import { DayPicker } from 'react-day-picker';
import type { DayLimits } from './date-picker-format.js';
import { defaultMonthFormat, formatDay, fromWire } from './date-picker-format.js';
import type { DatePickerSingleProps } from './date-picker-single.js';
import { classNames } from './view-utils.browser.js';
import 'react-day-picker/style.css';
import './styles/date-picker.css';

/** The calendar look props both pickers have (their defaults differ, so the views pass them resolved). */
export type CalendarLook = Pick<
  DatePickerSingleProps,
  | 'month_format'
  | 'first_day_of_week'
  | 'calendar_orientation'
  | 'with_portal'
  | 'with_full_screen_portal'
  | 'day_size'
  | 'is_RTL'
> & { show_outside_days: boolean; number_of_months_shown: number };

interface DateFnsGlobal {
  dateFns?: { locale?: Record<string, Locale | undefined> };
}

/**
 * The date-fns locale a page may load as a script (`window.dateFns.locale`, Dash's convention),
 * matched against the browser languages ('fr-CA' tries frCA, then fr); undefined means English.
 */
export function pageLocale(): Locale | undefined {
  const locales = (window as unknown as DateFnsGlobal).dateFns?.locale;
  if (locales === undefined) return undefined;
  for (const language of navigator.languages) {
    const [base = '', region = ''] = language.split('-');
    const found = locales[`${base}${region.toUpperCase()}`] ?? locales[base];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** react-day-picker matchers for the days outside min/max and the listed disabled days. */
export function disabledMatchers(limits: DayLimits): Matcher[] {
  const matchers: Matcher[] = [];
  const min = fromWire(limits.min_date_allowed);
  const max = fromWire(limits.max_date_allowed);
  if (min !== undefined) matchers.push({ before: min });
  if (max !== undefined) matchers.push({ after: max });
  const days = (limits.disabled_days ?? []).map(fromWire).filter((d): d is Date => d !== undefined);
  if (days.length > 0) matchers.push(days);
  return matchers;
}

/** Close on a press outside `inside` (and outside the popover) or on Escape, while `open`. */
export function useDismiss(
  open: boolean,
  inside: RefObject<HTMLElement>,
  popover: RefObject<HTMLElement>,
  close: () => void,
) {
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target === null) return;
      if (inside.current?.contains(target) || popover.current?.contains(target)) return;
      close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, inside, popover, close]);
}

interface CalendarProps {
  readonly look: CalendarLook;
  readonly locale: Locale | undefined;
  readonly month: Date;
  readonly onMonthChange: (month: Date) => void;
  /** One day (single picker) or a range (range picker). */
  readonly selected: Date | DateRange | undefined;
  readonly disabled: Matcher[];
  readonly onDayClick: (day: Date) => void;
  readonly onClose: () => void;
  readonly popoverRef: RefObject<HTMLDivElement>;
  /** Extra content under the calendar. */
  readonly footer?: ReactNode;
}

/** The open calendar: inline popover or overlay, per `with_portal` / `with_full_screen_portal`. */
export function CalendarPopover(props: CalendarProps) {
  const { look, locale, selected } = props;
  const monthFormat = look.month_format ?? defaultMonthFormat;
  const formatters = useMemo(
    () => ({ formatCaption: (month: Date) => formatDay(month, monthFormat, locale) }),
    [monthFormat, locale],
  );
  const daySize = look.day_size ?? 34;
  // A React style prop (not inline CSS text), so the CSP allows it: react-day-picker sizes by these variables.
  const sizing = {
    '--rdp-day-width': `${daySize}px`,
    '--rdp-day-height': `${daySize}px`,
    '--rdp-day_button-width': `${daySize - 2}px`,
    '--rdp-day_button-height': `${daySize - 2}px`,
  } as CSSProperties;
  const vertical = look.calendar_orientation === 'vertical';
  const common = {
    locale,
    month: props.month,
    onMonthChange: props.onMonthChange,
    numberOfMonths: Math.max(1, look.number_of_months_shown),
    weekStartsOn: look.first_day_of_week ?? 0,
    showOutsideDays: look.show_outside_days,
    dir: look.is_RTL ? 'rtl' : 'ltr',
    disabled: props.disabled,
    formatters,
    footer: props.footer,
    style: sizing,
    className: classNames('dash-datepicker-calendar', vertical && 'dash-datepicker-vertical'),
  } as const;
  const picker =
    selected instanceof Date || selected === undefined ? (
      <DayPicker {...common} mode="single" required selected={selected} onSelect={(_d, day) => props.onDayClick(day)} />
    ) : (
      <DayPicker {...common} mode="range" required selected={selected} onSelect={(_r, day) => props.onDayClick(day)} />
    );
  const fullScreen = look.with_full_screen_portal === true;
  // Dash: with_portal applies to the horizontal layout only.
  const overlay = fullScreen || (look.with_portal === true && !vertical);
  if (!overlay) {
    return (
      <div ref={props.popoverRef} className="dash-datepicker-popover">
        {picker}
      </div>
    );
  }
  return createPortal(
    <div
      className={classNames('dash-datepicker-portal', fullScreen && 'dash-datepicker-portal-fullscreen')}
      onPointerDown={(event) => {
        // A press on the dimmed backdrop (not on the calendar) closes the overlay.
        if (event.target === event.currentTarget) props.onClose();
      }}
    >
      {fullScreen && (
        // In the overlay's corner, not the calendar's, where the month navigation sits.
        <button type="button" className="dash-datepicker-portal-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      )}
      <div ref={props.popoverRef} className="dash-datepicker-portal-content" role="dialog">
        {picker}
      </div>
    </div>,
    document.body,
  );
}

/** A stable ref-holder for the popover element (the overlay lives outside the picker's DOM). */
export function usePopoverRef() {
  return useRef<HTMLDivElement>(null);
}
