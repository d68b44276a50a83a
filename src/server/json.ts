/**
 * Encoding and checking the JSON the server sends and receives.
 *
 * Sending: Dash's encoder turns NaN/±Infinity into `null` and never emits bare `NaN`
 * (spec/protocol-core.md §3); `JSON.stringify` does the same, and `noUpdate` serializes itself through
 * its `toJSON` as `{"_dash_no_update": "_dash_no_update"}` (§5.2). BigInts, which `JSON.stringify`
 * rejects, become numbers when exact and decimal strings otherwise.
 *
 * Receiving: a depth limit checked iteratively before any recursive code sees the value
 * (spec/security.md §2.4), plus a prototype-poisoning check that holds even when the host Fastify
 * server was configured to let `__proto__` through (§2.1).
 */
import { badRequest } from './errors.js';

function bigintReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

/** JSON text of a value (`undefined` → `null`). Throws on cycles, like `JSON.stringify`. */
export function encodeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    // The replacer slows every value down, so it is only used when a BigInt made the fast path fail.
    if (error instanceof TypeError && /BigInt/i.test(error.message)) {
      return JSON.stringify(value, bigintReplacer) ?? 'null';
    }
    throw error;
  }
}

/**
 * Reject a request body nested deeper than `maxDepth`, or carrying `__proto__` or
 * `constructor.prototype` keys. Iterative: a 100,000-deep body cannot overflow the stack here.
 */
export function checkRequestJson(value: unknown, maxDepth: number): void {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) {
      throw badRequest('DASH_ERR_TOO_DEEP', `The body is nested deeper than ${maxDepth} levels`);
    }
    if (Array.isArray(node)) {
      for (const child of node) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      const child: unknown = (node as Record<string, unknown>)[key];
      if (
        key === '__proto__' ||
        (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype'))
      ) {
        throw badRequest(
          'DASH_ERR_BAD_REQUEST',
          'The body contains a forbidden key (__proto__ or constructor.prototype)',
        );
      }
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}
