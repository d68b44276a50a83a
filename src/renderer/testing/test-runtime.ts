/**
 * A renderer runtime against a fake server, for scheduler tests: build it, `start()`, edit props,
 * and `settle()` to wait until no callback is pending.
 */
import type { CallbackSpec } from '../../shared/protocol.js';
import type { Transport } from '../graph/scheduler.js';
import type { CallbackError } from '../graph/types.js';
import { Runtime } from '../runtime.js';
import type { Handler } from './fake-server.js';
import { FakeServer } from './fake-server.js';

export interface TestRuntime {
  runtime: Runtime;
  server: FakeServer;
  errors: CallbackError[];
  /** Start hydration and wait until every callback settled. */
  start(): Promise<void>;
  /** A view's setProps on the component with this id. */
  edit(id: string, props: Record<string, unknown>): void;
  /** A prop's current value. */
  prop(id: string, property: string): unknown;
  /** Wait until nothing is pending (a few turns, so late responses land too). */
  settle(): Promise<void>;
}

export function testRuntime(
  layout: unknown,
  specs: readonly CallbackSpec[],
  handlers: Record<string, Handler>,
  options: { childrenProps?: Record<string, Record<string, string[]>>; transport?: Transport } = {},
): TestRuntime {
  const server = new FakeServer(handlers);
  const errors: CallbackError[] = [];
  const runtime = new Runtime({
    config: { children_props: options.childrenProps ?? {}, suppress_callback_exceptions: false },
    layout,
    dependencies: specs,
    transport: options.transport ?? server.transport,
    logError: (e) => errors.push(e),
  });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i += 1) {
      await runtime.scheduler.idle();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return {
    runtime,
    server,
    errors,
    async start() {
      runtime.start();
      await settle();
    },
    edit(id, props) {
      const key = runtime.store.keyOf(id);
      if (key === undefined) throw new Error(`no component ${id}`);
      runtime.setPropsFromView(key, props);
    },
    prop: (id, property) => runtime.store.getProp(id, property),
    settle,
  };
}
