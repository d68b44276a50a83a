// Regenerate src/server/dash-renderer-styles.json: the sha256 CSP hash-sources of every inline
// <style> text the unmodified Dash bundles inject (`renderer: 'dash'` adds them to style-src).
//
// They cannot be computed from the bundles: css-loader assembles the texts at run time, and they
// differ from dcc's lib/*.css. So a dash-ts app rendering every dcc component family is served with
// `renderer: 'dash'` and loaded in Chromium, and a MutationObserver reports every <style> text as it
// appears (a <style> the CSP blocks keeps its text, so the current hash list does not matter). The
// empty text is included: style-loader inserts an empty <style> before filling it, and plotly keeps
// its global <style> empty and fills it through CSSOM. A second page load under the new list must
// report no CSP violation, or the script fails.
//
// Usage: node scripts/capture-dash-renderer-style-hashes.mjs   (fetches the packages first if needed;
// CHROMIUM_PATH overrides /usr/bin/chromium). Run it whenever a pinned Dash package version changes.
/* global document, MutationObserver -- the page functions run in Chromium */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'src', 'server', 'dash-renderer-styles.json');
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const fetched = spawnSync(process.execPath, [path.join(root, 'scripts', 'fetch-dash-renderer.mjs')], {
  stdio: 'inherit',
});
if (fetched.status !== 0) process.exit(1);

const { Dash } = await tsImport('../src/index.ts', import.meta.url);

// Plain component JSON: Dash's dcc has families dash-ts has no factory for (DatePicker, Upload, …),
// and their chunks inject styles too.
const dcc = (type, props) => ({ type, namespace: 'dash_core_components', props });
const html = (type, props) => ({ type, namespace: 'dash_html_components', props });

function sinkApp() {
  const app = new Dash({ title: 'style capture', renderer: 'dash' });
  app.layout = html('Div', {
    id: 'root',
    children: [
      dcc('Input', { id: 'in', value: 'a' }),
      dcc('Dropdown', { id: 'dd', options: ['a', 'b'], value: 'a' }),
      dcc('Graph', {
        id: 'g',
        figure: { data: [{ type: 'bar', x: [1, 2], y: [3, 1] }], layout: { width: 400, height: 300 } },
      }),
      dcc('DatePickerSingle', { id: 'dps', date: '2024-01-15' }),
      dcc('DatePickerRange', { id: 'dpr', start_date: '2024-01-10', end_date: '2024-01-20' }),
      dcc('Slider', { id: 'sl', min: 0, max: 10, value: 3 }),
      dcc('RangeSlider', { id: 'rs', min: 0, max: 10, value: [2, 5] }),
      dcc('Markdown', { id: 'md', mathjax: true, children: '# Title\n\n```python\nprint(1)\n```\n\nMath $x^2$.' }),
      dcc('Upload', { id: 'up', children: html('Div', { children: 'Drop files here' }) }),
      dcc('Tabs', {
        id: 'tabs',
        value: 't1',
        children: [
          dcc('Tab', { label: 'T1', value: 't1', children: html('Div', { children: 'one' }) }),
          dcc('Tab', { label: 'T2', value: 't2', children: html('Div', { children: 'two' }) }),
        ],
      }),
      dcc('Checklist', { id: 'cl', options: ['x', 'y'], value: ['x'] }),
      dcc('RadioItems', { id: 'ri', options: ['x', 'y'], value: 'x' }),
      dcc('Textarea', { id: 'ta', value: 'text' }),
      dcc('Button', { id: 'btn', children: 'Button' }),
      dcc('Loading', { id: 'ld', children: html('Div', { children: 'loading child' }) }),
      dcc('Clipboard', { id: 'clip', target_id: 'ta' }),
      dcc('Link', { id: 'lnk', href: '/other', children: 'a link' }),
      dcc('Tooltip', { id: 'tt', show: false, children: 'tip' }),
      dcc('ConfirmDialog', { id: 'cd', message: 'sure?', displayed: false }),
    ],
  });
  return app;
}

async function serve() {
  const server = await sinkApp().server({ logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Load the sink page; returns every <style> text seen and every CSP violation. */
async function visit(browser) {
  const served = await serve();
  const context = await browser.newContext({ viewport: { width: 1000, height: 2400 } });
  const page = await context.newPage();
  const texts = new Set();
  const violations = [];
  const errors = [];
  await page.exposeBinding('__styleText', (_source, text) => texts.add(text));
  await page.exposeBinding('__cspViolation', (_source, v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => globalThis.__cspViolation(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
    const report = (node) => {
      if (node.nodeName === 'STYLE') globalThis.__styleText(node.textContent);
      else if (node.querySelectorAll)
        node.querySelectorAll('style').forEach((s) => globalThis.__styleText(s.textContent));
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'childList') {
          m.addedNodes.forEach(report);
          if (m.target.nodeName === 'STYLE') report(m.target);
        } else if (m.target.parentNode?.nodeName === 'STYLE') report(m.target.parentNode);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(served.url);
    await page.waitForSelector('#g .main-svg', { timeout: 30_000 });
    await page.waitForSelector('#md mjx-container', { timeout: 30_000 });
    await page.waitForSelector('#md .hljs, #md code.hljs, #md [class^="hljs-"]', { timeout: 30_000 });
    // Popovers render (and may style) only when opened.
    await page.locator('#dd .dash-dropdown-value').click();
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.locator('#dps').click({ position: { x: 30, y: 10 } });
    await page.waitForTimeout(800);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  } finally {
    await context.close();
    await served.close();
  }
  return { texts, violations, errors };
}

const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
try {
  const first = await visit(browser);
  if (first.errors.length > 0) throw new Error(`page errors while capturing:\n${first.errors.join('\n')}`);
  const hashes = [...new Set([...first.texts].map(sha256))].sort();
  const source =
    `Captured by scripts/capture-dash-renderer-style-hashes.mjs in Chromium ${browser.version()}: sha256 of every ` +
    '<style> text (the empty one included) injected while dash-renderer 3.4.1, dash-core-components 4.5.0, ' +
    'dash-html-components 4.5.0 and plotly.js-strict-dist-min 4.1.1 rendered every dcc component family. ' +
    'Regenerate when any of these versions changes.';
  await writeFile(output, `${JSON.stringify({ source, hashes }, null, 2)}\n`);
  console.log(`wrote ${hashes.length} hashes to ${path.relative(root, output)}`);
  const second = await visit(browser);
  if (second.violations.length > 0) {
    throw new Error(`CSP violations under the new hashes:\n${second.violations.join('\n')}`);
  }
  console.log('checked: a second load under the new hashes has no CSP violation');
} finally {
  await browser.close();
}
