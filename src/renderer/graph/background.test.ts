import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallbackSpec, UpdateRequest } from '../../shared/protocol.js';
import type { Query } from './background.js';
import { BackgroundJobs, pollBody, startAnswer } from './background.js';
import { CallbackGraph } from './callback-graph.js';
import type { CallbackDef, TransportResponse } from './types.js';

function spec(output: string, input: string, background: { interval: number } | null): CallbackSpec {
  return {
    output,
    inputs: [{ id: input.split('.')[0] ?? '', property: input.split('.')[1] ?? '' }],
    state: [],
    clientside_function: null,
    prevent_initial_call: false,
    background,
    dynamic_creator: null,
    no_output: false,
    optional: false,
    hidden: null,
    websocket: false,
    persistent: false,
  };
}

function defs(...specs: CallbackSpec[]): CallbackDef[] {
  return [...new CallbackGraph(specs).callbacks];
}

const request: UpdateRequest = {
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value: 'x' }, [{ id: { i: 1 }, property: 'value', value: 2 }]],
  state: [{ id: 's', property: 'value', value: 3 }],
  changedPropIds: ['in.value'],
};

const ok = (body: unknown): TransportResponse => ({ status: 200, body: JSON.stringify(body) });

test('startAnswer recognises only a 200 with cacheKey and job and no response', () => {
  assert.deepEqual(startAnswer(ok({ cacheKey: 'k', job: 'j' })), { cacheKey: 'k', job: 'j' });
  assert.deepEqual(startAnswer({ status: 200, body: { cacheKey: 'k', job: 42 } }), { cacheKey: 'k', job: 42 });
  assert.equal(startAnswer(ok({ multi: true, response: {}, cacheKey: 'k', job: 'j' })), undefined);
  assert.equal(startAnswer(ok({ cacheKey: 'k' })), undefined);
  assert.equal(startAnswer({ status: 204, body: '' }), undefined);
});

test('pollBody nulls top-level input and state values and keeps wildcard lists', () => {
  const body = pollBody(request);
  assert.deepEqual(body.inputs, [
    { id: 'in', property: 'value', value: null },
    [{ id: { i: 1 }, property: 'value', value: 2 }],
  ]);
  assert.deepEqual(body.state, [{ id: 's', property: 'value', value: null }]);
  assert.equal((request.inputs[0] as { value: unknown }).value, 'x', 'the original request is untouched');
});

test('a start answer is polled until the final answer; progress and side updates are applied on the way', async () => {
  const [def] = defs(spec('out.children', 'in.value', { interval: 7 }));
  const answers = [
    ok({ cacheKey: 'k', job: 'j1', progressDefault: { 'bar.value': 0 } }),
    ok({ multi: true, progress: { 'bar.value': 50 } }),
    ok({ multi: true, sideUpdate: { note: { children: 'hi' } } }),
    ok({ multi: true, response: { out: { children: 'done' } } }),
  ];
  const sent: { body: UpdateRequest; query: Query | undefined }[] = [];
  const waits: number[] = [];
  const applied: Record<string, unknown>[] = [];
  const final = await new BackgroundJobs().run(def!, request, {
    transport: (body, query) => {
      sent.push({ body, query });
      return Promise.resolve(answers.shift()!);
    },
    applySide: (u) => applied.push(u),
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  assert.deepEqual(final, ok({ multi: true, response: { out: { children: 'done' } } }));
  assert.deepEqual(waits, [7, 7, 7]);
  assert.deepEqual(sent[0]?.query, []);
  for (const s of sent.slice(1)) {
    assert.deepEqual(s.query, [
      ['cacheKey', 'k'],
      ['job', 'j1'],
    ]);
  }
  assert.deepEqual(applied, [{ 'bar.value': 50 }, { note: { children: 'hi' } }, { 'bar.value': 0 }]);
});

test('a non-background answer is returned as is', async () => {
  const [def] = defs(spec('out.children', 'in.value', null));
  const answer = ok({ cacheKey: 'k', job: 'j' }); // not a background callback: never polled
  const result = await new BackgroundJobs().run(def!, request, {
    transport: () => Promise.resolve(answer),
    applySide: () => assert.fail('nothing to apply'),
  });
  assert.equal(result, answer);
});

test('cancel Inputs add cancelJob and restore progressDefault; a re-run sends oldJob and ends the old loop', async () => {
  const [bg, canceller] = defs(
    spec('out.children', 'in.value', { interval: 1 }),
    spec('stop.id', 'stop.n_clicks', null),
  );
  const jobs = new BackgroundJobs();
  const applied: Record<string, unknown>[] = [];
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const queries: Query[] = [];
  let started = 0;
  const host = {
    transport: async (_body: UpdateRequest, query?: Query): Promise<TransportResponse> => {
      queries.push(query ?? []);
      if ((query ?? []).length === 0 || query?.[0]?.[0] !== 'cacheKey') {
        if (_body.output === 'stop.id') return ok({ multi: true, response: {} });
        started += 1;
        return ok({
          cacheKey: 'k',
          job: `j${started}`,
          cancel: [{ id: 'stop', property: 'n_clicks' }],
          progressDefault: { 'p.children': '' },
        });
      }
      await held;
      // After the release, j2 finishes; j1 (outdated by then) would poll forever.
      return query?.[1]?.[1] === 'j2'
        ? ok({ multi: true, response: { out: { children: 'two' } } })
        : ok({ multi: true });
    },
    applySide: (u: Record<string, unknown>) => applied.push(u),
    wait: () => Promise.resolve(),
  };
  const first = jobs.run(bg!, request, host);
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(jobs.running, ['j1']);
  await jobs.run(canceller!, { ...request, output: 'stop.id' }, host);
  assert.deepEqual(queries.at(-1), [['cancelJob', 'j1']]);
  assert.deepEqual(applied, [{ 'p.children': '' }]);
  const second = jobs.run(bg!, request, host);
  await new Promise((r) => setTimeout(r, 5));
  assert.ok(queries.some((q) => q.length === 1 && q[0]?.[0] === 'oldJob' && q[0][1] === 'j1'));
  release();
  assert.deepEqual(await first, { status: 204, body: '' }, 'the superseded loop ends with no change');
  assert.deepEqual(await second, ok({ multi: true, response: { out: { children: 'two' } } }));
  assert.deepEqual(jobs.running, []);
});
