/**
 * The html and simpler dcc components in Chromium: each test serves one app of tests/browser/apps,
 * acts like a user, and checks what the component wrote back (through the echo Divs), the DOM it
 * rendered, and that the page ran clean under the CSP (no page errors, no CSP violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Dash } from 'dash-ts';
import type { PageProblems } from './harness.js';
import { echoed, ensureBuilt, eventually, expectEcho, launchBrowser, openPage, serveApp } from './harness.js';
import * as buttonApp from './apps/button.js';
import * as checklistApp from './apps/checklist.js';
import * as htmlApp from './apps/html.js';
import * as inputApp from './apps/input.js';
import * as intervalApp from './apps/interval.js';
import * as linkApp from './apps/link.js';
import * as loadingApp from './apps/loading.js';
import * as locationApp from './apps/location.js';
import * as markdownApp from './apps/markdown.js';
import * as radioItemsApp from './apps/radio-items.js';
import * as storeApp from './apps/store.js';
import * as tabsApp from './apps/tabs.js';
import * as textareaApp from './apps/textarea.js';

/**
 * What the page-side functions (passed to `page.evaluate`, run in Chromium) use of the browser's
 * globals: this file is type-checked for Node, without the DOM library.
 */
interface PageWindow {
  document: { getElementById(id: string): { textContent: string | null } | null };
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  location: { pathname: string };
  getComputedStyle(element: unknown): Record<string, string>;
  __pwned?: boolean;
  __marker?: number;
}

let browser: Browser;

before(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

/** Serve `createApp()`, open `path` on it, run `body`, then check the page ran clean. */
async function withApp(
  createApp: () => Dash,
  body: (page: Page, base: string) => Promise<void>,
  options: { path?: string; expectedCsp?: RegExp } = {},
): Promise<PageProblems> {
  const served = await serveApp(createApp());
  const opened = await openPage(browser, `${served.url}${(options.path ?? '').replace(/^\//, '')}`);
  try {
    await body(opened.page, served.url);
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    const expected = options.expectedCsp;
    const unexpected = opened.problems.cspViolations.filter((v) => expected === undefined || !expected.test(v));
    assert.deepEqual(unexpected, [], 'CSP violations');
    return opened.problems;
  } finally {
    await opened.close();
    await served.close();
  }
}

/** The text of an element by id (undefined when absent). */
function textOf(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (elementId) => (globalThis as unknown as PageWindow).document.getElementById(elementId)?.textContent ?? undefined,
    id,
  );
}

/** An attribute of the element matching `selector`. */
function attributeOf(page: Page, selector: string, name: string): Promise<string | null> {
  return page.locator(selector).getAttribute(name);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('html components', () => {
  test('clicks, attributes, URL sanitizing, dict ids, scripts, loading attribute', async () => {
    await withApp(htmlApp.createApp, async (page) => {
      await expectEcho(page, 'btn', 'n_clicks', null);
      await page.click('#btn');
      await page.click('#btn');
      await expectEcho(page, 'btn', 'n_clicks', 2);
      const timestamp = await echoed(page, 'btn', 'n_clicks_timestamp');
      assert.ok(typeof timestamp === 'number' && timestamp > Date.now() - 60_000, 'n_clicks_timestamp is recent');

      await page.click('#static');
      await pause(300);
      assert.equal(await echoed(page, 'static', 'n_clicks'), null, 'disable_n_clicks: no click counting');

      const attrs = page.locator('#attrs');
      assert.equal(await attrs.getAttribute('class'), 'a b');
      assert.equal(await attrs.getAttribute('title'), 'tip');
      assert.equal(await attrs.getAttribute('data-row'), '3');
      assert.equal(await attrs.getAttribute('aria-label'), 'labelled');
      assert.equal(await attrs.getAttribute('role'), 'note');
      assert.equal(await attrs.getAttribute('tabindex'), '2');
      assert.deepEqual(
        await attrs.evaluate((el: unknown) => [
          (globalThis as unknown as PageWindow).getComputedStyle(el).color,
          (globalThis as unknown as PageWindow).getComputedStyle(el).marginTop,
        ]),
        ['rgb(255, 0, 0)', '7px'],
      );
      assert.equal(await attributeOf(page, '#hidden', 'hidden'), '');
      assert.equal(await page.locator('#disabled-btn').isDisabled(), true);
      assert.equal(await page.locator('[id=\'{"index":1,"type":"card"}\']').count(), 1, 'dict id stringified');

      assert.equal(await attributeOf(page, '#bad-link', 'href'), 'about:blank#blocked');
      assert.equal(await attributeOf(page, '#bad-link-2', 'href'), 'about:blank#blocked');
      assert.equal(await attributeOf(page, '#good-link', 'href'), '/page?q=1');
      assert.match((await attributeOf(page, '#data-img', 'src')) ?? '', /^data:image\/png/);
      assert.equal(await attributeOf(page, '#bad-iframe', 'src'), 'about:blank#blocked');
      assert.equal(await attributeOf(page, '#bad-form', 'action'), 'about:blank#blocked');
      assert.equal(await attributeOf(page, '#bad-object', 'data'), 'about:blank#blocked');
      assert.equal(await page.locator('#script').count(), 1);
      assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__pwned), undefined);
      assert.equal(await page.locator('#list li').count(), 2);

      await page.click('#slow-button');
      await page.waitForSelector('#slow-target[data-dash-is-loading="true"]', { timeout: 3000 });
      await eventually(() => textOf(page, 'slow-target'), 'done 1', 'slow callback result');
      assert.equal(await attributeOf(page, '#slow-target', 'data-dash-is-loading'), null);
    });
  });
});

describe('dcc.Input', () => {
  test('value per debounce mode and type, n_submit, n_blur', async () => {
    await withApp(inputApp.createApp, async (page) => {
      await expectEcho(page, 'text', 'value', 'start');
      await page.locator('#text').press('End');
      await page.locator('#text').pressSequentially('xy');
      await expectEcho(page, 'text', 'value', 'startxy');
      await page.locator('#text').press('Enter');
      await expectEcho(page, 'text', 'n_submit', 1);
      await eventually(
        async () => typeof (await echoed(page, 'text', 'n_submit_timestamp')),
        'number',
        'n_submit_timestamp echoed',
      );
      await page.click('#lazy');
      await expectEcho(page, 'text', 'n_blur', 1);
      await eventually(
        async () => typeof (await echoed(page, 'text', 'n_blur_timestamp')),
        'number',
        'n_blur_timestamp echoed',
      );

      // debounce=true: nothing until Enter (or blur), then the value and n_submit together.
      await page.locator('#lazy').pressSequentially('abc');
      await pause(400);
      assert.equal(await echoed(page, 'lazy', 'value'), null);
      await page.locator('#lazy').press('Enter');
      await expectEcho(page, 'lazy', 'value', 'abc');
      await expectEcho(page, 'lazy', 'n_submit', 1);

      // debounce=0.4: sent once typing stops.
      await page.locator('#timed').pressSequentially('q');
      await pause(150);
      assert.equal(await echoed(page, 'timed', 'value'), null, 'not sent before the debounce time');
      await expectEcho(page, 'timed', 'value', 'q');

      // type=number: numbers, steppers bounded by min/max, invalid (out of range) input is null.
      await expectEcho(page, 'num', 'value', 2);
      await page.click('.dash-stepper-increment');
      await expectEcho(page, 'num', 'value', 3);
      await page.click('.dash-stepper-increment');
      await expectEcho(page, 'num', 'value', 4);
      assert.equal(await page.locator('.dash-stepper-increment').isDisabled(), true, 'at max');
      await page.locator('#num').fill('1');
      await expectEcho(page, 'num', 'value', 1);
      await page.locator('#num').fill('9');
      await expectEcho(page, 'num', 'value', null);
      assert.equal(await page.locator('#pwd').isDisabled(), true);
      assert.equal(await attributeOf(page, '#pwd', 'type'), 'password');
    });
  });
});

describe('dcc.Textarea', () => {
  test('value on every change, n_clicks, n_blur', async () => {
    await withApp(textareaApp.createApp, async (page) => {
      await expectEcho(page, 'area', 'value', 'first');
      await page.click('#area');
      await expectEcho(page, 'area', 'n_clicks', 1);
      await page.locator('#area').press('End');
      await page.locator('#area').pressSequentially(' line');
      await expectEcho(page, 'area', 'value', 'first line');
      await page.click('#elsewhere');
      await expectEcho(page, 'area', 'n_blur', 1);
      assert.match((await attributeOf(page, '#area', 'class')) ?? '', /dash-textarea/);
    });
  });
});

describe('dcc.Checklist', () => {
  test('the three options forms; value written on toggle', async () => {
    await withApp(checklistApp.createApp, async (page) => {
      await expectEcho(page, 'list', 'value', ['MTL']);
      await page.click('#list label:has-text("NYC")');
      await expectEcho(page, 'list', 'value', ['MTL', 'NYC']);
      await page.click('#list label:has-text("MTL")');
      await expectEcho(page, 'list', 'value', ['NYC']);
      assert.equal(await page.locator('#list .dash-checklist-inline').count(), 3, 'inline');

      await page.click('#objects label:has-text("One")');
      await expectEcho(page, 'objects', 'value', [1]);
      assert.equal(await page.locator('#objects input').nth(1).isDisabled(), true);
      await page.click('#objects label:has-text("Yes")');
      await expectEcho(page, 'objects', 'value', [1, true]);
      assert.equal(await page.locator('#objects label.lbl').count(), 3);
      assert.equal(await page.locator('#objects input.inp').count(), 3);

      await expectEcho(page, 'dict', 'value', null);
      await page.click('#dict label:has-text("Beta")');
      await expectEcho(page, 'dict', 'value', ['b']);

      // A component as an option label is rendered as that component (children_props options[].label).
      assert.equal(await page.locator('#rich label span#rich-label.rich').textContent(), 'Bold choice');
      await page.click('#rich-label');
      await expectEcho(page, 'rich', 'value', ['r']);
    });
  });
});

describe('dcc.RadioItems', () => {
  test('value written on pick', async () => {
    await withApp(radioItemsApp.createApp, async (page) => {
      await expectEcho(page, 'radio', 'value', 'Green');
      assert.equal(await page.locator('#radio input[type=radio]:checked').getAttribute('value'), 'Green');
      await page.click('#radio label:has-text("Blue")');
      await expectEcho(page, 'radio', 'value', 'Blue');
      await page.click('#numbers label:has-text("One")');
      await expectEcho(page, 'numbers', 'value', 1);
      assert.equal(await page.locator('#numbers input').nth(1).isDisabled(), true);
    });
  });
});

describe('dcc.Button', () => {
  test('n_clicks, n_clicks_timestamp, n_blur; disabled buttons do not count', async () => {
    await withApp(buttonApp.createApp, async (page) => {
      await expectEcho(page, 'save', 'n_clicks', null);
      await page.click('#save');
      await expectEcho(page, 'save', 'n_clicks', 1);
      // A separate callback (its own response): it may render a frame after the n_clicks echo.
      await eventually(
        async () => typeof (await echoed(page, 'save', 'n_clicks_timestamp')),
        'number',
        'n_clicks_timestamp echoed',
      );
      await page.click('#elsewhere');
      await expectEcho(page, 'save', 'n_blur', 1);
      assert.equal(await attributeOf(page, '#save', 'type'), 'button');
      assert.match((await attributeOf(page, '#save', 'class')) ?? '', /dash-button/);
      await page.click('#off', { force: true });
      await pause(300);
      assert.equal(await echoed(page, 'off', 'n_clicks'), null);
    });
  });
});

describe('dcc.Store', () => {
  test('memory and local data, reload, other tabs, clear_data', async () => {
    await withApp(storeApp.createApp, async (page, base) => {
      await expectEcho(page, 'memory', 'data', { n: 0 });
      await eventually(
        async () => typeof (await echoed(page, 'memory', 'modified_timestamp')),
        'number',
        'memory modified_timestamp',
      );
      await expectEcho(page, 'local', 'data', null);
      await page.click('#add');
      await expectEcho(page, 'memory', 'data', { n: 1 });
      await expectEcho(page, 'local', 'data', { clicks: 1 });
      assert.equal(
        await page.evaluate(() => (globalThis as unknown as PageWindow).localStorage.getItem('local')),
        '{"clicks":1}',
      );
      assert.ok(
        Number(
          await page.evaluate(() => (globalThis as unknown as PageWindow).localStorage.getItem('local-timestamp')),
        ) > 0,
      );

      // A reload: memory starts over from the layout, local comes back from (globalThis as unknown as PageWindow).localStorage.
      await page.reload();
      await expectEcho(page, 'memory', 'data', { n: 0 });
      await expectEcho(page, 'local', 'data', { clicks: 1 });

      // Another tab writes: the storage event brings the data here.
      const other = await page.context().newPage();
      await other.goto(base);
      await other.evaluate(() =>
        (globalThis as unknown as PageWindow).localStorage.setItem('local', '{"from":"other tab"}'),
      );
      await expectEcho(page, 'local', 'data', { from: 'other tab' });
      await other.close();

      await page.click('#clear');
      await expectEcho(page, 'local', 'data', null);
      await expectEcho(page, 'local', 'clear_data', false);
      assert.equal(
        await page.evaluate(() => (globalThis as unknown as PageWindow).localStorage.getItem('local')),
        null,
      );
    });
  });
});

describe('dcc.Interval', () => {
  test('ticks up to max_intervals; disabled never ticks', async () => {
    await withApp(intervalApp.createApp, async (page) => {
      await expectEcho(page, 'tick', 'n_intervals', 3);
      await pause(400);
      assert.equal(await echoed(page, 'tick', 'n_intervals'), 3, 'stops at max_intervals');
      assert.equal(await echoed(page, 'paused', 'n_intervals'), null);
    });
  });
});

describe('dcc.Location and dcc.Link', () => {
  test('parts filled on load, Link navigates without reload, callbacks push, back button', async () => {
    await withApp(
      locationApp.createApp,
      async (page, base) => {
        await expectEcho(page, 'url', 'pathname', '/start');
        await expectEcho(page, 'url', 'search', '?a=b');
        await expectEcho(page, 'url', 'hash', '#h');
        await expectEcho(page, 'url', 'href', `${base}start?a=b#h`);
        await page.evaluate(() => ((globalThis as unknown as PageWindow).__marker = 1));

        await page.click('#to-page-2');
        await expectEcho(page, 'url', 'pathname', '/page-2');
        await expectEcho(page, 'url', 'search', '?x=1');
        await expectEcho(page, 'url', 'hash', '#part');
        await expectEcho(page, 'other', 'pathname', '/page-2');
        assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__marker), 1, 'no reload');

        await page.click('#go');
        await eventually(
          () => page.evaluate(() => (globalThis as unknown as PageWindow).location.pathname),
          '/from-callback',
          'pushState',
        );
        await expectEcho(page, 'url', 'pathname', '/from-callback');

        await page.goBack();
        await expectEcho(page, 'url', 'pathname', '/page-2');
        assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__marker), 1, 'no reload');
      },
      { path: '/start?a=b#h' },
    );
  });

  test('Link: in-app, refresh, sanitized href, external target, href as default text', async () => {
    await withApp(linkApp.createApp, async (page) => {
      await expectEcho(page, 'url', 'pathname', '/');
      assert.equal(await attributeOf(page, '#bad', 'href'), 'about:blank#blocked');
      assert.equal(await attributeOf(page, '#new-tab', 'target'), '_blank');
      assert.equal(await textOf(page, 'no-children'), '/text-of-href');
      await page.evaluate(() => ((globalThis as unknown as PageWindow).__marker = 1));
      await page.click('#in-app');
      await expectEcho(page, 'url', 'pathname', '/inside');
      assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__marker), 1, 'no reload');
      await page.click('#reload');
      await page.waitForURL('**/reloaded');
      await expectEcho(page, 'url', 'pathname', '/reloaded');
      assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__marker), undefined, 'full reload');
    });
  });
});

describe('dcc.Markdown', () => {
  test('renders markdown safely; opt-in HTML is sanitized; no CSP violations', async () => {
    // The opt-in HTML carries an onerror payload: the CSP blocks (and reports) it while DOMPurify
    // parses it; that report is the only violation allowed.
    const problems = await withApp(
      markdownApp.createApp,
      async (page) => {
        await page.waitForSelector('#md h1');
        assert.equal(await page.locator('#md h1').textContent(), 'Title', 'dedented');
        assert.equal(await page.locator('#md em').textContent(), 'emphasis');
        const link = page.locator('#md a[href="https://example.com/docs"]');
        assert.equal(await link.getAttribute('target'), '_blank');
        assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
        assert.equal(await page.locator('#md a[href^="javascript"]').count(), 0);
        assert.equal(await page.locator('#md s').textContent(), 'gone');
        assert.equal(await page.locator('#md code').first().textContent(), 'code');
        assert.equal(
          await page
            .locator('#md td')
            .nth(1)
            .evaluate((el: unknown) => (globalThis as unknown as PageWindow).getComputedStyle(el).textAlign),
          'right',
          'table alignment through the CSSOM',
        );
        assert.equal(await page.locator('#md img').count(), 0, 'raw HTML is escaped by default');
        assert.match((await page.locator('#md').textContent()) ?? '', /<b>raw<\/b>/);

        await page.waitForSelector('#bold');
        assert.equal(await attributeOf(page, '#evil', 'onerror'), null);
        assert.equal(await page.locator('#raw script').count(), 0);
        assert.ok(!((await attributeOf(page, '#js', 'href')) ?? '').startsWith('javascript'));
        assert.equal(
          await page
            .locator('#styled')
            .evaluate((el: unknown) => (globalThis as unknown as PageWindow).getComputedStyle(el).color),
          'rgb(0, 0, 255)',
          'inline style of allowed HTML applied through the CSSOM',
        );
        assert.equal(await page.locator('#no-dedent pre code').textContent(), 'indented code block\n');
        await page.waitForSelector('#code pre code.hljs.language-python .hljs-keyword');
        assert.equal(await page.locator('#code .hljs-keyword').first().textContent(), 'def');
        assert.match((await attributeOf(page, '#code', 'class')) ?? '', /hljs-dark/);
        await pause(200);
        assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__pwned), undefined);
      },
      { expectedCsp: /inline event handler/ },
    );
    assert.ok(problems.cspViolations.length >= 1, 'the onerror payload was blocked by the CSP');
  });
});

describe('dcc.Loading', () => {
  test('spinner while a descendant loads; target_components narrows it', async () => {
    await withApp(loadingApp.createApp, async (page) => {
      await page.waitForSelector('#result');
      assert.equal(await page.locator('#loading .dash-spinner').count(), 0, 'show_initially=false');
      await page.click('#start');
      await page.waitForSelector('#loading .dash-spinner--circle', { timeout: 3000 });
      assert.equal(
        await page
          .locator('#result')
          .evaluate((el: unknown) => (globalThis as unknown as PageWindow).getComputedStyle(el).visibility),
        'hidden',
        'content hidden while loading',
      );
      assert.equal(await page.locator('#targeted .dash-spinner').count(), 0, 'other is not a target');
      await eventually(() => textOf(page, 'result'), 'result 1', 'result');
      await eventually(() => page.locator('#loading .dash-spinner').count(), 0, 'spinner gone');
      assert.equal(await textOf(page, 'other'), 'other 1');
    });
  });
});

describe('dcc.Tabs and dcc.Tab', () => {
  test('initial value written, selection, disabled tab, component label', async () => {
    await withApp(tabsApp.createApp, async (page) => {
      await expectEcho(page, 'tabs', 'value', 'tab-1');
      assert.equal(await textOf(page, 'content-1'), 'First content');
      assert.equal(await page.locator('#content-2').count(), 0, 'only the selected tab is rendered');
      assert.equal(await page.locator('.tab--selected').textContent(), 'First');
      await page.click('#label-2');
      await expectEcho(page, 'tabs', 'value', 'second');
      await page.waitForSelector('#content-2');
      assert.equal(await page.locator('#content-1').count(), 0);
      assert.match((await page.locator('.tab--selected').getAttribute('class')) ?? '', /picked/);
      await page.click('#tab-off', { force: true });
      await pause(300);
      assert.equal(await echoed(page, 'tabs', 'value'), 'second', 'a disabled tab cannot be selected');
      assert.match((await attributeOf(page, '#tab-off', 'class')) ?? '', /tab--disabled/);
      await page.click('#content-2');
      await pause(200);
      assert.equal(await echoed(page, 'tabs', 'value'), 'second', 'clicks in the content do not select');
    });
  });
});
