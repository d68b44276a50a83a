// `npm run conformance`: runs the conformance tests (tests/conformance/**/*.test.ts) and prints, per
// section of the checklist in spec/callbacks.md §15 (copied to tests/conformance/checklist.json), how
// many items pass. An item passes when at least one test names it (`C017` in the test name) and every
// test naming it passes. Items whose test asserts a deliberate difference from Dash carry `ADR nnnn`
// in the test name and are listed; `ADR nnnn` applies to the item tag just before it. Exit code 1 if any conformance test failed (missing items only
// lower the count).
// Usage: node scripts/conformance.mjs [--skip-build] [--list-missing]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const checklist = JSON.parse(readFileSync('tests/conformance/checklist.json', 'utf8'));

if (!args.includes('--skip-build')) {
  const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = readdirSync('tests/conformance', { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
  .map((e) => path.join(e.parentPath ?? e.path, e.name))
  .sort();
mkdirSync('.tmp', { recursive: true });
const run = spawnSync(
  'node',
  [
    '--conditions=dash-ts-source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stderr',
    '--test-reporter=tap',
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const tap = run.stdout ?? '';

/** item number → { passed, failed, adrs } */
const byItem = new Map();
for (const line of tap.split('\n')) {
  const match = /^\s*(not ok|ok) \d+ - (.*)$/.exec(line);
  if (!match) continue;
  const [, status, name] = match;
  if (/# SKIP|# TODO/.test(name)) continue;
  // `ADR nnnn` applies to the item tag just before it: `C001 ADR 0007 C038: …`.
  let last;
  for (const token of name.matchAll(/\bC(\d{3})\b|\bADR (\d{4})\b/g)) {
    if (token[2] !== undefined) {
      last?.adrs.add(token[2]);
      continue;
    }
    const n = Number(token[1]);
    const entry = byItem.get(n) ?? { passed: 0, failed: 0, adrs: new Set() };
    if (status === 'ok') entry.passed += 1;
    else entry.failed += 1;
    byItem.set(n, entry);
    last = entry;
  }
}

const sections = [];
for (const item of checklist) {
  let section = sections.find((s) => s.name === item.section);
  if (!section) sections.push((section = { name: item.section, items: [] }));
  section.items.push(item);
}
const status = (n) => {
  const entry = byItem.get(n);
  if (!entry) return 'missing';
  return entry.failed > 0 ? 'failing' : 'passing';
};
console.log('\nConformance with spec/callbacks.md §15');
let passing = 0;
for (const section of sections) {
  const ok = section.items.filter((i) => status(i.n) === 'passing').length;
  passing += ok;
  console.log(`  ${section.name.padEnd(58)} ${String(ok).padStart(3)}/${section.items.length}`);
}
const failing = checklist.filter((i) => status(i.n) === 'failing');
for (const item of failing) console.log(`  FAILING C${String(item.n).padStart(3, '0')}: ${item.text}`);
const differing = checklist.filter((i) => status(i.n) === 'passing' && byItem.get(i.n).adrs.size > 0);
for (const item of differing) {
  const adrs = [...byItem.get(item.n).adrs].map((a) => `ADR ${a}`).join(', ');
  console.log(`  differs from Dash by design (${adrs}): C${String(item.n).padStart(3, '0')} ${item.text}`);
}
if (args.includes('--list-missing')) {
  for (const item of checklist.filter((i) => status(i.n) === 'missing')) {
    console.log(`  missing C${String(item.n).padStart(3, '0')}: ${item.text}`);
  }
}
console.log(`conformance: ${passing}/${checklist.length} items pass`);
process.exit(failing.length > 0 || run.status !== 0 ? 1 : 0);
