/**
 * Inputs of the render golden files: real messages from test/fixtures run through explain().
 * test/render/update-golden.ts writes <name>.md and <name>.txt; golden.test.ts compares.
 */
import { readFileSync } from 'node:fs';
import type { ExplainInput } from '../../src/core/types.js';

const fixture = (rel: string): string => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), 'utf8');

/** The article's two messages, cut out of the article text verbatim (with its line breaks). */
function articleMessages(): [string, string] {
  const text = fixture('assumerole-article.txt');
  const starts: number[] = [];
  let i = text.indexOf('An error occurred (AccessDenied)');
  while (i >= 0 && starts.length < 2) { starts.push(i); i = text.indexOf('An error occurred (AccessDenied)', i + 1); }
  const cut = (s: number): string => text.slice(s, text.indexOf('\n\n', s));
  return [cut(starts[0]!), cut(starts[1]!)];
}

function scenario(file: string): ExplainInput {
  return (JSON.parse(fixture(`corpus/scenarios/${file}`)) as { input: ExplainInput }).input;
}

const [bare, explicit] = articleMessages();

const TRUST_NAMES_USER = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/deploy-user' }, Action: 'sts:AssumeRole' }],
};
const CALLER_ALLOW = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/deploy-role' }],
};

export const GOLDEN_CASES: Array<{ name: string; input: ExplainInput }> = [
  { name: 'article-role-caller', input: { message: bare } },
  { name: 'article-explicit-deny', input: { message: explicit } },
  {
    name: 'article-trust-names-user',
    input: {
      message: bare,
      policies: [
        { kind: 'trust', name: 'deploy-role trust', document: TRUST_NAMES_USER },
        { name: 'pipeline-role policy', document: JSON.stringify(CALLER_ALLOW, null, 2) },
      ],
    },
  },
  { name: 'scenario-externalid-transposed', input: scenario('18-externalid-transposed.json') },
  { name: 'not-an-error', input: { message: 'Deploy finished in 42 s.\nAll 12 services healthy; nothing was denied.' } },
];
