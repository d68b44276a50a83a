/** `_favicon.ico` (spec/protocol-core.md §1.7): our default icon (an assets/favicon.ico replaces the link, not this route). */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';

const faviconFile = new URL('../static/favicon.ico', import.meta.url);

export async function faviconRoute(instance: FastifyInstance): Promise<void> {
  const icon = await readFile(faviconFile);
  instance.get('/_favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(icon),
  );
}
