import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { changedFiles, scanSources, watchSources } from './watch.js';

test('scanSources lists source files, skipping node_modules, dot folders, ignored folders and other files', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-watch-'));
  try {
    for (const folder of ['lib', 'node_modules/x', '.git', 'assets'])
      await mkdir(path.join(dir, folder), { recursive: true });
    for (const file of [
      'app.ts',
      'lib/util.js',
      'data.json',
      'notes.md',
      'node_modules/x/i.js',
      '.git/h.js',
      'assets/a.js',
    ]) {
      await writeFile(path.join(dir, file), 'x');
    }
    const scan = await scanSources({ root: dir, ignore: [path.join(dir, 'assets')] });
    assert.deepEqual([...scan.keys()].map((f) => path.relative(dir, f)).sort(), ['app.ts', 'data.json', 'lib/util.js']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('changedFiles reports added, removed and modified files', () => {
  const before = new Map([
    ['/a', '1:1'],
    ['/b', '1:1'],
  ]);
  const after = new Map([
    ['/a', '2:1'],
    ['/c', '1:1'],
  ]);
  assert.deepEqual(changedFiles(before, after).sort(), ['/a', '/b', '/c']);
});

test('watchSources calls back with an edited file, not with files under folders ignored later', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-watch-'));
  await mkdir(path.join(dir, 'static'));
  await writeFile(path.join(dir, 'app.ts'), 'one');
  const seen: string[][] = [];
  const watcher = watchSources({ root: dir }, (files) => seen.push(files.map((f) => path.relative(dir, f))), 20);
  try {
    await new Promise((r) => setTimeout(r, 100));
    watcher.setIgnore([path.join(dir, 'static')]);
    await writeFile(path.join(dir, 'static', 'x.js'), 'ignored');
    await writeFile(path.join(dir, 'app.ts'), 'two!');
    const end = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(seen, [['app.ts']]);
  } finally {
    watcher.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
