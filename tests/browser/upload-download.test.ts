/**
 * dcc.Upload and dcc.Download in Chromium, used the way a person does: files chosen through the file
 * dialog (page.setInputFiles / the filechooser event) or dropped (a DataTransfer dispatched as
 * drag events), refusals shown on the page, the server's body limits (413 over HTTP and on the page),
 * and downloads caught with page.waitForEvent('download') and read back.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { echoed, ensureBuilt, eventually, expectEcho, launchBrowser, openPage, serveApp } from './harness.js';
import type { ServedApp } from './harness.js';
import * as downloadApp from './apps/download.js';
import * as uploadApp from './apps/upload.js';

let browser: Browser;

before(async () => {
  ensureBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

/** A file for setInputFiles. */
function file(name: string, mimeType: string, content: string | Buffer) {
  return { name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) };
}

function dataUrl(mimeType: string, content: string | Buffer): string {
  return `data:${mimeType};base64,${Buffer.from(content).toString('base64')}`;
}

/** Text of the first element matching `selector` ('' when absent). */
async function text(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector);
  return (await locator.count()) === 0 ? '' : await locator.first().innerText();
}

function computed(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => {
      // The test config has no DOM lib: reach getComputedStyle through globalThis.
      const win = globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> };
      return win.getComputedStyle(element)[name] ?? '';
    }, property);
}

/**
 * Dispatch `events` on `selector` with one DataTransfer holding `files` (name, type, text), as a
 * drag from the desktop would. Built in the page: a DataTransfer cannot cross from Node.
 */
async function drag(page: Page, selector: string, files: [string, string, string][], events: string[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const dt = new g.DataTransfer();
    for (const [name, type, content] of list) dt.items.add(new g.File([content], name, { type }));
    return dt;
  }, files);
  for (const event of events) await page.dispatchEvent(selector, event, { dataTransfer: transfer });
  await transfer.dispose();
}

/** POST a callback body straight to the server. */
async function postCallback(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL('_dash-update-component', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const raw = await response.text();
  return { status: response.status, json: raw === '' ? undefined : (JSON.parse(raw) as unknown) };
}

describe('dcc.Upload', () => {
  let served: ServedApp;
  let page: Page;
  let opened: Awaited<ReturnType<typeof openPage>>;

  before(async () => {
    served = await serveApp(uploadApp.createApp());
    opened = await openPage(browser, served.url);
    page = opened.page;
    await page.locator('#single').waitFor();
  });

  after(async () => {
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
    assert.deepEqual(opened.problems.consoleErrors, [], 'console errors');
    await opened.close();
    await served.close();
  });

  test('a file chosen in the dialog arrives as a data URL with its name and time (seconds)', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#single')]);
    assert.equal(chooser.isMultiple(), false);
    await chooser.setFiles(file('hello.txt', 'text/plain', 'hello world'));
    await expectEcho(page, 'single', 'contents', dataUrl('text/plain', 'hello world'));
    await expectEcho(page, 'single', 'filename', 'hello.txt');
    const modified = await echoed(page, 'single', 'last_modified');
    assert.equal(typeof modified, 'number');
    assert.ok(Math.abs((modified as number) - Date.now() / 1000) < 3600, `seconds since epoch: ${String(modified)}`);
    assert.equal(await text(page, '#single .dash-upload-error'), '');
  });

  test('a file over max_size, under min_size or of a refused type is named on the page and not sent', async () => {
    const input = page.locator('#single input[type=file]');
    await input.setInputFiles(file('big.txt', 'text/plain', 'x'.repeat(2000)));
    await eventually(() => text(page, '#single [role=alert]'), 'big.txt: larger than 1000 bytes', 'size refusal');
    await input.setInputFiles(file('photo.png', 'image/png', 'png'));
    await eventually(
      () => text(page, '#single [role=alert]'),
      'photo.png: this type of file is not accepted',
      'type refusal',
    );
    await input.setInputFiles(file('empty.txt', 'text/plain', ''));
    await eventually(() => text(page, '#single [role=alert]'), 'empty.txt: smaller than 1 bytes', 'min refusal');
    // Nothing new was written: the previous file is still the value.
    await expectEcho(page, 'single', 'filename', 'hello.txt');
    await expectEcho(page, 'single', 'contents', dataUrl('text/plain', 'hello world'));
    // An accepted file clears the message.
    await input.setInputFiles(file('notes.TXT', 'application/octet-stream', 'ok'));
    await expectEcho(page, 'single', 'filename', 'notes.TXT');
    await eventually(() => text(page, '#single .dash-upload-error'), '', 'message cleared');
  });

  test('multiple: lists of contents and names, in order', async () => {
    await page
      .locator('#multi input[type=file]')
      .setInputFiles([file('a.csv', 'text/csv', 'a,b\n1,2\n'), file('b.json', 'application/json', '{"x":1}')]);
    await expectEcho(page, 'multi', 'filename', ['a.csv', 'b.json']);
    await expectEcho(page, 'multi', 'contents', [
      dataUrl('text/csv', 'a,b\n1,2\n'),
      dataUrl('application/json', '{"x":1}'),
    ]);
  });

  test('drag and drop: active and reject styles while dragging, className_active, files taken on drop', async () => {
    const before = await computed(page, '#single', 'borderTopColor');
    await drag(page, '#single', [['d.txt', 'text/plain', 'dropped']], ['dragenter', 'dragover']);
    await eventually(() => computed(page, '#single', 'borderTopColor'), 'rgb(0, 128, 0)', 'style_active');
    await drag(page, '#single', [['d.txt', 'text/plain', 'dropped']], ['drop']);
    await eventually(() => computed(page, '#single', 'borderTopColor'), before, 'style back after the drop');
    await expectEcho(page, 'single', 'filename', 'd.txt');
    await expectEcho(page, 'single', 'contents', dataUrl('text/plain', 'dropped'));

    await drag(page, '#single', [['i.png', 'image/png', 'png']], ['dragenter']);
    await eventually(() => computed(page, '#single', 'borderTopColor'), 'rgb(255, 0, 0)', 'style_reject');
    await drag(page, '#single', [['i.png', 'image/png', 'png']], ['dragleave']);
    await eventually(() => computed(page, '#single', 'borderTopColor'), before, 'style back after leaving');

    await drag(page, '#multi', [['x.txt', 'text/plain', 'x']], ['dragenter']);
    await eventually(async () => page.locator('#multi.dragging').count(), 1, 'className_active');
    // A class replaces the default active style.
    assert.notEqual(await computed(page, '#multi', 'borderTopColor'), 'rgb(102, 204, 102)');
    await drag(
      page,
      '#multi',
      [
        ['x.txt', 'text/plain', 'x'],
        ['y.txt', 'text/plain', 'y'],
      ],
      ['drop'],
    );
    await expectEcho(page, 'multi', 'filename', ['x.txt', 'y.txt']);
    assert.equal(await page.locator('#multi.dragging').count(), 0);
  });

  test('disabled: style_disabled / className_disabled, no dialog, drops ignored', async () => {
    assert.equal(await computed(page, '#off', 'opacity'), '0.25');
    assert.equal(await page.locator('#off-class.is-off').count(), 1);
    assert.equal(await computed(page, '#off-class', 'opacity'), '1', 'a class replaces the default style');
    assert.equal(await page.locator('#off input[type=file]').isDisabled(), true);
    let opened = false;
    const onChooser = () => {
      opened = true;
    };
    page.on('filechooser', onChooser);
    await page.click('#off', { force: true });
    await drag(page, '#off', [['z.txt', 'text/plain', 'z']], ['dragenter', 'drop']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    page.off('filechooser', onChooser);
    assert.equal(opened, false, 'no file dialog');
    assert.equal(await echoed(page, 'off', 'contents'), null);
  });

  test('disable_click: no dialog on click, drops still taken; Enter opens the dialog; folder selection', async () => {
    let opened = false;
    const onChooser = () => {
      opened = true;
    };
    page.on('filechooser', onChooser);
    await page.click('#drop-only');
    await new Promise((resolve) => setTimeout(resolve, 300));
    page.off('filechooser', onChooser);
    assert.equal(opened, false, 'no file dialog');
    await drag(page, '#drop-only', [['k.txt', 'text/plain', 'k']], ['dragenter', 'drop']);
    await expectEcho(page, 'drop-only', 'filename', 'k.txt');

    await page.focus('#single');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(file('keyboard.txt', 'text/plain', 'kb'));
    await expectEcho(page, 'single', 'filename', 'keyboard.txt');

    assert.equal(await page.locator('#folder input[type=file]').getAttribute('webkitdirectory'), '');
    assert.equal(await page.locator('#multi input[type=file]').getAttribute('webkitdirectory'), null);
  });

  test('an upload larger than body_limit but within max_upload_bytes reaches its callback', async () => {
    const content = Buffer.alloc(200 * 1024, 7);
    await page.locator('#big input[type=file]').setInputFiles(file('big.bin', 'application/octet-stream', content));
    const length = dataUrl('application/octet-stream', content).length;
    await eventually(() => text(page, '#big-size'), `big.bin: ${length} characters`, 'server saw the whole file');
  });

  test('server limits over HTTP: 413 JSON for an over-limit upload and for a large non-upload callback', async () => {
    const uploadBody = (size: number) => ({
      output: 'big-size.children',
      outputs: { id: 'big-size', property: 'children' },
      inputs: [{ id: 'big', property: 'contents', value: `data:text/plain;base64,${'A'.repeat(size)}` }],
      state: [{ id: 'big', property: 'filename', value: 'f.txt' }],
      changedPropIds: ['big.contents'],
    });
    const within = await postCallback(served.url, uploadBody(200 * 1024));
    assert.equal(within.status, 200);
    const over = await postCallback(served.url, uploadBody(uploadApp.UPLOAD_LIMIT));
    assert.equal(over.status, 413);
    assert.equal((over.json as { code?: string }).code, 'DASH_ERR_BODY_TOO_LARGE');
    assert.equal(typeof (over.json as { error?: string }).error, 'string');

    const noteBody = (size: number) => ({
      output: 'note-out.children',
      outputs: { id: 'note-out', property: 'children' },
      inputs: [{ id: 'note', property: 'value', value: 'n'.repeat(size) }],
      changedPropIds: ['note.value'],
    });
    assert.equal((await postCallback(served.url, noteBody(1000))).status, 200);
    const large = await postCallback(served.url, noteBody(100 * 1024));
    assert.equal(large.status, 413, 'a callback without Upload input keeps body_limit');
    assert.equal((large.json as { code?: string }).code, 'DASH_ERR_BODY_TOO_LARGE');
  });
});

describe('dcc.Upload over the server limit (debug page)', () => {
  test('a 413 answer is shown on the page', async () => {
    const served = await serveApp(uploadApp.createApp(), { debug: true });
    const debugPage = await openPage(browser, served.url);
    const { page } = debugPage;
    try {
      await page.locator('#big').waitFor();
      const content = Buffer.alloc(uploadApp.UPLOAD_LIMIT, 1);
      await page.locator('#big input[type=file]').setInputFiles(file('huge.bin', 'application/octet-stream', content));
      await eventually(
        async () => /larger than/.test(await text(page, '#dash-ts-errors')),
        true,
        'error panel names the size problem',
        10_000,
      );
      assert.equal(await text(page, '#big-size'), 'none');
    } finally {
      await debugPage.close();
      await served.close();
    }
  });
});

describe('dcc.Download', () => {
  let served: ServedApp;
  let page: Page;
  let opened: Awaited<ReturnType<typeof openPage>>;

  before(async () => {
    served = await serveApp(downloadApp.createApp());
    opened = await openPage(browser, served.url);
    page = opened.page;
    await page.locator('#csv').waitFor();
  });

  after(async () => {
    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
    assert.deepEqual(opened.problems.consoleErrors, [], 'console errors');
    await opened.close();
    await served.close();
  });

  /** Click `button` and return the saved file's name and bytes. */
  async function downloadBy(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.click(button)]);
    const saved = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(saved) };
  }

  test('nothing is saved at page load; sendString saves the text (UTF-8) under its name', async () => {
    assert.equal(await page.locator('#dl').count(), 0, 'Download renders nothing');
    const saved = await downloadBy('#text');
    assert.equal(saved.name, 'hello.txt');
    assert.equal(saved.bytes.toString('utf8'), downloadApp.TEXT);
  });

  test('sendBytes and sendFile: every byte value survives base64', async () => {
    const bytes = await downloadBy('#bytes');
    assert.equal(bytes.name, 'bytes.bin');
    assert.deepEqual([...bytes.bytes], [...downloadApp.BYTES]);
    const file = await downloadBy('#file');
    assert.equal(file.name, 'served.bin');
    assert.deepEqual([...file.bytes], [...downloadApp.BYTES]);
  });

  test('sendDataFrame: CSV with quoting and formula cells defused', async () => {
    const saved = await downloadBy('#csv');
    assert.equal(saved.name, 'table.csv');
    assert.equal(saved.bytes.toString('utf8'), 'name,formula,amount\n"Ann, ""A""",\'=1+1,-5\nBob,\'@cmd,2.5\n');
  });

  test('the same data again saves again; the component base64 default decodes data that does not say', async () => {
    const again = await downloadBy('#text');
    assert.equal(again.bytes.toString('utf8'), downloadApp.TEXT);
    const decoded = await downloadBy('#defaults');
    assert.equal(decoded.name, 'defaults.bin');
    assert.equal(decoded.bytes.toString('utf8'), 'decoded');
  });
});
