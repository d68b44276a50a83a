/**
 * Dates of the date pickers (spec/components.md §3.10, §3.11): the wire form 'YYYY-MM-DD' and the
 * Moment.js display tokens Dash's `display_format` / `month_format` use, translated to date-fns
 * format strings (date-fns does the formatting and parsing; this module only maps the tokens).
 * No DOM: unit-tested in Node, bundled into the picker views.
 */
import { format, isValid, parse } from 'date-fns';
import type { Locale } from 'date-fns';

/**
 * Moment token → date-fns token, longest first so `MMMM` wins over `MM`. Tokens left out here
 * (locale-dependent week numbering such as `gggg`) are rare in date pickers and come out literally.
 */
const tokens: readonly (readonly [string, string])[] = [
  ['YYYY', 'yyyy'],
  ['YY', 'yy'],
  ['Y', 'y'],
  ['MMMM', 'MMMM'],
  ['MMM', 'MMM'],
  ['MM', 'MM'],
  ['Mo', 'Mo'],
  ['M', 'M'],
  ['Do', 'do'],
  ['DD', 'dd'],
  ['D', 'd'],
  ['dddd', 'EEEE'],
  ['ddd', 'EEE'],
  ['dd', 'EEEEEE'],
  ['E', 'i'],
  ['Qo', 'Qo'],
  ['Q', 'Q'],
  ['WW', 'II'],
  ['W', 'I'],
  ['ww', 'ww'],
  ['w', 'w'],
  ['HH', 'HH'],
  ['H', 'H'],
  ['hh', 'hh'],
  ['h', 'h'],
  ['kk', 'kk'],
  ['k', 'k'],
  ['mm', 'mm'],
  ['m', 'm'],
  ['ss', 'ss'],
  ['s', 's'],
  ['SSS', 'SSS'],
  ['A', 'a'],
  ['a', 'aaa'],
  ['X', 't'],
  ['x', 'T'],
];

/** Quote text for date-fns: letters are tokens there, so such text goes in '...' ('' is a quote). */
function literal(text: string): string {
  return /[a-zA-Z']/.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

/** Translate a Moment.js format (`'Do MMM YYYY'`, `'[Week] W'`) to a date-fns format string. */
export function momentToDateFns(momentFormat: string): string {
  let out = '';
  let pendingLiteral = '';
  const flush = () => {
    out += literal(pendingLiteral);
    pendingLiteral = '';
  };
  let i = 0;
  while (i < momentFormat.length) {
    const rest = momentFormat.slice(i);
    if (rest.startsWith('[')) {
      // Moment escapes literal text in brackets.
      const close = rest.indexOf(']');
      if (close > 0) {
        pendingLiteral += rest.slice(1, close);
        i += close + 1;
        continue;
      }
    }
    const token = tokens.find(([moment]) => rest.startsWith(moment));
    if (token !== undefined) {
      flush();
      out += token[1];
      i += token[0].length;
      continue;
    }
    pendingLiteral += rest[0];
    i += 1;
  }
  flush();
  return out;
}

export const defaultDisplayFormat = 'YYYY-MM-DD';
export const defaultMonthFormat = 'MMMM YYYY';

/** The calendar day of a wire value ('YYYY-MM-DD', possibly with a time part) as a local Date. */
export function fromWire(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Reject 2024-02-31 and the like instead of rolling over into the next month.
  return date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** The wire form of a day: always 'YYYY-MM-DD'. */
export function toWire(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A day shown with a Moment-style format. */
export function formatDay(date: Date, momentFormat: string, locale?: Locale): string {
  return format(date, momentToDateFns(momentFormat), locale === undefined ? {} : { locale });
}

/**
 * Typed text read with the display format (then as ISO 'YYYY-MM-DD', which people type whatever
 * the display); undefined when it is not a date. Time parts are dropped: the pickers pick days.
 */
export function parseDay(text: string, momentFormat: string, locale?: Locale): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const options = locale === undefined ? {} : { locale };
  for (const candidate of [momentToDateFns(momentFormat), 'yyyy-MM-dd']) {
    const parsed = parse(trimmed, candidate, new Date(2000, 0, 1), options);
    if (isValid(parsed)) return new Date(parsed.getFullYear(), parsed.getMonth(), parsed.getDate());
  }
  return undefined;
}

/** What limits the selectable days: min/max and the extra disabled ones (all wire strings). */
export interface DayLimits {
  readonly min_date_allowed?: string | null | undefined;
  readonly max_date_allowed?: string | null | undefined;
  readonly disabled_days?: readonly string[] | null | undefined;
}

/** Can `date` be picked under `limits`? */
export function isDayAllowed(date: Date, limits: DayLimits): boolean {
  const day = toWire(date);
  const min = fromWire(limits.min_date_allowed);
  const max = fromWire(limits.max_date_allowed);
  if (min !== undefined && day < toWire(min)) return false;
  if (max !== undefined && day > toWire(max)) return false;
  return !(limits.disabled_days ?? []).some((disabled) => {
    const parsed = fromWire(disabled);
    return parsed !== undefined && toWire(parsed) === day;
  });
}
