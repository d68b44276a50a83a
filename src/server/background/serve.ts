/**
 * The server half of Dash's background-callback protocol (spec/protocol-core.md §5.8,
 * spec/callbacks.md §5.5): a request without `cacheKey` starts a job and answers `{cacheKey, job, …}`;
 * a request with `cacheKey` and `job` is a poll, answered with progress / side updates while the job
 * runs, and with the normal callback answer (or 204) once it is done.
 */
import { createHash } from 'node:crypto';
import type {
  BackgroundPollResponse,
  BackgroundStartResponse,
  CallbackArgument,
  CallbackOutputRef,
} from '../../shared/protocol.js';
import { DashError, badRequest } from '../errors.js';
import type { RequestData } from '../callbacks/context.js';
import type { InvokeResult } from '../callbacks/invoke.js';
import { buildUpdate } from '../callbacks/invoke.js';
import type { CallbackDefinition } from '../callbacks/registry.js';
import { signJob, verifyJob } from './handles.js';
import type { BackgroundManager } from './manager.js';
import type { BackgroundSpec } from './spec.js';
import { cancelSpecs, progressKeys } from './spec.js';

type Slot<T> = T | T[];

/** A checked request (invoke.ts `prepareCall`). */
interface Call {
  readonly outputs: readonly Slot<CallbackOutputRef>[];
  readonly inputs: readonly Slot<CallbackArgument>[];
  readonly state: readonly Slot<CallbackArgument>[];
  readonly changedPropIds: readonly string[];
}

/** A query parameter as Fastify parses it: repeated names become an array. */
function params(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** The manager that issued a handle (each signs with its own secret); 403 when none did. */
function issuer(managers: Iterable<BackgroundManager>, handle: string): { manager: BackgroundManager; job: string } {
  for (const manager of managers) {
    try {
      return { manager, job: verifyJob(manager.handleSecret, handle).job };
    } catch {
      // not this manager's
    }
  }
  throw badRequest('DASH_ERR_BAD_REQUEST', 'Unknown or altered background job handle', 403);
}

/**
 * `cancelJob` (a cancel Input fired) and `oldJob` (the callback was re-triggered): stop those jobs.
 * Their polls then end with no update.
 */
export async function terminateHandles(
  managers: Set<BackgroundManager>,
  query: Readonly<Record<string, unknown>>,
): Promise<void> {
  const handles = [...params(query['cancelJob']), ...params(query['oldJob'])];
  for (const handle of handles) {
    const { manager, job } = issuer(managers, handle);
    await manager.terminate(job);
  }
}

/**
 * Dash's `build_cache_key`: the function source, the arguments minus `cache_args_to_ignore`, the
 * triggering props unless `cache_ignore_triggered`, and the manager's `cache_by` values.
 */
function cacheKey(spec: BackgroundSpec, values: readonly unknown[], changedPropIds: readonly string[]): string {
  const ignored = new Set(spec.cacheArgsToIgnore);
  const args = values.filter((_, i) => !ignored.has(i));
  const parts: unknown[] = [spec.sourceHash, args];
  if (!spec.cacheIgnoreTriggered) parts.push(changedPropIds);
  parts.push(spec.manager.cacheBy.map((fn) => fn()));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function cookiesAndHeaders(request: RequestData | undefined): RequestData {
  return { cookies: { ...request?.cookies }, headers: { ...request?.headers } };
}

/** Answer one request for a background callback. */
export async function serveBackground(
  definition: CallbackDefinition,
  call: Call,
  values: readonly unknown[],
  query: Readonly<Record<string, unknown>>,
  request: RequestData | undefined,
): Promise<InvokeResult> {
  const spec = definition.background as BackgroundSpec;
  const { manager } = spec;
  const given = params(query['cacheKey'])[0];
  if (given === undefined) {
    const key = cacheKey(spec, values, call.changedPropIds);
    const data = cookiesAndHeaders(request);
    const job = await manager.start(spec.fnKey, key, {
      args: values,
      context: {
        changedPropIds: call.changedPropIds,
        inputs: call.inputs,
        state: call.state,
        outputs: call.outputs,
        multi: definition.multi,
        cookies: data.cookies,
        headers: data.headers,
      },
    });
    const body: BackgroundStartResponse = { cacheKey: key, job: signJob(manager.handleSecret, job, key) };
    if (spec.cancel.length > 0) body.cancel = cancelSpecs(spec);
    if (spec.progressDefault !== undefined) {
      const defaults = spec.progressDefault;
      body.progressDefault = Object.fromEntries(progressKeys(spec).map((k, i) => [k, defaults[i] ?? null]));
    }
    return { kind: 'update', body };
  }
  const { job, cacheKey: signedKey } = verifyJob(manager.handleSecret, params(query['job'])[0]);
  if (signedKey !== given) throw badRequest('DASH_ERR_BAD_REQUEST', 'Unknown or altered background job handle', 403);
  // Result first: a job that finishes after this read leaves its last side updates for the next poll.
  const outcome = await manager.result(job, given);
  const progress = outcome === undefined ? await manager.consumeProgress(job) : undefined;
  const sideUpdate = await manager.consumeSideUpdates(job);
  if (outcome === undefined && (await manager.running(job))) {
    const body: BackgroundPollResponse = { multi: true };
    if (progress !== undefined) {
      body.progress = Object.fromEntries(progressKeys(spec).map((k, i) => [k, progress[i] ?? null]));
    }
    if (sideUpdate !== undefined) body.sideUpdate = sideUpdate;
    return { kind: 'update', body };
  }
  // Done (or cancelled / vanished): the job is forgotten; a cached copy stays with the manager.
  await manager.terminate(job);
  if (outcome?.kind === 'error') {
    const cause = new Error(outcome.message);
    if (outcome.stack !== undefined) cause.stack = outcome.stack;
    throw new DashError(
      'DASH_ERR_CALLBACK_FAILED',
      `An error occurred inside a background callback (${definition.key}): ${outcome.message}`,
      { cause },
    );
  }
  const sides = new Map(Object.entries(sideUpdate ?? {}));
  if (outcome?.kind !== 'value') {
    // PreventUpdate, or a cancelled job: no output; `set_props` made before still applies.
    return sides.size > 0
      ? { kind: 'update', body: { multi: true, response: {}, sideUpdate: sideUpdate ?? {} } }
      : { kind: 'prevented' };
  }
  const result = buildUpdate(definition, call.outputs, outcome.value, sides);
  // A background answer with nothing to update is a 204 (Dash forces "has update" only for ordinary callbacks).
  if (
    result.kind === 'update' &&
    'response' in result.body &&
    Object.keys(result.body.response).length === 0 &&
    sides.size === 0
  ) {
    return { kind: 'prevented' };
  }
  return result;
}
