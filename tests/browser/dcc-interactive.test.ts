/**
 * dcc.Dropdown, Slider, RangeSlider and Graph in Chromium: each test serves one app of
 * tests/browser/apps, acts like a user (mouse and keyboard), and checks what the component wrote
 * back through the echo Divs, that its CSS applied, and that the page ran clean under the strict CSP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Dash } from 'dash-ts';
import { echoed, ensureBuilt, eventually, expectEcho, launchBrowser, openPage, serveApp } from './harness.js';
import * as dropdownApp from './apps/dropdown.js';
import * as graphApp from './apps/graph.js';
import * as rangeSliderApp from './apps/range-slider.js';
import * as sliderApp from './apps/slider.js';

/** The browser globals the page functions below use (this file compiles without the DOM lib). */
interface PageWindow {
  document: { getElementById(id: string): { textContent: string | null } | null };
  getComputedStyle(element: unknown): Record<string, string>;
}

let browser: Browser;

before(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

/** Serve `createApp()`, run `body` on its page, then check the page ran clean; returns the URLs it fetched. */
async function withApp(
  createApp: () => Dash,
  body: (page: Page, requested: readonly string[]) => Promise<void>,
): Promise<string[]> {
  const served = await serveApp(createApp());
  const opened = await openPage(browser, 'about:blank');
  const requested: string[] = [];
  opened.page.on('request', (request) => requested.push(request.url()));
  try {
    await opened.page.setViewportSize({ width: 1000, height: 1200 });
    await opened.page.goto(served.url);
    await body(opened.page, requested);
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
    assert.deepEqual(opened.problems.consoleErrors, [], 'console errors');
    return requested;
  } finally {
    await opened.close();
    await served.close();
  }
}

/** One computed style property of the first element matching `selector`. */
function computed(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((el, name) => (globalThis as unknown as PageWindow).getComputedStyle(el)[name] ?? '', property);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dcc.Dropdown', () => {
  test('single: pick with the mouse, search, keyboard, clear', async () => {
    const requested = await withApp(dropdownApp.createApp, async (page) => {
      await expectEcho(page, 'single', 'value', 'MTL');
      // The stylesheet applied (a bordered control, the menu hidden until opened).
      assert.equal(await computed(page, '#single .dash-dropdown-control', 'borderTopStyle'), 'solid');
      assert.equal(await page.locator('#single .dash-dropdown-content').isVisible(), false);

      await page.click('#single .dash-dropdown-control');
      assert.equal(await page.locator('#single .dash-dropdown-option').count(), 4);
      assert.equal(await computed(page, '#single .dash-dropdown-content', 'position'), 'absolute');
      await page.click('#single .dash-dropdown-option:has-text("San Francisco")');
      await expectEcho(page, 'single', 'value', 'SF');
      assert.equal(await page.locator('#single .dash-dropdown-content').isVisible(), false, 'closes on select');
      assert.equal(await page.locator('#single .dash-dropdown-value-item').textContent(), 'San Francisco');

      // Search matches the `search` text too, and is written to search_value on every keystroke.
      const input = page.locator('#single input.dash-dropdown-search');
      await input.pressSequentially('queb');
      await expectEcho(page, 'single', 'search_value', 'queb');
      assert.deepEqual(await page.locator('#single .dash-dropdown-option').allTextContents(), ['Montréal']);
      await input.press('Enter');
      await expectEcho(page, 'single', 'value', 'MTL');
      await expectEcho(page, 'single', 'search_value', null);

      // Keyboard: arrows move the highlight (skipping the disabled option), Enter picks, Escape closes.
      await input.press('ArrowDown');
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      const highlighted = () => page.locator('#single .dash-dropdown-option.is-highlighted').textContent();
      for (let i = 0; i < 4 && (await highlighted()) !== 'New York City'; i++) await input.press('ArrowDown');
      assert.equal(await highlighted(), 'New York City');
      const active = await input.getAttribute('aria-activedescendant');
      assert.equal(await page.locator(`[id="${active}"]`).textContent(), 'New York City', 'aria-activedescendant');
      await input.press('Enter');
      await expectEcho(page, 'single', 'value', 'NYC');
      await input.press('ArrowDown');
      await input.press('Escape');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      await pause(200);
      assert.equal(await echoed(page, 'single', 'value'), 'NYC', 'Escape keeps the value');

      await page.click('#single .dash-dropdown-clear');
      await expectEcho(page, 'single', 'value', null);
      assert.equal(await page.locator('#single .dash-dropdown-placeholder').textContent(), 'Pick a city');
    });
    assert.ok(!requested.some((url) => url.includes('plotly')), 'plotly.js is not loaded without a Graph');
  });

  test('multi: toggle, select all, remove a tag; not clearable; pruning; server-side search', async () => {
    await withApp(dropdownApp.createApp, async (page) => {
      await expectEcho(page, 'multi', 'value', ['SF']);
      await page.click('#multi .dash-dropdown-control');
      // Selected options are listed first.
      assert.equal(await page.locator('#multi .dash-dropdown-option').first().textContent(), 'San Francisco');
      assert.equal(await page.locator('#multi [role="listbox"]').getAttribute('aria-multiselectable'), 'true');
      await page.click('#multi .dash-dropdown-option:has-text("New York City")');
      await expectEcho(page, 'multi', 'value', ['SF', 'NYC']);
      assert.equal(await page.locator('#multi .dash-dropdown-content').isVisible(), true, 'multi stays open');
      await page.click('#multi .dash-dropdown-action-button:has-text("Select All")');
      await expectEcho(page, 'multi', 'value', ['SF', 'NYC', 'MTL'], 5000);
      await page.click('#multi .dash-dropdown-option:has-text("Boston")', { force: true });
      await pause(200);
      assert.deepEqual(await echoed(page, 'multi', 'value'), ['SF', 'NYC', 'MTL'], 'disabled option not picked');
      await page.click('#multi .dash-dropdown-value-remove[aria-label="Remove San Francisco"]');
      await expectEcho(page, 'multi', 'value', ['NYC', 'MTL']);
      await page.locator('#multi input.dash-dropdown-search').press('Backspace');
      await expectEcho(page, 'multi', 'value', ['NYC']);

      // clearable=false, searchable=false, options as a dict.
      assert.equal(await page.locator('#fixed .dash-dropdown-clear').count(), 0);
      assert.equal(await page.locator('#fixed input.dash-dropdown-search').getAttribute('readonly'), '');
      await page.click('#fixed .dash-dropdown-control');
      await page.click('#fixed .dash-dropdown-option:has-text("Why")');
      await expectEcho(page, 'fixed', 'value', 'y');

      // Options change: values no longer offered are dropped and written back.
      await expectEcho(page, 'pruned', 'value', ['a', 'c']);
      await page.click('#drop-c');
      await expectEcho(page, 'pruned', 'value', ['a']);

      // debounce: picks stay local until the menu closes.
      await page.click('#debounced .dash-dropdown-control');
      await page.click('#debounced .dash-dropdown-option:has-text("p")');
      await page.click('#debounced .dash-dropdown-option:has-text("q")');
      await pause(300);
      assert.deepEqual(await echoed(page, 'debounced', 'value'), [], 'nothing sent while open');
      assert.equal(await page.locator('#debounced .dash-dropdown-value-item').count(), 2, 'picks shown');
      await page.locator('#debounced input.dash-dropdown-search').press('Escape');
      await expectEcho(page, 'debounced', 'value', ['p', 'q']);

      // Server-side search: options come from a callback on search_value.
      await page.locator('#server-search input.dash-dropdown-search').pressSequentially('ab');
      await page.waitForSelector('#server-search .dash-dropdown-option:has-text("ab-2")');
      await page.click('#server-search .dash-dropdown-option:has-text("ab-2")');
      await expectEcho(page, 'server-search', 'value', 'ab-2');
    });
  });
});

/** Centre of the element matching `selector`. */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('dcc.Slider', () => {
  test('keyboard, pointer drag (mouseup and drag modes), number box, marks-only steps, tooltip', async () => {
    await withApp(sliderApp.createApp, async (page) => {
      await expectEcho(page, 'slider', 'value', 3);
      await expectEcho(page, 'slider', 'drag_value', 3);
      assert.equal(await computed(page, '#slider .dash-slider-thumb', 'borderTopLeftRadius'), '50%');
      assert.equal(await computed(page, '#slider .dash-slider-thumb', 'width'), '16px');
      const thumb = page.locator('#slider [role="slider"]');
      assert.equal(await thumb.getAttribute('aria-valuenow'), '3');
      assert.equal(await thumb.getAttribute('aria-valuetext'), '3 kg');

      await thumb.focus();
      await thumb.press('ArrowRight');
      await thumb.press('ArrowRight');
      await expectEcho(page, 'slider', 'value', 5);
      await expectEcho(page, 'slider', 'drag_value', 5);
      assert.equal(await page.locator('#slider .dash-slider-tooltip').textContent(), '5 kg');
      assert.equal(await computed(page, '#slider .dash-slider-tooltip', 'display'), 'block', 'tooltip shown on focus');

      // mouseup mode: dragging writes drag_value only; releasing writes value.
      const track = await page.locator('#slider .dash-slider-track').boundingBox();
      assert.ok(track);
      const start = await centre(page, '#slider [role="slider"]');
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(track.x + track.width * 0.8, start.y, { steps: 8 });
      await expectEcho(page, 'slider', 'drag_value', 8);
      assert.equal(await echoed(page, 'slider', 'value'), 5, 'value waits for mouseup');
      await page.mouse.up();
      await expectEcho(page, 'slider', 'value', 8);

      // The number box: typed values are snapped and committed on Enter.
      const box = page.locator('#slider .dash-range-slider-max-input');
      await box.fill('6.6');
      await box.press('Enter');
      await expectEcho(page, 'slider', 'value', 7);

      // drag mode: value follows the pointer.
      const dragTrack = await page.locator('#drag .dash-slider-track').boundingBox();
      assert.ok(dragTrack);
      const dragStart = await centre(page, '#drag [role="slider"]');
      await page.mouse.move(dragStart.x, dragStart.y);
      await page.mouse.down();
      await page.mouse.move(dragTrack.x + dragTrack.width * 0.25, dragStart.y, { steps: 6 });
      await eventually(
        async () => {
          const v = await echoed(page, 'drag', 'value');
          return typeof v === 'number' && v > 15 && v < 35;
        },
        true,
        'drag mode writes value while dragging',
      );
      await page.mouse.up();

      // step=null: only marks; keys jump from mark to mark.
      const marksThumb = page.locator('#marks [role="slider"]');
      assert.deepEqual(await page.locator('#marks .dash-slider-mark').allTextContents(), [
        'zero',
        'two',
        'seven',
        'ten',
      ]);
      assert.equal(await computed(page, '#marks .dash-slider-tooltip', 'display'), 'block', 'always_visible');
      await marksThumb.focus();
      await marksThumb.press('ArrowRight');
      await expectEcho(page, 'marks', 'value', 7);
      await marksThumb.press('ArrowRight');
      await expectEcho(page, 'marks', 'value', 10);
      await marksThumb.press('Home');
      await expectEcho(page, 'marks', 'value', 0);
      assert.equal(await page.locator('#marks .dash-range-slider-input').count(), 0, 'no number box without a step');

      // Vertical: arrows up, no number box, dots drawn.
      const vertical = page.locator('#vertical [role="slider"]');
      assert.equal(await vertical.getAttribute('aria-orientation'), 'vertical');
      await vertical.focus();
      await vertical.press('ArrowUp');
      await expectEcho(page, 'vertical', 'value', 1);
      assert.equal(await page.locator('#vertical .dash-slider-dot').count(), 11);

      // Automatic marks on a large range use SI prefixes; disabled thumbs are not focusable.
      assert.ok((await page.locator('#big .dash-slider-mark').allTextContents()).includes('1,000k'));
      assert.equal(await page.locator('#big [role="slider"]').getAttribute('tabindex'), null);
    });
  });
});

describe('dcc.RangeSlider', () => {
  test('drag_value on mount, keyboard per handle, number boxes, pushable', async () => {
    await withApp(rangeSliderApp.createApp, async (page) => {
      await expectEcho(page, 'range', 'value', [5, 15]);
      await expectEcho(page, 'range', 'drag_value', [5, 15]);
      const thumbs = page.locator('#range [role="slider"]');
      assert.equal(await thumbs.count(), 2);
      assert.equal(await thumbs.nth(0).getAttribute('aria-label'), 'Minimum');
      await thumbs.nth(0).focus();
      await thumbs.nth(0).press('ArrowRight');
      await expectEcho(page, 'range', 'value', [6, 15]);
      const low = page.locator('#range .dash-range-slider-min-input');
      await low.fill('10');
      await low.press('Enter');
      await expectEcho(page, 'range', 'value', [10, 15]);
      // pushable=2: the upper handle stops two steps above the lower one.
      await thumbs.nth(1).focus();
      for (let i = 0; i < 5; i++) await thumbs.nth(1).press('ArrowLeft');
      await expectEcho(page, 'range', 'value', [10, 12]);

      // Three handles, reversed, handles may not cross.
      await expectEcho(page, 'three', 'value', [0.1, 0.5, 0.9]);
      const three = page.locator('#three [role="slider"]');
      assert.equal(await three.count(), 3);
      assert.equal(await page.locator('#three .dash-range-slider-input').count(), 0, 'no boxes for 3 handles');
      await three.nth(0).focus();
      await three.nth(0).press('PageUp');
      await expectEcho(page, 'three', 'value', [0.5, 0.5, 0.9]);
      assert.deepEqual(await page.locator('#three .dash-slider-tooltip').allTextContents(), ['0.5', '0.5', '0.9']);
    });
  });
});

describe('dcc.Graph', () => {
  test('plots under the CSP; click, hover, select, relayout, restyle, resize, shapes, animate, extendData', async () => {
    const fetched = await withApp(graphApp.createApp, async (page, requested) => {
      await page.waitForSelector('#scatter .scatterlayer .point', { timeout: 15_000 });
      assert.ok(
        requested.some((url) => /plotly/.test(url)),
        'plotly.js chunk fetched for a Graph page',
      );
      assert.equal(await page.locator('#scatter .scatterlayer .point').count(), 3);
      assert.equal(await page.locator('#bars .barlayer .point').count(), 4);
      assert.equal(await page.locator('#pie .slice').count(), 2);
      // plotly.js's own rules were applied though the CSP refuses un-nonced <style> elements.
      assert.equal(await computed(page, '#bars .modebar', 'position'), 'absolute');

      // Click the second point: filtered point data with customdata and a timestamp.
      const point = await centre(page, '#scatter .scatterlayer .point >> nth=1');
      await page.mouse.move(point.x, point.y);
      await eventually(
        async () =>
          ((await echoed(page, 'scatter', 'hoverData')) as { points?: { x?: number }[] } | null)?.points?.[0]?.x,
        2,
        'hoverData',
      );
      await page.mouse.click(point.x, point.y);
      await eventually(
        async () => {
          const data = (await echoed(page, 'scatter', 'clickData')) as {
            points: Record<string, unknown>[];
            timestamp: number;
          } | null;
          const first = data?.points[0];
          return (
            first && { x: first['x'], y: first['y'], customdata: first['customdata'], curve: first['curveNumber'] }
          );
        },
        { x: 2, y: 1, customdata: 'b', curve: 0 },
        'clickData',
      );
      const clickData = (await echoed(page, 'scatter', 'clickData')) as {
        points: Record<string, unknown>[];
        timestamp: number;
      };
      assert.equal(typeof clickData.timestamp, 'number');
      assert.equal('data' in (clickData.points[0] ?? {}), false, 'no trace objects in event data');

      // Leaving the point clears hoverData (clear_on_unhover).
      await page.mouse.move(point.x + 150, point.y + 120);
      await expectEcho(page, 'scatter', 'hoverData', null);

      // Box select across the two right-hand points.
      const plot = await page.locator('#scatter .nsewdrag').boundingBox();
      assert.ok(plot);
      await page.mouse.move(plot.x + plot.width * 0.35, plot.y + 5);
      await page.mouse.down();
      await page.mouse.move(plot.x + plot.width - 5, plot.y + plot.height - 5, { steps: 10 });
      await page.mouse.up();
      await eventually(
        async () => {
          const data = (await echoed(page, 'scatter', 'selectedData')) as {
            points: { x: number }[];
            range?: { x: number[] };
          } | null;
          return data ? { xs: data.points.map((p) => p.x).sort(), hasRange: Array.isArray(data.range?.x) } : null;
        },
        { xs: [2, 3], hasRange: true },
        'selectedData',
      );

      // Zoom in, then autoscale, from the mode bar: relayout events.
      await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
      await page.click('#scatter .modebar-btn[data-title="Zoom in"]');
      await eventually(
        async () => {
          const data = (await echoed(page, 'scatter', 'relayoutData')) as Record<string, unknown> | null;
          return typeof data?.['xaxis.range[0]'];
        },
        'number',
        'relayoutData after zoom',
      );
      await page.click('#scatter .modebar-btn[data-title="Autoscale"]');
      await eventually(
        async () => {
          const data = (await echoed(page, 'scatter', 'relayoutData')) as Record<string, unknown> | null;
          return data?.['xaxis.autorange'];
        },
        true,
        'relayoutData after autoscale',
      );

      // Legend click hides a trace: restyleData.
      await page.click('#bars .legend .traces >> nth=1');
      await expectEcho(page, 'bars', 'restyleData', [{ visible: ['legendonly'] }, [1]]);

      // responsive=true: the plot follows its container's width.
      const svgWidth = () =>
        page
          .locator('#bars .main-svg')
          .first()
          .evaluate((el) => Number(el.getAttribute('width')));
      const wide = await svgWidth();
      await page.setViewportSize({ width: 700, height: 1200 });
      await eventually(async () => (await svgWidth()) < wide - 200, true, 'responsive resize');

      // Drawing a rectangle writes the shape into the figure.
      const canvas = await page.locator('#draw .nsewdrag').boundingBox();
      assert.ok(canvas);
      await page.mouse.move(canvas.x + 20, canvas.y + 20);
      await page.mouse.down();
      await page.mouse.move(canvas.x + canvas.width - 20, canvas.y + canvas.height - 20, { steps: 8 });
      await page.mouse.up();
      await eventually(
        () =>
          page.evaluate(
            () => (globalThis as unknown as PageWindow).document.getElementById('draw-shapes')?.textContent,
          ),
        '1',
        'shape written back into figure',
      );

      // animate=true: the point moves to its new place through Plotly.animate.
      const pointY = () =>
        page
          .locator('#anim .point')
          .first()
          .evaluate((el) => el.getAttribute('transform') ?? '');
      await page.waitForSelector('#anim .point');
      const before = await pointY();
      await page.click('#move');
      await eventually(async () => (await pointY()) !== before, true, 'animated point moved', 5000);

      // extendData appends a point without resending the figure.
      await page.click('#extend');
      await eventually(() => page.locator('#scatter .scatterlayer .point').count(), 4, 'extended trace');
    });
    assert.equal(fetched.filter((url) => /plotly/.test(url)).length, 1, 'plotly.js fetched once');
  });
});
