import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallbackResponse, serverTimingHeader, writeCallbackResponse } from './response.js';

test('set_cookie encodes the value and writes the attributes; nothing can inject another attribute', () => {
  const r = new CallbackResponse();
  r.set_cookie('session', 'a b;c', { max_age: 60, secure: true, httponly: true, samesite: 'Lax' });
  assert.deepEqual(r.cookies, ['session=a%20b%3Bc; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=Lax']);
  assert.throws(() => r.set_cookie('bad name', 'x'), /invalid cookie name/);
  assert.throws(() => r.set_cookie('ok', 'x', { path: '/; Domain=evil' }), /must not contain/);
  assert.throws(() => r.set_header('x-a', 'v\r\nx-b: 1'), /invalid header/);
  r.delete_cookie('session');
  assert.match(r.cookies[1] ?? '', /^session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\/$/);
});

test('record_timing: ms, descriptions, duplicates refused; the header lists __dash_server first', () => {
  const r = new CallbackResponse();
  r.record_timing('db', 0.0123, 'query "x"');
  r.record_timing('render', 2);
  assert.throws(() => r.record_timing('db', 1), /duplicate resource name found: db/);
  assert.equal(
    serverTimingHeader(7.4, r.timings),
    '__dash_server;dur=7, db;dur=12;desc="query \\"x\\"", render;dur=2000',
  );
  const written: [string, unknown][] = [];
  r.set_cookie('c', '1');
  writeCallbackResponse({ header: (name, value) => written.push([name, value]) }, r, undefined);
  assert.deepEqual(written, [['set-cookie', ['c=1; Path=/']]]);
});
