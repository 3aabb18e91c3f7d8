/** Shared inputs for the hardening tests: real corpus messages and secret-bearing pastes. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures');

export interface CorpusRecord { id: string; source: string; kind: string; text: string }

export const corpus: CorpusRecord[] = readFileSync(join(FIXTURES, 'corpus/real-errors.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRecord);

export interface Scenario { id: string; input: { message: string; policies?: Array<{ kind?: string; name?: string; document: unknown }> } }
export const scenarios: Scenario[] = readdirSync(join(FIXTURES, 'corpus/scenarios')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'corpus/scenarios', f), 'utf8')) as Scenario);

/** The first error of the AssumeRole article, re-joined as the CLI prints it. */
export const ARTICLE_MESSAGE = (() => {
  const text = readFileSync(join(FIXTURES, 'assumerole-article.txt'), 'utf8');
  const start = text.indexOf('An error occurred (AccessDenied)');
  const end = text.indexOf('role/deploy-role', start) + 'role/deploy-role'.length;
  return text.slice(start, end);
})();

// AWS documentation's example credentials and realistic-looking fakes (none is a live credential).
export const SECRETS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  tempAccessKeyId: 'ASIAQXZ7EXAMPLE4TMP2',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  secretAccessKey2: 'Zq3v8Lr+T0pXc2WmN5bJh7yKd9sA1fGe4uQiOw6E',
  sessionToken:
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6XkQ2pO3dVn1Qy7Zb8mWcR0Lr5hTg2aUjK9sE4fN1xAIgYp3Gv6Hm7Tq8Wn2' +
    'Lc5Rz0Xs4Jd1Kb9Ve3Mf7Ua6Pi2Yo8ErqmAhj//////////ARAAGgw1NTU1NTU1NTU1NTUiDL3aExampleSessionTokenBodyQ0r4Zq==',
  legacyToken: 'FwoGZXIvYXdzEOr//////////wEaDG5hbWVzcGFjZWQxIjBlYWhtb3JlZXhhbXBsZXRva2VuYm9keTEyMzQ1Njc4OTA=',
  signature: 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  presignSignature: '5f6e3c1d2b4a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0',
  githubToken: 'ghp_Xk9v2Lq8Tz4Wm1Np7Rb3Yc6Hd0Fs5Ju2Ea8Gi',
  githubPat: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789abcdefgh',
  password: 'Tr0ub4dor&3horse',
  jwtSignature: 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c-dJ8s',
  privateKeyBody: 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0',
};

const JWT = `eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJyZXBvOmFjbWUvYXBwOnJlZjpyZWZzL2hlYWRzL21haW4iLCJhdWQiOiJzdHMuYW1hem9uYXdzLmNvbSJ9.${SECRETS.jwtSignature}`;

export interface SecretPaste {
  name: string;
  /** Text placed around the error (`{ERROR}` marks where the error goes). */
  paste: string;
  /** Secrets that must not appear anywhere in any answer. */
  secrets: string[];
  /** Redaction markers expected in the redacted text. */
  kinds: string[];
}

export const SECRET_PASTES: SecretPaste[] = [
  {
    name: 'env | grep AWS_ output',
    paste: `$ env | grep AWS_\nAWS_ACCESS_KEY_ID=${SECRETS.tempAccessKeyId}\nAWS_SECRET_ACCESS_KEY=${SECRETS.secretAccessKey}\nAWS_SESSION_TOKEN=${SECRETS.sessionToken}\nAWS_DEFAULT_REGION=us-east-1\nAWS_ROLE_ARN=arn:aws:iam::222222222222:role/deploy-role\n$ aws sts assume-role --role-arn arn:aws:iam::222222222222:role/deploy-role --role-session-name ci\n\n{ERROR}\n`,
    secrets: [SECRETS.tempAccessKeyId, SECRETS.secretAccessKey, SECRETS.sessionToken],
    kinds: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
  },
  {
    name: '~/.aws/credentials file',
    paste: `my ~/.aws/credentials:\n[default]\naws_access_key_id = ${SECRETS.accessKeyId}\naws_secret_access_key = ${SECRETS.secretAccessKey}\n\n[ci]\naws_access_key_id=${SECRETS.tempAccessKeyId}\naws_secret_access_key=${SECRETS.secretAccessKey2}\naws_session_token=${SECRETS.legacyToken}\nregion = us-east-1\n\nand I get:\n{ERROR}`,
    secrets: [SECRETS.accessKeyId, SECRETS.secretAccessKey, SECRETS.tempAccessKeyId, SECRETS.secretAccessKey2, SECRETS.legacyToken],
    kinds: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
  },
  {
    name: 'boto3 debug log with Authorization header',
    paste: `2024-05-17 10:02:11,482 botocore.endpoint [DEBUG] Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sts.amazonaws.com/, headers={'Content-Type': b'application/x-www-form-urlencoded; charset=utf-8', 'User-Agent': b'Boto3/1.34.0', 'X-Amz-Date': b'20240517T100211Z', 'X-Amz-Security-Token': b'${SECRETS.sessionToken}', 'Authorization': b'AWS4-HMAC-SHA256 Credential=${SECRETS.tempAccessKeyId}/20240517/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=${SECRETS.signature}', 'Content-Length': '120'}>\n2024-05-17 10:02:11,690 botocore.parsers [DEBUG] Response body:\nb'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\\n  <Error>\\n    <Type>Sender</Type>\\n    <Code>AccessDenied</Code>\\n  </Error>\\n</ErrorResponse>\\n'\nbotocore.exceptions.ClientError: {ERROR}`,
    secrets: [SECRETS.sessionToken, SECRETS.tempAccessKeyId, SECRETS.signature],
    kinds: ['aws-session-token', 'aws-access-key-id', 'aws-signature'],
  },
  {
    name: 'presigned URL',
    paste: `curl "https://my-bucket.s3.us-east-1.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${SECRETS.tempAccessKeyId}%2F20240517%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240517T100211Z&X-Amz-Expires=3600&X-Amz-Security-Token=${encodeURIComponent(SECRETS.sessionToken)}&X-Amz-SignedHeaders=host&X-Amz-Signature=${SECRETS.presignSignature}" works but the pipeline says\n{ERROR}`,
    secrets: [SECRETS.tempAccessKeyId, encodeURIComponent(SECRETS.sessionToken), SECRETS.presignSignature, SECRETS.sessionToken],
    kinds: ['aws-presigned-url'],
  },
  {
    name: 'aws sts assume-role JSON output',
    paste: `{\n    "Credentials": {\n        "AccessKeyId": "${SECRETS.tempAccessKeyId}",\n        "SecretAccessKey": "${SECRETS.secretAccessKey2}",\n        "SessionToken": "${SECRETS.legacyToken}",\n        "Expiration": "2024-05-17T11:02:11+00:00"\n    },\n    "AssumedRoleUser": {\n        "AssumedRoleId": "AROAQXZ7EXAMPLEROLE12:ci",\n        "Arn": "arn:aws:sts::111111111111:assumed-role/pipeline-role/ci"\n    }\n}\nthen the second hop fails:\n{ERROR}`,
    secrets: [SECRETS.tempAccessKeyId, SECRETS.secretAccessKey2, SECRETS.legacyToken],
    kinds: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
  },
  {
    name: 'STS XML credentials',
    paste: `<Credentials><AccessKeyId>${SECRETS.tempAccessKeyId}</AccessKeyId><SecretAccessKey>${SECRETS.secretAccessKey}</SecretAccessKey><SessionToken>${SECRETS.sessionToken}</SessionToken></Credentials>\n{ERROR}`,
    secrets: [SECRETS.tempAccessKeyId, SECRETS.secretAccessKey, SECRETS.sessionToken],
    kinds: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
  },
  {
    name: 'Terraform provider block and export lines',
    paste: `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${SECRETS.accessKeyId}"\n  secret_key = "${SECRETS.secretAccessKey}"\n}\nexport AWS_SECRET_ACCESS_KEY="${SECRETS.secretAccessKey2}"\n$env:AWS_SESSION_TOKEN='${SECRETS.legacyToken}'\n│ Error: {ERROR}`,
    secrets: [SECRETS.accessKeyId, SECRETS.secretAccessKey, SECRETS.secretAccessKey2, SECRETS.legacyToken],
    kinds: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
  },
  {
    name: 'bare key pair on its own lines',
    paste: `keys I used:\n${SECRETS.accessKeyId}\n${SECRETS.secretAccessKey2}\n\n{ERROR}`,
    secrets: [SECRETS.accessKeyId, SECRETS.secretAccessKey2],
    kinds: ['aws-access-key-id', 'aws-secret-access-key'],
  },
  {
    name: 'private key, GitHub tokens, password, web identity token',
    paste: `-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.privateKeyBody}\nQ2hhbmdlIG1lIHBsZWFzZQ==\n-----END RSA PRIVATE KEY-----\nGITHUB_TOKEN=${SECRETS.githubToken}\ngh auth token ${SECRETS.githubPat}\nDB_URL=postgres://app@db/app password=${SECRETS.password}\nAWS_WEB_IDENTITY_TOKEN=${JWT}\n{ERROR}`,
    secrets: [SECRETS.privateKeyBody, SECRETS.githubToken, SECRETS.githubPat, SECRETS.password, SECRETS.jwtSignature],
    kinds: ['private-key', 'github-token', 'password', 'web-identity-token-signature'],
  },
];

/** Slices of a secret that must not survive either (a leak of half a key is still a leak). */
export function fragments(secret: string): string[] {
  const out = [secret];
  if (secret.length >= 32) out.push(secret.slice(4, 20), secret.slice(-16));
  return out;
}
