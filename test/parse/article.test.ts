import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const article = readFileSync(join(here, '../fixtures/assumerole-article.txt'), 'utf8');

/** The paragraphs of the article that start with the CLI's error line. */
const blocks = article.split(/\n\s*\n/).filter((b) => b.startsWith('An error occurred (AccessDenied)'));

describe('the AssumeRole article messages', () => {
  it('holds exactly two error messages', () => {
    expect(blocks).toHaveLength(2);
  });

  it('parses the bare cross-account denial (role caller)', () => {
    const { parsed } = parseError(blocks[0] as string);
    expect(parsed.recognized).toBe(true);
    expect(parsed.source).toBe('aws-cli');
    expect(parsed.errorCode).toBe('AccessDenied');
    expect(parsed.operation).toBe('AssumeRole');
    expect(parsed.action).toBe('sts:AssumeRole');
    expect(parsed.caller).toMatchObject({
      arn: 'arn:aws:iam::111111111111:role/pipeline-role', type: 'role', accountId: '111111111111', name: 'pipeline-role',
      roleArn: 'arn:aws:iam::111111111111:role/pipeline-role',
    });
    expect(parsed.target).toMatchObject({
      arn: 'arn:aws:iam::222222222222:role/deploy-role', accountId: '222222222222', partition: 'aws', service: 'iam',
      resourceType: 'role', name: 'deploy-role',
    });
    expect(parsed.crossAccount).toBe(true);
    expect(parsed.deny).toEqual({ kind: 'unknown', policyType: null, policyArn: null });
    expect(parsed.shape).toBe('user-not-authorized');
  });

  it('parses the session variant wrapped over four lines, explicit resource-based deny', () => {
    const { parsed } = parseError(blocks[1] as string);
    expect(parsed.action).toBe('sts:AssumeRole');
    expect(parsed.caller).toMatchObject({
      arn: 'arn:aws:sts::111111111111:assumed-role/pipeline-role/session-name', type: 'assumed-role',
      accountId: '111111111111', name: 'pipeline-role', sessionName: 'session-name',
      roleArn: 'arn:aws:iam::111111111111:role/pipeline-role',
    });
    expect(parsed.target?.arn).toBe('arn:aws:iam::222222222222:role/deploy-role');
    expect(parsed.target?.accountId).toBe('222222222222');
    expect(parsed.crossAccount).toBe(true);
    expect(parsed.deny).toEqual({ kind: 'explicit', policyType: 'resource-based', policyArn: null });
    expect(parsed.shape).toBe('user-not-authorized-explicit-typed');
  });

  it('picks the more specific message from the whole article and keeps the other', () => {
    const { parsed, otherErrors } = parseError(article);
    expect(parsed.deny.kind).toBe('explicit');
    expect(parsed.caller?.type).toBe('assumed-role');
    expect(otherErrors.some((e) => e.caller?.arn === 'arn:aws:iam::111111111111:role/pipeline-role')).toBe(true);
  });
});
