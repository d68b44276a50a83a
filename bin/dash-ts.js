#!/usr/bin/env node
// The dash-ts command. Plain JavaScript so that it runs before any TypeScript loader exists: it
// installs two module hooks, then hands over to src/cli/main.ts.
//  1. The `dash-ts-source` export condition, so that `import "dash-ts"` — from the user's app and
//     from this package — resolves to src/index.ts (package.json "exports"), one copy of the code.
//  2. tsx, so that the CLI and the user's `.ts` app load without a build step.
import { register } from 'node:module';

const conditionHook = [
  'export async function resolve(specifier, context, next) {',
  '  const conditions = context.conditions.includes("dash-ts-source")',
  '    ? context.conditions : [...context.conditions, "dash-ts-source"];',
  '  return next(specifier, { ...context, conditions });',
  '}',
].join('\n');
register(`data:text/javascript,${encodeURIComponent(conditionHook)}`);

const { register: registerTsx } = await import('tsx/esm/api');
registerTsx();

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
