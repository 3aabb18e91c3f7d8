// TEMPORARY: replaced by the web form (issue 5). A fastify plugin registered by app.ts.
import type { FastifyInstance } from 'fastify';
export default async function webForm(app: FastifyInstance): Promise<void> {
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>whydenied</title><p>Web form coming.</p>'));
}
