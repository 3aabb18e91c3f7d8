import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { DEFAULT_CONFIG } from '../../src/http/config.js';
import fc from 'fast-check';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { redactSecrets } from '../../src/core/secrets.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';
import { SECRET_PASTES, corpus, scenarios } from './fixtures.js';

// Random and mutated-corpus inputs never make the core throw, and whatever it answers can be
// serialized and rendered. Bounded runs with a fixed seed (reproducible in CI); set
// FC_SEED / FC_RUNS to explore further.

const SEED = Number(process.env.FC_SEED ?? 20_261_130);
const RUNS = Number(process.env.FC_RUNS ?? 200);
const opts = { seed: SEED, numRuns: RUNS };

const messages = corpus.map((r) => r.text);
const policies = scenarios.flatMap((s) => s.input.policies ?? []) as PolicyInput[];

/** Characters that mean something to the parser's envelopes and to the secret detectors. */
const noisy = fc.constantFrom(
  ':', '/', '"', "'", '\\', '│', '|', '\n', '\r\n', '\t', ' ', '{', '}', '[', ']', '(', ')', '<', '>', '*', '%', '=', '&', '?',
  'arn:aws:', 'arn:aws:iam::', ':role/', ':assumed-role/', 'User: ', ' is not authorized to perform: ', ' on resource: ',
  ' with an explicit deny', 'An error occurred (AccessDenied) when calling the AssumeRole operation: ', 'Encoded authorization failure message: ',
  'AKIA', 'ASIA', 'AROA', 'IQoJb3JpZ2lu', 'eyJ', 'AWS_SECRET_ACCESS_KEY=', '-----BEGIN RSA PRIVATE KEY-----', '\\n', '\\"', '\u0000', '\ud800', '🙂',
);
const chunk = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), noisy);

type Mutation = { op: 'insert'; at: number; text: string } | { op: 'delete'; at: number; len: number } | { op: 'duplicate'; at: number; len: number; times: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: chunk }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 20 }) }),
);

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.op === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.op === 'delete') t = t.slice(0, at) + t.slice(at + m.len);
    else t = t.slice(0, at) + t.slice(at, at + m.len).repeat(m.times + 1) + t.slice(at + m.len);
  }
  return t.slice(0, 100_000);
}

export const mutatedMessage = fc.tuple(fc.constantFrom(...messages), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([text, ms]) => mutate(text, ms));
export const randomMessage = fc.oneof(
  fc.string({ maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.array(chunk, { maxLength: 60 }).map((a) => a.join('')),
);

const policyDocument = fc.oneof(
  fc.constantFrom(...policies.map((p) => p.document)),
  fc.tuple(fc.constantFrom(...policies.map((p) => (typeof p.document === 'string' ? p.document : JSON.stringify(p.document)))), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([text, ms]) => mutate(text, ms)),
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4 }),
);
const policyInput: fc.Arbitrary<PolicyInput> = fc.record(
  {
    kind: fc.constantFrom('trust', 'identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint'),
    name: fc.string({ maxLength: 30 }),
    document: policyDocument,
    level: fc.integer({ min: -2, max: 10 }),
  },
  { requiredKeys: ['document'] },
);
const contextValue = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()), { maxLength: 4 }));
const explainInput: fc.Arbitrary<ExplainInput> = fc.record(
  {
    message: fc.oneof(mutatedMessage, randomMessage),
    policies: fc.array(policyInput, { maxLength: 4 }),
    request: fc.record({
      externalId: fc.option(fc.string({ maxLength: 20 })),
      durationSeconds: fc.integer({ min: 0, max: 200_000 }),
      roleSessionName: fc.string({ maxLength: 70 }),
      sourceIdentity: fc.string({ maxLength: 70 }),
      sessionTags: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
      mfa: fc.boolean(),
      chained: fc.boolean(),
    }, { requiredKeys: [] }),
    context: fc.dictionary(fc.constantFrom('aws:PrincipalOrgID', 'aws:SourceIp', 'sts:ExternalId', 'aws:PrincipalTag/team', 'aws:RequestedRegion', 'aws:MultiFactorAuthPresent', 'x'), contextValue, { maxKeys: 4 }),
  },
  { requiredKeys: ['message'] },
);

function answerAll(input: ExplainInput): void {
  const e = explain(input);
  expect(typeof e.parsed.recognized).toBe('boolean');
  expect(Array.isArray(e.causes)).toBe(true);
  expect(e.policies).toHaveLength(input.policies?.length ?? 0);
  for (const c of e.causes) expect(c.score >= 0 && c.score <= 1).toBe(true);
  JSON.stringify(e);
  expect(typeof renderMarkdown(e)).toBe('string');
  expect(typeof renderText(e)).toBe('string');
}

describe('explain() never throws', () => {
  it('on random strings', () => {
    fc.assert(fc.property(randomMessage, (message) => { answerAll({ message }); }), opts);
  });

  it('on mutated real messages (insertions, deletions, duplications)', () => {
    fc.assert(fc.property(mutatedMessage, (message) => { answerAll({ message }); }), opts);
  });

  it('on random and mutated policies, request facts and context', () => {
    fc.assert(fc.property(explainInput, (input) => { answerAll(input); }), opts);
  });
});

describe('secret redaction under mutation', () => {
  it('a pasted secret stays out of the answer wherever it lands in a mutated message', () => {
    const pastes = SECRET_PASTES.map((p) => p);
    fc.assert(
      fc.property(fc.constantFrom(...pastes), mutatedMessage, fc.nat(), (p, message, at) => {
        // insert the whole secret-bearing paste at a random line boundary of a mutated error
        const lines = message.split('\n');
        const i = at % (lines.length + 1);
        const text = [...lines.slice(0, i), p.paste.replace('{ERROR}', ''), ...lines.slice(i)].join('\n');
        const out = JSON.stringify(explain({ message: text }));
        for (const s of p.secrets) expect(out).not.toContain(s);
      }),
      { seed: SEED, numRuns: Math.min(RUNS, 100) },
    );
  });

  it('redaction is idempotent', () => {
    fc.assert(fc.property(fc.oneof(mutatedMessage, randomMessage, fc.constantFrom(...SECRET_PASTES.map((p) => p.paste))), (text) => {
      const once = redactSecrets(text).text;
      expect(redactSecrets(once).text).toBe(once);
    }), opts);
  });
});

describe('POST /v1/explain never answers 500', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ ...DEFAULT_CONFIG, logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0 });
    await app.ready();
  });
  afterAll(async () => { await app.close(); });

  const jsonBody = fc.oneof(
    explainInput.map((i) => i as unknown),
    fc.record({ message: fc.oneof(mutatedMessage, randomMessage, fc.anything({ maxDepth: 2 })) }, { requiredKeys: [] }),
    fc.record({ message: mutatedMessage, policies: fc.anything({ maxDepth: 3 }), request: fc.anything({ maxDepth: 2 }), context: fc.anything({ maxDepth: 2 }) }, { requiredKeys: ['message'] }),
    fc.jsonValue({ maxDepth: 4 }),
  );
  const rawBody = fc.oneof(
    jsonBody.map((b) => JSON.stringify(b) ?? 'null'),
    fc.tuple(jsonBody.map((b) => JSON.stringify(b) ?? 'null'), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([t, ms]) => mutate(t, ms)),
    randomMessage,
  );
  const contentType = fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain; charset=latin1', 'application/x-www-form-urlencoded',
    'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', '', 'garbage',
  );
  const query = fc.constantFrom('', '?format=markdown', '?format=text', '?format=html', '?format=json&format=text', '?x=%ZZ');
  const accept = fc.constantFrom(undefined, 'text/markdown', 'text/plain', 'application/json;q=0.1, text/markdown;q=0.9', '*/*', 'image/png', ',,,;q=x');

  it('on random and mutated bodies, content types, formats and Accept headers', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, query, accept, async (payload, type, q, acc) => {
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        if (acc) headers.accept = acc;
        const r = await app.inject({ method: 'POST', url: `/v1/explain${q}`, payload, headers });
        expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
        if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      opts,
    );
  });

  it('on valid JSON inputs built from real and mutated messages and policies', async () => {
    await fc.assert(
      fc.asyncProperty(explainInput, async (input) => {
        const r = await app.inject({ method: 'POST', url: '/v1/explain', payload: input as unknown as Record<string, unknown> });
        expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
        if (input.message.length > 0 && input.message.length <= 100_000 && r.statusCode !== 200) {
          // only schema limits may refuse it
          expect(r.statusCode).toBe(400);
        }
      }),
      opts,
    );
  });

  it('on the other POST routes too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/parse', '/v1/simulate', '/'), rawBody, contentType, async (url, payload, type) => {
        const r = await app.inject({ method: 'POST', url, payload, headers: type ? { 'content-type': type } : {} });
        expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: Math.min(RUNS, 150) },
    );
  });
});
