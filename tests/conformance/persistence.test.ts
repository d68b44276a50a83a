// Checklist "Persistence" (spec/callbacks.md §8, §15 items 128–134), in Chromium: persistence is about
// what survives a page reload, which only a real browser (with its localStorage/sessionStorage) shows.
// One app serves every test (its layout is a function of `settings`, so a test can change what the
// server sends on the next load); each test opens its own browser context, i.e. fresh storage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ctx, Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from '../browser/apps/echo.js';
import type { ServedApp } from '../browser/harness.js';
import { echoed, eventually, expectEcho, launchBrowser, openPage, serveApp } from '../browser/harness.js';

/** What the next page load's layout uses (changed by tests before reloading). */
const settings = {
  switched: 'one' as string | boolean,
  defaultValue: 'd0',
  persistedProps: ['value'],
};

function createApp(): Dash {
  const app = new Dash({ title: 'persistence' });
  const echoes = ['local', 'session', 'memory', 'sw', 'dflt', 'pp', 'ov'].map((id) => echo(app, id, 'value'));
  const blurs = echo(app, 'ov', 'n_blur');
  const pmOut = html.Div({ id: 'pm-out' });
  app.callback(Output(pmOut, 'children'), Input<unknown>({ type: 'pm', index: 1 }, 'value'), (v) => JSON.stringify(v));
  // C129: a callback switches `persistence` of an existing component.
  app.callback(
    Output<unknown>('cbsw', 'persistence'),
    Input<unknown>('cbsw-one', 'n_clicks'),
    Input<unknown>('cbsw-two', 'n_clicks'),
    Input<unknown>('cbsw-off', 'n_clicks'),
    () =>
      ({ 'cbsw-one': 'one', 'cbsw-two': 'two', 'cbsw-off': false })[
        typeof ctx.triggered_id === 'string' ? ctx.triggered_id : ''
      ] ?? 'one',
    { prevent_initial_call: true },
  );
  // C130: the component is removed and re-created, or moved elsewhere on the page.
  app.callback(
    [Output<unknown>('top', 'children'), Output<unknown>('bottom', 'children')],
    Input<unknown>('to-top', 'n_clicks'),
    Input<unknown>('to-bottom', 'n_clicks'),
    Input<unknown>('to-none', 'n_clicks'),
    (): [unknown, unknown] => {
      const shown = dcc.Input({ id: 'shown', value: 's0', persistence: true });
      if (ctx.triggered_id === 'to-top') return [shown, null];
      if (ctx.triggered_id === 'to-bottom') return [null, shown];
      return [null, null];
    },
    { prevent_initial_call: true },
  );
  // C133: a callback writes one of two persisted props.
  app.callback(Output<unknown>('ov', 'value'), Input<unknown>('ov-reset', 'n_clicks'), () => 'reset', {
    prevent_initial_call: true,
  });
  // C134: the layout is a list (and a function, so tests can change it between loads).
  app.layout = () => [
    dcc.Input({ id: 'local', value: 'l0', persistence: true }),
    dcc.Input({ id: 'session', value: 's0', persistence: true, persistence_type: 'session' }),
    dcc.Input({ id: 'memory', value: 'm0', persistence: true, persistence_type: 'memory' }),
    dcc.Input({ id: 'sw', value: 'sw0', persistence: settings.switched }),
    dcc.Input({ id: 'cbsw', value: 'c0', persistence: 'one' }),
    html.Button('one', { id: 'cbsw-one' }),
    html.Button('two', { id: 'cbsw-two' }),
    html.Button('off', { id: 'cbsw-off' }),
    html.Div(dcc.Input({ id: 'shown', value: 's0', persistence: true }), { id: 'top' }),
    html.Div({ id: 'bottom' }),
    html.Button('top', { id: 'to-top' }),
    html.Button('bottom', { id: 'to-bottom' }),
    html.Button('none', { id: 'to-none' }),
    dcc.Input({ id: 'dflt', value: settings.defaultValue, persistence: true }),
    dcc.Input({ id: 'pp', value: 'p0', persistence: true, persisted_props: settings.persistedProps }),
    dcc.Input({ id: 'ov', value: 'o0', persistence: true, persisted_props: ['value', 'n_blur'] }),
    html.Button('reset', { id: 'ov-reset' }),
    dcc.Input({ id: { type: 'pm', index: 1 }, value: 'd0', persistence: true }),
    pmOut,
    blurs,
    ...echoes,
  ];
  return app;
}

let browser: Browser;
let served: ServedApp;

before(async () => {
  browser = await launchBrowser();
  served = await serveApp(createApp());
});

after(async () => {
  await served?.close();
  await browser?.close();
});

/** A fresh browser context (empty storage) on the app; `body` gets the page. */
async function withPage(body: (page: Page) => Promise<void>): Promise<void> {
  const opened = await openPage(browser, served.url);
  try {
    await expectEcho(opened.page, 'local', 'value', 'l0');
    await body(opened.page);
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.consoleErrors, [], 'console errors');
  } finally {
    await opened.close();
  }
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('#local-value:not(:empty)');
}

function valueOf(page: Page, id: string): Promise<string> {
  return page.inputValue(`#${id}`);
}

function expectValue(page: Page, id: string, expected: string): Promise<void> {
  return eventually(() => valueOf(page, id), expected, `#${id} value`);
}

describe('persistence', () => {
  test('C128: edits survive reload for local and session, not memory; initial callbacks get the saved values', async () => {
    await withPage(async (page) => {
      await page.fill('#local', 'local edit');
      await page.fill('#session', 'session edit');
      await page.fill('#memory', 'memory edit');
      await expectEcho(page, 'memory', 'value', 'memory edit');
      await reload(page);
      assert.equal(await valueOf(page, 'local'), 'local edit');
      assert.equal(await valueOf(page, 'session'), 'session edit');
      assert.equal(await valueOf(page, 'memory'), 'm0', 'memory persistence ends with the page');
      // The echo callbacks ran initially with the persisted values, not the layout's.
      assert.equal(await echoed(page, 'local', 'value'), 'local edit');
      assert.equal(await echoed(page, 'session', 'value'), 'session edit');
      const stored = await page.evaluate(() => localStorage.getItem('_dash_persistence.local.value.true'));
      assert.equal(stored, '["local edit","l0"]');
    });
  });

  test('C129: a new persistence value switches saved sets, falsy disables, the old set returns (layout and callback)', async () => {
    settings.switched = 'one';
    try {
      await withPage(async (page) => {
        await page.fill('#sw', 'alpha');
        await expectEcho(page, 'sw', 'value', 'alpha');
        settings.switched = 'two';
        await reload(page);
        assert.equal(await valueOf(page, 'sw'), 'sw0', 'another persistence value: another (empty) set');
        await page.fill('#sw', 'beta');
        await expectEcho(page, 'sw', 'value', 'beta');
        settings.switched = 'one';
        await reload(page);
        assert.equal(await valueOf(page, 'sw'), 'alpha', 'back to the first set');
        settings.switched = false;
        await reload(page);
        assert.equal(await valueOf(page, 'sw'), 'sw0');
        await page.fill('#sw', 'not kept');
        await expectEcho(page, 'sw', 'value', 'not kept');
        await reload(page);
        assert.equal(await valueOf(page, 'sw'), 'sw0', 'falsy persistence stores nothing');
        settings.switched = 'two';
        await reload(page);
        assert.equal(await valueOf(page, 'sw'), 'beta');

        // The same through a callback writing `persistence` (rdps011).
        await page.fill('#cbsw', 'first');
        await page.click('#cbsw-two');
        await expectValue(page, 'cbsw', 'c0');
        await page.fill('#cbsw', 'second');
        await page.click('#cbsw-one');
        await expectValue(page, 'cbsw', 'first');
        await page.click('#cbsw-off');
        await expectValue(page, 'cbsw', 'c0');
        await page.click('#cbsw-two');
        await expectValue(page, 'cbsw', 'second');
        await reload(page);
        assert.equal(await valueOf(page, 'cbsw'), 'first', "the layout's persistence value on reload");
      });
    } finally {
      settings.switched = 'one';
    }
  });

  test('C130: a persisted edit survives the component being removed, re-created and moved', async () => {
    await withPage(async (page) => {
      await page.fill('#shown', 'kept');
      await page.click('#to-none');
      await page.waitForSelector('#shown', { state: 'detached' });
      await page.click('#to-top');
      await expectValue(page, 'shown', 'kept');
      await page.click('#to-bottom');
      await page.waitForSelector('#bottom #shown');
      assert.equal(await valueOf(page, 'shown'), 'kept');
      await reload(page);
      assert.equal(await valueOf(page, 'shown'), 'kept');
    });
  });

  test('C131: a changed layout default discards the saved edit', async () => {
    try {
      await withPage(async (page) => {
        await page.fill('#dflt', 'edited');
        await expectEcho(page, 'dflt', 'value', 'edited');
        await reload(page);
        assert.equal(await valueOf(page, 'dflt'), 'edited');
        settings.defaultValue = 'd1';
        await reload(page);
        assert.equal(await valueOf(page, 'dflt'), 'd1', 'the new default wins');
        settings.defaultValue = 'd0';
        await reload(page);
        assert.equal(await valueOf(page, 'dflt'), 'd0', 'the stale edit was deleted, not just skipped');
      });
    } finally {
      settings.defaultValue = 'd0';
    }
  });

  test('C132: persisted_props limits what persists, also when a re-delivered component changes it', async () => {
    try {
      await withPage(async (page) => {
        await page.fill('#pp', 'edited');
        await expectEcho(page, 'pp', 'value', 'edited');
        settings.persistedProps = [];
        await reload(page);
        assert.equal(await valueOf(page, 'pp'), 'p0', 'value is not a persisted prop any more');
        settings.persistedProps = ['value'];
        await reload(page);
        assert.equal(await valueOf(page, 'pp'), 'edited', 'the saved value applies again');
        settings.persistedProps = [];
        await reload(page);
        await page.fill('#pp', 'unsaved');
        await expectEcho(page, 'pp', 'value', 'unsaved');
        settings.persistedProps = ['value'];
        await reload(page);
        assert.equal(await valueOf(page, 'pp'), 'edited', 'edits while value was not persisted were not saved');
      });
    } finally {
      settings.persistedProps = ['value'];
    }
  });

  test('C133: a callback writing a persisted prop overrides the saved edit of that prop only', async () => {
    await withPage(async (page) => {
      await page.fill('#ov', 'edited');
      await page.locator('#ov').blur();
      await expectEcho(page, 'ov', 'n_blur', 1);
      await page.click('#ov-reset');
      await expectValue(page, 'ov', 'reset');
      await reload(page);
      assert.equal(await valueOf(page, 'ov'), 'o0', 'the edit of value was dropped');
      assert.equal(await echoed(page, 'ov', 'n_blur'), 1, 'n_blur kept its saved edit');
    });
  });

  test('C128: with web storage disabled the page keeps working and edits persist in memory', async () => {
    const context = await browser.newContext();
    try {
      // As with cookies blocked: touching localStorage/sessionStorage throws.
      await context.addInitScript(() => {
        for (const name of ['localStorage', 'sessionStorage']) {
          Object.defineProperty(window, name, {
            get() {
              throw new DOMException('The operation is insecure.', 'SecurityError');
            },
          });
        }
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await page.goto(served.url);
      await expectEcho(page, 'local', 'value', 'l0');
      await page.fill('#local', 'in memory');
      await expectEcho(page, 'local', 'value', 'in memory');
      await page.fill('#shown', 'kept');
      await page.click('#to-none');
      await page.waitForSelector('#shown', { state: 'detached' });
      await page.click('#to-top');
      await expectValue(page, 'shown', 'kept');
      assert.deepEqual(errors, [], 'no page errors');
      assert.match(consoleErrors.join('\n'), /localStorage init failed.*falling back to memory/);
    } finally {
      await context.close();
    }
  });

  test('C134: dict ids persist, in a list layout', async () => {
    await withPage(async (page) => {
      await page.fill('[id="{\\"index\\":1,\\"type\\":\\"pm\\"}"]', 'dict edit');
      await eventually(() => page.textContent('#pm-out'), '"dict edit"', 'pm-out');
      await reload(page);
      await eventually(() => page.textContent('#pm-out'), '"dict edit"', 'initial callback got the saved value');
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes('_dash_persistence.{"index":1,"type":"pm"}.value.true'), keys.join(', '));
    });
  });
});
