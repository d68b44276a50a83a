// Checklist "Background, websocket, api" C101–C113 (spec/callbacks.md §5.5–§5.7, spec/protocol-core.md
// §5.8): background callbacks, persistent callbacks and api_endpoint, driven in process by our renderer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dash as DashApp, SetProgress } from 'dash-ts';
import { ctx, Dash, dcc, html, InProcessManager, Input, MATCH, Output, PreventUpdate, setProps, State } from 'dash-ts';
import { eventually, launchBrowser, openPage, serveApp } from '../browser/harness.js';
import type { InProcessApp } from './harness.js';
import { withApp } from './harness.js';

const INTERVAL = 50;

/** A promise resolved from outside: holds a job until the test has looked at the page. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

// Generous: the bound only matters when a test fails, and CI machines can be slow.
async function until(check: () => boolean, what: string, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function queryOf(client: InProcessApp, i: number): Record<string, string> {
  return Object.fromEntries(client.queries[i] ?? []);
}

test('C101: a background callback starts a job, then polls at `interval` (values nulled) until the result', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out', children: 'none' })]);
  app.callback(
    Output('out', 'children'),
    Input('in', 'value'),
    async (value) => {
      await sleep(120);
      return `got ${String(value)}`;
    },
    { background: true, interval: INTERVAL },
  );
  await withApp(app, async (client) => {
    await until(() => client.prop('out', 'children') === 'got a', 'the first result');
    const deps = (await client.server.inject({ method: 'GET', url: '/_dash-dependencies' })).json<
      {
        background: unknown;
      }[]
    >();
    assert.deepEqual(deps[0]?.background, { interval: INTERVAL });
    // Start: no query; answer {cacheKey, job} without `response`.
    assert.deepEqual(client.queries[0], []);
    const start = client.responses[0]?.body as Record<string, unknown>;
    assert.match(String(start['cacheKey']), /^[0-9a-f]{64}$/);
    assert.equal(typeof start['job'], 'string');
    assert.ok(!('response' in start) && !('multi' in start));
    // Polls: same payload with values nulled, cacheKey and job in the query; the last one has the result.
    const polls = client.requests.slice(1);
    // At least one poll before the ~120 ms job ends; a slow machine may delay timers, never add polls.
    assert.ok(polls.length >= 1 && polls.length <= 8, `polled ${polls.length} times in ~120 ms at ${INTERVAL} ms`);
    for (let i = 1; i < client.requests.length; i += 1) {
      assert.deepEqual(queryOf(client, i), { cacheKey: start['cacheKey'], job: start['job'] });
      assert.equal((client.requests[i]?.inputs[0] as { value: unknown }).value, null);
    }
    const last = client.responses.at(-1)?.body as Record<string, unknown>;
    assert.deepEqual(last, { multi: true, response: { out: { children: 'got a' } } });
    // Still-running polls carry no `response`.
    for (const r of client.responses.slice(1, -1)) assert.ok(!('response' in (r.body as object)));

    client.edit('in', { value: 'b' });
    await until(() => client.prop('out', 'children') === 'got b', 'the second result');
    assert.deepEqual(client.errors, []);
  });
});

test('C101 ADR 0014: a tampered or foreign job handle is refused (403) and never reads or stops a job', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => v, {
    background: true,
    interval: INTERVAL,
  });
  const server = await app.server({ logger: false });
  try {
    const body = {
      output: 'out.children',
      outputs: { id: 'out', property: 'children' },
      inputs: [{ id: 'in', property: 'value', value: 'x' }],
      changedPropIds: [],
    };
    const post = (query: string) =>
      server.inject({
        method: 'POST',
        url: `/_dash-update-component${query}`,
        headers: { 'content-type': 'application/json', origin: 'http://localhost:80' },
        payload: JSON.stringify(body),
      });
    const start = (await post('')).json<{ cacheKey: string; job: string }>();
    const tampered = `${start.job.slice(0, -1)}${start.job.endsWith('A') ? 'B' : 'A'}`;
    assert.equal((await post(`?cacheKey=${start.cacheKey}&job=${tampered}`)).statusCode, 403);
    assert.equal((await post(`?cacheKey=${'0'.repeat(64)}&job=${start.job}`)).statusCode, 403);
    assert.equal((await post(`?cancelJob=123`)).statusCode, 403);
    await sleep(20);
    const done = await post(`?cacheKey=${start.cacheKey}&job=${start.job}`);
    assert.deepEqual(done.json(), { multi: true, response: { out: { children: 'x' } } });
  } finally {
    await server.close();
  }
});

test('C102: `running` values apply while the job runs and are reset when it finishes', async () => {
  const app = new Dash();
  const hold = gate();
  app.layout = html.Div([
    html.Button({ id: 'run', n_clicks: 0 }),
    html.Div({ id: 'status', children: 'Finished' }),
    html.Div({ id: 'out', children: 'No results' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async (n) => {
      await hold.wait;
      return `Clicked ${String(n)} times`;
    },
    {
      background: true,
      interval: INTERVAL,
      prevent_initial_call: true,
      running: [
        [Output('status', 'children'), 'Running', 'Finished'],
        [Output('run', 'disabled'), true, false],
      ],
    },
  );
  await withApp(app, async (client) => {
    client.edit('run', { n_clicks: 1 });
    await until(() => client.requests.length >= 3, 'a few polls');
    assert.equal(client.prop('status', 'children'), 'Running');
    assert.equal(client.prop('run', 'disabled'), true);
    hold.open();
    await until(() => client.prop('out', 'children') === 'Clicked 1 times', 'the result');
    assert.equal(client.prop('status', 'children'), 'Finished');
    assert.equal(client.prop('run', 'disabled'), false);
  });
});

test('C103 C104: a cancel Input stops the job: outputs unchanged, `running` reset, progress_default restored', async () => {
  const app = new Dash();
  let aborted = false;
  let finished = false;
  app.layout = html.Div([
    html.Button({ id: 'run', n_clicks: 0 }),
    html.Button({ id: 'cancel', n_clicks: 0 }),
    html.Div({ id: 'status', children: 'Finished' }),
    html.Div({ id: 'progress', children: 'idle' }),
    html.Div({ id: 'out', children: 'No results' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async (setProgress: SetProgress, n: unknown) => {
      setProgress('step 1');
      const signal = ctx.signal;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        signal?.addEventListener('abort', () => {
          aborted = true;
          clearTimeout(timer);
          resolve();
        });
      });
      finished = true;
      return `Clicked ${String(n)}`;
    },
    {
      background: true,
      interval: INTERVAL,
      prevent_initial_call: true,
      progress: Output('progress', 'children'),
      progress_default: 'idle',
      cancel: [Input('cancel', 'n_clicks')],
      running: [[Output('status', 'children'), 'Running', 'Finished']],
    },
  );
  await withApp(app, async (client) => {
    // Dash's hidden cancel callback is served with the others.
    const deps = (await client.server.inject({ method: 'GET', url: '/_dash-dependencies' })).json<
      {
        output: string;
        inputs: unknown[];
        prevent_initial_call: boolean;
      }[]
    >();
    const hidden = deps.find((d) => d.output === 'cancel.id');
    assert.deepEqual(hidden?.inputs, [{ id: 'cancel', property: 'n_clicks' }]);
    assert.equal(hidden?.prevent_initial_call, true);

    client.edit('run', { n_clicks: 1 });
    await until(() => client.prop('progress', 'children') === 'step 1', 'the first progress');
    assert.equal(client.prop('status', 'children'), 'Running');
    const start = client.responses.find((r) => typeof (r.body as { job?: unknown }).job === 'string')?.body as {
      job: string;
      cancel: unknown;
      progressDefault: unknown;
    };
    assert.deepEqual(start.cancel, [{ id: 'cancel', property: 'n_clicks' }]);
    assert.deepEqual(start.progressDefault, { 'progress.children': 'idle' });

    client.edit('cancel', { n_clicks: 1 });
    await until(() => client.prop('status', 'children') === 'Finished', '`running` reset after cancel');
    await client.settle();
    const cancelIndex = client.requests.findIndex((r) => r.output === 'cancel.id');
    assert.equal(queryOf(client, cancelIndex)['cancelJob'], start.job);
    assert.equal(aborted, true, 'the job saw its AbortSignal');
    assert.equal(client.prop('out', 'children'), 'No results');
    assert.equal(client.prop('progress', 'children'), 'idle');
    assert.equal(client.responses.at(-1)?.status === 204 || client.requests.at(-1)?.output === 'cancel.id', true);
    await sleep(30);
    assert.equal(finished, true);
    assert.equal(client.prop('out', 'children'), 'No results', 'a cancelled job never writes its result');
    assert.deepEqual(client.errors, []);
  });
});

test('C104 C105: progress values appear while running, each delivered once; progress_default at the end', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'run', n_clicks: 0 }),
    html.Div({ id: 'bar', children: '0' }),
    html.Div({ id: 'label', children: '' }),
    html.Div({ id: 'out' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async (setProgress: SetProgress) => {
      for (const step of ['25', '50', '75']) {
        setProgress([step, `${step}%`]);
        await sleep(INTERVAL * 3); // several polls see no new progress
      }
      return 'done';
    },
    {
      background: true,
      interval: INTERVAL,
      prevent_initial_call: true,
      progress: [Output('bar', 'children'), Output('label', 'children')],
      progress_default: ['0', 'idle'],
    },
  );
  await withApp(app, async (client) => {
    const seen: unknown[] = [];
    const unsubscribe = setInterval(() => {
      const v = client.prop('bar', 'children');
      if (seen.at(-1) !== v) seen.push(v);
    }, 5);
    client.edit('run', { n_clicks: 1 });
    await until(() => client.prop('out', 'children') === 'done', 'the result');
    clearInterval(unsubscribe);
    assert.deepEqual(
      seen.filter((v) => v !== '0'),
      ['25', '50', '75'],
    );
    assert.equal(client.prop('bar', 'children'), '0');
    assert.equal(client.prop('label', 'children'), 'idle');
    const progress = client.responses
      .map((r) => (r.body as { progress?: Record<string, unknown> } | undefined)?.progress)
      .filter((p) => p !== undefined);
    assert.deepEqual(progress, [
      { 'bar.children': '25', 'label.children': '25%' },
      { 'bar.children': '50', 'label.children': '50%' },
      { 'bar.children': '75', 'label.children': '75%' },
    ]);
    assert.ok(client.requests.length > progress.length + 3, 'polls without new progress carried none');
  });
});

test('C106 ADR 0014: with cache_by, identical arguments are answered from the cache; a new cache_by value recomputes', async () => {
  let token = 'v1';
  const manager = new InProcessManager({ cache_by: [() => token] });
  const app = new Dash({ background_callback_manager: manager });
  let calls = 0;
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out' })]);
  app.callback(
    Output('out', 'children'),
    Input('in', 'value'),
    async (value) => {
      calls += 1;
      await sleep(10);
      return `${String(value)}#${calls}`;
    },
    { background: true, interval: INTERVAL },
  );
  await withApp(app, async (client) => {
    await until(() => client.prop('out', 'children') === 'a#1', 'the first result');
    client.edit('in', { value: 'b' });
    await until(() => client.prop('out', 'children') === 'b#2', 'b computed');
    client.edit('in', { value: 'a' });
    await until(() => client.prop('out', 'children') === 'a#1', 'a from the cache');
    assert.equal(calls, 2);
    token = 'v2';
    client.edit('in', { value: 'b' });
    await until(() => client.prop('out', 'children') === 'b#3', 'b recomputed after cache_by changed');
    assert.equal(calls, 3);
  });
});

test('C106: cache_args_to_ignore leaves arguments out of the key; cache_ignore_triggered: false keeps the trigger in', async () => {
  const manager = new InProcessManager({ cache_by: [() => 'fixed'] });
  const app = new Dash({ background_callback_manager: manager });
  let ignoredCalls = 0;
  let triggeredCalls = 0;
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'a' }),
    dcc.Input({ id: 'note', value: 'n1' }),
    html.Button({ id: 'other', n_clicks: 0 }),
    html.Div({ id: 'ignored' }),
    html.Div({ id: 'triggered' }),
  ]);
  app.callback(
    Output('ignored', 'children'),
    Input('in', 'value'),
    State('note', 'value'),
    (value, note) => `${String(value)}/${String(note)}#${++ignoredCalls}`,
    { background: true, interval: INTERVAL, cache_args_to_ignore: [1] },
  );
  app.callback(
    Output('triggered', 'children'),
    Input('in', 'value'),
    Input('other', 'n_clicks'),
    () => `run ${++triggeredCalls}`,
    { background: true, interval: INTERVAL, cache_ignore_triggered: false },
  );
  await withApp(app, async (client) => {
    await until(() => client.prop('ignored', 'children') === 'a/n1#1', 'the first result');
    // Only the ignored State changed: same key, cached answer (the new State value is not seen).
    client.edit('note', { value: 'n2' });
    client.edit('in', { value: 'b' });
    await until(() => String(client.prop('ignored', 'children')).startsWith('b/'), 'b');
    client.edit('in', { value: 'a' });
    await until(() => client.prop('ignored', 'children') === 'a/n1#1', 'a from the cache despite the new note');
    assert.equal(ignoredCalls, 2);
    // The other callback saw the same values (a, 0) on page load (no trigger) and now (triggered by
    // in.value): with the trigger in its key, that is not a cache hit.
    // Wait for the delivered output, not the call: the result reaches the page on a later poll.
    await until(
      () => client.prop('triggered', 'children') === 'run 3',
      'the triggered callback ran for a, b and a again',
    );
    assert.equal(triggeredCalls, 3);
  });
});

test('C106: without cache_by every call runs the function (results are not kept)', async () => {
  const app = new Dash();
  let calls = 0;
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (value) => `${String(value)}#${++calls}`, {
    background: true,
    interval: INTERVAL,
  });
  await withApp(app, async (client) => {
    client.edit('in', { value: 'b' });
    await until(() => client.prop('out', 'children') === 'b#2', 'b');
    client.edit('in', { value: 'a' });
    await until(() => client.prop('out', 'children') === 'a#3', 'a recomputed');
  });
});

test('C107: a job error is a callback error (outputs unchanged); PreventUpdate in a job is no update (204)', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: '' }),
    html.Div({ id: 'out', children: 'start' }),
    html.Div({ id: 'after', children: 'untouched' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('in', 'value'),
    async (value) => {
      await sleep(5);
      if (value === 'boom') throw new Error('job exploded');
      if (value === 'skip') throw new PreventUpdate();
      return `ok ${String(value)}`;
    },
    { background: true, interval: INTERVAL, prevent_initial_call: true },
  );
  app.callback(Output('after', 'children'), Input('out', 'children'), (v) => `after ${String(v)}`, {
    prevent_initial_call: true,
  });
  await withApp(app, async (client) => {
    client.edit('in', { value: 'boom' });
    await until(() => client.errors.length > 0, 'the error');
    await client.settle();
    assert.equal(client.errors[0]?.title, 'Callback error updating out.children');
    assert.equal(client.responses.at(-1)?.status, 500);
    assert.equal(client.prop('out', 'children'), 'start');

    client.edit('in', { value: 'skip' });
    await sleep(INTERVAL * 3);
    await client.settle();
    assert.equal(client.responses.at(-1)?.status, 204);
    assert.equal(client.prop('out', 'children'), 'start');
    assert.equal(client.prop('after', 'children'), 'untouched');
  });
});

test('C108: setProps inside a job reaches the page on a poll, before the job ends', async () => {
  const app = new Dash();
  const hold = gate();
  app.layout = html.Div([
    html.Button({ id: 'run', n_clicks: 0 }),
    html.Div({ id: 'side', children: 'none' }),
    html.Div({ id: 'side-after', children: '' }),
    html.Div({ id: 'out', children: 'waiting' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async () => {
      setProps('side', { children: 'halfway' });
      await hold.wait;
      setProps('side', { children: 'at the end' });
      return 'done';
    },
    { background: true, interval: INTERVAL, prevent_initial_call: true },
  );
  // Side updates trigger their dependants like any prop change.
  app.callback(Output('side-after', 'children'), Input('side', 'children'), (v) => `saw ${String(v)}`, {
    prevent_initial_call: true,
  });
  await withApp(app, async (client) => {
    client.edit('run', { n_clicks: 1 });
    await until(() => client.prop('side', 'children') === 'halfway', 'the side update');
    await until(() => client.prop('side-after', 'children') === 'saw halfway', 'its dependant');
    assert.equal(client.prop('out', 'children'), 'waiting');
    const carrying = client.responses.filter((r) => (r.body as { sideUpdate?: unknown }).sideUpdate !== undefined);
    assert.equal(carrying.length, 1, 'each side update is delivered once');
    assert.ok(!('response' in (carrying[0]?.body as object)));
    hold.open();
    await until(() => client.prop('out', 'children') === 'done', 'the result');
    assert.equal(client.prop('side', 'children'), 'at the end');
  });
});

test('C109: ctx inside a job: triggered_id, inputs, request headers and cookies', async () => {
  const app = new Dash();
  const seen: Record<string, unknown>[] = [];
  app.layout = html.Div([html.Button({ id: 'run', n_clicks: 0 }), html.Div({ id: 'out' })]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async () => {
      await sleep(5);
      seen.push({
        triggered_id: ctx.triggered_id,
        inputs: ctx.inputs,
        origin: ctx.headers['origin'],
        cookie: ctx.cookies['session'],
      });
      return 'ok';
    },
    { background: true, interval: INTERVAL, prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('run', { n_clicks: 3 });
    await until(() => client.prop('out', 'children') === 'ok', 'the result');
    assert.deepEqual(seen[0], {
      triggered_id: 'run',
      inputs: { 'run.n_clicks': 3 },
      origin: 'http://localhost:80',
      cookie: undefined,
    });
    // Cookies of the start request are visible in the job.
    const post = (query: string) =>
      client.server.inject({
        method: 'POST',
        url: `/_dash-update-component${query}`,
        headers: { 'content-type': 'application/json', origin: 'http://localhost:80', cookie: 'session=abc%201' },
        payload: JSON.stringify({
          output: 'out.children',
          outputs: { id: 'out', property: 'children' },
          inputs: [{ id: 'run', property: 'n_clicks', value: 4 }],
          changedPropIds: ['run.n_clicks'],
        }),
      });
    const start = (await post('')).json<{ cacheKey: string; job: string }>();
    await sleep(30);
    const done = await post(`?cacheKey=${start.cacheKey}&job=${start.job}`);
    assert.equal(done.statusCode, 200);
    assert.equal(seen[1]?.['cookie'], 'abc 1');
  });
});

test('C110: background callbacks with MATCH ids, Inputs and States, and one function for two outputs', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: { type: 'in', index: 1 }, value: 'one' }),
    dcc.Input({ id: { type: 'in', index: 2 }, value: 'two' }),
    html.Div({ id: { type: 'out', index: 1 } }),
    html.Div({ id: { type: 'out', index: 2 } }),
    dcc.Input({ id: 'prefix', value: '>' }),
    html.Button({ id: 'go', n_clicks: 0 }),
    html.Div({ id: 'a' }),
    html.Div({ id: 'b' }),
  ]);
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input({ type: 'in', index: MATCH }, 'value'),
    State('prefix', 'value'),
    (value, prefix) => `${String(prefix)}${String(value)} (${JSON.stringify(ctx.triggered_id)})`,
    { background: true, interval: INTERVAL },
  );
  const shared = (n: unknown, prefix: unknown): string => `${String(prefix)}clicked ${String(n)}`;
  app.callback(Output('a', 'children'), Input('go', 'n_clicks'), State('prefix', 'value'), shared, {
    background: true,
    interval: INTERVAL,
  });
  app.callback(Output('b', 'children'), Input('go', 'n_clicks'), State('prefix', 'value'), shared, {
    background: true,
    interval: INTERVAL,
  });
  await withApp(app, async (client) => {
    await until(() => client.prop({ type: 'out', index: 1 }, 'children') === '>one (null)', 'the first result');
    assert.equal(client.prop({ type: 'out', index: 2 }, 'children'), '>two (null)');
    client.edit({ type: 'in', index: 2 }, { value: 'deux' });
    await until(() => String(client.prop({ type: 'out', index: 2 }, 'children')).startsWith('>deux'), 'index 2');
    assert.equal(client.prop({ type: 'out', index: 2 }, 'children'), '>deux ({"index":2,"type":"in"})');
    assert.equal(client.prop({ type: 'out', index: 1 }, 'children'), '>one (null)');
    client.edit('go', { n_clicks: 2 });
    await until(
      () => client.prop('a', 'children') === '>clicked 2' && client.prop('b', 'children') === '>clicked 2',
      'a and b',
    );
    assert.deepEqual(client.errors, []);
  });
});

test('C110: re-running a background callback supersedes its running job (oldJob), only the new result lands', async () => {
  const app = new Dash();
  const started: string[] = [];
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'first' }), html.Div({ id: 'out' })]);
  app.callback(
    Output('out', 'children'),
    Input('in', 'value'),
    async (value) => {
      started.push(String(value));
      await sleep(value === 'slow' ? 400 : 20);
      return `result ${String(value)}`;
    },
    { background: true, interval: INTERVAL },
  );
  await withApp(app, async (client) => {
    await until(() => client.prop('out', 'children') === 'result first', 'the first result');
    client.edit('in', { value: 'slow' });
    const before = client.requests.length;
    await until(() => client.requests.length >= before + 2, 'the slow job polled');
    client.edit('in', { value: 'fast' });
    await until(() => client.prop('out', 'children') === 'result fast', 'the new result');
    await sleep(INTERVAL * 3);
    assert.equal(client.prop('out', 'children'), 'result fast');
    assert.deepEqual(started, ['first', 'slow', 'fast']);
    const slowJob = (client.responses[before]?.body as { job: string }).job;
    const withOld = client.queries.filter((q) => q.some(([name]) => name === 'oldJob'));
    assert.deepEqual(withOld, [[['oldJob', slowJob]]], 'oldJob sent once, on the new start request');
    // The slow job's poll loop stopped: no poll for it after the new start.
    const newStart = client.queries.findIndex((q) => q.some(([name]) => name === 'oldJob'));
    assert.ok(client.queries.slice(newStart + 1).every((q) => !q.some(([, v]) => v === slowJob)));
  });
});

test('C111: on_error handles a background failure: its value is the output', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'run', n_clicks: 0 }), html.Div({ id: 'out' })]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async (n) => {
      await sleep(5);
      throw new Error(`bad click ${String(n)}`);
    },
    {
      background: true,
      interval: INTERVAL,
      prevent_initial_call: true,
      on_error: (error) => `handled: ${(error as Error).message}`,
    },
  );
  await withApp(app, async (client) => {
    client.edit('run', { n_clicks: 1 });
    await until(() => client.prop('out', 'children') === 'handled: bad click 1', 'the handled value');
    assert.deepEqual(client.errors, []);
  });
});

test('C112: a persistent callback never makes the page busy (the title keeps its text)', async () => {
  const app = new Dash({ update_title: 'Updating...' });
  const holdPersistent = gate();
  const holdNormal = gate();
  app.layout = html.Div([
    html.Button({ id: 'p', n_clicks: 0 }),
    html.Button({ id: 'n', n_clicks: 0 }),
    html.Div({ id: 'p-out' }),
    html.Div({ id: 'n-out' }),
  ]);
  app.callback(
    Output('p-out', 'children'),
    Input('p', 'n_clicks'),
    async () => {
      await holdPersistent.wait;
      return 'p done';
    },
    { persistent: true, prevent_initial_call: true },
  );
  app.callback(
    Output('n-out', 'children'),
    Input('n', 'n_clicks'),
    async () => {
      await holdNormal.wait;
      return 'n done';
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    const deps = (await client.server.inject({ method: 'GET', url: '/_dash-dependencies' })).json<
      {
        output: string;
        persistent: boolean;
      }[]
    >();
    assert.deepEqual(
      deps.map((d) => [d.output, d.persistent]),
      [
        ['p-out.children', true],
        ['n-out.children', false],
      ],
    );
    const busy: boolean[] = [];
    client.runtime.app.subscribe(() => busy.push(client.runtime.app.getState().busy));
    client.edit('p', { n_clicks: 1 });
    await until(() => client.requests.length === 1, 'the persistent request');
    await sleep(20);
    assert.equal(client.runtime.app.getState().busy, false);
    holdPersistent.open();
    await until(() => client.prop('p-out', 'children') === 'p done', 'persistent result');
    assert.deepEqual(busy, []);
    // Control: an ordinary callback does flip the busy state that drives update_title.
    client.edit('n', { n_clicks: 1 });
    await until(() => client.runtime.app.getState().busy, 'busy');
    holdNormal.open();
    await until(() => client.prop('n-out', 'children') === 'n done', 'ordinary result');
    await client.settle();
    assert.deepEqual(busy, [true, false]);
  });
});

test('C113 ADR 0014: api_endpoint serves the raw function as a JSON POST route after setup_apis()', async () => {
  const make = (setup: boolean): DashApp => {
    const app = new Dash();
    app.layout = html.Div([
      dcc.Input({ id: 'in', value: 'ui' }),
      html.Div({ id: 'n', title: '2' }),
      html.Div({ id: 'out' }),
    ]);
    app.callback(
      Output('out', 'children'),
      Input('in', 'value'),
      State('n', 'title'),
      (value, n) => `${String(value)} x${String(n)}`,
      { api_endpoint: '/api/echo' },
    );
    if (setup) app.setup_apis();
    return app;
  };
  const app = make(true);
  await withApp(app, async (client) => {
    // The callback keeps working in the page.
    assert.equal(client.prop('out', 'children'), 'ui x2');
    const post = (payload: string, contentType = 'application/json') =>
      client.server.inject({
        method: 'POST',
        url: '/api/echo',
        headers: { 'content-type': contentType, origin: 'http://localhost:80' },
        payload,
      });
    const ok = await post(JSON.stringify({ value: 'api', 'n.title': 5 }));
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), 'api x5');
    // Keys by prop name when unique, or `<id>.<prop>`; a missing one is null.
    assert.deepEqual((await post(JSON.stringify({ 'in.value': 'q' }))).json(), 'q xnull');
    assert.deepEqual((await post(JSON.stringify({ value: 'r', title: 't' }))).json(), 'r xt');
    assert.equal((await post(JSON.stringify({ nope: 1 }))).statusCode, 400);
    assert.equal((await post('[1,2]')).statusCode, 400);
    assert.equal((await post('{"value":')).statusCode, 400);
    assert.equal((await post('{"value":"x"}', 'text/plain')).statusCode, 415);
    assert.throws(
      () => app.callback(Output('n', 'children'), Input('in', 'value'), (v) => v, { api_endpoint: '/api/echo' }),
      /already used/,
    );
  });
  const closed = await make(false).server({ logger: false });
  try {
    const res = await closed.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:80' },
      payload: '{"value":"x"}',
    });
    assert.equal(res.statusCode, 404, 'not served without setup_apis()');
  } finally {
    await closed.close();
  }
});

test('C103 C112: in Chromium, a background job shows progress and is cancelled by a click; a persistent callback keeps the title', async () => {
  const app = new Dash({ title: 'BG app' });
  app.layout = html.Div([
    html.Button({ id: 'run', n_clicks: 0, children: 'Run' }),
    html.Button({ id: 'cancel', n_clicks: 0, children: 'Cancel' }),
    html.Button({ id: 'p', n_clicks: 0, children: 'Persistent' }),
    html.Div({ id: 'status', children: 'Finished' }),
    html.Div({ id: 'progress', children: 'idle' }),
    html.Div({ id: 'out', children: 'No results' }),
    html.Div({ id: 'p-out', children: '' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('run', 'n_clicks'),
    async (setProgress: SetProgress) => {
      for (let i = 1; i <= 50; i += 1) {
        setProgress(`step ${i}`);
        await sleep(100);
        if (ctx.signal?.aborted === true) return 'stopped';
      }
      return 'done';
    },
    {
      background: true,
      interval: 100,
      prevent_initial_call: true,
      progress: Output('progress', 'children'),
      progress_default: 'idle',
      cancel: Input('cancel', 'n_clicks'),
      running: [[Output('status', 'children'), 'Running', 'Finished']],
    },
  );
  app.callback(
    Output('p-out', 'children'),
    Input('p', 'n_clicks'),
    async (n) => {
      await sleep(600);
      return `persistent ${String(n)}`;
    },
    { persistent: true, prevent_initial_call: true },
  );
  const browser = await launchBrowser();
  const served = await serveApp(app);
  try {
    const { page, problems } = await openPage(browser, served.url);
    const text = (id: string) => page.locator(`#${id}`).innerText();
    await eventually(() => text('status'), 'Finished', 'rendered');
    await page.click('#run');
    await eventually(() => text('status'), 'Running', 'running on');
    await eventually(async () => /^step \d+$/.test(await text('progress')), true, 'progress shown');
    assert.equal(await page.title(), 'Updating...');
    await page.click('#cancel');
    await eventually(() => text('status'), 'Finished', 'running off after cancel');
    await eventually(() => text('progress'), 'idle', 'progress_default restored');
    await sleep(300);
    assert.equal(await text('out'), 'No results');
    await eventually(() => page.title(), 'BG app', 'title restored');
    // Persistent: the title never switches while it runs.
    await page.click('#p');
    const titles = new Set<string>();
    const end = Date.now() + 400;
    while (Date.now() < end) {
      titles.add(await page.title());
      await sleep(20);
    }
    await eventually(() => text('p-out'), 'persistent 1', 'persistent result');
    assert.deepEqual([...titles], ['BG app']);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], cspViolations: [] });
  } finally {
    await served.close();
    await browser.close();
  }
});
