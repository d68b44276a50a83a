import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReloadAnswer, ReloadAction } from './reloader.js';
import { decide, parseAnswer, startReloader } from './reloader.js';
import type { ReloadStatus } from './status.js';

const answer = (reloadHash: string | null, rest: Partial<ReloadAnswer> = {}): ReloadAnswer => ({
  reloadHash,
  hard: false,
  packages: ['dash_html_components'],
  files: [],
  ...rest,
});
const css = { url: '/assets/a.css', modified: 5, is_css: true };
const js = { url: '/assets/a.js', modified: 5, is_css: false };

test('decide: same hash → nothing; new hash → soft; hard with only CSS → swap; hard otherwise → reload', () => {
  assert.deepEqual(decide(answer('a'), answer('a')), { kind: 'none' });
  assert.deepEqual(decide(answer('a'), answer(null)), { kind: 'none' });
  assert.deepEqual(decide(answer('a'), answer('b')), { kind: 'soft' });
  assert.deepEqual(decide(answer('a'), answer('b', { hard: true, files: [css] })), { kind: 'css', files: [css] });
  assert.deepEqual(decide(answer('a'), answer('b', { hard: true, files: [css, js] })), { kind: 'hard' });
  assert.deepEqual(decide(answer('a'), answer('b', { hard: true })), { kind: 'hard' });
  assert.deepEqual(decide(answer('a'), answer('b', { packages: ['other'] })), { kind: 'hard' }, 'packages changed');
});

test('parseAnswer accepts the route’s JSON only', () => {
  assert.deepEqual(
    parseAnswer('{"reloadHash":"h","hard":true,"packages":[],"files":[]}'),
    answer('h', { hard: true, packages: [] }),
  );
  assert.equal(parseAnswer('<html>'), null);
  assert.equal(parseAnswer('{"reloadHash":3}'), null);
});

test('the poll takes a baseline, acts on a change, ignores network errors and stops after max_retry 500s', async () => {
  const replies: (() => Promise<{ status: number; body: string }>)[] = [
    () => Promise.resolve({ status: 200, body: JSON.stringify(answer('a')) }),
    () => Promise.reject(new Error('restarting')),
    () => Promise.resolve({ status: 200, body: JSON.stringify(answer('b')) }),
    () => Promise.resolve({ status: 500, body: '' }),
    () => Promise.resolve({ status: 500, body: '' }),
    () => Promise.resolve({ status: 200, body: JSON.stringify(answer('z')) }),
  ];
  const actions: ReloadAction[] = [];
  const statuses: ReloadStatus[] = [];
  let calls = 0;
  await new Promise<void>((resolve) => {
    startReloader({
      interval: 1,
      maxRetry: 1,
      fetch: () => {
        const reply = replies[calls++];
        if (!reply) throw new Error('polled after stopping');
        return reply();
      },
      act: (action) => void actions.push(action),
      status: (status) => {
        statuses.push(status);
        if (status === 'stopped') resolve();
      },
    });
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(calls, 5, 'no poll after stopping');
  assert.deepEqual(actions, [{ kind: 'soft' }]);
  assert.deepEqual(statuses, ['connected', 'unreachable', 'connected', 'unreachable', 'stopped']);
});
