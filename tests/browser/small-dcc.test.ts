/**
 * dcc.ConfirmDialog, dcc.ConfirmDialogProvider, dcc.Clipboard, dcc.Tooltip and dcc.Geolocation in
 * Chromium (spec/components.md §3.22-§3.26). Each test serves an app of tests/browser/apps, acts like
 * a user (answers confirm() boxes, clicks, reads the real clipboard, moves the device's position
 * through Playwright's geolocation emulation) and checks what the component wrote back through
 * the echo Divs, what it rendered, and that the page ran clean under the CSP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Dialog, Page } from 'playwright-core';
import type { Dash } from 'dash-ts';
import { echoed, ensureBuilt, eventually, expectEcho, launchBrowser, serveApp } from './harness.js';
import * as clipboardApp from './apps/clipboard.js';
import * as confirmApp from './apps/confirm-dialog.js';
import * as geolocationApp from './apps/geolocation.js';
import * as tooltipApp from './apps/tooltip.js';

/** What the page-side functions use of the browser's globals (this file is checked without the DOM library). */
interface PageWindow {
  document: {
    getElementById(id: string): PageElement | null;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
  navigator: {
    clipboard: {
      readText(): Promise<string>;
      read(): Promise<{ types: string[]; getType(type: string): Promise<{ text(): Promise<string> }> }[]>;
    };
  };
  getComputedStyle(element: unknown): Record<string, string>;
}
interface PageElement {
  id: string;
  closest(selector: string): PageElement | null;
}

let browser: Browser;

before(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

/** The dialogs a page showed, answered by `answer` (accept unless it returns false). */
interface Dialogs {
  seen: { type: string; message: string }[];
  answer: (message: string) => boolean;
}

/**
 * Serve `createApp()`, open it in a context with `options` (permissions, geolocation), answer
 * dialogs with `dialogs.answer`, run `body`, then check the page ran clean.
 */
async function withApp(
  createApp: () => Dash,
  body: (page: Page, dialogs: Dialogs) => Promise<void>,
  options: { context?: BrowserContextOptions; initScript?: () => void; allowGeolocation?: boolean } = {},
): Promise<void> {
  const served = await serveApp(createApp());
  const context = await browser.newContext(options.context ?? {});
  if (options.allowGeolocation === true) {
    // Our server's Permissions-Policy (spec/security.md §6.3) has `geolocation=()`, which blocks the
    // API in the page whatever the user grants. To exercise the component itself, the page shell is
    // served here with `geolocation=(self)`, as an app that uses dcc.Geolocation must send it.
    await context.route(served.url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'geolocation=(self)' } });
    });
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const dialogs: Dialogs = { seen: [], answer: () => true };
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('dialog', (dialog: Dialog) => {
    dialogs.seen.push({ type: dialog.type(), message: dialog.message() });
    void (dialogs.answer(dialog.message()) ? dialog.accept() : dialog.dismiss());
  });
  if (options.initScript) await page.addInitScript(options.initScript);
  try {
    await page.goto(served.url);
    await body(page, dialogs);
    assert.deepEqual(pageErrors, [], 'page errors');
    assert.deepEqual(cspViolations, [], 'CSP violations');
  } finally {
    await context.close();
    await served.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A timestamp written by the page in the last minute. */
async function assertRecentTimestamp(page: Page, id: string, prop: string): Promise<void> {
  const value = await echoed(page, id, prop);
  assert.ok(
    typeof value === 'number' && Math.abs(value - Date.now()) < 60_000,
    `${id}.${prop} is recent: ${JSON.stringify(value)}`,
  );
}

describe('dcc.ConfirmDialog and dcc.ConfirmDialogProvider', () => {
  test('confirm() at load and from a callback; OK and Cancel counted with timestamps; displayed reset', async () => {
    await withApp(confirmApp.createApp, async (page, dialogs) => {
      // displayed=true in the layout: asked at load (the handler accepts it).
      await expectEcho(page, 'startup', 'submit_n_clicks', 1);
      await expectEcho(page, 'startup', 'displayed', false);
      assert.deepEqual(dialogs.seen, [{ type: 'confirm', message: 'Shown at load?' }]);
      await expectEcho(page, 'confirm', 'submit_n_clicks', null);

      // A callback sets displayed=true: OK.
      await page.click('#ask');
      await expectEcho(page, 'confirm', 'submit_n_clicks', 1);
      await expectEcho(page, 'confirm', 'displayed', false);
      await assertRecentTimestamp(page, 'confirm', 'submit_n_clicks_timestamp');
      assert.equal(await echoed(page, 'confirm', 'cancel_n_clicks'), null);
      assert.deepEqual(dialogs.seen.at(-1), { type: 'confirm', message: 'Are you sure?' });

      // Again, answered Cancel: only the cancel counter moves.
      dialogs.answer = () => false;
      await page.click('#ask');
      await expectEcho(page, 'confirm', 'cancel_n_clicks', 1);
      await assertRecentTimestamp(page, 'confirm', 'cancel_n_clicks_timestamp');
      assert.equal(await echoed(page, 'confirm', 'submit_n_clicks'), 1);
      await expectEcho(page, 'confirm', 'displayed', false);
      await page.click('#ask');
      await expectEcho(page, 'confirm', 'cancel_n_clicks', 2);
      assert.equal(dialogs.seen.length, 4, 'one dialog per request');
    });
  });

  test('provider: a click on the child asks instead of clicking it; answers counted', async () => {
    await withApp(confirmApp.createApp, async (page, dialogs) => {
      await expectEcho(page, 'startup', 'displayed', false);
      dialogs.answer = (message) => message !== 'Delete it?';
      await page.click('#delete');
      await expectEcho(page, 'provider', 'cancel_n_clicks', 1);
      await expectEcho(page, 'provider', 'displayed', false);
      await assertRecentTimestamp(page, 'provider', 'cancel_n_clicks_timestamp');
      assert.deepEqual(dialogs.seen.at(-1), { type: 'confirm', message: 'Delete it?' });

      dialogs.answer = () => true;
      await page.click('#delete');
      await expectEcho(page, 'provider', 'submit_n_clicks', 1);
      await assertRecentTimestamp(page, 'provider', 'submit_n_clicks_timestamp');
      assert.equal(await echoed(page, 'provider', 'cancel_n_clicks'), 1);
      // The provider replaced the button's own click handling.
      await pause(200);
      assert.equal(await echoed(page, 'delete', 'n_clicks'), null, 'the child button counted no click');
      assert.equal(await page.locator('#provider > #delete').count(), 1, 'provider renders a wrapper with its id');
    });
  });
});

describe('dcc.Clipboard', () => {
  const context: BrowserContextOptions = { permissions: ['clipboard-read', 'clipboard-write'] };
  const clipboardText = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as PageWindow).navigator.clipboard.readText());

  test('copies target text (string and dict id), an input value, content and html_content', async () => {
    await withApp(
      clipboardApp.createApp,
      async (page) => {
        const button = page.locator('#copy-target');
        assert.equal(await button.getAttribute('title'), 'Copy the paragraph');
        assert.match((await button.getAttribute('class')) ?? '', /\bdash-clipboard\b.*\bextra\b/);
        assert.equal(await button.locator('svg[aria-label="Copy"]').count(), 1, 'copy icon by default');

        await button.click();
        await eventually(() => clipboardText(page), 'copy me, please', 'target text copied');
        await expectEcho(page, 'copy-target', 'n_clicks', 1);
        assert.equal(await button.locator('svg[aria-label="Copied"]').count(), 1, 'check icon after copying');
        await eventually(() => button.locator('svg[aria-label="Copy"]').count(), 1, 'copy icon again after ~1 s');

        await page.click('#copy-input');
        await eventually(() => clipboardText(page), 'typed text', 'input value copied');
        await page.locator('#field').fill('edited');
        await page.click('#copy-input');
        await eventually(() => clipboardText(page), 'edited', 'current input value copied');

        await page.click('#copy-dict');
        await eventually(() => clipboardText(page), 'dict text', 'dict target_id resolved');

        await page.click('#copy-html');
        await eventually(() => clipboardText(page), 'plain part', 'content is the text/plain part');
        const html = await page.evaluate(async () => {
          const [item] = await (globalThis as unknown as PageWindow).navigator.clipboard.read();
          return item && item.types.includes('text/html') ? (await item.getType('text/html')).text() : null;
        });
        assert.match(html ?? '', /<b>bold part<\/b>/);
      },
      { context },
    );
  });

  test('waits for the n_clicks callback to fill content; custom children and copied_children', async () => {
    await withApp(
      clipboardApp.createApp,
      async (page) => {
        await page.click('#copy-content');
        await expectEcho(page, 'copy-content', 'n_clicks', 1);
        await eventually(() => clipboardText(page), 'computed 1', 'content from the slow callback copied', 3000);
        await page.click('#copy-content');
        await eventually(() => clipboardText(page), 'computed 2', 'second click copies the new content', 3000);

        const custom = page.locator('#copy-custom');
        assert.equal(await custom.textContent(), 'Copy');
        assert.equal(
          await custom.evaluate((el: unknown) => (globalThis as unknown as PageWindow).getComputedStyle(el).color),
          'rgb(255, 0, 0)',
        );
        await custom.click();
        await eventually(() => custom.textContent(), 'Copied!', 'copied_children shown');
        assert.equal(await clipboardText(page), 'custom');
        await eventually(() => custom.textContent(), 'Copy', 'children back after ~1 s', 3000);
      },
      { context },
    );
  });
});

describe('dcc.Tooltip', () => {
  /** The box of an element relative to #stage. */
  async function boxInStage(page: Page, selector: string) {
    const stage = await page.locator('#stage').boundingBox();
    const box = await page.locator(selector).boundingBox();
    assert.ok(stage && box, `${selector} is laid out`);
    return {
      left: box.x - stage.x,
      top: box.y - stage.y,
      right: box.x + box.width - stage.x,
      bottom: box.y + box.height - stage.y,
    };
  }

  test('placed on each side of the bbox; colours, z-index, class, style; hidden without bbox', async () => {
    await withApp(tooltipApp.createApp, async (page) => {
      const { bbox } = tooltipApp;
      const midY = (bbox.y0 + bbox.y1) / 2;
      const midX = (bbox.x0 + bbox.x1) / 2;
      await page.waitForSelector('#tip-right');
      const right = await boxInStage(page, '#tip-right');
      assert.ok(right.left >= bbox.x1 && right.left <= bbox.x1 + 15, `right of the bbox: ${JSON.stringify(right)}`);
      assert.ok(Math.abs((right.top + right.bottom) / 2 - midY) <= 1, 'vertically centred on the bbox');
      const left = await boxInStage(page, '#tip-left');
      assert.ok(left.right <= bbox.x0 && left.right >= bbox.x0 - 15, `left of the bbox: ${JSON.stringify(left)}`);
      const top = await boxInStage(page, '#tip-top');
      assert.ok(top.bottom <= bbox.y0 && top.bottom >= bbox.y0 - 15, `above the bbox: ${JSON.stringify(top)}`);
      assert.ok(Math.abs((top.left + top.right) / 2 - midX) <= 1, 'horizontally centred on the bbox');
      const bottom = await boxInStage(page, '#tip-slow');
      assert.ok(bottom.top >= bbox.y1 && bottom.top <= bbox.y1 + 15, `below the bbox: ${JSON.stringify(bottom)}`);

      const styles = await page.locator('#tip-right').evaluate((el: unknown) => {
        const s = (globalThis as unknown as PageWindow).getComputedStyle(el);
        return [s.backgroundColor, s.borderTopColor, s.fontSize];
      });
      assert.deepEqual(styles, ['rgb(255, 240, 200)', 'rgb(0, 0, 255)', '13px']);
      assert.equal(
        await page
          .locator('.hover:has(#tip-right)')
          .evaluate((el: unknown) => (globalThis as unknown as PageWindow).getComputedStyle(el).zIndex),
        '7',
      );
      assert.match((await page.locator('#tip-right').getAttribute('class')) ?? '', /\bhover-content\b.*\bmine\b/);
      assert.equal(await page.locator('#tip-right').textContent(), 'Right side');
      assert.equal(await page.locator('#tip-nobox').isVisible(), false, 'no bbox: hidden');
      assert.equal(await page.locator('#tip-left').isVisible(), true);
    });
  });

  test('show toggled by a callback; pointer passes through unless targetable; loading_text', async () => {
    await withApp(tooltipApp.createApp, async (page) => {
      await page.waitForSelector('#tip-right');
      assert.equal(await page.locator('#tip-right').isVisible(), true);
      await page.click('#toggle');
      await eventually(() => page.locator('#tip-right').isVisible(), false, 'show=false hides it');
      await page.click('#toggle');
      await eventually(() => page.locator('#tip-right').isVisible(), true, 'show=true shows it again');

      // The right tooltip lies over the #under button: hits go through it (targetable false).
      const tip = await page.locator('#tip-right').boundingBox();
      assert.ok(tip);
      const hit = (x: number, y: number) =>
        page.evaluate(
          ([px, py]) =>
            (globalThis as unknown as PageWindow).document.elementFromPoint(px ?? 0, py ?? 0)?.closest('[id]')?.id ??
            null,
          [x, y],
        );
      assert.equal(await hit(tip.x + tip.width / 2, tip.y + tip.height / 2), 'under');
      const topTip = await page.locator('#tip-top').boundingBox();
      assert.ok(topTip);
      assert.equal(await hit(topTip.x + topTip.width / 2, topTip.y + topTip.height / 2), 'tip-top', 'targetable');

      await page.click('#load');
      await eventually(() => page.locator('#tip-slow').textContent(), 'Please wait', 'loading_text while loading');
      await eventually(() => page.locator('#tip-slow').textContent(), 'Loaded 1', 'content once computed', 5000);
    });
  });
});

describe('dcc.Geolocation', () => {
  const here = { latitude: 48.8566, longitude: 2.3522, accuracy: 12 };
  /** Record the options of every getCurrentPosition call (then ask the real, emulated API). */
  function recordCalls() {
    const w = globalThis as unknown as {
      __geoCalls: unknown[];
      navigator: { geolocation: { getCurrentPosition: (...args: unknown[]) => void } };
    };
    w.__geoCalls = [];
    const geo = w.navigator.geolocation;
    const original = geo.getCurrentPosition.bind(geo);
    geo.getCurrentPosition = (ok, fail, options) => {
      w.__geoCalls.push(options);
      original(ok, fail, options);
    };
  }
  const calls = (page: Page) => page.evaluate(() => (globalThis as unknown as { __geoCalls: unknown[] }).__geoCalls);

  test('position, timestamp, local_date at load; update_now; option change asks again', async () => {
    await withApp(
      geolocationApp.createApp,
      async (page, dialogs) => {
        await expectEcho(page, 'geo', 'position', {
          lat: here.latitude,
          lon: here.longitude,
          accuracy: here.accuracy,
          alt: null,
          alt_accuracy: null,
          heading: null,
          speed: null,
        });
        await expectEcho(page, 'geo', 'position_error', null);
        await assertRecentTimestamp(page, 'geo', 'timestamp');
        const timestamp = (await echoed(page, 'geo', 'timestamp')) as number;
        const localDate = await page.evaluate((t) => new Date(t).toLocaleString(), timestamp);
        await expectEcho(page, 'geo', 'local_date', localDate);
        assert.deepEqual((await calls(page))[0], { enableHighAccuracy: false, maximumAge: 1000, timeout: 5000 });
        assert.deepEqual(dialogs.seen, [], 'show_alert but no error: no alert');

        await page.context().setGeolocation({ latitude: 51.5, longitude: -0.12, accuracy: 5 });
        await page.click('#refresh');
        await eventually(
          async () => {
            const p = (await echoed(page, 'geo', 'position')) as { lat: number; lon: number } | null;
            return p && [p.lat, p.lon];
          },
          [51.5, -0.12],
          'update_now fetched a new position',
        );
        await expectEcho(page, 'geo', 'update_now', false);
        const before = (await calls(page)).length;
        await page.click('#precise');
        await eventually(async () => (await calls(page)).length, before + 1, 'high_accuracy change asks again');
        assert.deepEqual((await calls(page)).at(-1), { enableHighAccuracy: true, maximumAge: 1000, timeout: 5000 });
        await pause(300);
        assert.equal((await calls(page)).length, before + 1, 'update_now reset asks nothing');
      },
      { context: { geolocation: here, permissions: ['geolocation'] }, initScript: recordCalls, allowGeolocation: true },
    );
  });

  test('user denied the permission: position_error, and window.alert with show_alert', async () => {
    await withApp(
      geolocationApp.createApp,
      async (page, dialogs) => {
        await eventually(
          async () => ((await echoed(page, 'geo', 'position_error')) as { code?: number } | null)?.code,
          1,
          'PERMISSION_DENIED',
        );
        await expectEcho(page, 'geo', 'position', null);
        await eventually(() => Promise.resolve(dialogs.seen.length), 1, 'one alert (only the show_alert component)');
        assert.equal(dialogs.seen[0]?.type, 'alert');
        assert.match(dialogs.seen[0]?.message ?? '', /^ERROR\(1\): /);
      },
      { context: { geolocation: here, permissions: [] }, allowGeolocation: true },
    );
  });

  test('our default Permissions-Policy blocks the API: code 1 with the browser message', async () => {
    await withApp(
      geolocationApp.createApp,
      async (page) => {
        await expectEcho(page, 'geo', 'position_error', {
          code: 1,
          message: 'Geolocation has been disabled in this document by permissions policy.',
        });
        await expectEcho(page, 'geo', 'position', null);
      },
      { context: { geolocation: here, permissions: ['geolocation'] } },
    );
  });

  test('no Geolocation API: code 999', async () => {
    await withApp(
      geolocationApp.createApp,
      async (page) => {
        await expectEcho(page, 'geo', 'position_error', {
          code: 999,
          message: 'Your browser does not support Geolocation',
        });
      },
      {
        initScript: () => {
          const proto = (globalThis as unknown as { Navigator: { prototype: object } }).Navigator.prototype;
          Object.defineProperty(proto, 'geolocation', { value: undefined, configurable: true });
        },
      },
    );
  });
});
