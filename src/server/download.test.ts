import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Download } from '../components/dcc/download.js';
import { sendBytes, sendDataFrame, sendFile, sendString, toCsv } from './download.js';

test('sendString: text as is, optional type', () => {
  assert.deepEqual(sendString('héllo', 'a.txt'), { content: 'héllo', filename: 'a.txt', base64: false });
  assert.deepEqual(sendString('x', 'a.md', 'text/markdown'), {
    content: 'x',
    filename: 'a.md',
    base64: false,
    type: 'text/markdown',
  });
});

test('sendBytes: base64 of exactly the given bytes (views into larger buffers too)', () => {
  const whole = new Uint8Array([9, 0, 255, 1, 2, 9]);
  const view = whole.subarray(1, 5);
  const data = sendBytes(view, 'b.bin', 'application/octet-stream');
  assert.equal(data.base64, true);
  assert.deepEqual([...Buffer.from(data.content, 'base64')], [0, 255, 1, 2]);
  assert.equal(data.type, 'application/octet-stream');
  assert.deepEqual([...Buffer.from(sendBytes(new Uint8Array([1, 2]).buffer, 'c').content, 'base64')], [1, 2]);
});

test('sendFile: reads the file, names it after its base name unless told', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-download-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, Buffer.from([37, 80, 68, 70, 0, 200]));
    const data = await sendFile(file);
    assert.equal(data.filename, 'report.pdf');
    assert.deepEqual([...Buffer.from(data.content, 'base64')], [37, 80, 68, 70, 0, 200]);
    assert.equal((await sendFile(file, 'other.pdf', 'application/pdf')).filename, 'other.pdf');
    await assert.rejects(sendFile(path.join(dir, 'missing')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('toCsv: header from record keys in first-seen order, RFC 4180 quoting, empty for null', () => {
  const csv = toCsv([
    { name: 'a,b', note: 'say "hi"' },
    { name: 'line\nbreak', extra: null, note: 3.5 },
  ]);
  assert.equal(csv, 'name,note,extra\n"a,b","say ""hi""",\n"line\nbreak",3.5,\n');
});

test('toCsv: explicit columns with array rows; dates ISO; objects JSON', () => {
  const csv = toCsv({
    columns: ['when', 'ok', 'meta'],
    rows: [[new Date(Date.UTC(2024, 0, 2)), true, { a: 1 }]],
  });
  assert.equal(csv, 'when,ok,meta\n2024-01-02T00:00:00.000Z,true,"{""a"":1}"\n');
});

test('toCsv: formula injection defused in text cells (= + - @ tab CR), numbers untouched, opt-out', () => {
  const rows = [{ a: '=HYPERLINK("http://x")', b: '+1', c: '-2+3', d: '@SUM(A1)', e: -5, f: '\tx', g: 'a=b' }];
  assert.equal(toCsv(rows), 'a,b,c,d,e,f,g\n"\'=HYPERLINK(""http://x"")",\'+1,\'-2+3,\'@SUM(A1),-5,\'\tx,a=b\n');
  assert.equal(
    toCsv(rows, { escapeFormulas: false }).split('\n')[1],
    '"=HYPERLINK(""http://x"")",+1,-2+3,@SUM(A1),-5,\tx,a=b',
  );
  assert.equal(toCsv([{ a: 'x;y', b: 'z' }], { separator: ';' }), 'a;b\n"x;y";z\n');
});

test('sendDataFrame: CSV text download of type text/csv', () => {
  assert.deepEqual(sendDataFrame([{ x: 1 }], 'd.csv'), {
    content: 'x\n1\n',
    filename: 'd.csv',
    base64: false,
    type: 'text/csv',
  });
});

test('Download.data accepts what the helpers build and refuses unknown keys', () => {
  const schema = Download.meta.schema;
  assert.ok(schema.safeParse({ data: sendBytes(new Uint8Array([1]), 'x.bin') }).success);
  assert.ok(schema.safeParse({ data: sendDataFrame([{ a: 1 }], 'x.csv') }).success);
  assert.ok(!schema.safeParse({ data: { filename: 'x', content: 'y', extra: 1 } }).success);
  assert.ok(!schema.safeParse({ data: { filename: 'x' } }).success);
});
