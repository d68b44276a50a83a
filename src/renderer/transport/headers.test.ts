// Request headers and URLs (spec/protocol-core.md §5.1, §6; Dash `getCSRFHeader`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiUrl, readCookie, requestHeaders } from './headers.js';

const config = { requests_pathname_prefix: '/app/', csrf_token_name: '_csrf_token', csrf_header_name: 'X-CSRFToken' };

test('JSON headers always; the CSRF header only when its cookie is set and non-empty', () => {
  assert.deepEqual(requestHeaders(config, ''), { Accept: 'application/json', 'Content-Type': 'application/json' });
  assert.equal(requestHeaders(config, 'a=1; _csrf_token=t%2B1')['X-CSRFToken'], 't+1');
  assert.equal(requestHeaders(config, '_csrf_token=')['X-CSRFToken'], undefined);
  const custom = { ...config, csrf_token_name: 'tok', csrf_header_name: 'X-Tok' };
  assert.deepEqual(requestHeaders(custom, 'tok=abc')['X-Tok'], 'abc');
});

test('cookies are matched by exact name; URLs use requests_pathname_prefix', () => {
  assert.equal(readCookie('x_csrf_token=no; _csrf_token=yes', '_csrf_token'), 'yes');
  assert.equal(apiUrl(config, '_dash-layout'), '/app/_dash-layout');
  assert.equal(apiUrl({ ...config, requests_pathname_prefix: '/x' }, '_dash-layout'), '/x/_dash-layout');
});
