// Checklist "Loading and title" (spec/callbacks.md §7, §10.3, §15 items 122–127), in Chromium: what
// the spinners and the document title show while callbacks run. The server and the test share one
// process, so callbacks wait on gates the test opens: every "while loading" check is deterministic.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ALL, Dash, dcc, html, Input, Output } from 'dash-ts';
import type { ServedApp } from '../browser/harness.js';
import { eventually, launchBrowser, openPage, serveApp } from '../browser/harness.js';

/** Named gates callbacks wait at while the test holds them. */
class Gates {
  readonly #held = new Map<string, { promise: Promise<void>; open: () => void }>();

  hold(name: string): void {
    let open = (): void => undefined;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.#held.set(name, { promise, open });
  }

  release(name: string): void {
    this.#held.get(name)?.open();
    this.#held.delete(name);
  }

  releaseAll(): void {
    for (const name of [...this.#held.keys()]) this.release(name);
  }

  async pass(name: string): Promise<void> {
    await this.#held.get(name)?.promise;
  }
}

const gates = new Gates();

function createApp(): Dash {
  const app = new Dash({ title: 'Loading app' });
  // C122: nested Loadings (ldcp004): each button's text is computed from the other's clicks.
  app.callback(
    Output<unknown>('btn-1', 'children'),
    Input<number | null | undefined>('btn-2', 'n_clicks'),
    async (n) => {
      if (n !== undefined && n !== null) await gates.pass('nested');
      return `btn-1 ${String(n ?? 0)}`;
    },
  );
  app.callback(
    Output<unknown>('btn-2', 'children'),
    Input<number | null | undefined>('btn-1', 'n_clicks'),
    async (n) => {
      if (n !== undefined && n !== null) await gates.pass('nested');
      return `btn-2 ${String(n ?? 0)}`;
    },
  );
  // C123: a chain of three stages, each output in its own Loading (rdls002).
  app.callback(
    Output<unknown>('stage-1', 'children'),
    Input<unknown>('chain-go', 'n_clicks'),
    async (n) => {
      await gates.pass('stage-1');
      return `stage 1: ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output<unknown>('stage-2', 'children'),
    Input<unknown>('stage-1', 'children'),
    async (v) => {
      await gates.pass('stage-2');
      return `stage 2 after ${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output<unknown>('stage-3', 'children'),
    Input<unknown>('stage-2', 'children'),
    async (v) => {
      await gates.pass('stage-3');
      return `stage 3 after ${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  // C124: target_components.
  const gated = (name: string, output: string, prop: string, trigger: string, duplicate = false): void => {
    app.callback(
      Output<unknown>(output, prop, duplicate ? { allow_duplicate: true } : undefined),
      Input<unknown>(trigger, 'n_clicks'),
      async (n) => {
        await gates.pass(name);
        return `${trigger} ${String(n)}`;
      },
      { prevent_initial_call: true },
    );
  };
  gated('targets', 't-a', 'children', 'go-a');
  gated('targets', 't-b', 'children', 'go-b');
  gated('targets', 't-c', 'title', 'go-c');
  gated('targets', 't-d', 'children', 'go-d1', true);
  gated('targets', 't-d', 'children', 'go-d2', true);
  app.callback(
    Output<unknown>({ type: 'tt', index: 1 }, 'children'),
    Input<unknown>('go-dict', 'n_clicks'),
    async (n) => {
      await gates.pass('targets');
      return `dict ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  // C125: an ALL-wildcard output (ldcp019).
  app.callback(
    Output<unknown>({ type: 'pm', index: ALL }, 'children'),
    Input<unknown>('go-pm', 'n_clicks'),
    async (n) => {
      await gates.pass('pm');
      return [0, 1, 2].map((i) => `pm ${i} ${String(n)}`);
    },
    { prevent_initial_call: true },
  );
  // C126: delays, display, custom_spinner.
  for (const id of ['delay-show', 'delay-hide', 'forced-show', 'forced-hide', 'custom']) {
    gated(id, `${id}-out`, 'children', `${id}-go`);
  }
  // C127: a callback to watch the title with.
  gated('title', 'title-out', 'children', 'title-go');

  const button = (id: string): ReturnType<typeof html.Button> => html.Button(id, { id });
  app.layout = html.Div([
    dcc.Loading([button('btn-1'), dcc.Loading([button('btn-2')], { id: 'inner' })], { id: 'outer' }),
    button('chain-go'),
    dcc.Loading(html.Div({ id: 'stage-1' }), { id: 'ld-1' }),
    dcc.Loading(html.Div({ id: 'stage-2' }), { id: 'ld-2' }),
    dcc.Loading(html.Div({ id: 'stage-3' }), { id: 'ld-3' }),
    ...['go-a', 'go-b', 'go-c', 'go-d1', 'go-d2', 'go-dict', 'go-pm'].map(button),
    dcc.Loading([html.Div({ id: 't-a' }), html.Div({ id: 't-b' })], {
      id: 'ld-target',
      target_components: { 't-a': 'children' },
    }),
    dcc.Loading([html.Div({ id: 't-a2' }), html.Div({ id: 't-c' })], {
      id: 'ld-star',
      target_components: { 't-c': '*' },
    }),
    dcc.Loading(html.Div({ id: 't-d' }), { id: 'ld-dup', target_components: { 't-d': ['title', 'children'] } }),
    dcc.Loading(html.Div({ id: { type: 'tt', index: 1 } }), {
      id: 'ld-dict',
      target_components: { '{"type":"tt","index":1}': 'children' },
    }),
    dcc.Loading(
      [0, 1, 2].map((index) => html.Div({ id: { type: 'pm', index } })),
      { id: 'ld-pm' },
    ),
    ...['delay-show', 'delay-hide', 'forced-show', 'forced-hide', 'custom'].map((id) => button(`${id}-go`)),
    dcc.Loading(html.Div({ id: 'delay-show-out' }), { id: 'ld-delay-show', delay_show: 600 }),
    dcc.Loading(html.Div({ id: 'delay-hide-out' }), { id: 'ld-delay-hide', delay_hide: 800 }),
    dcc.Loading(html.Div({ id: 'forced-show-out' }), { id: 'ld-forced-show', display: 'show' }),
    dcc.Loading(html.Div({ id: 'forced-hide-out' }), { id: 'ld-forced-hide', display: 'hide' }),
    dcc.Loading(html.Div({ id: 'custom-out' }), {
      id: 'ld-custom',
      custom_spinner: html.Span('Please wait', { id: 'my-spinner' }),
    }),
    button('title-go'),
    html.Div({ id: 'title-out' }),
  ]);
  return app;
}

/** A small app with only a gated callback, to see the title with another `update_title`. */
function titleApp(updateTitle: string | null): Dash {
  const app = new Dash({ title: 'Quiet app', update_title: updateTitle });
  app.callback(
    Output<unknown>('out', 'children'),
    Input<unknown>('go', 'n_clicks'),
    async (n) => {
      await gates.pass('title');
      return `done ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  app.layout = html.Div([html.Button('go', { id: 'go' }), html.Div({ id: 'out' })]);
  return app;
}

let browser: Browser;
let served: ServedApp;
let page: Page;
let closePage: () => Promise<void>;
let problems: { pageErrors: string[]; consoleErrors: string[] };

before(async () => {
  browser = await launchBrowser();
  served = await serveApp(createApp());
  const opened = await openPage(browser, served.url);
  ({ page, problems } = opened);
  closePage = () => opened.close();
  await eventually(() => page.textContent('#btn-1'), 'btn-1 0', 'initial callbacks done');
  // Record, per Loading id, whether its spinner (any child of its spinner box) was ever shown.
  await page.evaluate(() => {
    const seen: Record<string, boolean> = {};
    (globalThis as unknown as { __spinnerSeen: Record<string, boolean> }).__spinnerSeen = seen;
    new MutationObserver(() => {
      for (const box of document.querySelectorAll('[id^="ld-"], #outer, #inner')) {
        if (box.childElementCount > 0) seen[box.id] = true;
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
});

after(async () => {
  gates.releaseAll();
  await closePage?.();
  await served?.close();
  await browser?.close();
});

/** Is the spinner of this Loading shown? */
function spinning(id: string): Promise<boolean> {
  return page.evaluate((boxId) => (document.getElementById(boxId)?.childElementCount ?? 0) > 0, id);
}

async function spinnerSeen(id: string): Promise<boolean> {
  return page.evaluate(
    (boxId) => (globalThis as unknown as { __spinnerSeen: Record<string, boolean> }).__spinnerSeen[boxId] === true,
    id,
  );
}

async function resetSeen(): Promise<void> {
  await page.evaluate(() => {
    const seen = (globalThis as unknown as { __spinnerSeen: Record<string, boolean> }).__spinnerSeen;
    for (const key of Object.keys(seen)) delete seen[key];
  });
}

function expectSpinning(id: string, expected: boolean, timeout?: number): Promise<void> {
  return eventually(() => spinning(id), expected, `${id} spinning`, timeout);
}

function expectText(id: string, expected: string): Promise<void> {
  return eventually(() => page.textContent(`#${id}`), expected, `#${id} text`);
}

/** Let the renderer run a few frames: for "still not shown" checks. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('loading states', () => {
  test('C122: a Loading spins while a descendant output computes; nested Loadings independently', async () => {
    gates.hold('nested');
    await page.click('#btn-1'); // computes btn-2.children: inside both Loadings
    await expectSpinning('inner', true);
    assert.equal(await spinning('outer'), true, 'btn-2 is below the outer Loading too');
    gates.release('nested');
    await expectText('btn-2', 'btn-2 1');
    await expectSpinning('inner', false);
    await expectSpinning('outer', false);

    gates.hold('nested');
    await page.click('#btn-2'); // computes btn-1.children: in the outer Loading only
    await expectSpinning('outer', true);
    await pause(150);
    assert.equal(await spinning('inner'), false, 'the inner Loading does not contain btn-1');
    const hidden = await page.evaluate(
      () => getComputedStyle(document.getElementById('btn-1') as HTMLElement).visibility,
    );
    assert.equal(hidden, 'hidden', 'the content is hidden under the spinner');
    gates.release('nested');
    await expectText('btn-1', 'btn-1 1');
    await expectSpinning('outer', false);
  });

  test('C123: spinners follow a chain stage by stage', async () => {
    for (const stage of ['stage-1', 'stage-2', 'stage-3']) gates.hold(stage);
    await page.click('#chain-go');
    await expectSpinning('ld-1', true);
    assert.deepEqual([await spinning('ld-2'), await spinning('ld-3')], [false, false], 'later stages wait');
    gates.release('stage-1');
    await expectSpinning('ld-2', true);
    assert.deepEqual([await spinning('ld-1'), await spinning('ld-3')], [false, false]);
    gates.release('stage-2');
    await expectSpinning('ld-3', true);
    assert.deepEqual([await spinning('ld-1'), await spinning('ld-2')], [false, false]);
    gates.release('stage-3');
    await expectText('stage-3', 'stage 3 after stage 2 after stage 1: 1');
    await expectSpinning('ld-3', false);
  });

  test('C124: target_components restricts the spinner (prop, "*", prop lists with duplicate outputs, dict ids)', async () => {
    gates.hold('targets');
    await page.click('#go-b');
    await pause(300);
    assert.equal(await spinning('ld-target'), false, 't-b is not a target');
    gates.release('targets');
    await expectText('t-b', 'go-b 1');

    gates.hold('targets');
    await page.click('#go-a');
    await expectSpinning('ld-target', true);
    gates.release('targets');
    await expectText('t-a', 'go-a 1');
    await expectSpinning('ld-target', false);

    gates.hold('targets');
    await page.click('#go-c'); // writes t-c.title: '*' accepts any prop
    await expectSpinning('ld-star', true);
    gates.release('targets');
    await expectSpinning('ld-star', false);
    assert.equal(await page.getAttribute('#t-c', 'title'), 'go-c 1');

    for (const trigger of ['go-d1', 'go-d2']) {
      gates.hold('targets');
      await page.click(`#${trigger}`); // two callbacks write t-d.children (allow_duplicate)
      await expectSpinning('ld-dup', true);
      gates.release('targets');
      await expectText('t-d', `${trigger} 1`);
      await expectSpinning('ld-dup', false);
    }

    gates.hold('targets');
    await page.click('#go-dict'); // the target is a dict id written as JSON (keys in any order)
    await expectSpinning('ld-dict', true);
    gates.release('targets');
    await expectSpinning('ld-dict', false);
  });

  test('C125: an ALL-wildcard output triggers the Loading around its components', async () => {
    gates.hold('pm');
    await page.click('#go-pm');
    await expectSpinning('ld-pm', true);
    gates.release('pm');
    await expectSpinning('ld-pm', false);
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('[id^="{"]')].filter((el) => el.id.includes('"pm"')).map((el) => el.textContent),
    );
    assert.deepEqual(texts, ['pm 0 1', 'pm 1 1', 'pm 2 1']);
  });

  test('C126: delay_show, delay_hide, display and custom_spinner', async () => {
    // delay_show=600: a 150 ms callback shows no spinner; a long one shows it after the delay.
    await resetSeen();
    gates.hold('delay-show');
    await page.click('#delay-show-go');
    await pause(150);
    gates.release('delay-show');
    await expectText('delay-show-out', 'delay-show-go 1');
    await pause(700);
    assert.equal(await spinnerSeen('ld-delay-show'), false, 'never shown for a short callback');
    gates.hold('delay-show');
    const started = Date.now();
    await page.click('#delay-show-go');
    await expectSpinning('ld-delay-show', true, 3000);
    assert.ok(Date.now() - started >= 500, `shown after the delay (${Date.now() - started} ms)`);
    gates.release('delay-show');
    await expectSpinning('ld-delay-show', false);

    // delay_hide=800: the spinner stays after the callback settles, then goes.
    gates.hold('delay-hide');
    await page.click('#delay-hide-go');
    await expectSpinning('ld-delay-hide', true);
    gates.release('delay-hide');
    await expectText('delay-hide-out', 'delay-hide-go 1');
    const settled = Date.now();
    await pause(300);
    assert.equal(await spinning('ld-delay-hide'), true, 'still shown during delay_hide');
    await expectSpinning('ld-delay-hide', false, 3000);
    assert.ok(Date.now() - settled >= 700, 'hidden after delay_hide');

    // display forces the spinner on or off, whatever the loading state.
    assert.equal(await spinning('ld-forced-show'), true, 'display="show" spins while idle');
    gates.hold('forced-hide');
    await page.click('#forced-hide-go');
    await pause(300);
    assert.equal(await spinning('ld-forced-hide'), false, 'display="hide" never spins');
    gates.release('forced-hide');
    await expectText('forced-hide-out', 'forced-hide-go 1');
    gates.hold('forced-show');
    await page.click('#forced-show-go');
    gates.release('forced-show');
    await expectText('forced-show-out', 'forced-show-go 1');
    assert.equal(await spinning('ld-forced-show'), true, 'display="show" still spins after loading');

    // custom_spinner replaces the built-in one.
    gates.hold('custom');
    await page.click('#custom-go');
    await page.waitForSelector('#ld-custom #my-spinner');
    assert.equal(await page.locator('#ld-custom .dash-spinner').count(), 0, 'no built-in spinner');
    gates.release('custom');
    await page.waitForSelector('#my-spinner', { state: 'detached' });
  });

  test('C127: the title shows update_title while callbacks run and the latest title afterwards', async () => {
    assert.equal(await page.title(), 'Loading app');
    gates.hold('title');
    await page.click('#title-go');
    await eventually(() => page.title(), 'Updating...', 'update_title while busy');
    gates.release('title');
    await expectText('title-out', 'title-go 1');
    await eventually(() => page.title(), 'Loading app', 'title restored');

    // Through a whole chain the title stays on update_title (rdls004).
    for (const stage of ['stage-1', 'stage-2', 'stage-3']) gates.hold(stage);
    await page.click('#chain-go');
    await eventually(() => page.title(), 'Updating...', 'busy during stage 1');
    gates.release('stage-1');
    await expectSpinning('ld-2', true);
    assert.equal(await page.title(), 'Updating...', 'busy during stage 2');
    gates.release('stage-2');
    await expectSpinning('ld-3', true);
    assert.equal(await page.title(), 'Updating...', 'busy during stage 3');
    gates.release('stage-3');
    await expectText('stage-3', 'stage 3 after stage 2 after stage 1: 2');
    await eventually(() => page.title(), 'Loading app', 'restored after the chain');

    // A title set while busy (a page, a clientside callback) is the one kept afterwards.
    gates.hold('title');
    await page.click('#title-go');
    await eventually(() => page.title(), 'Updating...', 'busy again');
    await page.evaluate(() => (document.title = 'Set meanwhile'));
    gates.release('title');
    await expectText('title-out', 'title-go 2');
    await pause(200);
    assert.equal(await page.title(), 'Set meanwhile');
    assert.deepEqual(problems.pageErrors, [], 'page errors');
    assert.deepEqual(problems.consoleErrors, [], 'console errors');
  });

  test('C127: update_title None or "" leaves the title alone', async () => {
    for (const updateTitle of [null, '']) {
      const quiet = await serveApp(titleApp(updateTitle));
      const opened = await openPage(browser, quiet.url);
      try {
        await opened.page.waitForSelector('#go');
        const titles = new Set<string>();
        gates.hold('title');
        await opened.page.click('#go');
        const end = Date.now() + 400;
        while (Date.now() < end) titles.add(await opened.page.title());
        gates.release('title');
        await eventually(() => opened.page.textContent('#out'), 'done 1', 'callback done');
        titles.add(await opened.page.title());
        assert.deepEqual([...titles], ['Quiet app'], `update_title=${JSON.stringify(updateTitle)}`);
      } finally {
        gates.release('title');
        await opened.close();
        await quiet.close();
      }
    }
  });
});
