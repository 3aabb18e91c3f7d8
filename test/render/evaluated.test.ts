/**
 * Explanation.evaluated: what the causes checked when it is not the message's request (a service's
 * onward call, KMS use through a service, an S3 target from the command), shown under the parsed
 * fields in every format and used by the decision diagram. Absent for an ordinary message.
 */
import { describe, it, expect } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderHtmlAnswer, renderMarkdown, renderText } from '../../src/core/render/index.js';
import { buildDecisionDiagram, renderDecisionSvg } from '../../src/core/render/svg.js';
import { ExplanationSchema } from '../../src/shared/response-schemas.js';

const LAMBDA_ECR = 'Error: creating Lambda Function (orders-api): operation error Lambda: CreateFunction, https response error StatusCode: 403, '
  + 'RequestID: 0f9c2a1e-1111-2222-3333-444455556666, AccessDeniedException: Lambda does not have permission to access the ECR image. Check the ECR permissions.';
const WITH_IMAGE = `${LAMBDA_ECR}\nimage_uri = 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest`;
const ASSUME = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/bob '
  + 'is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy';
const SECRET_KMS = 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed';
const S3_CMD = '$ aws s3 cp s3://orders-bucket/in/a.csv .\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden';

const WHY = 'Lambda pulls the image from ECR on your behalf: the check is ecr:BatchGetImage by lambda.amazonaws.com';

describe('Explanation.evaluated', () => {
  it('names the onward call Lambda makes, and leaves parsed as the parser made it', () => {
    const x = explain({ message: LAMBDA_ECR });
    expect(x.evaluated).toEqual({
      kind: 'service-call', action: 'ecr:BatchGetImage', also: ['ecr:GetDownloadUrlForLayer'], caller: 'lambda.amazonaws.com', resource: null, why: WHY,
    });
    expect(x.parsed.action).toBeNull();
    expect(x.parsed.caller).toBeNull();
    expect(ExplanationSchema.parse(JSON.parse(JSON.stringify(x)))).toEqual(JSON.parse(JSON.stringify(x)));
  });

  it('carries the repository when the text names the image', () => {
    expect(explain({ message: WITH_IMAGE }).evaluated?.resource).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/orders');
  });

  it('names kms:Decrypt for a service\'s refused KMS use and the bucket object read from the command', () => {
    const kms = explain({ message: SECRET_KMS }).evaluated;
    expect(kms?.kind).toBe('kms-use');
    expect(kms?.action).toBe('kms:Decrypt');
    const s3 = explain({ message: S3_CMD });
    expect(s3.evaluated).toMatchObject({ kind: 's3-command', action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/in/a.csv' });
    expect(s3.parsed.target).toBeNull();
  });

  it('is absent for a plain AssumeRole message (the check is the message\'s own request)', () => {
    const x = explain({ message: ASSUME });
    expect(x.parsed.action).toBe('sts:AssumeRole');
    expect('evaluated' in x).toBe(false);
    expect(JSON.stringify(x)).not.toContain('"evaluated"');
    expect(renderText(x)).not.toContain('What whydenied checked');
    expect(renderMarkdown(x)).not.toContain('What whydenied checked');
    expect(renderHtmlAnswer(x)).not.toContain('What whydenied checked');
  });
});

describe('rendering what whydenied checked', () => {
  const x = explain({ message: LAMBDA_ECR });

  it('text: a line right under the parsed fields', () => {
    const out = renderText(x);
    expect(out.replace(/\n\s*/g, ' ')).toContain(`What whydenied checked: ${WHY} (the same step also needs ecr:GetDownloadUrlForLayer).`);
    const at = out.indexOf('What whydenied checked');
    expect(at).toBeGreaterThan(out.indexOf('Printed by'));
    expect(at).toBeLessThan(out.indexOf('Causes, best first'));
  });

  it('markdown: a bold-labelled paragraph right after the parsed-fields table', () => {
    const out = renderMarkdown(x);
    expect(out).toContain('| Printed by |');
    const at = out.indexOf('**What whydenied checked:** Lambda pulls the image from ECR on your behalf: the check is ecr:BatchGetImage by lambda.amazonaws.com');
    expect(at).toBeGreaterThan(out.indexOf('| Printed by |'));
    expect(at).toBeLessThan(out.indexOf('### Causes, best first'));
  });

  it('html: a paragraph inside the parsed card, after its fields', () => {
    const out = renderHtmlAnswer(x);
    const card = out.slice(out.indexOf('id="parsed-h"'), out.indexOf('</section>', out.indexOf('id="parsed-h"')));
    expect(card).toContain('<p class="checked"><strong>What whydenied checked:</strong> Lambda pulls the image from ECR on your behalf: the check is ecr:BatchGetImage by lambda.amazonaws.com');
    expect(card.indexOf('class="checked"')).toBeGreaterThan(card.indexOf('</dl>'));
  });

  it('json: the field survives the response schema', () => {
    const body = JSON.parse(JSON.stringify(x));
    expect(ExplanationSchema.parse(body).evaluated?.why).toBe(WHY);
  });

  it('diagram: the service principal as caller, the onward action, no "account unknown" for the caller', () => {
    const d = buildDecisionDiagram(explain({ message: WITH_IMAGE }));
    expect(d.action).toBe('ecr:BatchGetImage');
    expect(d.callerLabel).toBe('lambda.amazonaws.com');
    expect(d.callerIsService).toBe(true);
    expect(d.resourceLabel).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/orders');
    expect(d.resourceAccount).toBe('123456789012');
    expect(d.callerRows.map((r) => r.verdict)).toEqual(['not-applicable', 'not-applicable', 'not-applicable', 'not-applicable']);
    const svg = renderDecisionSvg(x);
    expect(svg).toContain('Caller · AWS service');
    expect(svg).not.toContain('Caller · account unknown');
    expect(svg).toContain('ecr:BatchGetImage');
  });

  it('diagram: unchanged for a plain AssumeRole message', () => {
    const d = buildDecisionDiagram(explain({ message: ASSUME }));
    expect(d.action).toBe('sts:AssumeRole');
    expect(d.callerIsService).toBe(false);
    expect(d.callerLabel).toBe('arn:aws:iam::111111111111:user/bob');
  });
});

describe('a service caller gets no simulate-principal-policy step', () => {
  const confirmOf = (message: string) =>
    explain({ message }).causes.find((c) => c.id === 'resource-policy-missing-grant')?.confirm.map((s) => s.command) ?? [];

  it('not for Lambda pulling an ECR image: an AWS service has no IAM policies to simulate', () => {
    const cmds = confirmOf('AccessDeniedException: Lambda does not have permission to access the ECR image. Check the ECR permissions.');
    expect(cmds.length).toBeGreaterThan(0);
    expect(cmds.some((c) => c.includes('simulate-principal-policy'))).toBe(false);
  });

  it('still for an IAM role refused by a resource policy', () => {
    const cmds = confirmOf('An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:222222222222:jobs because no resource-based policy allows the sqs:SendMessage action');
    expect(cmds.some((c) => c.includes('simulate-principal-policy --policy-source-arn arn:aws:iam::111111111111:role/app'))).toBe(true);
  });
});
