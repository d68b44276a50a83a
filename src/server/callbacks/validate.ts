/**
 * Registration-time checks of a callback's declaration (spec/callbacks.md §9.3, §9.5). Dash's
 * renderer finds most of these in the browser, in debug mode only (`validateDependencies`); dash-ts
 * finds them when `app.callback()` runs and throws a DashError whose message starts with Dash's
 * dev-tools title and ends with what to change (docs/adr/0008). Pure functions plus one small index.
 */
import type { AnyArgument, AnyOutput } from '../../shared/dependencies.js';
import type { ComponentId } from '../../shared/prop-id.js';
import { propIdString, stringifyId } from '../../shared/prop-id.js';
import { wildcardOf } from '../../shared/wildcards.js';
import type { DashErrorCode } from '../errors.js';
import { DashError } from '../errors.js';

type Kind = 'Output' | 'Input' | 'State';

const allowedWildcards: Record<Kind, readonly string[]> = {
  Output: ['ALL', 'MATCH'],
  Input: ['ALL', 'MATCH', 'ALLSMALLER'],
  State: ['ALL', 'MATCH', 'ALLSMALLER'],
};

/** `In the callback for output(s): a.children, b.style` — how every message names its callback. */
export function callbackHead(outputs: readonly AnyOutput[], inputs: readonly AnyArgument[]): string {
  if (outputs.length > 0) return `In the callback for output(s) ${outputs.map(describe).join(', ')}`;
  if (inputs.length > 0) return `In the callback without outputs on input(s) ${inputs.map(describe).join(', ')}`;
  return 'In the callback without outputs or inputs';
}

function describe(dep: { id: unknown; property: unknown }): string {
  const id = typeof dep.id === 'string' || isPlainObject(dep.id) ? stringifyId(dep.id as ComponentId) : String(dep.id);
  return `${id}.${String(dep.property)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(code: DashErrorCode, title: string, lines: readonly string[]): never {
  throw new DashError(code, `${title}: ${lines.filter((l) => l !== '').join(' ')}`);
}

/**
 * One dependency's id and property (`validateArg`): a non-empty string id without `.` or `{`, or a
 * non-empty dict whose keys are non-empty and whose values are strings, numbers, booleans or the
 * wildcards allowed for this kind; a non-empty string property.
 */
export function checkDependency(
  dep: { id: unknown; property: unknown },
  kind: Kind,
  index: number,
  head: string,
): void {
  const where = `${kind}[${index}]`;
  if (typeof dep.property !== 'string' || dep.property === '') {
    fail('DASH_ERR_CALLBACK_ID', 'Callback property error', [
      `${head}: ${where}.property is ${JSON.stringify(dep.property) ?? String(dep.property)}.`,
      `Name the component property as a non-empty string, e.g. ${kind}('my-id', 'value').`,
    ]);
  }
  const { id } = dep;
  if (typeof id === 'string') {
    if (id === '') {
      fail('DASH_ERR_CALLBACK_ID', 'Callback item missing ID', [
        `${head}: ${where}.id is "".`,
        'Every component linked to a callback needs an id: give it one and use the same id here.',
      ]);
    }
    const bad = ['.', '{'].filter((c) => id.includes(c));
    if (bad.length > 0) {
      fail('DASH_ERR_CALLBACK_ID', 'Callback invalid ID string', [
        `${head}: ${where}.id is "${id}"; the characters ${bad.map((c) => `'${c}'`).join(', ')} are not allowed in ids.`,
        'Rename the component (e.g. with "-" or "_"), or use a dict id for structured ids.',
      ]);
    }
    return;
  }
  if (!isPlainObject(id)) {
    fail('DASH_ERR_CALLBACK_ID', 'Callback ID type error', [
      `${head}: ${where}.id is ${JSON.stringify(id) ?? String(id)}.`,
      'An id must be a string or a dict of strings, numbers, booleans and wildcards (MATCH, ALL, ALLSMALLER).',
    ]);
  }
  if (Object.keys(id).length === 0) {
    fail('DASH_ERR_CALLBACK_ID', 'Callback item missing ID', [
      `${head}: ${where}.id is {}.`,
      'A dict id needs at least one key, e.g. { type: "row", index: MATCH }.',
    ]);
  }
  for (const [key, value] of Object.entries(id)) {
    if (key === '') {
      fail('DASH_ERR_CALLBACK_ID', 'Callback wildcard ID error', [
        `${head}: ${where}.id has an empty key.`,
        'Keys of a dict id must be non-empty strings.',
      ]);
    }
    const wildcard =
      Array.isArray(value) && value.length === 1 && ['MATCH', 'ALL', 'ALLSMALLER'].includes(value[0] as string)
        ? (value[0] as string)
        : undefined;
    if (wildcard !== undefined) {
      if (!allowedWildcards[kind].includes(wildcard)) {
        fail('DASH_ERR_CALLBACK_ID', 'Callback wildcard ID error', [
          `${head}: ${where}.id["${key}"] is ${wildcard}.`,
          `allowed wildcards for ${kind}s are ${allowedWildcards[kind].join(', ').replace(/, (?=[^,]*$)/, ' and ')}.`,
          kind === 'Output' ? 'Use ALL (or MATCH) in the Output and ALLSMALLER only in Inputs/State.' : '',
        ]);
      }
      continue;
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      fail('DASH_ERR_CALLBACK_ID', 'Callback wildcard ID error', [
        `${head}: ${where}.id["${key}"] is ${JSON.stringify(value) ?? String(value)}.`,
        'Dict id values must be strings, numbers, booleans, or one of the wildcards MATCH, ALL, ALLSMALLER.',
      ]);
    }
  }
}

/** A callback whose only run would be the initial call cannot also prevent it (§9.5, checklist C025). */
export function checkHasInputs(
  outputs: readonly AnyOutput[],
  inputs: readonly AnyArgument[],
  preventInitialCall: boolean,
): void {
  if (inputs.length > 0 || !preventInitialCall) return;
  fail('DASH_ERR_CALLBACK_ARGS', 'A callback is missing Inputs', [
    `${callbackHead(outputs, inputs)}: there are no Input(...) dependencies and prevent_initial_call is true,`,
    'so the callback would never be called.',
    'Add an Input(...) that should fire it, or drop prevent_initial_call so it runs once when the page loads.',
  ]);
}

/**
 * Do two wildcard output ids overlap (`wildcardOverlap`)? Same keys, and on every key equal values
 * or a wildcard on either side — except MATCH against ALLSMALLER.
 */
function overlaps(a: ComponentId, b: ComponentId): boolean {
  if (typeof a === 'string' || typeof b === 'string') return false;
  const keys = Object.keys(a).sort();
  const other = Object.keys(b).sort();
  if (keys.join('\0') !== other.join('\0')) return false;
  return keys.every((key) => {
    const va = a[key];
    const vb = b[key];
    const wa = Array.isArray(va) ? wildcardOf(va as never) : undefined;
    const wb = Array.isArray(vb) ? wildcardOf(vb as never) : undefined;
    if (wa !== undefined && wb !== undefined) {
      return !((wa === 'MATCH' && wb === 'ALLSMALLER') || (wa === 'ALLSMALLER' && wb === 'MATCH'));
    }
    return wa !== undefined || wb !== undefined || va === vb;
  });
}

/**
 * Every output written so far, for the duplicate checks (`findDuplicateOutputs`): string and
 * constant-dict outputs by prop id, wildcard outputs as a list compared by overlap.
 */
export class OutputIndex {
  readonly #exact = new Map<string, string>();
  readonly #patterns: { id: ComponentId; property: string; callback: string }[] = [];

  /**
   * Throw when one of these outputs repeats inside the list or is already written by another
   * callback (unless it is `allow_duplicate`). Call `add` once the callback is accepted.
   */
  check(outputs: readonly AnyOutput[], inputs: readonly AnyArgument[]): void {
    const head = callbackHead(outputs, inputs);
    const own = new Set<string>();
    const ownPatterns: AnyOutput[] = [];
    outputs.forEach((o, i) => {
      const propId = propIdString(o.id, o.property);
      if (isPattern(o.id)) {
        const self = ownPatterns.find((p) => p.property === o.property && overlaps(p.id, o.id));
        const other = self ? undefined : this.#patterns.find((p) => p.property === o.property && overlaps(p.id, o.id));
        if (self || other) {
          const clash = self ?? other;
          fail('DASH_ERR_DUPLICATE_OUTPUT', 'Overlapping wildcard callback outputs', [
            `${head}: Output ${i} (${propId}) overlaps another output (${clash ? propIdString(clash.id, clash.property) : ''})`,
            other ? `of the callback "${other.callback}".` : 'of this callback.',
            'Make the ids differ on a constant key, or write both from one callback.',
          ]);
        }
        ownPatterns.push(o);
        return;
      }
      if (own.has(propId)) {
        fail('DASH_ERR_DUPLICATE_OUTPUT', 'Duplicate callback Outputs', [
          `${head}: Output ${i} (${propId}) is already used by this callback.`,
          'List each output once.',
        ]);
      }
      own.add(propId);
      const owner = this.#exact.get(propId);
      if (owner !== undefined && o.allowDuplicate !== true) {
        fail('DASH_ERR_DUPLICATE_OUTPUT', 'Duplicate callback outputs', [
          `${head}: Output ${i} (${propId}) is already in use by the callback "${owner}".`,
          'Give both Outputs { allow_duplicate: true } if several callbacks must write it,',
          'or combine them into one callback and tell the triggers apart with ctx.triggered_id.',
        ]);
      }
    });
  }

  add(outputs: readonly AnyOutput[], callbackKey: string): void {
    for (const o of outputs) {
      if (isPattern(o.id)) this.#patterns.push({ id: o.id, property: o.property, callback: callbackKey });
      else {
        const propId = propIdString(o.id, o.property);
        if (!this.#exact.has(propId)) this.#exact.set(propId, callbackKey);
      }
    }
  }
}

/** A dict id holding a wildcard (constant dict ids are compared exactly, like string ids). */
function isPattern(id: ComponentId): boolean {
  return typeof id !== 'string' && Object.values(id).some((v) => Array.isArray(v));
}

/** Every registration check of one declaration except duplicates (which need the other callbacks). */
export function checkDeclaration(
  outputs: readonly AnyOutput[],
  deps: readonly AnyArgument[],
  preventInitialCall: boolean,
): void {
  const inputs = deps.filter((d) => d.kind === 'input');
  const head = callbackHead(outputs, inputs);
  outputs.forEach((o, i) => checkDependency(o, 'Output', i, head));
  inputs.forEach((d, i) => checkDependency(d, 'Input', i, head));
  deps.filter((d) => d.kind === 'state').forEach((d, i) => checkDependency(d, 'State', i, head));
  checkHasInputs(outputs, inputs, preventInitialCall);
}
