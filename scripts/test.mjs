// The whole test suite, in the order a reviewer would want it: lint, format, type check, build,
// then every node:test file (unit, HTTP integration, type tests, headless Chromium).
// Ends with one line CI can read: "N passed, N failed".
// Usage: node scripts/test.mjs [--only-tests] [extra test file globs...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const onlyTests = args.includes('--only-tests');
const globs = args.filter((a) => !a.startsWith('--'));
const results = [];

function step(name, command, commandArgs, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${commandArgs.join(' ')}`);
  const run = spawnSync(command, commandArgs, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (options.capture) process.stdout.write(run.stdout ?? '');
  const ok = run.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results.push({ name, ok });
  return run;
}

if (!onlyTests) {
  step('lint', 'npx', ['eslint', '.']);
  step('format', 'npx', ['prettier', '--check', '.']);
  step('typecheck (server, shared, tests)', 'npx', ['tsc', '-p', 'tsconfig.server.json']);
  step('typecheck (browser)', 'npx', ['tsc', '-p', 'tsconfig.browser.json']);
  step('build', 'node', ['scripts/build.mjs']);
}

mkdirSync('.tmp', { recursive: true });
const testGlobs = globs.length > 0 ? globs : ['src/**/*.test.ts', 'tests/**/*.test.ts'];
const testRun = step(
  'tests',
  'node',
  ['--conditions=dash-ts-source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', '--test-reporter-destination=.tmp/tests.tap', ...testGlobs],
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
