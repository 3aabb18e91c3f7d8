/**
 * Round 25 (held out): the 30 pastes of test/fixtures/extra/real-errors-round25.jsonl, verbatim from 30 public GitHub
 * threads found with the `search` tool (issues corpus), each an AWS refusal as people paste it, aimed at what rounds 1–24
 * hold least: Crossplane (a Go SDK v2 `api error` tail; a describe box that wraps the error code mid-word, `AccessDeniedE │`
 * / `│ xception:`), Packer's build summary, the fluent-bit C plugin (`CreateLogGroup API responded with
 * error='AccessDeniedException'`), a Jenkins pipeline with Java SDK v1 `PluginClassLoader` frames
 * (MissingAuthenticationTokenException), CDK's `Call failed: getParameter(…) => … (code=…)`, the Parameters and Secrets
 * Lambda extension (Go SDK v2 envelope broken after `api error `), a Terraform SDK diagnostic log line and an Atlantis
 * gutter block, prowler and Lambda dict logs (Organizations, `You don't have permissions to access this resource.`),
 * Lake Formation through Java SDK v1/v2, Bedrock's Converse and ValidationException wordings, API Gateway and OpenSearch
 * refusals of `anonymous`, a SageMaker notebook traceback, and 9 from the first depth (AssumeRoleWithWebIdentity from
 * EMR on EKS, Crossplane, kops IRSA and GitHub OIDC pastes; configure-aws-credentials' AssumeRole with keys). None of them
 * (thread, ARNs, request ids) was already in test/fixtures or the shared corpus (grepped before each was kept). Where a
 * paste holds two distinct refusals (r25-27), `expected` is the first and the second is listed as `otherErrors`.
 * Expected fields were written and committed (767a2ad before rebasing onto main: the first commit of this round, `test(fixtures): round 25 held out …`) before anything ran
 * against them, compared exactly as score.mjs.
 *
 * Measured blind (build at main 5e4791e, no change): 26/30 records read whole, 204/210 fields. Misses:
 * - r25-10 (Crossplane describe box): the error code wrapped mid-word across the box border (`AccessDeniedE │` /
 *   `│ xception:`) reads no errorCode, and the caller `arn:aws:sts::{wrong-account}:assumed-role/crossplane/{SESSION-ID}`
 *   reads null.
 * - r25-24 (fluent-bit): `CreateLogGroup API responded with error='AccessDeniedException'` not recognized (no errorCode,
 *   no action).
 * - r25-26 (Lambda dict log, `organizations.list_roots()` in the traceback): action null for the ListRoots operation;
 *   and the escaped copy inside 'TRACE' is listed as a further error.
 * - r25-27 (prowler `organizations_service.py` lines): action null for ListPolicies, and the second refusal
 *   (ListDelegatedAdministrators) not listed.
 * After the rules of test/parse/round25-rules.test.ts — Organizations operations no other service has (ListRoots,
 * ListDelegatedAdministrators, ListOrganizationalUnitsForParent) and CloudWatch Logs' CreateLogStream /
 * DescribeLogStreams map without a service printed; an operation several services share takes the service the
 * program's own code names (a `<service>_service` module on the log line just before the message, or a client call
 * `<service>.<operation_in_snake_case>(` around it, when all such calls agree); fluent-bit's `<Operation> API responded
 * with error='<Code>'` is a refusal of that operation when the code is an authorization code; a box drawn on both sides
 * (rows ending ` │`, the next starting `│`, no inner column borders) has its rows joined with nothing between — 30/30
 * whole, 210/210 fields, r25-27's second refusal listed and the 29 other pastes list no further error (r25-26's escaped
 * copy inside 'TRACE' now reads as the same refusal). The round is no longer blind; the bars are these figures.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { describePartialRound, readRound } from './held-out-round.js';

/** A GitHub thread (`owner/repo#N`) or a page's address. */
const SOURCE = /^(?:[\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/;

const records = readRound('real-errors-round25.jsonl');

describePartialRound('round-25', records, {
  count: 30, source: SOURCE, wholeBar: 30, fieldsBar: 210,
});

interface OtherError { action: string; callerArn?: string; targetArn?: string }

// Where a paste holds several distinct refusals, the further ones are read into otherErrors.
describe('round-25 further errors in one paste', () => {
  const withOthers = records.filter((r) => (r as unknown as { otherErrors?: OtherError[] }).otherErrors?.length);
  it.each(withOthers.map((r) => [r.id, r] as const))('%s lists its further errors', (_id, r) => {
    const { otherErrors } = parseError(r.text) as unknown as { otherErrors?: Array<{ action?: string; caller?: { arn?: string }; target?: { arn?: string } }> };
    const got = (otherErrors ?? []).map((o) => ({ action: o.action, callerArn: o.caller?.arn, targetArn: o.target?.arn }));
    for (const want of (r as unknown as { otherErrors: OtherError[] }).otherErrors) expect(got).toContainEqual(want);
  });
  const single = records.filter((r) => !(r as unknown as { otherErrors?: OtherError[] }).otherErrors?.length);
  it.each(single.map((r) => [r.id, r] as const))('%s lists no further error', (_id, r) => {
    expect(parseError(r.text).otherErrors.map((o) => o.action)).toEqual([]);
  });
});
