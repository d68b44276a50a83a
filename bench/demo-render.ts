/**
 * Time from navigation to the demo's first complete render in Chromium: both graphs drawn, the
 * summary written, and no component still loading. Median and range of N fresh page loads.
 */
import app from '../examples/gapminder/app.js';
import { launchBrowser, serveApp } from '../tests/browser/harness.js';

export async function benchDemoRender(options: { loads: number }): Promise<void> {
  console.log(`\n## 3. Demo: navigation to first complete render (${options.loads} loads)`);
  const served = await serveApp(app);
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < options.loads; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(served.url);
      await page.waitForFunction(
        () =>
          document.querySelectorAll('#scatter .main-svg, #detail .main-svg').length >= 2 &&
          (document.querySelector('#summary')?.textContent ?? '').includes('countries') &&
          document.querySelector('[data-dash-is-loading="true"]') === null,
        undefined,
        { timeout: 30_000 },
      );
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  console.log(`median ${median.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`);
}
