import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DashConfig } from '../shared/protocol.js';
import { DashError } from './errors.js';
import { checkMetaTags, escapeHtml, jsonForScript, metaTags, renderIndexPage } from './index-page.js';

const config = { requests_pathname_prefix: '/', note: '</script><script>alert(1)</script>' } as unknown as DashConfig;

describe('index page pieces', () => {
  it('escapes text and attribute values', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&</a>`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('embeds JSON that cannot end its script block and parses back unchanged', () => {
    const value = { a: '</script><!-- & \u2028', b: [1, null] };
    const text = jsonForScript(value);
    assert.doesNotMatch(text, /<|>|&/);
    assert.deepEqual(JSON.parse(text), value);
  });

  it("adds Dash's default meta tags unless the user gave equivalents", () => {
    assert.deepEqual(metaTags([]), [
      '<meta charset="UTF-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    ]);
    const custom = metaTags([
      { charset: 'utf-8' },
      { name: 'viewport', content: 'width=500' },
      { name: 'x', content: '"><script>' },
    ]);
    assert.deepEqual(custom, [
      '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=500">',
      '<meta name="x" content="&quot;&gt;&lt;script&gt;">',
    ]);
  });

  it('refuses meta attribute names that would need escaping', () => {
    checkMetaTags([{ name: 'description', 'http-equiv': 'x', 'data-x.y': 'ok' }]);
    assert.throws(() => checkMetaTags([{ 'a"b': 'x' }]), DashError);
    assert.throws(() => checkMetaTags([{ 'onload x': 'y' }]), DashError);
  });
});

describe('renderIndexPage', () => {
  const html = renderIndexPage({
    title: '<Sales> & "more"',
    metaTags: [],
    faviconUrl: '/_favicon.ico?v=1',
    page: {
      scripts: [{ src: '/r/main.js', module: true }, { src: '/assets/a.js?m=1' }],
      styles: ['/r/main.css', '/assets/a.css?m=1'],
    },
    config,
    nonce: 'abc+/=',
  });

  it('has the parts the renderer needs, in order', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n'));
    assert.match(html, /<title>&lt;Sales&gt; &amp; &quot;more&quot;<\/title>/);
    assert.match(html, /<link rel="icon" type="image\/x-icon" href="\/_favicon.ico\?v=1">/);
    assert.match(html, /<div id="react-entry-point"><div class="_dash-loading">Loading...<\/div><\/div>/);
    const order = ['/r/main.css', '/assets/a.css', 'id="_dash-config"', '/r/main.js', '/assets/a.js'].map((s) =>
      html.indexOf(s),
    );
    assert.ok(order.every((i) => i > 0));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.match(html, /<script type="module" nonce="abc\+\/=" src="\/r\/main.js"><\/script>/);
    assert.match(html, /<script nonce="abc\+\/=" src="\/assets\/a.js\?m=1"><\/script>/);
  });

  it('has no inline executable script and one closing tag per script', () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 3);
    for (const [, attributes, body] of scripts) {
      if (attributes?.includes('type="application/json"')) continue;
      assert.equal(body, '');
      assert.match(attributes ?? '', / src="/);
    }
    const configText = /<script id="_dash-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.deepEqual(JSON.parse(configText ?? ''), config);
  });
});
