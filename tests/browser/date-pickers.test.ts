/**
 * dcc.DatePickerSingle and dcc.DatePickerRange in Chromium: a person opens the calendar, picks or
 * types days, clears them; the tests check what was written back (echo Divs), what the calendar
 * shows and allows, and that the page ran clean under the CSP. One browser and one served app per
 * picker type for the whole file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServedApp } from './harness.js';
import { ensureBuilt, eventually, expectEcho, launchBrowser, openPage, serveApp } from './harness.js';
import * as rangeApp from './apps/date-picker-range.js';
import * as singleApp from './apps/date-picker-single.js';

let browser: Browser;
let single: ServedApp;
let range: ServedApp;

before(async () => {
  ensureBuilt();
  browser = await launchBrowser();
  single = await serveApp(singleApp.createApp());
  range = await serveApp(rangeApp.createApp());
});

after(async () => {
  await single.close();
  await range.close();
  await browser.close();
});

/** Open `served` in a fresh context, run `body`, then check the page ran clean. */
async function withPage(served: ServedApp, body: (page: Page) => Promise<void>): Promise<void> {
  const opened = await openPage(browser, served.url);
  try {
    await opened.page.waitForSelector('.dash-datepicker');
    await body(opened.page);
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
  } finally {
    await opened.close();
  }
}

/** The day cell of `day` ('YYYY-MM-DD') in the open calendar of picker `id` (not an outside day). */
function dayCell(id: string, day: string): string {
  return `#${id} [data-day="${day}"]:not([data-outside])`;
}

/** Inputs of the picker with DOM id `id`, in order. */
function inputOf(page: Page, id: string, index = 0) {
  return page.locator(`#${id} input.dash-datepicker-input`).nth(index);
}

/** How many months the open calendar of picker `id` shows (0 when closed). */
const calendarCount = (page: Page, id: string) => page.locator(`#${id} .rdp-month`).count();

describe('dcc.DatePickerSingle', () => {
  test('shows the date with display_format; picking a day writes YYYY-MM-DD and closes', async () => {
    await withPage(single, async (page) => {
      await expectEcho(page, 'single', 'date', '2024-03-05');
      assert.equal(await inputOf(page, 'single').inputValue(), '05/03/2024');
      await inputOf(page, 'single').click();
      // month_format 'MMM YY', first_day_of_week 1 (Monday first).
      assert.equal(await page.locator('#single .rdp-caption_label').first().textContent(), 'Mar 24');
      assert.equal(await page.locator('#single .rdp-weekday').first().getAttribute('aria-label'), 'Monday');
      assert.equal(await page.locator(dayCell('single', '2024-03-05')).getAttribute('data-selected'), 'true');
      await page.click(`${dayCell('single', '2024-03-12')} button`);
      await expectEcho(page, 'single', 'date', '2024-03-12');
      assert.equal(await inputOf(page, 'single').inputValue(), '12/03/2024');
      await eventually(() => calendarCount(page, 'single'), 0, 'calendar closed after picking');
      await inputOf(page, 'single').click();
      await page.click('#single .rdp-button_next');
      assert.equal(await page.locator('#single .rdp-caption_label').first().textContent(), 'Apr 24');
    });
  });

  test('min/max_date_allowed and disabled_days cannot be picked', async () => {
    await withPage(single, async (page) => {
      await inputOf(page, 'single').click();
      for (const day of ['2024-03-01', '2024-03-10', '2024-03-26']) {
        assert.equal(await page.locator(dayCell('single', day)).getAttribute('data-disabled'), 'true', day);
      }
      assert.equal(await page.locator(dayCell('single', '2024-03-11')).getAttribute('data-disabled'), null);
      await page.locator(`${dayCell('single', '2024-03-10')} button`).click({ force: true });
      await page.waitForTimeout(200);
      await expectEcho(page, 'single', 'date', '2024-03-05');
    });
  });

  test('typed text is parsed with display_format on Enter; disallowed or invalid text reverts', async () => {
    await withPage(single, async (page) => {
      const input = inputOf(page, 'single');
      await input.fill('20/03/2024');
      await input.press('Enter');
      await expectEcho(page, 'single', 'date', '2024-03-20');
      await input.fill('10/03/2024'); // a disabled day
      await input.press('Enter');
      assert.equal(await input.inputValue(), '20/03/2024');
      await input.fill('not a date');
      await input.press('Tab'); // blur commits too
      assert.equal(await input.inputValue(), '20/03/2024');
      await input.fill('2024-03-21'); // ISO is understood whatever the display format
      await input.press('Enter');
      await expectEcho(page, 'single', 'date', '2024-03-21');
      assert.equal(await input.inputValue(), '21/03/2024');
    });
  });

  test('clearable: the x button clears the date to None; a disabled picker cannot open or clear', async () => {
    await withPage(single, async (page) => {
      await page.click('#single .dash-datepicker-clear');
      await expectEcho(page, 'single', 'date', null);
      assert.equal(await inputOf(page, 'single').inputValue(), '');
      assert.equal(await page.locator('#single .dash-datepicker-clear').count(), 0);
      assert.equal(await inputOf(page, 'off').isDisabled(), true);
      assert.equal(await page.locator('#off .dash-datepicker-clear').count(), 0);
    });
  });

  test('placeholder, initial_visible_month, number_of_months_shown, reopen_calendar_on_clear', async () => {
    await withPage(single, async (page) => {
      const input = inputOf(page, 'empty');
      assert.equal(await input.getAttribute('placeholder'), 'Pick a day');
      await input.click();
      const captions = await page.locator('#empty .rdp-caption_label').allTextContents();
      assert.deepEqual(captions, ['July 2023', 'August 2023']);
      await page.click(`${dayCell('empty', '2023-08-04')} button`);
      await expectEcho(page, 'empty', 'date', '2023-08-04');
      assert.equal(await input.inputValue(), 'Aug 4th, 23');
      await page.click('#empty .dash-datepicker-clear');
      await expectEcho(page, 'empty', 'date', null);
      await eventually(() => calendarCount(page, 'empty'), 2, 'calendar reopened after clear');
      await page.keyboard.press('Escape');
      await eventually(() => calendarCount(page, 'empty'), 0, 'Escape closes the calendar');
    });
  });

  test('with_portal opens the calendar in an overlay on <body>; the backdrop closes it', async () => {
    await withPage(single, async (page) => {
      await inputOf(page, 'portal').click();
      const portal = page.locator('body > .dash-datepicker-portal');
      await portal.waitFor();
      assert.equal(await portal.locator('.rdp-caption_label').textContent(), 'January 2024');
      await portal.locator('[data-day="2024-01-20"]:not([data-outside]) button').click();
      await expectEcho(page, 'portal', 'date', '2024-01-20');
      await eventually(() => portal.count(), 0, 'overlay closed after picking');
      await inputOf(page, 'portal').click({ position: { x: 5, y: 5 } });
      await portal.waitFor();
      await page.mouse.click(3, 3); // the dimmed backdrop
      await eventually(() => portal.count(), 0, 'backdrop press closes the overlay');
    });
  });

  test('calendar_orientation, day_size, is_RTL, show_outside_days, stay_open_on_select', async () => {
    await withPage(single, async (page) => {
      await inputOf(page, 'single').click();
      assert.ok((await page.locator('#single [data-outside] button').count()) > 0, 'outside days shown by default');
      await page.keyboard.press('Escape');
      await inputOf(page, 'look').click();
      const months = page.locator('#look .rdp-month');
      const [first, second] = [await months.nth(0).boundingBox(), await months.nth(1).boundingBox()];
      assert.ok(first !== null && second !== null && second.y >= first.y + first.height - 1, 'months stacked');
      const cell = await page.locator(dayCell('look', '2024-02-20')).boundingBox();
      assert.equal(Math.round(cell?.width ?? 0), 50, 'day_size');
      assert.equal(await page.locator('#look .rdp-root').getAttribute('dir'), 'rtl');
      assert.equal(await page.locator('#look [data-outside] button').count(), 0, 'no outside days');
      await page.click(`${dayCell('look', '2024-03-02')} button`);
      await expectEcho(page, 'look', 'date', '2024-03-02');
      assert.equal(await calendarCount(page, 'look'), 2, 'stays open on select');
    });
  });

  test('with_full_screen_portal opens a full-screen overlay with a close button', async () => {
    await withPage(single, async (page) => {
      await inputOf(page, 'full').click();
      const portal = page.locator('body > .dash-datepicker-portal.dash-datepicker-portal-fullscreen');
      await portal.waitFor();
      const box = await portal.boundingBox();
      const viewport = page.viewportSize();
      assert.deepEqual([box?.width, box?.height], [viewport?.width, viewport?.height]);
      await portal.locator('[data-day="2024-02-01"]:not([data-outside]) button').click();
      await expectEcho(page, 'full', 'date', '2024-02-01');
      await inputOf(page, 'full').click({ position: { x: 5, y: 5 } });
      await portal.locator('.dash-datepicker-portal-close').click();
      await eventually(() => portal.count(), 0, 'close button closes the overlay');
    });
  });

  test('a date written by a callback replaces the shown text', async () => {
    await withPage(single, async (page) => {
      await expectEcho(page, 'single', 'date', '2024-03-05');
      await page.click('#set');
      await expectEcho(page, 'single', 'date', '2024-03-22');
      assert.equal(await inputOf(page, 'single').inputValue(), '22/03/2024');
    });
  });

  test('persistence keeps the picked date across a reload', async () => {
    await withPage(single, async (page) => {
      await expectEcho(page, 'kept', 'date', '2024-05-01');
      await inputOf(page, 'kept').click();
      await page.click(`${dayCell('kept', '2024-05-17')} button`);
      await expectEcho(page, 'kept', 'date', '2024-05-17');
      await page.reload();
      await expectEcho(page, 'kept', 'date', '2024-05-17');
      assert.equal(await inputOf(page, 'kept').inputValue(), '2024-05-17');
    });
  });
});

describe('dcc.DatePickerRange', () => {
  test('singledate: a new start drops the old end (end_date None), minimum_nights blocks close ends', async () => {
    await withPage(range, async (page) => {
      await expectEcho(page, 'range', 'start_date', '2024-03-05');
      await expectEcho(page, 'range', 'end_date', '2024-03-08');
      await page.click('#range-start');
      assert.equal(await calendarCount(page, 'range'), 2, 'two months by default');
      await page.click(`${dayCell('range', '2024-03-12')} button`);
      await expectEcho(page, 'range', 'start_date', '2024-03-12');
      await expectEcho(page, 'range', 'end_date', null);
      // The end is being picked now: 13 is within minimum_nights (2) of the start.
      await eventually(
        () => page.locator(dayCell('range', '2024-03-13')).getAttribute('data-disabled'),
        'true',
        'minimum_nights',
      );
      assert.equal(await page.locator(dayCell('range', '2024-03-14')).getAttribute('data-disabled'), null);
      await page.click(`${dayCell('range', '2024-03-15')} button`);
      await expectEcho(page, 'range', 'end_date', '2024-03-15');
      await eventually(() => calendarCount(page, 'range'), 0, 'closed once both ends are picked');
      assert.equal(await page.inputValue('#range-start'), '2024-03-12');
      assert.equal(await page.inputValue('#range-end'), '2024-03-15');
    });
  });

  test('bothdates: nothing is written until both ends are picked', async () => {
    await withPage(range, async (page) => {
      await expectEcho(page, 'both', 'start_date', null);
      assert.equal(await inputOf(page, 'both', 0).getAttribute('placeholder'), 'From');
      assert.equal(await inputOf(page, 'both', 1).getAttribute('placeholder'), 'To');
      await inputOf(page, 'both', 0).click();
      const captions = await page.locator('#both .rdp-caption_label').allTextContents();
      assert.deepEqual(captions, ['June 2024', 'July 2024']);
      await page.click(`${dayCell('both', '2024-06-03')} button`);
      assert.equal(await inputOf(page, 'both', 0).inputValue(), '3 Jun 2024');
      await page.waitForTimeout(300);
      await expectEcho(page, 'both', 'start_date', null);
      await page.click(`${dayCell('both', '2024-07-09')} button`);
      await expectEcho(page, 'both', 'start_date', '2024-06-03');
      await expectEcho(page, 'both', 'end_date', '2024-07-09');
    });
  });

  test('typing an end, and clearing both ends', async () => {
    await withPage(range, async (page) => {
      await page.fill('#range-end', '2024-03-20');
      await page.press('#range-end', 'Enter');
      await expectEcho(page, 'range', 'end_date', '2024-03-20');
      await expectEcho(page, 'range', 'start_date', '2024-03-05');
      await page.fill('#range-end', '2024-03-06'); // too close to the start: starts a new range there
      await page.press('#range-end', 'Enter');
      await expectEcho(page, 'range', 'start_date', '2024-03-06');
      await expectEcho(page, 'range', 'end_date', null);
      await page.click('#range .dash-datepicker-clear');
      await expectEcho(page, 'range', 'start_date', null);
      assert.equal(await page.inputValue('#range-start'), '');
    });
  });

  test('persistence keeps both ends across a reload', async () => {
    await withPage(range, async (page) => {
      await inputOf(page, 'kept', 1).click();
      await page.click(`${dayCell('kept', '2024-01-20')} button`);
      await expectEcho(page, 'kept', 'end_date', '2024-01-20');
      await page.reload();
      await expectEcho(page, 'kept', 'start_date', '2024-01-01');
      await expectEcho(page, 'kept', 'end_date', '2024-01-20');
      assert.equal(await inputOf(page, 'kept', 1).inputValue(), '2024-01-20');
    });
  });
});
