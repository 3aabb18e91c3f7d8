/**
 * BLIND — a second held-out set of 30 refusal wordings that AWS documentation prints (Knowledge Center / re:Post
 * troubleshooting articles and the user guides and API references of Bedrock, CodeArtifact and IAM service bearer
 * tokens, Secrets Manager rotation, ECS, Step Functions, Lambda event source mappings, CloudWatch Logs subscription
 * filters and log-group encryption, EC2 encrypted volumes, SQS with SSE-KMS, EventBridge buses, DynamoDB PartiQL,
 * Glue / Lake Formation, Cognito identity pools, IAM Identity Center, CodeCommit, CodePipeline, CloudFormation
 * service roles, AWS Batch, Amplify Hosting, S3 Object Ownership / Block Public Access / Object Lambda, EFS, Route 53
 * private hosted zones, X-Ray and Systems Manager Run Command). None of them is a wording of the first set
 * (docs-wordings.test.ts) or a fixture's text. Each is filled in with realistic names and printed through a tool's
 * envelope (CLI, boto3, JS v3, Go v2 / v1, Java v2, Terraform, CloudFormation event, console, CloudTrail event, git,
 * mount, Amplify build log). The cases live in test/fixtures/docs-wordings-2.json, written and committed before
 * anything ran against them and before src/ was read; the fields follow /work/shared/tools/score.mjs (an array
 * lists every acceptable value, as the corpus labels do). `cause` is the first cause the documentation gives the
 * wording among existing catalog ids (any of `ids` within the first `inTop` live causes); null where no catalog
 * cause fits (e01, e02 Bedrock model access; e17 Cognito guest access; e18 Identity Center "No access").
 *
 * Measured with the table below (explain() over the 30; a case is right when every field and its cause are):
 *   blind (main at a2b7ab9, before src/ was read): 16/30 whole; fields 170/180; causes 18/26 — misses:
 *     e02 action bedrockruntime:Converse (the IAM prefix is bedrock, and Converse is authorized as bedrock:InvokeModel);
 *     e04 identity-missing-allow first (rotation: Lambda's function policy must name secretsmanager.amazonaws.com);
 *     e05 action ecs:RunTask, e06 action null, e21 action cloudformation:DeleteStack (each says a service could not
 *       assume a role: sts:AssumeRole); e07 action dynamodb:GetRecords (an execution role's onward call: null, as
 *       d17) and wrong-credentials-in-use first; e08 CloudWatch Logs' "Could not execute the lambda function" (not
 *       read); e10 EC2's StateReason "Client.InternalError: Client error on launch" (not read; its cause was right);
 *       e16 Cognito InvalidIdentityPoolConfigurationException (not read); e17 action null (GetId is
 *       cognito-identity's); e19 git's 403 from git-codecommit (not read); e23 Amplify's "Unable to assume specified
 *       IAM Role" (not read); e27 EFS "access denied by server while mounting" (not read); e28 action null
 *       (route53:AssociateVPCWithHostedZone) and identity-missing-allow first (the zone owner's association
 *       authorization is the grant that is missing).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

type Want<T> = T | T[];
interface DocCase {
  id: string;
  envelope: string;
  /** Where AWS documents the wording, and what it says the wording means. */
  doc: string;
  message: string;
  expect: {
    errorCode: Want<string | null>; action: Want<string | null>; caller: Want<string | null>;
    callerType: Want<string | null>; target: Want<string | null>; deny: [string, string | null, string | null];
  };
  /** The documented first cause (one of `ids` in the first `inTop` live causes); null when the catalog has none. */
  cause: { inTop: number; ids: string[] } | null;
}

const here = dirname(fileURLToPath(import.meta.url));
const CASES: DocCase[] = JSON.parse(readFileSync(join(here, '../fixtures/docs-wordings-2.json'), 'utf8'));

const oneOf = <T>(w: Want<T>): T[] => (Array.isArray(w) ? w : [w]);

describe('refusal wordings printed by AWS documentation, second held-out set', () => {
  it('holds 30 wordings', () => expect(CASES).toHaveLength(30));

  for (const c of CASES) {
    it(`${c.id} (${c.envelope}): ${c.doc}`, () => {
      const e = explain({ message: c.message });
      const p = e.parsed;
      expect(p.recognized).toBe(true);
      const got = {
        errorCode: p.errorCode, action: p.action, caller: p.caller?.arn ?? null, callerType: p.caller?.type ?? null,
        target: p.target?.arn ?? null,
      };
      for (const k of Object.keys(got) as (keyof typeof got)[]) {
        expect(oneOf(c.expect[k] as Want<string | null>), k).toContain(got[k]);
      }
      expect([p.deny.kind, p.deny.policyType, p.deny.policyArn]).toEqual(c.expect.deny);
      if (c.cause) {
        const live = e.causes.filter((x) => x.status !== 'ruled-out').map((x) => x.id);
        expect(live.slice(0, c.cause.inTop).some((id) => c.cause!.ids.includes(id)), `first: ${live.slice(0, 3).join(', ')}`).toBe(true);
      }
    });
  }
});
