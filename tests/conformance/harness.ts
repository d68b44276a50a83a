/**
 * Conformance harness: a real dash-ts app served in process (fastify.inject) and driven by our real
 * renderer runtime (store + callback graph + scheduler, no React), exactly as the page would drive it:
 * config from the index page, `_dash-layout` and `_dash-dependencies`, then every callback request
 * over `_dash-update-component`. For what a person sees or clicks, use tests/browser/harness.ts.
 *
 * Test names carry the checklist items they cover: `C001 C045: …` (see tests/conformance/README.md).
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Dash } from 'dash-ts';
import type { CallbackSpec, DashConfig, UpdateRequest } from '../../src/shared/protocol.js';
import type { ComponentId } from '../../src/shared/prop-id.js';
import { stringifyId } from '../../src/shared/prop-id.js';
import { Runtime } from '../../src/renderer/runtime.js';
import type { CallbackError } from '../../src/renderer/graph/types.js';

export interface InProcessApp {
  readonly server: FastifyInstance;
  readonly runtime: Runtime;
  readonly config: DashConfig;
  /** Every callback request body the renderer sent, in order. */
  readonly requests: UpdateRequest[];
  /** The query parameters of each request (background `cacheKey`/`job`/`oldJob`/`cancelJob`), same order. */
  readonly queries: (readonly (readonly [string, string])[])[];
  /** Every callback response: status and parsed body (or raw text when not JSON). */
  readonly responses: { status: number; body: unknown }[];
  /** Errors the renderer reported (what the dev tools would show). */
  readonly errors: CallbackError[];
  /** Hydrate (initial callbacks) and wait until nothing is pending. */
  start(): Promise<void>;
  /** A view's `setProps` on the component with this id (string or dict id). */
  edit(id: ComponentId, props: Record<string, unknown>): void;
  /** A prop's current value in the renderer's store. */
  prop(id: ComponentId, property: string): unknown;
  /** Wait until no callback is pending (a few turns, so late responses land too). */
  settle(): Promise<void>;
  /** Requests whose `output` is exactly this string. */
  requestsFor(output: string): UpdateRequest[];
  close(): Promise<void>;
}

export async function inProcess(app: Dash, options: { start?: boolean } = {}): Promise<InProcessApp> {
  const server = await app.server({ logger: false });
  const page = await server.inject({ method: 'GET', url: '/' });
  const configText = /<script[^>]*id="_dash-config"[^>]*>([\s\S]*?)<\/script>/.exec(page.body)?.[1];
  assert.ok(configText, 'the index page embeds _dash-config');
  const config = JSON.parse(configText) as DashConfig;
  const get = async (path: string): Promise<unknown> => {
    const res = await server.inject({ method: 'GET', url: `${config.requests_pathname_prefix}${path}` });
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
    return res.json();
  };
  const [layout, dependencies] = await Promise.all([get('_dash-layout'), get('_dash-dependencies')]);
  const requests: UpdateRequest[] = [];
  const responses: { status: number; body: unknown }[] = [];
  const queries: (readonly (readonly [string, string])[])[] = [];
  const errors: CallbackError[] = [];
  const runtime = new Runtime({
    config,
    layout,
    dependencies: dependencies as CallbackSpec[],
    logError: (e) => errors.push(e),
    transport: async (body, query) => {
      requests.push(JSON.parse(JSON.stringify(body)) as UpdateRequest);
      queries.push(query ?? []);
      const search = (query ?? []).map(([name, value]) => `${name}=${value}`).join('&');
      const res = await server.inject({
        method: 'POST',
        url: `${config.requests_pathname_prefix}_dash-update-component${search === '' ? '' : `?${search}`}`,
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'http://localhost:80' },
        payload: JSON.stringify(body),
      });
      let parsed: unknown = res.body;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        // not JSON (e.g. an empty 204): keep the text
      }
      responses.push({ status: res.statusCode, body: parsed });
      return { status: res.statusCode, body: res.body };
    },
  });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i += 1) {
      await runtime.scheduler.idle();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const handle: InProcessApp = {
    server,
    runtime,
    config,
    requests,
    queries,
    responses,
    errors,
    async start() {
      runtime.start();
      await settle();
    },
    edit(id, props) {
      const key = runtime.store.keyOf(stringifyId(id));
      assert.ok(key !== undefined, `no component ${stringifyId(id)} in the renderer's layout`);
      runtime.setPropsFromView(key, props);
    },
    prop: (id, property) => runtime.store.getProp(stringifyId(id), property),
    settle,
    requestsFor: (output) => requests.filter((r) => r.output === output),
    close: () => server.close(),
  };
  if (options.start !== false) await handle.start();
  return handle;
}

/** Serve `app` in process, hydrate it, run `body` against it, and always close it. */
export async function withApp(app: Dash, body: (client: InProcessApp) => void | Promise<void>): Promise<void> {
  const client = await inProcess(app);
  try {
    await body(client);
  } finally {
    await client.close();
  }
}

/** Poll until `condition()` holds (at most 5 s). */
export async function until(condition: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!condition()) {
    assert.ok(Date.now() < end, 'timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
