import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generatedPaths, generateHtml } from '../../../scripts/generate-html.js';
import { htmlElements } from './elements.js';
import * as html from './index.js';
import { htmlBooleanAttributes, htmlTags } from './tags.generated.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The 125 names of spec/components.md §2.1, in order. */
const specNames =
  'A Abbr Acronym Address Area Article Aside Audio B Base Basefont Bdi Bdo Big Blink Blockquote Br Button Canvas ' +
  'Caption Center Cite Code Col Colgroup Content Data Datalist Dd Del Details Dfn Dialog Div Dl Dt Em Embed Fieldset ' +
  'Figcaption Figure Font Footer Form Frame Frameset H1 H2 H3 H4 H5 H6 Header Hgroup Hr I Iframe Img Ins Kbd Keygen ' +
  'Label Legend Li Link Main MapEl Mark Marquee Meta Meter Nav Nobr Noscript ObjectEl Ol Optgroup Option Output P ' +
  'Param Picture Plaintext Pre Progress Q Rb Rp Rt Rtc Ruby S Samp Script Section Select Shadow Slot Small Source ' +
  'Spacer Span Strike Strong Sub Summary Sup Table Tbody Td Template Textarea Tfoot Th Thead Time Title Tr Track U Ul ' +
  'Var Video Wbr Xmp';

test('the committed generated files match what the generator produces now', async () => {
  const fresh = await generateHtml();
  for (const key of Object.keys(generatedPaths) as (keyof typeof generatedPaths)[]) {
    const committed = await readFile(path.join(root, generatedPaths[key]), 'utf8');
    assert.equal(
      committed,
      fresh[key],
      `${generatedPaths[key]} is stale: run node --import tsx scripts/generate-html.ts`,
    );
  }
});

test('exactly the 125 elements of the spec, each with a factory and a tag', () => {
  const names = htmlElements.map((e) => e.name);
  assert.deepEqual(names, specNames.split(' '));
  assert.equal(new Set(names).size, 125);
  const factories = html as unknown as Record<string, { meta: { type: string; namespace: string } }>;
  for (const name of names) {
    assert.equal(factories[name]?.meta.type, name);
    assert.equal(factories[name]?.meta.namespace, 'dash_html_components');
  }
  assert.equal(Object.keys(htmlTags).length, 125);
  assert.equal(htmlTags.MapEl, 'map');
  assert.equal(htmlTags.ObjectEl, 'object');
  assert.equal(htmlTags.Div, 'div');
  assert.equal(htmlTags.H6, 'h6');
});

test('element-specific attributes of the spec table are declared', () => {
  const expected: Record<string, string[]> = {
    A: ['download', 'href', 'hrefLang', 'media', 'referrerPolicy', 'rel', 'shape', 'target'],
    Button: ['autoFocus', 'disabled', 'formAction', 'formNoValidate', 'type', 'value'],
    Form: ['accept', 'acceptCharset', 'action', 'autoComplete', 'encType', 'method', 'name', 'noValidate', 'target'],
    Iframe: ['allow', 'height', 'name', 'referrerPolicy', 'sandbox', 'src', 'srcDoc', 'width'],
    Img: ['alt', 'crossOrigin', 'height', 'referrerPolicy', 'sizes', 'src', 'srcSet', 'useMap', 'width'],
    ObjectEl: ['data', 'form', 'height', 'name', 'type', 'useMap', 'width'],
    Td: ['colSpan', 'headers', 'rowSpan'],
    Video: ['autoPlay', 'controls', 'playsInline', 'poster', 'preload', 'src'],
    Label: ['htmlFor'],
  };
  const factories = html as unknown as Record<string, { meta: { propNames: readonly string[] } }>;
  for (const [name, props] of Object.entries(expected)) {
    for (const prop of props) assert.ok(factories[name]?.meta.propNames.includes(prop), `${name}.${prop}`);
  }
  const divProps = html.Div.meta.propNames;
  for (const prop of ['id', 'children', 'n_clicks', 'n_clicks_timestamp', 'disable_n_clicks', 'key', 'role']) {
    assert.ok(divProps.includes(prop), `Div.${prop}`);
  }
  for (const prop of ['accessKey', 'className', 'contentEditable', 'dir', 'draggable', 'hidden', 'lang']) {
    assert.ok(divProps.includes(prop), `Div.${prop}`);
  }
  for (const prop of ['spellCheck', 'style', 'tabIndex', 'title', 'loading_state']) {
    assert.ok(divProps.includes(prop), `Div.${prop}`);
  }
  assert.ok(!divProps.includes('href'));
  assert.ok(htmlBooleanAttributes.has('disabled') && htmlBooleanAttributes.has('hidden'));
  assert.ok(!htmlBooleanAttributes.has('readOnly'), 'Textarea.readOnly is a string, as in Dash');
});
