import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedent, markdownSource, renameStyleAttributes } from './markdown-text.js';

test('dedent removes the common indentation (like textwrap.dedent)', () => {
  assert.equal(dedent('    # Title\n\n    text\n      indented'), '# Title\n\ntext\n  indented');
  assert.equal(dedent('\n  a\n  b\n'), '\na\nb\n');
  assert.equal(dedent('  a\n    \n  b'), 'a\n\nb', 'whitespace-only lines become empty');
  assert.equal(dedent('a\n  b'), 'a\n  b', 'no common prefix');
  assert.equal(dedent('\ta\n\t\tb'), 'a\n\tb');
  assert.equal(dedent(' \ta\n  b'), '\ta\n b', 'mixed tabs and spaces share only the common part');
});

test('markdown source: a string, or a list joined with newlines', () => {
  assert.equal(markdownSource('x'), 'x');
  assert.equal(markdownSource(['# a', 'b']), '# a\nb');
  assert.equal(markdownSource(undefined), '');
  assert.equal(markdownSource(null), '');
});

test('style attributes inside tags are renamed, text is left alone', () => {
  assert.equal(
    renameStyleAttributes('<th style="text-align:right">a style=b</th><span  STYLE = "x" title="style=y">'),
    '<th data-dash-style="text-align:right">a style=b</th><span  data-dash-style = "x" title="style=y">',
  );
  assert.equal(renameStyleAttributes('no tags, style=1'), 'no tags, style=1');
});
