import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { DEFAULT_CONFIG } from '../../src/http/config.js';
import { explain, parseError } from '../../src/core/index.js';
import { redactSecrets } from '../../src/core/secrets.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { ARTICLE_MESSAGE, SECRETS, SECRET_PASTES, corpus, fragments, scenarios } from './fixtures.js';

const ERRORS = [
  { name: 'article AssumeRole', text: ARTICLE_MESSAGE },
  ...['r154', 'r130'].map((id) => ({ name: id, text: corpus.find((r) => r.id === id)!.text })),
];

function answers(message: string): Array<[string, string]> {
  const e = explain({ message });
  return [
    ['json', JSON.stringify(e)],
    ['markdown', renderMarkdown(e)],
    ['text', renderText(e)],
  ];
}

/** The parsed fields a leak must not disturb. */
function essentials(text: string) {
  const { parsed, otherErrors } = parseError(text);
  return {
    recognized: parsed.recognized, errorCode: parsed.errorCode, action: parsed.action, operation: parsed.operation,
    caller: parsed.caller?.arn ?? null, target: parsed.target?.arn ?? null, deny: parsed.deny, requestId: parsed.requestId,
    encoded: parsed.encodedMessage, others: otherErrors.length,
  };
}

/** What the person's error itself says, whatever else is around it. */
function core(text: string) {
  const { parsed } = parseError(text);
  return { recognized: parsed.recognized, errorCode: parsed.errorCode, action: parsed.action, caller: parsed.caller?.arn ?? null, target: parsed.target?.arn ?? null };
}

describe('redactSecrets: the real corpus passes through untouched', () => {
  it.each(corpus.map((r) => [r.id, r.text] as const))('%s', (_id, text) => {
    const out = redactSecrets(text);
    expect(out.text).toBe(text);
    expect(out.warnings).toEqual([]);
  });
  it.each(scenarios.map((s) => [s.id, s.input.message] as const))('scenario %s', (_id, text) => {
    expect(redactSecrets(text)).toEqual({ text, warnings: [] });
  });
});

describe('redactSecrets: what must survive', () => {
  const keep: Array<[string, string]> = [
    ['role unique id', 'The role AROAQXZ7EXAMPLEROLE12 and user AIDAJQABLZS4A3QDU576Q were deleted'],
    ['policy and group ids', 'ANPAJ2UCCR6DPCEXAMPLE AGPA1234567890EXAMPLE AIPAJQABLZS4A3QDU576Q'],
    ['40-char role name in an ARN', 'arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForKnowledge12'],
    ['40-char name after a colon', 'arn:aws:lambda:us-east-1:123456789012:function:Abcdefghij0123456789Abcdefghij0123456789'],
    ['S3 host id', 'RequestID: QBVV89ZW47NQCBR2, HostID: iJU30s1CfmdtJi8+LXJhRa3abjar+yan93hXmVOFLsIN3ahaFtnxOhkfNuemHBTE88vUB2gGVoc0t7fGoAXOTA=='],
    ['40-char host id', 'host id: Ab3dEf7hIj1lMn0pQr2tUv4xYz6aBc8eFg9iJk5m'],
    ['git commit sha', 'at commit 3f786850e387550fdab836ed7e6dc881de23001b and 3F786850E387550FDAB836ED7E6DC881DE23001B'],
    ['sha256 digest', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['request id', 'request id: 1550870c-6e0b-4fac-ba19-1da46fef7f17'],
    ['SignatureDoesNotMatch wording', 'SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'],
    ['invalid token wording', 'InvalidClientTokenId: The security token included in the request is invalid.'],
    ['GitHub workflow permissions', 'permissions:\n  id-token: write\n  contents: read'],
    ['placeholders', 'AWS_SECRET_ACCESS_KEY=<redacted>\nAWS_SESSION_TOKEN=****\naws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\npassword: ${DB_PASSWORD}'],
    ['terraform variable reference', 'secret_key = var.secret_key\naccess_key = var.access_key'],
    ['aws configure list masking', 'access_key     ****************ABCD shared-credentials-file'],
    ['encoded message in a Terraform box, wrapped at 76 chars, last piece 40', `│ Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization failure message:\n│ ${'Ab3dEf7hIj1lMn0pQr2tUv4xYz6aBc8eFg9iJk5mAb3dEf7hIj1lMn0pQr2tUv4xYz6aBc8eFg9i\n│ '.repeat(6)}${'Zz9yXw8vUt7sRq6pOn5mLk4jIh3gFe2dCb1aA0Bc'}\n│ \tstatus code: 403, request id: 1550870c-6e0b-4fac-ba19-1da46fef7f17`],
    ['encoded message on one line, then a 40-char piece wrapped', `Encoded authorization failure message: ${'Ab3dEf7hIj1lMn0pQr2tUv4xYz6aBc8eFg9iJk5m'}\n${'Zz9yXw8vUt7sRq6pOn5mLk4jIh3gFe2dCb1aA0Bc'.slice(0, 39)}+\n`],
    ['encoded message (decode-authorization-message)', `aws sts decode-authorization-message --encoded-message Ab3dEf7hIj1lMn0pQr2tUv4xYz6aBc8eFg9iJk5m`],
    ['account ids and regions', 'arn:aws:sts::111111111111:assumed-role/pipeline-role/session-name in us-east-1 account 222222222222'],
  ];
  it.each(keep)('%s', (_name, text) => {
    expect(redactSecrets(text)).toEqual({ text, warnings: [] });
  });
});

describe('redactSecrets: what must go', () => {
  const go: Array<[string, string, string, string]> = [
    ['access key id', `key ${SECRETS.accessKeyId} used`, SECRETS.accessKeyId, 'aws-access-key-id'],
    ['temporary access key id', `"accessKeyId": "${SECRETS.tempAccessKeyId}"`, SECRETS.tempAccessKeyId, 'aws-access-key-id'],
    ['keyed secret', `AWS_SECRET_ACCESS_KEY=${SECRETS.secretAccessKey}`, SECRETS.secretAccessKey, 'aws-secret-access-key'],
    ['aws configure set', `aws configure set aws_secret_access_key ${SECRETS.secretAccessKey2}`, SECRETS.secretAccessKey2, 'aws-secret-access-key'],
    ['bare secret', `secret is ${SECRETS.secretAccessKey2}.`.replace('.', ''), SECRETS.secretAccessKey2, 'aws-secret-access-key'],
    ['bare secret after an encoded message', `Encoded authorization failure message: ${'Ab3dEf7hIj1lMn0pQr2tUv4x'.repeat(3)}\n\nkeys:\n${SECRETS.secretAccessKey2}\n`, SECRETS.secretAccessKey2, 'aws-secret-access-key'],
    ['YAML secret', `SecretAccessKey: ${SECRETS.secretAccessKey}`, SECRETS.secretAccessKey, 'aws-secret-access-key'],
    ['keyed session token', `AWS_SESSION_TOKEN="${SECRETS.sessionToken}"`, SECRETS.sessionToken, 'aws-session-token'],
    ['bare session token', `token was ${SECRETS.sessionToken} and`, SECRETS.sessionToken, 'aws-session-token'],
    ['legacy bare token', `${SECRETS.legacyToken}`, SECRETS.legacyToken, 'aws-session-token'],
    ['header signature', `Authorization: AWS4-HMAC-SHA256 Credential=X/20240517/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${SECRETS.signature}`, SECRETS.signature, 'aws-signature'],
    ['SigV2 presigned URL', `https://b.s3.amazonaws.com/k?AWSAccessKeyId=${SECRETS.accessKeyId}&Expires=1700000000&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D`, 'vjbyPxybdZaNmGa%2ByT272YEAiv4%3D', 'aws-presigned-url'],
    ['PEM block without END', `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRETS.privateKeyBody}\n\nnext paragraph`, SECRETS.privateKeyBody, 'private-key'],
    ['GitHub PAT', `token: ${SECRETS.githubPat}`, SECRETS.githubPat, 'github-token'],
    ['JSON password', `{"username": "admin", "password": "${SECRETS.password}"}`, SECRETS.password, 'password'],
    ['URL credentials', `postgres://app:${SECRETS.password}@db.internal:5432/app`, SECRETS.password, 'password'],
  ];
  it.each(go)('%s', (_name, text, secret, kind) => {
    const out = redactSecrets(text);
    for (const f of fragments(secret)) expect(out.text).not.toContain(f);
    expect(out.text).toContain(`[REDACTED:${kind}]`);
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(out.warnings.every((w) => w.code === 'secret-redacted')).toBe(true);
    expect(JSON.stringify(out.warnings)).not.toContain(secret);
  });

  it('the bare-secret text keeps everything around the key', () => {
    const out = redactSecrets(`AKIA pair:\n${SECRETS.secretAccessKey2}\nend`);
    expect(out.text).toBe('AKIA pair:\n[REDACTED:aws-secret-access-key]\nend');
  });

  it('warns once per kind, telling the person to rotate, never quoting the secret', () => {
    const text = `AWS_SECRET_ACCESS_KEY=${SECRETS.secretAccessKey}\nAWS_SECRET_ACCESS_KEY=${SECRETS.secretAccessKey2}\n${SECRETS.accessKeyId} ${SECRETS.tempAccessKeyId}`;
    const out = redactSecrets(text);
    expect(out.warnings).toHaveLength(2);
    expect(out.warnings.map((w) => w.code)).toEqual(['secret-redacted', 'secret-redacted']);
    expect(out.warnings.some((w) => /rotate/i.test(w.message) && /secret access key/i.test(w.message))).toBe(true);
    for (const s of [SECRETS.secretAccessKey, SECRETS.secretAccessKey2, SECRETS.accessKeyId, SECRETS.tempAccessKeyId]) {
      expect(JSON.stringify(out)).not.toContain(s);
    }
  });

  it('does not tell the holder of a temporary key id (ASIA…, in every CloudTrail event) to rotate it with create-access-key alone', () => {
    const out = redactSecrets(`"accessKeyId": "${SECRETS.tempAccessKeyId}"`);
    const advice = out.warnings.map((w) => w.message).join('\n');
    expect(advice).toMatch(/temporary key \(ASIA…, as in CloudTrail events\) cannot be, it expires with its session/);
    expect(advice).toMatch(/long-term key \(AKIA…\) must be rotated/);
  });

  it('keeps JSON valid when the secret sat inside a JSON string', () => {
    const doc = { Credentials: { AccessKeyId: SECRETS.tempAccessKeyId, SecretAccessKey: SECRETS.secretAccessKey, SessionToken: SECRETS.sessionToken } };
    const out = redactSecrets(JSON.stringify(doc, null, 2));
    const back = JSON.parse(out.text) as typeof doc;
    expect(back.Credentials).toEqual({
      AccessKeyId: '[REDACTED:aws-access-key-id]', SecretAccessKey: '[REDACTED:aws-secret-access-key]', SessionToken: '[REDACTED:aws-session-token]',
    });
  });

  it('keeps the claims of a web identity token and drops only its signature', () => {
    const claims = 'eyJzdWIiOiJyZXBvOmFjbWUvYXBwOnJlZjpyZWZzL2hlYWRzL21haW4ifQ';
    const out = redactSecrets(`jwt eyJhbGciOiJSUzI1NiJ9.${claims}.${SECRETS.jwtSignature}`);
    expect(out.text).toBe(`jwt eyJhbGciOiJSUzI1NiJ9.${claims}.[REDACTED:web-identity-token-signature]`);
  });
});

describe('explain(): a pasted secret never comes back, the error still parses, the warning is there', () => {
  const cases = SECRET_PASTES.flatMap((p) => ERRORS.map((e) => [`${p.name} + ${e.name}`, p, e] as const));
  it.each(cases)('%s', (_name, p, e) => {
    const message = p.paste.replace('{ERROR}', e.text);
    const redacted = redactSecrets(message);
    // the error itself is intact in what the parser sees
    expect(redacted.text).toContain(e.text);
    for (const k of p.kinds) expect(redacted.text).toContain(`[REDACTED:${k}]`);
    // …parses exactly as the unredacted paste does (redaction damages nothing the parser reads)…
    expect(essentials(redacted.text)).toEqual(essentials(message));
    // …and yields the same error as when pasted alone
    expect(core(redacted.text)).toEqual(core(e.text));
    const explanation = explain({ message });
    expect(explanation.warnings.filter((w) => w.code === 'secret-redacted').length).toBeGreaterThanOrEqual(p.kinds.length > 1 ? 2 : 1);
    for (const [format, out] of answers(message)) {
      for (const s of p.secrets) for (const f of fragments(s)) expect(out, `${format} leaks ${f.slice(0, 6)}…`).not.toContain(f);
    }
  });
});

describe('over HTTP: answers and logs never carry a pasted secret', () => {
  const BODY_SENTINEL = 'body-sentinel-7f3a9c';
  let log = '';
  let app: FastifyInstance;

  beforeAll(async () => {
    const stream = new Writable({ write(chunk: Buffer, _enc, cb) { log += chunk.toString(); cb(); } });
    app = await buildApp({ ...DEFAULT_CONFIG, logLevel: 'trace', rateLimitMax: 0, maxEventLoopDelayMs: 0, bodyLimit: 64 * 1024 }, { logStream: stream });
    await app.ready();
  });
  afterAll(async () => { await app.close(); });

  const cases = SECRET_PASTES.map((p) => [p.name, p] as const);
  const secretHeaders = {
    authorization: `AWS4-HMAC-SHA256 Credential=${SECRETS.tempAccessKeyId}/20240517/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${SECRETS.signature}`,
    'x-amz-security-token': SECRETS.sessionToken,
    cookie: `session=${SECRETS.githubToken}`,
  };

  function expectClean(what: string, text: string, secrets: string[]) {
    for (const s of secrets) {
      for (const f of fragments(s)) {
        const at = text.indexOf(f);
        // say where, without printing the whole answer (or the secret) in the failure
        const where = at < 0 ? '' : JSON.stringify(text.slice(Math.max(0, at - 60), at));
        expect(at < 0, `${what} leaks ${f.slice(0, 6)}… after ${where}`).toBe(true);
      }
    }
  }

  it.each(cases)('%s: JSON, Markdown, text and the form fragment', async (_name, p) => {
    const message = `${BODY_SENTINEL}\n${p.paste.replace('{ERROR}', ARTICLE_MESSAGE)}`;
    const json = await app.inject({ method: 'POST', url: '/v1/explain', payload: { message }, headers: secretHeaders });
    expect(json.statusCode).toBe(200);
    const body = json.json() as { warnings: Array<{ code: string }>; parsed: unknown };
    expect(body.warnings.some((w) => w.code === 'secret-redacted')).toBe(true);
    expectClean('json', json.body, p.secrets);

    for (const [url, headers] of [
      ['/v1/explain?format=markdown', {}], ['/v1/explain', { accept: 'text/markdown' }], ['/v1/explain?format=text', {}],
    ] as const) {
      const r = await app.inject({ method: 'POST', url, payload: { message }, headers: { ...headers, ...secretHeaders } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('secret');
      expectClean(url, r.body, p.secrets);
    }
    const plain = await app.inject({ method: 'POST', url: '/v1/explain', payload: message, headers: { 'content-type': 'text/plain' } });
    expect(plain.statusCode).toBe(200);
    expectClean('text/plain body', plain.body, p.secrets);

    const parse = await app.inject({ method: 'POST', url: '/v1/parse', payload: { message } });
    expect(parse.statusCode).toBe(200);
    expectClean('/v1/parse', parse.body, p.secrets);

    const fragment = await app.inject({
      method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-fragment': '1' },
      payload: new URLSearchParams({ message }).toString(),
    });
    expect(fragment.statusCode).toBe(200);
    expectClean('form fragment', fragment.body, p.secrets);
  });

  it.each(cases)('%s: the server-rendered form page (JavaScript off)', async (_name, p) => {
    const message = p.paste.replace('{ERROR}', ARTICLE_MESSAGE);
    const page = await app.inject({
      method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ message }).toString(),
    });
    expect(page.statusCode).toBe(200);
    // the page shows the pasted text again in its textarea: redacted, like the answer
    expectClean('form page', page.body, p.secrets);
  });

  it('refused requests (400, 413, 415, bad JSON) do not echo the secret either', async () => {
    const secret = SECRETS.secretAccessKey;
    const refused = [
      await app.inject({ method: 'POST', url: '/v1/explain', payload: { message: 42, note: `AWS_SECRET_ACCESS_KEY=${secret}` } }),
      await app.inject({ method: 'POST', url: '/v1/explain', payload: { message: `AWS_SECRET_ACCESS_KEY=${secret}`, policies: 'x' } }),
      await app.inject({ method: 'POST', url: '/v1/explain', payload: `{"message": "AWS_SECRET_ACCESS_KEY=${secret}`, headers: { 'content-type': 'application/json' } }),
      await app.inject({ method: 'POST', url: '/v1/explain', payload: `{"message": "${secret}" ${' '.repeat(70_000)}}`, headers: { 'content-type': 'application/json' } }),
      await app.inject({ method: 'POST', url: '/v1/explain', payload: `AWS_SECRET_ACCESS_KEY=${secret}`, headers: { 'content-type': 'application/x-yaml' } }),
      await app.inject({ method: 'POST', url: '/', payload: `message=${secret}${'x'.repeat(70_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400, 413, 415, 413]);
    for (const r of refused) expectClean(`${r.statusCode} answer`, r.body, [secret]);
  });

  it('the log stream holds no secret, no header value and no body', () => {
    expect(log).toContain('"route":"/v1/explain"');
    const everything = [...SECRET_PASTES.flatMap((p) => p.secrets), SECRETS.signature, SECRETS.sessionToken, SECRETS.githubToken];
    expectClean('log', log, everything);
    expect(log).not.toContain(BODY_SENTINEL);
    expect(log).not.toContain('is not authorized to perform');
    expect(log).not.toContain('AWS4-HMAC-SHA256');
  });
});
