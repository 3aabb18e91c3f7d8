/**
 * POST /v1/explain — the product: a pasted error (and optionally policies and facts) in, ranked
 * causes out. JSON by default; Markdown for `Accept: text/markdown` or `?format=markdown`; plain
 * text for `?format=text`. A text/plain body is the whole message.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { explain } from '../../core/index.js';
import type { ExplainInput } from '../../core/types.js';
import { renderMarkdown, renderText } from '../../core/render/index.js';
import { logCauseFailures } from '../plugins/logging.js';
import { plainJsonSerializer, problemResponses, responseSchema } from '../response-schema.js';
import { ExplainQuerySchema, ExplainRequestSchema, ExplanationSchema, FORMATS, ProblemSchema } from '../schemas.js';
import { textBodyAsMessage } from './text-body.js';
import { utf8Body } from '../utf8-body.js';

type Format = (typeof FORMATS)[number];

const ACCEPTED: Record<string, Format> = {
  'application/json': 'json', 'application/*': 'json', '*/*': 'json',
  'text/markdown': 'markdown', 'text/x-markdown': 'markdown', 'text/plain': 'text',
};

/** `?format=` wins; else the Accept entry with the highest q among the formats we serve; else JSON. */
export function chooseFormat(query: Format | undefined, accept: string | undefined): Format {
  if (query) return query;
  if (!accept) return 'json';
  let best: Format = 'json';
  let bestQ = -1;
  for (const entry of accept.split(',', 32)) {
    const [type = '', ...params] = entry.split(';', 8);
    const format = ACCEPTED[type.trim().toLowerCase()];
    if (!format) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=', 2);
      if (k?.trim() === 'q' && v !== undefined) q = Number(v.trim()) || 0;
    }
    if (q > bestQ) {
      best = format;
      bestQ = q;
    }
  }
  return bestQ > 0 ? best : 'json';
}

export async function explainRoutes(app: FastifyInstance): Promise<void> {
  const problem = responseSchema(ProblemSchema);
  app.withTypeProvider<ZodTypeProvider>().post('/v1/explain', {
    schema: {
      summary: 'Explain an AWS access-denied error',
      description:
        'Send the error text as pasted (JSON `message`, or the whole text/plain body) with any policies and facts you ' +
        'have. Answers with the parsed error, every cause considered (best first) with evidence, confirm commands and ' +
        'fixes, first steps, and a report per pasted policy.',
      tags: ['explain'],
      querystring: ExplainQuerySchema,
      body: ExplainRequestSchema,
      response: {
        200: {
          description: 'The explanation: JSON, or Markdown / plain text when asked for.',
          content: {
            'application/json': { schema: responseSchema(ExplanationSchema) },
            'text/markdown': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        ...problemResponses(problem, [400, 413, 415, 429, 500, 503]),
      },
    },
    serializerCompiler: plainJsonSerializer,
    config: { textBody: true },
    preValidation: textBodyAsMessage,
    handler: async (request, reply) => {
      const explanation = explain(request.body as ExplainInput);
      logCauseFailures(request, explanation.warnings);
      const format = chooseFormat(request.query.format, request.headers.accept);
      // Answers echo what was pasted: never store them in a cache.
      reply.header('vary', 'Accept').header('cache-control', 'no-store');
      // Sent as UTF-8 Buffers encoded once (../utf8-body.ts); fastify sends a Buffer as it is.
      if (format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(utf8Body(renderMarkdown(explanation)));
      if (format === 'text') return reply.type('text/plain; charset=utf-8').send(utf8Body(renderText(explanation)));
      return reply.type('application/json; charset=utf-8').send(utf8Body(JSON.stringify(explanation)));
    },
  });
}
