/**
 * Policies pasted as the infrastructure code that defines them: Terraform (jsonencode, heredocs,
 * data "aws_iam_policy_document"), CloudFormation / SAM YAML with short-form tags, and Serverless
 * Framework blocks. Each reads as the JSON document it renders, with its kind where the code says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { readPolicy } from '../../src/core/policy/index.js';
import type { Policy } from '../../src/core/types.js';

const read = (text: string, kind?: string): Policy => readPolicy({ document: text, ...(kind ? { kind: kind as Policy['kind'] } : {}) });
const codes = (p: Policy) => p.issues.map((i) => i.code);

describe('Terraform', () => {
  it('reads assume_role_policy = jsonencode({...}) as a trust policy', () => {
    const p = read(`resource "aws_iam_role" "deploy" {
  name = "deploy"
  # who may assume it
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/ci" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}`);
    expect(p.valid).toBe(true);
    expect(p.kind).toBe('trust');
    expect(p.kindInferred).toBe(true);
    expect(p.statements[0]!.principal!.AWS).toEqual(['arn:aws:iam::111122223333:role/ci']);
    expect(p.issues.find((i) => i.code === 'terraform')?.message).toContain('aws_iam_role.deploy.assume_role_policy');
    expect(codes(p)).not.toContain('invalid-json');
  });

  it('reads a heredoc holding JSON, and $${…} as a literal IAM policy variable', () => {
    const p = read(`resource "aws_iam_policy" "read" {
  policy = <<-EOF
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/\${aws:username}/*"}]}
  EOF
}
resource "aws_iam_policy" "b" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::$\${aws:username}" }] })
}`);
    expect(p.valid).toBe(true);
    expect(p.kind).toBe('identity');
    expect(p.statements[0]!.resource).toEqual(['arn:aws:s3:::data/${aws:username}/*']);
    expect(p.issues.find((i) => i.code === 'terraform')?.message).toContain('not read: aws_iam_policy.b.policy');
    const b = read(`policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::$\${aws:username}" }] })`);
    expect(b.statements[0]!.resource).toEqual(['arn:aws:s3:::${aws:username}']);
    expect(codes(b)).not.toContain('deploy-time-references');
  });

  it('renders data "aws_iam_policy_document" as IAM does, and takes its kind from the role that uses it', () => {
    const data = `data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "TrustCi"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${var.ci_account_id}:role/ci"]
    }
    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalTag/team"
      values   = ["&{aws:username}"]
    }
  }
}`;
    const role = `resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}`;
    for (const text of [`${data}\n${role}`, `${role}\n${data}`]) {
      const p = read(text);
      expect(p.kind, text.slice(0, 20)).toBe('trust');
      const s = p.statements[0]!;
      expect(s.sid).toBe('TrustCi');
      expect(s.effect).toBe('Allow');
      expect(s.action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(s.principal!.AWS).toEqual(['arn:aws:iam::${var.ci_account_id}:role/ci']);
      expect(s.principal!.Service).toEqual(['codebuild.amazonaws.com']);
      expect(s.conditions.map((c) => [c.operator, c.key, c.values])).toEqual([
        ['StringEquals', 'sts:ExternalId', ['${var.external_id}']],
        ['StringLike', 'aws:PrincipalTag/team', ['${aws:username}']],
      ]);
      expect(p.issues.find((i) => i.code === 'deploy-time-references')?.message).toContain('${var.ci_account_id}, ${var.external_id}');
    }
    // near miss: the same data block alone carries no kind (a Principal makes it a resource policy)
    expect(read(data).kind).toBe('trust'); // sts:AssumeRole with a Principal is read as a trust by its actions
    const alone = read(data.replace('"sts:AssumeRole", "sts:TagSession"', '"s3:GetObject"'));
    expect(alone.kind).toBe('resource');
  });

  it('says what it could not evaluate', () => {
    const p = read(`data "aws_iam_policy_document" "x" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}`);
    expect(p.statements[0]!.effect).toBe('Deny');
    expect(p.issues.find((i) => i.code === 'terraform-not-evaluated')?.message).toContain('source_policy_documents');
  });

  it('reports Terraform with no policy in it, and never reads a JSON paste as Terraform', () => {
    const none = read('resource "aws_iam_role" "x" {\n  name = "x"\n  assume_role_policy = var.trust\n}');
    expect(none.valid).toBe(false);
    expect(codes(none)).toContain('invalid-hcl');
    const json = read('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::jsonencode(x)/*"}]}');
    expect(json.valid).toBe(true);
    expect(codes(json)).not.toContain('terraform');
  });
});

describe('YAML (CloudFormation, SAM, Serverless)', () => {
  it('reads a bare policy written in YAML', () => {
    const p = read(`Version: "2012-10-17"
Statement:
  - Effect: Allow
    Action:
      - s3:GetObject
    Resource: arn:aws:s3:::data/*`);
    expect(p.valid).toBe(true);
    expect(p.kind).toBe('identity');
    expect(p.statements[0]!.resource).toEqual(['arn:aws:s3:::data/*']);
    expect(codes(p)).toContain('yaml');
  });

  const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  CiAccountId: { Type: String }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      MaxSessionDuration: 7200
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::\${CiAccountId}:role/ci-runner
            Action: sts:AssumeRole
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:PutObject
                Resource: !Join ["", [!GetAtt Bucket.Arn, "/*"]]
              - Effect: Allow
                Action: s3:ListBucket
                Resource:
                  Fn::GetAtt: [Bucket, Arn]`;

  it('reads a template\'s role trust, short and long intrinsic forms, and the role\'s facts', () => {
    const p = read(template);
    expect(p.kind).toBe('trust');
    expect(p.statements[0]!.principal!.AWS).toEqual(['arn:aws:iam::${CiAccountId}:role/ci-runner']);
    expect(p.meta?.maxSessionDuration).toBe(7200);
    expect(p.issues.find((i) => i.code === 'template')?.message).toBe('Read resource DeployRole (AWS::IAM::Role) of the template.');
  });

  it('reads the role\'s inline policy when the person says the paste is an identity policy', () => {
    const p = read(template, 'identity');
    expect(p.kind).toBe('identity');
    expect(p.statements.map((s) => s.resource)).toEqual([['${Bucket.Arn}/*'], ['${Bucket.Arn}']]);
    expect(codes(p)).not.toContain('invalid-value');
  });

  it('reads Serverless Framework statements (v3 and v2 layouts)', () => {
    for (const text of [
      'provider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: dynamodb:PutItem\n          Resource: arn:aws:dynamodb:us-east-1:111122223333:table/orders',
      'provider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: dynamodb:PutItem\n      Resource: arn:aws:dynamodb:us-east-1:111122223333:table/orders',
    ]) {
      const p = read(text);
      expect(p.valid, text).toBe(true);
      expect(p.statements[0]!.action).toEqual(['dynamodb:PutItem']);
    }
  });

  it('reads the YAML forms templates use: tags over blocks, block scalars, quoted keys, comments, flows over lines', () => {
    const p = read([
      '--- # a SAM template',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      KeyPolicy:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Sid: "Allow use: app role"   # the app',
      '            Effect: Allow',
      '            Principal:',
      '              AWS: !Sub',
      '                - arn:aws:iam::${Acct}:role/app',
      '                - Acct: !Ref AppAccount',
      '            Action: [kms:Decrypt,',
      '                     "kms:GenerateDataKey"]',
      '            Resource: "*"',
      '            Condition:',
      '              "StringEquals":',
      '                kms:ViaService: !Sub "s3.${AWS::Region}.amazonaws.com"',
      '          -',
      '            Effect: Deny',
      '            Principal: "*"',
      '            Action: kms:ScheduleKeyDeletion',
      '            Resource:',
      '            - "*"',
      '---',
      'Other: document',
    ].join('\r\n'));
    expect(p.valid).toBe(true);
    expect(p.kind).toBe('resource');
    const [allow, deny] = p.statements;
    expect(allow!.sid).toBe('Allow use: app role');
    expect(allow!.principal!.AWS).toEqual(['arn:aws:iam::${AppAccount}:role/app']);
    expect(allow!.action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(allow!.conditions[0]!.values).toEqual(['s3.${AWS::Region}.amazonaws.com']);
    expect(deny!.effect).toBe('Deny');
    expect(deny!.resource).toEqual(['*']);
    const sub = read('PolicyDocument: !Sub |\n  {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${Bucket}/*"}]}\n');
    // a JSON document inside !Sub: its text is read as the policy
    expect(sub.valid).toBe(true);
    expect(sub.statements[0]!.resource).toEqual(['arn:aws:s3:::${Bucket}/*']);
  });

  it('refuses YAML that expands or nests without bound, and reads prose as no policy', () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) laughs.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    laughs.push('Statement: *j');
    const bomb = read(laughs.join('\n'));
    expect(bomb.valid).toBe(false);
    const deep = read(`Statement: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(codes(deep)).toContain('too-deep');
    const prose = read('Effect: the role could not be assumed, please help');
    expect(prose.valid).toBe(false);
  });
});

describe('hostile infrastructure code', () => {
  const piece = fc.constantFrom('{', '}', '[', ']', '(', ')', '=', ':', ',', '"', '\n', ' ', 'a', 'x.y', '${', '$${', '&{', '<<EOF\n', 'EOF\n',
    '#', '//', '/*', '*/', '- ', 'Statement', 'statement {', 'jsonencode(', 'for ', '!Ref ', '!Sub ', '&a ', '*a', '\\', '?', '1e9');
  it('never throws and always ends on random Terraform and YAML', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.constantFrom('jsonencode(', 'Statement:\n', 'policy = <<EOF\n'), (parts, head) => {
      const p = read(head + parts.join(''));
      expect(typeof p.valid).toBe('boolean');
    }), { numRuns: 3000 });
  });

  it('reads 100 000 characters of brackets and quotes as no policy', () => {
    for (const flood of ['{'.repeat(100_000), ']'.repeat(100_000), '"'.repeat(100_000), '${'.repeat(50_000), 'a.'.repeat(50_000)]) {
      const p = read(`jsonencode(${flood}`.slice(0, 100_000));
      expect(p.valid).toBe(false);
    }
  });
});

describe('the role a trust policy belongs to', () => {
  const role = (name: string) => `resource "aws_iam_role" "gha" {
  name                 = "${name}"
  max_session_duration = 7200
  assume_role_policy   = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity" }]
  })
}`;
  it("keeps an aws_iam_role's literal name and session limit", () => {
    const p = read(role('gha-deploy'));
    expect(p.meta).toEqual({ roleName: 'gha-deploy', maxSessionDuration: 7200 });
    // near miss: a name Terraform computes names nothing yet
    expect(read(role('${var.prefix}-deploy')).meta?.roleName).toBeUndefined();
  });

  it('names the target role in commands when the message names none, and never over the message', () => {
    const bare = 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';
    const commands = (message: string, docs: string[]) => explain({ message, policies: docs.map((document) => ({ kind: 'trust', document })) })
      .causes.flatMap((c) => c.confirm.map((s) => s.command)).join('\n');
    expect(commands(bare, [role('gha-deploy')])).toContain('--role-name gha-deploy');
    // two named trusts: which role failed is not known
    expect(commands(bare, [role('gha-deploy'), role('gha-plan')])).not.toContain('--role-name gha-');
    const named = 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity on resource: arn:aws:iam::111122223333:role/other';
    expect(commands(`${named}`, [role('gha-deploy')])).not.toContain('--role-name gha-deploy');
  });
});
