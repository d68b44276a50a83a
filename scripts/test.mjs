// The whole test suite, in the order a reviewer would want it: lint, format, type check, build,
// then every node:test file (unit, HTTP integration, type tests, headless Chromium).
// Ends with one line CI can read: "N passed, N failed".
// Usage: node scripts/test.mjs [--only-tests] [extra test file globs...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const onlyTests = args.includes('--only-tests');
const globs = args.filter((a) => !a.startsWith('--'));
const results = [];

function step(name, command, commandArgs, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${commandArgs.join(' ')}`);
  const run = spawnSync(command, commandArgs, {
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (options.capture) process.stdout.write(run.stdout ?? '');
  const ok = run.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results.push({ name, ok });
  return run;
}

if (!onlyTests) {
  step('lint', 'npx', ['eslint', '.']);
  step('format', 'npx', ['prettier', '--check', '.']);
  step('typecheck (server, shared)', 'npx', ['tsc', '-p', 'tsconfig.server.json']);
  step('typecheck (tests, examples, benchmarks)', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
  step('typecheck (browser)', 'npx', ['tsc', '-p', 'tsconfig.browser.json']);
  step('typecheck (renderer unit tests, DOM-free)', 'npx', ['tsc', '-p', 'tsconfig.renderer-tests.json']);
  step('build', 'node', ['scripts/build.mjs']);
}

mkdirSync('.tmp', { recursive: true });
// Node 20's --test does not expand globs, so collect the files here.
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}
const testGlobs = globs.length > 0 ? globs : [...testFiles('src'), ...testFiles('tests')];
const testRun = step(
  'tests',
  'node',
  [
    '--conditions=dash-ts-source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter=tap',
    '--test-reporter-destination=stdout',
    '--test-reporter-destination=.tmp/tests.tap',
    ...testGlobs,
  ],
  {},
);
const tap = readFileSync('.tmp/tests.tap', 'utf8');
// node:test's TAP reporter ends with "# pass N" and "# fail N".
const count = (label) => Number([...tap.matchAll(new RegExp(`^# ${label} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
const passedTests = count('pass');
const failedTests = count('fail');
const failedSteps = results.filter((r) => !r.ok && r.name !== 'tests');
console.log('\nSummary:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
const passed = passedTests + results.filter((r) => r.ok && r.name !== 'tests').length;
// A test process that failed without any failing test (a crash, a file that did not load) counts once.
const crashed = testRun.status !== 0 && failedTests === 0 ? 1 : 0;
const failed = failedTests + failedSteps.length + crashed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
