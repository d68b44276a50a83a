/**
 * The default background manager: jobs are async functions in this process, cancelled through an
 * AbortSignal (cooperative: a function that never awaits cannot be interrupted, but whatever it
 * reports or returns after the abort is dropped). Good for one server process; several processes
 * behind a load balancer need a shared manager (issue 6), since a poll may reach another process.
 */
// The manager contract is async (other managers are remote); this one answers synchronously.
/* eslint-disable @typescript-eslint/require-await */
import { randomBytes, randomUUID } from 'node:crypto';
import type { BackgroundManager, JobFunction, JobId, JobInput, JobOutcome } from './manager.js';

export interface InProcessManagerOptions {
  /** Dash's `cache_by`: functions whose values join every cache key; enables result caching. */
  cache_by?: readonly (() => unknown)[];
  /** With `cache_by`: seconds a cached result lives after its last use (default: forever). */
  expire?: number;
}

/** How long a finished job's result waits for its poll. */
const UNCLAIMED_MS = 10 * 60 * 1000;

interface Job {
  readonly cacheKey: string;
  readonly controller: AbortController;
  outcome: JobOutcome | undefined;
  progress: readonly unknown[] | undefined;
  sideUpdates: Map<string, Record<string, unknown>>;
}

interface Cached {
  readonly outcome: JobOutcome;
  expires: number;
}

export class InProcessManager implements BackgroundManager {
  readonly cacheBy: readonly (() => unknown)[];
  readonly handleSecret: Uint8Array = randomBytes(32);
  readonly #expireMs: number;
  readonly #functions = new Map<string, JobFunction>();
  readonly #jobs = new Map<JobId, Job>();
  readonly #cache = new Map<string, Cached>();

  constructor(options: InProcessManagerOptions = {}) {
    this.cacheBy = options.cache_by ?? [];
    this.#expireMs = options.expire === undefined ? Infinity : options.expire * 1000;
  }

  register(key: string, fn: JobFunction): void {
    this.#functions.set(key, fn);
  }

  async start(key: string, cacheKey: string, input: JobInput): Promise<JobId> {
    const fn = this.#functions.get(key);
    if (fn === undefined) throw new Error(`No background function is registered as ${key}`);
    const id = randomUUID();
    const job: Job = {
      cacheKey,
      controller: new AbortController(),
      outcome: undefined,
      progress: undefined,
      sideUpdates: new Map(),
    };
    this.#jobs.set(id, job);
    // A cached result answers the first poll; the function does not run again.
    if (this.#cached(cacheKey) !== undefined) return id;
    const { signal } = job.controller;
    const sink = {
      progress: (values: readonly unknown[]) => {
        if (!signal.aborted) job.progress = values;
      },
      sideUpdate: (target: string, props: Readonly<Record<string, unknown>>) => {
        if (!signal.aborted) job.sideUpdates.set(target, { ...job.sideUpdates.get(target), ...props });
      },
    };
    // Started on the next turn, so the start request is answered before a synchronous body runs.
    setImmediate(() => {
      void fn(input, sink, signal).then((outcome) => {
        if (signal.aborted) return;
        job.outcome = outcome;
        // A result nobody polls for (the page was closed) is dropped after a while.
        setTimeout(() => {
          if (this.#jobs.get(id) === job) this.#jobs.delete(id);
        }, UNCLAIMED_MS).unref();
        if (this.cacheBy.length > 0 && outcome.kind !== 'error') {
          this.#cache.set(cacheKey, { outcome, expires: Date.now() + this.#expireMs });
        }
      });
    });
    return id;
  }

  cacheKeyOf(job: JobId): Promise<string | undefined> {
    return Promise.resolve(this.#jobs.get(job)?.cacheKey);
  }

  running(job: JobId): Promise<boolean> {
    const found = this.#jobs.get(job);
    return Promise.resolve(found !== undefined && found.outcome === undefined && !found.controller.signal.aborted);
  }

  terminate(job: JobId): Promise<void> {
    this.#jobs.get(job)?.controller.abort();
    this.#jobs.delete(job);
    return Promise.resolve();
  }

  async consumeProgress(job: JobId): Promise<readonly unknown[] | undefined> {
    const found = this.#jobs.get(job);
    const progress = found?.progress;
    if (found) found.progress = undefined;
    return progress;
  }

  async consumeSideUpdates(job: JobId): Promise<Record<string, Record<string, unknown>> | undefined> {
    const found = this.#jobs.get(job);
    if (found === undefined || found.sideUpdates.size === 0) return undefined;
    const updates = Object.fromEntries(found.sideUpdates);
    found.sideUpdates = new Map();
    return updates;
  }

  async result(job: JobId, cacheKey: string): Promise<JobOutcome | undefined> {
    const found = this.#jobs.get(job);
    const outcome = found?.outcome ?? this.#cached(cacheKey);
    if (outcome === undefined) return undefined;
    const cached = this.#cache.get(cacheKey);
    if (cached) cached.expires = Date.now() + this.#expireMs;
    return outcome;
  }

  #cached(cacheKey: string): JobOutcome | undefined {
    const cached = this.#cache.get(cacheKey);
    if (cached === undefined) return undefined;
    if (cached.expires < Date.now()) {
      this.#cache.delete(cacheKey);
      return undefined;
    }
    return cached.outcome;
  }
}
