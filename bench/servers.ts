/**
 * Child process for bench/callback-throughput.ts: serves either a bare Fastify JSON route or a
 * dash-ts app with one trivial callback, in production settings (no request logging), and sends
 * its URL to the parent.
 */
import Fastify from 'fastify';
import { Dash, dcc, html, Input, Output } from 'dash-ts';

const kind = process.argv[2];

async function main(): Promise<string> {
  if (kind === 'bare') {
    const server = Fastify({ logger: false });
    server.post('/', (request, reply) => {
      const body = request.body as { inputs: { value: unknown }[] };
      void reply.send({ multi: true, response: { out: { children: `echo ${String(body.inputs[0]?.value)}` } } });
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}/`;
  }
  const app = new Dash({ title: 'bench' });
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'hello' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (value) => `echo ${String(value)}`);
  const server = await app.server({ logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}/`;
}

main().then(
  (url) => process.send?.(url),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
