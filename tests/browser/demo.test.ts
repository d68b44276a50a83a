/**
 * The demo (examples/gapminder) as a person uses it, in headless Chromium: first render, the year
 * slider and continent dropdown cross-filter the chart and the summary (multi-output callback), and
 * clicking a bubble picks that country for the second chart (chained callbacks).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import app from '../../examples/gapminder/app.js';
import type { PageProblems, ServedApp } from './harness.js';
import { launchBrowser, openPage, serveApp } from './harness.js';

let served: ServedApp;
let browser: Browser;
let page: Page;
let problems: PageProblems;

async function text(selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

before(async () => {
  served = await serveApp(app);
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, served.url));
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test('demo renders both charts and the summary', async () => {
  await page.waitForSelector('#scatter .main-svg');
  await page.waitForSelector('#detail .main-svg');
  await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('countries'));
  assert.match(await text('#summary'), /^142 countries, 6\.\d\d billion people/);
  assert.match(await text('#scatter .gtitle'), /2007/);
  assert.equal(await page.title(), 'Gapminder explorer');
});

test('the year slider updates chart and summary', async () => {
  await page.locator('#year [role="slider"]').first().focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => (document.querySelector('#scatter .gtitle')?.textContent ?? '').includes('1952'));
  await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('2.41 billion'));
  assert.match(await text('#summary'), /^142 countries/);
});

test('removing a continent filters the chart, the summary and the country list', async () => {
  await page
    .locator('#continent .dash-dropdown-value-item', { hasText: 'Africa' })
    .locator('.dash-dropdown-value-remove')
    .click();
  await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').startsWith('90 countries'));
  const legend = await page.locator('#scatter .legendtext').allTextContents();
  assert.deepEqual(legend.sort(), ['Americas', 'Asia', 'Europe', 'Oceania']);
  // Chained: the country list no longer offers African countries.
  await page.locator('#country').click();
  await page.waitForSelector('#country [role="option"]');
  const options = await page.locator('#country [role="option"]').allTextContents();
  assert.ok(options.includes('Japan'));
  assert.ok(!options.includes('Kenya'));
  await page.keyboard.press('Escape');
});

test('clicking a bubble picks that country for the second chart', async () => {
  const point = page.locator('#scatter .scatterlayer .point').nth(5);
  const box = await point.boundingBox();
  assert.ok(box, 'a bubble is drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => {
    const picked = document.querySelector('#country .dash-dropdown-value-item')?.textContent ?? '';
    const title = document.querySelector('#detail .gtitle')?.textContent ?? '';
    return picked !== '' && title.startsWith(`${picked}:`);
  });
  assert.match(await text('#detail .gtitle'), /: Life expectancy$/);
  assert.deepEqual(problems.cspViolations, []);
  assert.deepEqual(problems.pageErrors, []);
});
