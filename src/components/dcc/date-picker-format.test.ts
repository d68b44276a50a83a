import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDay, fromWire, isDayAllowed, momentToDateFns, parseDay, toWire } from './date-picker-format.js';

test('Moment tokens become date-fns tokens, other text is quoted', () => {
  assert.equal(momentToDateFns('YYYY-MM-DD'), 'yyyy-MM-dd');
  assert.equal(momentToDateFns('MMMM YYYY'), 'MMMM yyyy');
  assert.equal(momentToDateFns('Do MMM YY'), 'do MMM yy');
  assert.equal(momentToDateFns('dddd, D/M/Y'), 'EEEE, d/M/y');
  assert.equal(momentToDateFns("[Day] D [o'clock]"), "'Day 'd' o''clock'");
});

test('formatDay renders the common display formats', () => {
  const day = new Date(2024, 2, 5);
  assert.equal(formatDay(day, 'YYYY-MM-DD'), '2024-03-05');
  assert.equal(formatDay(day, 'MMM Do, YY'), 'Mar 5th, 24');
  assert.equal(formatDay(day, 'MMMM YYYY'), 'March 2024');
  assert.equal(formatDay(day, 'dddd D/M/Y'), 'Tuesday 5/3/2024');
  assert.equal(formatDay(day, '[Q]Q ddd'), 'Q1 Tue');
});

test('parseDay reads the display format, then ISO, and rejects non-dates', () => {
  assert.equal(toWire(parseDay('05/03/2024', 'DD/MM/YYYY') ?? new Date(NaN)), '2024-03-05');
  assert.equal(toWire(parseDay('Mar 5th, 24', 'MMM Do, YY') ?? new Date(NaN)), '2024-03-05');
  assert.equal(toWire(parseDay('2024-03-05', 'DD/MM/YYYY') ?? new Date(NaN)), '2024-03-05');
  assert.equal(parseDay('31/02/2024', 'DD/MM/YYYY'), undefined);
  assert.equal(parseDay('soon', 'YYYY-MM-DD'), undefined);
  assert.equal(parseDay('  ', 'YYYY-MM-DD'), undefined);
});

test('wire dates are local calendar days; time parts are dropped, impossible days rejected', () => {
  assert.equal(fromWire('2024-03-05')?.getDate(), 5);
  assert.equal(toWire(fromWire('2024-03-05T23:59:00') ?? new Date(NaN)), '2024-03-05');
  assert.equal(fromWire('2024-02-30'), undefined);
  assert.equal(fromWire(null), undefined);
});

test('isDayAllowed honours min, max and disabled_days', () => {
  const limits = { min_date_allowed: '2024-03-02', max_date_allowed: '2024-03-20', disabled_days: ['2024-03-10'] };
  assert.equal(isDayAllowed(new Date(2024, 2, 1), limits), false);
  assert.equal(isDayAllowed(new Date(2024, 2, 2), limits), true);
  assert.equal(isDayAllowed(new Date(2024, 2, 10), limits), false);
  assert.equal(isDayAllowed(new Date(2024, 2, 20), limits), true);
  assert.equal(isDayAllowed(new Date(2024, 2, 21), limits), false);
  assert.equal(isDayAllowed(new Date(2024, 2, 21), {}), true);
});
