// A bare fastify baseline: the same fastify, one POST route that validates `{ message }` with a
// JSON schema and answers a constant JSON of the size of a real explain answer. What the service
// does beyond this (parsing, policy evaluation, ranking, plugins) is what the ratio measures.
//   node bench/baseline.mjs   (PORT, HOST from the environment)
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';

// Constant answers as big as the service's for the same bodies (computed once by the built core).
const { explain } = await import('../dist/src/core/index.js');
const { BODIES } = await import('./payloads.mjs');
const ANSWER_ALONE = explain(BODIES.alone);
const ANSWER_POLICIES = explain(BODIES.policies);

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post('/v1/explain', {
  schema: {
    body: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string', minLength: 1, maxLength: 100000 } },
    },
  },
}, async (request) => (request.body.policies ? ANSWER_POLICIES : ANSWER_ALONE));
app.get('/readyz', async () => ({ status: 'ready' }));

await app.listen({ port, host });
const stop = () => app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
