/**
 * The renderer half of background callbacks (spec/protocol-core.md §5.8, spec/callbacks.md §5.5;
 * `R:actions/callbacks.ts#handleServerside`): a start answer `{cacheKey, job, …}` turns into polls
 * every `interval` ms (inputs and state nulled, `cacheKey`/`job` in the query) until an answer with
 * `response`, a 204 or an error ends it. Progress and `set_props` updates of the polls are applied as
 * they come. Requests carry `cancelJob` for running jobs whose cancel Inputs they share, and
 * `oldJob` when a background callback is re-run while its previous job for the same outputs runs.
 */
import type { BackgroundStartResponse, DependencySpec, UpdateRequest } from '../../shared/protocol.js';
import type { CallbackDef, TransportResponse } from './types.js';

/** Query parameters of a callback request, in order (names may repeat). */
export type Query = readonly (readonly [name: string, value: string])[];

/** Sends one callback request with optional query parameters. */
export type QueryTransport = (request: UpdateRequest, query?: Query) => Promise<TransportResponse>;

/** One running job (Dash's `callbackJobs` entry). */
interface Job {
  readonly handle: string;
  readonly cacheKey: string;
  readonly cancelInputs: readonly DependencySpec[];
  readonly progressDefault: Record<string, unknown> | undefined;
  /** JSON of the request's `outputs`: the same callback instance re-run supersedes it. */
  readonly outputs: string;
  outdated: boolean;
}

/** What the polling needs from the scheduler. */
export interface BackgroundHost {
  readonly transport: QueryTransport;
  /** Apply `progress` / `progressDefault` / `sideUpdate` maps (either key form, §5.7). */
  applySide(updates: Record<string, unknown>): void;
  /** Wait before the next poll (default `setTimeout`). */
  readonly wait?: ((ms: number) => Promise<void>) | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A start answer: a job handle and cache key, and no `response`. */
export function startAnswer(response: TransportResponse): BackgroundStartResponse | undefined {
  if (response.status !== 200) return undefined;
  const body = parse(response.body);
  if (!isRecord(body) || 'response' in body || typeof body['cacheKey'] !== 'string') return undefined;
  const job = body['job'];
  if (typeof job !== 'string' && typeof job !== 'number') return undefined;
  return body as unknown as BackgroundStartResponse;
}

/** The poll body: every top-level input/state value nulled (Dash ≥3.0; wildcard lists are kept). */
export function pollBody(request: UpdateRequest): UpdateRequest {
  const nulled = (args: UpdateRequest['inputs']): UpdateRequest['inputs'] =>
    args.map((a) => (Array.isArray(a) ? a : { ...a, value: null }));
  const body: UpdateRequest = { ...request, inputs: nulled(request.inputs) };
  if (request.state !== undefined) body.state = nulled(request.state);
  return body;
}

const NO_CHANGE: TransportResponse = { status: 204, body: '' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The running jobs of one page and the server calls that start and poll them. */
export class BackgroundJobs {
  readonly #jobs = new Map<string, Job>();

  /** Handles of the jobs now running (tests, dev tools). */
  get running(): string[] {
    return [...this.#jobs.keys()];
  }

  /**
   * Send a server-side callback's request; for a background callback, poll until its job ends and
   * answer with the final poll's response (what the scheduler applies like any other answer).
   */
  async run(def: CallbackDef, request: UpdateRequest, host: BackgroundHost): Promise<TransportResponse> {
    const query = this.#queryFor(def, request, host);
    const first = await host.transport(request, query);
    const start = def.spec.background ? startAnswer(first) : undefined;
    if (start === undefined) return first;
    const job: Job = {
      handle: String(start.job),
      cacheKey: start.cacheKey,
      cancelInputs: start.cancel ?? [],
      progressDefault: start.progressDefault,
      outputs: JSON.stringify(request.outputs ?? null),
      outdated: false,
    };
    this.#jobs.set(job.handle, job);
    try {
      return await this.#poll(job, def.spec.background?.interval ?? 500, request, host);
    } finally {
      this.#jobs.delete(job.handle);
    }
  }

  /** `cancelJob` for jobs cancelled by this request's Inputs, `oldJob` for the job it supersedes. */
  #queryFor(def: CallbackDef, request: UpdateRequest, host: BackgroundHost): Query {
    const query: [string, string][] = [];
    const inputs = new Set(def.inputs.map((i) => `${i.id}.${i.property}`));
    for (const job of this.#jobs.values()) {
      if (!job.cancelInputs.some((c) => inputs.has(`${c.id}.${c.property}`))) continue;
      query.push(['cancelJob', job.handle]);
      if (job.progressDefault) host.applySide(job.progressDefault);
    }
    if (def.spec.background) {
      const outputs = JSON.stringify(request.outputs ?? null);
      for (const job of this.#jobs.values()) {
        if (job.outdated || job.outputs !== outputs) continue;
        job.outdated = true;
        query.push(['oldJob', job.handle]);
      }
    }
    return query;
  }

  async #poll(job: Job, interval: number, request: UpdateRequest, host: BackgroundHost): Promise<TransportResponse> {
    const body = pollBody(request);
    const query: Query = [
      ['cacheKey', job.cacheKey],
      ['job', job.handle],
    ];
    for (;;) {
      await (host.wait ?? sleep)(interval);
      if (job.outdated) return NO_CHANGE;
      const answer = await host.transport(body, query);
      // A re-run superseded this job meanwhile: its loop ends with no change (`callbackJobs[job].outdated`).
      if (job.outdated) return NO_CHANGE;
      const parsed = answer.status === 200 ? parse(answer.body) : undefined;
      const stillRunning = isRecord(parsed) && !('response' in parsed);
      if (stillRunning) {
        if (isRecord(parsed['progress'])) host.applySide(parsed['progress']);
        if (isRecord(parsed['sideUpdate'])) host.applySide(parsed['sideUpdate']);
        continue;
      }
      // Finished (outputs, 204 or an error): progress outputs go back to their defaults, if given.
      if (job.progressDefault && answer.status < 300) host.applySide(job.progressDefault);
      return answer;
    }
  }
}
