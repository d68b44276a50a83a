/**
 * First-load JS/CSS bytes (gzip) in Chromium: every script and stylesheet the page fetched until
 * it was fully rendered, gzipped at level 9 (what a compressing proxy or server would send).
 * Two apps: html elements + a dcc.Input, and the same plus a dcc.Graph.
 */
import { gzipSync } from 'node:zlib';
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { launchBrowser, serveApp } from '../tests/browser/harness.js';

function smallApp(withGraph: boolean): Dash {
  const app = new Dash({ title: withGraph ? 'with graph' : 'html + input' });
  const children = [
    html.H1('Bytes'),
    html.P('An app of html elements and one dcc.Input.'),
    dcc.Input({ id: 'in', value: 'x' }),
    html.Div({ id: 'out' }),
  ];
  if (withGraph) children.push(dcc.Graph({ id: 'graph', figure: { data: [{ type: 'bar', x: [1, 2], y: [3, 1] }] } }));
  app.layout = html.Div(children);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => `got ${String(v)}`);
  return app;
}

async function measure(withGraph: boolean): Promise<{ js: number; css: number; rawJs: number; files: number }> {
  const served = await serveApp(smallApp(withGraph));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let js = 0;
    let css = 0;
    let rawJs = 0;
    let files = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        response.body().then((body) => {
          files += 1;
          const gz = gzipSync(body, { level: 9 }).length;
          if (type === 'script') {
            js += gz;
            rawJs += body.length;
          } else css += gz;
        }),
      );
    });
    await page.goto(served.url);
    await page.waitForFunction(() => document.querySelector('#out')?.textContent === 'got x');
    if (withGraph) await page.waitForSelector('#graph .main-svg');
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return { js, css, rawJs, files };
  } finally {
    await browser.close();
    await served.close();
  }
}

export async function benchFirstLoadBytes(): Promise<void> {
  console.log('\n## 2. First-load bytes (gzip -9 of every script and stylesheet fetched)');
  const plain = await measure(false);
  const graph = await measure(true);
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  console.log('| app | JS gzip | CSS gzip | JS raw | files |');
  console.log('|---|---|---|---|---|');
  console.log(`| html + dcc.Input | ${kb(plain.js)} | ${kb(plain.css)} | ${kb(plain.rawJs)} | ${plain.files} |`);
  console.log(
    `| html + dcc.Input + dcc.Graph | ${kb(graph.js)} | ${kb(graph.css)} | ${kb(graph.rawJs)} | ${graph.files} |`,
  );
  const target = 110 * 1024;
  console.log(
    `html + Input JS: ${kb(plain.js)} (target ≤ 110 KB, Dash 4.3 ≈ 234 KB) ${plain.js <= target ? 'MET' : 'NOT MET'}`,
  );
}
