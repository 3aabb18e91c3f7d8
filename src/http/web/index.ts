/**
 * The web form: GET / (the page), POST / (a browser's form submit → the page with the answer; with
 * `x-fragment: 1` → the answer's HTML only, for /assets/app.js), and its three assets.
 * A plain (encapsulated) fastify plugin: the urlencoded parser and the HTML error handler stay
 * inside this scope.
 */
import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { explain, redactSecrets } from '../../core/index.js';
import { emptyFormValues, renderHtmlAnswer, renderHtmlErrors, renderHtmlPage } from '../../core/render/html.js';
import type { HtmlFormValues } from '../../core/render/html.js';
import { APP_CSS } from './assets/app-css.js';
import { APP_JS } from './assets/app-js.js';
import { FAVICON_SVG } from './assets/favicon-svg.js';
import { logCauseFailures } from '../plugins/logging.js';
import { readForm } from './form.js';

interface Asset { body: string; type: string; etag: string }

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

const ASSETS: Record<string, Asset> = {
  'app.js': asset(APP_JS, 'text/javascript; charset=utf-8'),
  'app.css': asset(APP_CSS, 'text/css; charset=utf-8'),
  'favicon.svg': asset(FAVICON_SVG, 'image/svg+xml'),
};

function wantsFragment(req: FastifyRequest): boolean {
  return req.headers['x-fragment'] === '1';
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  // Answers echo what was pasted: never cache them.
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

function problemText(status: number): string {
  if (status === 413) return 'What you pasted is larger than this service accepts. Paste only the error and the policies involved.';
  if (status === 415) return 'The form was sent in a format this page does not read. Reload the page and try again.';
  if (status === 429) return 'Too many requests from your address. Wait a minute and try again.';
  if (status === 503) return 'The service is busy. Try again in a few seconds.';
  if (status >= 500) return 'Something went wrong on our side while explaining this. Try again; if it keeps happening, report it.';
  return 'The form could not be read. Reload the page and try again.';
}

/** A filled-in form to try (GET /?example=1): the classic cross-account AssumeRole refusal. */
function exampleValues(): HtmlFormValues {
  return {
    ...emptyFormValues(),
    message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111111111111:assumed-role/pipeline-role/ci-42 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role',
    policies: [{
      kind: 'trust',
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/deploy-user' }, Action: 'sts:AssumeRole' }],
      }, null, 2),
    }],
  };
}

/** The form values with every credential-shaped string replaced, for echoing back to the page. */
function scrubbed(values: HtmlFormValues): HtmlFormValues {
  const clean = (text: string): string => redactSecrets(text).text;
  return {
    ...values,
    message: clean(values.message),
    context: clean(values.context),
    externalId: clean(values.externalId),
    roleSessionName: clean(values.roleSessionName),
    policies: values.policies.map((p) => ({ ...p, document: clean(p.document) })),
  };
}

export default async function webForm(app: FastifyInstance): Promise<void> {
  await app.register(formbody);

  // Errors on these routes (body too large, rate limited …) answer in HTML, since a browser asked.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ errName: err.name, code: err.code }, 'web form request failed');
    const message = problemText(status);
    return sendHtml(reply, status, wantsFragment(req) ? renderHtmlErrors([message]) : renderHtmlPage({ errors: [message] }));
  });

  app.get<{ Querystring: { example?: string } }>('/', async (req, reply) =>
    sendHtml(reply, 200, renderHtmlPage(req.query.example === '1' ? { values: exampleValues() } : {})));

  app.post('/', async (req, reply) => {
    const fragment = wantsFragment(req);
    const form = readForm(req.body);
    // The page shows the form again: never with a pasted secret in it (explain sees the original and warns).
    const values: HtmlFormValues = scrubbed(form.values);
    if (!form.input) {
      return sendHtml(reply, 400, fragment ? renderHtmlErrors(form.errors) : renderHtmlPage({ values, errors: form.errors }));
    }
    const explanation = explain(form.input);
    logCauseFailures(req, explanation.warnings);
    return sendHtml(reply, 200, fragment ? renderHtmlAnswer(explanation) : renderHtmlPage({ values, explanation }));
  });

  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const a = Object.prototype.hasOwnProperty.call(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!a) {
      return reply.callNotFound();
    }
    reply.header('etag', a.etag).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
    return reply.type(a.type).send(a.body);
  });
}
