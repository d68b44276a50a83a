/**
 * Per-callback call counts and timings for the dev tools' callback graph (spec/callbacks.md §12.3,
 * Dash's profiler). Measured around the transport, so a number is one request's round trip as the
 * page saw it; cheap enough to keep on in every mode (a Map update per request).
 */
import type { Transport } from '../graph/scheduler.js';
import type { VanillaStore } from '../store/vanilla-store.js';
import { createStore } from '../store/vanilla-store.js';

export interface CallbackStats {
  readonly calls: number;
  /** Round trip of the latest request, milliseconds. */
  readonly lastMs: number;
  readonly totalMs: number;
  /** HTTP status of the latest answer; 0 when the server did not answer. */
  readonly lastStatus: number;
}

interface ProfileState {
  readonly byKey: ReadonlyMap<string, CallbackStats>;
}

export class CallbackProfile {
  /** Callback key (`output` of the request) → stats; a new Map object on every change. */
  readonly stats: VanillaStore<ProfileState> = createStore<ProfileState>({ byKey: new Map() });

  /** The transport, timed. */
  wrap(transport: Transport): Transport {
    return async (body, query) => {
      const start = performance.now();
      try {
        const response = await transport(body, query);
        this.#record(body.output, performance.now() - start, response.status);
        return response;
      } catch (error) {
        this.#record(body.output, performance.now() - start, 0);
        throw error;
      }
    };
  }

  #record(key: string, ms: number, status: number): void {
    this.stats.setState(({ byKey }) => {
      const next = new Map(byKey);
      const previous = next.get(key);
      next.set(key, {
        calls: (previous?.calls ?? 0) + 1,
        lastMs: ms,
        totalMs: (previous?.totalMs ?? 0) + ms,
        lastStatus: status,
      });
      return { byKey: next };
    });
  }
}
