import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { frameFile, isUserFrame, pruneStack } from './traceback.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const stack = [
  'Error: boom',
  '  second message line',
  '    at compute (/home/me/app/lib/math.ts:3:9)',
  `    at file:///home/me/app/app.ts:12:20`,
  `    at runInContext (${path.join(root, 'src', 'server', 'callbacks', 'context.ts')}:40:7)`,
  `    at async invokeCallback (file://${path.join(root, 'src', 'server', 'callbacks', 'invoke.ts')}:9:1)`,
  '    at Object.handler (/home/me/app/node_modules/fastify/lib/route.js:1:1)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at new Promise (<anonymous>)',
].join('\n');

test('frameFile reads paths and file URLs, with or without a function name', () => {
  assert.equal(frameFile('    at compute (/a/b.ts:3:9)'), '/a/b.ts');
  assert.equal(frameFile('    at file:///a/b.ts:3:9'), '/a/b.ts');
  assert.equal(frameFile('    at async fn (file:///a/c.ts:1:2)'), '/a/c.ts');
  assert.equal(frameFile('    at new Promise (<anonymous>)'), null);
  assert.equal(frameFile('    at node:internal/x:1:1'), null);
});

test('pruneStack keeps the message and the app frames only', () => {
  assert.equal(
    pruneStack(stack),
    [
      'Error: boom',
      '  second message line',
      '    at compute (/home/me/app/lib/math.ts:3:9)',
      '    at file:///home/me/app/app.ts:12:20',
    ].join('\n'),
  );
  assert.equal(isUserFrame(`    at x (${path.join(root, 'tests', 'server', 'a.test.ts')}:1:1)`), true);
});

test('pruneStack says so when no app frame is left', () => {
  const internal = `Error: bad return\n    at addSlot (${path.join(root, 'src', 'server', 'callbacks', 'invoke.ts')}:1:1)`;
  assert.match(
    pruneStack(internal),
    /^Error: bad return\n {4}\(no frames from the app's code; dev_tools_prune_errors: false/,
  );
  assert.equal(pruneStack('no frames at all'), 'no frames at all');
});
