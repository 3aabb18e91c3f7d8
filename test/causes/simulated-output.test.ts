/**
 * A pasted `aws iam simulate-principal-policy` run (the confirm command whydenied gives, run and
 * pasted back) is IAM's own evaluation of the caller's side: it decides the caller-side causes
 * when it is about the refused call, and says nothing when it is about another one.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ROLE = 'arn:aws:iam::111122223333:role/uploader';
const OBJECT = 'arn:aws:s3:::media-bucket/in/a.jpg';
const ERROR = `An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/uploader/i-0abc is not authorized to perform: s3:PutObject on resource: "${OBJECT}"`;
const command = (over: { source?: string; action?: string; resource?: string; query?: string } = {}) =>
  `$ aws iam simulate-principal-policy --policy-source-arn ${over.source ?? ROLE} --action-names ${over.action ?? 's3:PutObject'} \\\n    --resource-arns ${over.resource ?? OBJECT}${over.query ? ` --query '${over.query}'` : ''}`;
const result = (decision: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  EvaluationResults: [{ EvalActionName: 's3:PutObject', EvalResourceName: OBJECT, EvalDecision: decision, MatchedStatements: [], MissingContextValues: [], ...extra }],
}, null, 4);
const status = (message: string, id: string) => explain({ message }).causes.find((c) => c.id === id)?.status;
const evidence = (message: string, id: string) => explain({ message }).causes.find((c) => c.id === id)!.evidence.map((e) => e.text).join('\n');

describe('a pasted simulate-principal-policy run', () => {
  it('implicitDeny: the caller lacks an Allow, and no Deny of its policies matches', () => {
    const m = `${ERROR}\n${command()}\n${result('implicitDeny')}`;
    expect(evidence(m, 'identity-missing-allow')).toContain('EvalDecision implicitDeny');
    expect(status(m, 'identity-explicit-deny')).toBe('ruled-out');
    expect(explain({ message: m }).causes[0]!.id).toBe('identity-missing-allow');
    // the run is in the paste: its command is not offered again (near miss: without it, it is)
    const offered = (message: string) => explain({ message }).causes.find((c) => c.id === 'identity-missing-allow')!.confirm
      .some((s) => s.command.startsWith('aws iam simulate-principal-policy') && !s.command.includes('--query'));
    expect(offered(m)).toBe(false);
    expect(offered(ERROR)).toBe(true);
  });

  it('allowed: the caller-side Allow causes are ruled out, unless the run lacked context the call carries', () => {
    const m = `${ERROR}\n${command()}\n${result('allowed')}`;
    for (const id of ['identity-missing-allow', 'identity-resource-mismatch', 'identity-action-mismatch', 'identity-explicit-deny']) {
      expect(status(m, id), id).toBe('ruled-out');
    }
    const lacking = `${ERROR}\n${command()}\n${result('allowed', { MissingContextValues: ['aws:MultiFactorAuthPresent'] })}`;
    expect(status(lacking, 'identity-missing-allow')).not.toBe('ruled-out');
    expect(evidence(lacking, 'identity-missing-allow')).toContain('it ran without aws:MultiFactorAuthPresent');
  });

  it('explicitDeny: the identity policy that denies is named', () => {
    const m = `${ERROR}\n${command()}\n${result('explicitDeny', { MatchedStatements: [{ SourcePolicyId: 'DenyUploads', SourcePolicyType: 'IAM Policy' }] })}`;
    expect(status(m, 'identity-explicit-deny')).toBe('confirmed');
    expect(evidence(m, 'identity-explicit-deny')).toContain('the Deny is in DenyUploads');
  });

  it('reads the --query forms the confirm commands print', () => {
    const decided = `${ERROR}\n${command({ query: 'EvaluationResults[].{Decision:EvalDecision,Matched:MatchedStatements}' })}\n[\n    {\n        "Decision": "allowed",\n        "Matched": [{"SourcePolicyId": "uploads"}]\n    }\n]`;
    expect(status(decided, 'identity-missing-allow')).toBe('ruled-out');
    const orgs = `${ERROR}\n${command({ query: 'EvaluationResults[].OrganizationsDecisionDetail' })}\n[\n    {\n        "AllowedByOrganizations": false\n    }\n]`;
    expect(status(orgs, 'scp-deny')).toBe('confirmed');
    const boundary = `${ERROR}\n${command({ query: 'EvaluationResults[].PermissionsBoundaryDecisionDetail' })}\n[ { "AllowedByPermissionsBoundary": false } ]`;
    expect(status(boundary, 'permissions-boundary')).toBe('confirmed');
    expect(evidence(boundary, 'permissions-boundary')).toContain('AllowedByPermissionsBoundary is false');
  });

  it('reads the bare output without its command line', () => {
    expect(status(`${ERROR}\n\nsimulator says:\n${result('allowed')}`, 'identity-missing-allow')).toBe('ruled-out');
  });

  it('near misses: a run for another principal, action or resource says nothing', () => {
    const base = status(ERROR, 'identity-missing-allow');
    const other = [
      `${ERROR}\n${command({ source: 'arn:aws:iam::111122223333:role/someone-else' })}\n${result('allowed')}`,
      `${ERROR}\n${command({ action: 's3:GetObject' })}\n${result('allowed').replace('"s3:PutObject"', '"s3:GetObject"')}`,
      `${ERROR}\n${command({ resource: 'arn:aws:s3:::other-bucket/x' })}\n${result('allowed').replace(OBJECT, 'arn:aws:s3:::other-bucket/x')}`,
    ];
    for (const m of other) expect(status(m, 'identity-missing-allow'), m.slice(-200)).toBe(base);
  });
});
