import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  matchTemplate,
  moduleFromPath,
  nameFromModule,
  parseQuery,
  pathFromModule,
  pathFromTemplate,
  stripPath,
} from './paths.js';

test('templates capture one decoded segment per variable', () => {
  assert.deepEqual(matchTemplate('a/1/b/x%20y', 'a/<x>/b/<y>'), { x: '1', y: 'x y' });
  assert.equal(matchTemplate('a/1/2/b/3', 'a/<x>/b/<y>'), null, 'a variable does not span slashes');
  assert.equal(matchTemplate('report', 'report/<id>'), null);
  assert.deepEqual(matchTemplate('v1.0/x', 'v1.0/<id>'), { id: 'x' }, 'literal parts are not patterns');
  assert.equal(matchTemplate('v1x0/x', 'v1.0/<id>'), null);
  assert.deepEqual(matchTemplate('r/%E0%A4%A', 'r/<id>'), { id: '%E0%A4%A' }, 'a bad escape stays as sent');
});

test('query strings: one value is a string, repeated values a list, blanks dropped', () => {
  assert.deepEqual(parseQuery('?a=1&b=2&b=3&c='), { a: '1', b: ['2', '3'] });
  assert.deepEqual(parseQuery(''), {});
  assert.deepEqual(parseQuery(undefined), {});
  assert.deepEqual(parseQuery('x=%22q%22'), { x: '"q"' });
});

test('paths lose the requests prefix and their slashes', () => {
  assert.equal(stripPath('/app/report/1/', '/app/'), 'report/1');
  assert.equal(stripPath('/app', '/app/'), '');
  assert.equal(stripPath('/application/x', '/app/'), 'application/x', 'only a whole prefix segment');
  assert.equal(stripPath('/', '/'), '');
});

test("Dash's inference of paths, modules and names", () => {
  assert.equal(pathFromModule('pages.weekly_analytics'), '/weekly-analytics');
  assert.equal(pathFromTemplate('/asset/<id>/view/<mode>'), '/asset/none/view/none');
  assert.equal(moduleFromPath('/'), 'pages.home');
  assert.equal(moduleFromPath('/weekly-analytics'), 'pages.weekly_analytics');
  assert.equal(nameFromModule('pages.weekly_analytics'), 'Weekly analytics');
  assert.equal(nameFromModule('pages.not_found_404'), 'Not found 404');
});
