/**
 * Job handles as the browser sees them: `<job id>.<HMAC-SHA256 of the id and cache key>`. Dash trusts
 * `job`/`oldJob`/`cancelJob` verbatim, so a client could kill or read other jobs (spec/security.md,
 * "Background-job handles"; Dash PR #3902). A handle we did not issue, or one altered by a byte, is
 * refused with 403 before the manager is asked anything.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../errors.js';
import type { JobId } from './manager.js';

function mac(secret: Uint8Array, job: JobId, cacheKey: string): string {
  return createHmac('sha256', secret).update(`${job}\n${cacheKey}`).digest('base64url');
}

/** The handle sent as `job` in the start answer. */
export function signJob(secret: Uint8Array, job: JobId, cacheKey: string): string {
  return `${job}.${cacheKey}.${mac(secret, job, cacheKey)}`;
}

/** The job id and cache key of a handle we issued; 403 for anything else. */
export function verifyJob(secret: Uint8Array, handle: unknown): { job: JobId; cacheKey: string } {
  const parts = typeof handle === 'string' ? handle.split('.') : [];
  const [job, cacheKey, given] = parts;
  if (parts.length === 3 && job && cacheKey && given) {
    const expected = Buffer.from(mac(secret, job, cacheKey));
    const actual = Buffer.from(given);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return { job, cacheKey };
  }
  throw badRequest('DASH_ERR_BAD_REQUEST', 'Unknown or altered background job handle', 403);
}
