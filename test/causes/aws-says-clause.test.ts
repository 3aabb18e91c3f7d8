/**
 * The `AWS says: "…"` quote holds AWS's clause only (session 8, docs/ux-review.md): a Terraform box
 * or an SDK's status line joined after it is not quoted as AWS's words.
 */
import { describe, it, expect } from 'vitest';
import { explain } from '../../src/core/index.js';

const BASE = 'User: arn:aws:sts::123456789012:assumed-role/tf-runner/s is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/app-task ';

function quotes(message: string): string[] {
  return explain({ message }).causes.flatMap((c) => c.evidence.map((e) => e.text)).filter((t) => t.startsWith('AWS says: "'))
    .map((t) => t.slice('AWS says: "'.length, t.indexOf('"', 'AWS says: "'.length)));
}

const CASES: Array<{ name: string; message: string; quote: string }> = [
  {
    name: 'a Terraform box: the "with aws_iam_role…, on iam.tf line 12" lines after the clause',
    message: `╷\n│ Error: creating IAM Role (app-task): operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: 7a1b2c3d-1111-2222-3333-444455556666, api error AccessDenied: ${BASE}because no permissions boundary allows the iam:CreateRole action\n│ \n│   with aws_iam_role.app_task,\n│   on iam.tf line 12, in resource "aws_iam_role" "app_task":\n│   12: resource "aws_iam_role" "app_task" {\n│ \n╵`,
    quote: 'because no permissions boundary allows the iam:CreateRole action',
  },
  {
    name: 'an SDK status line on the same line',
    message: `AccessDeniedException: ${BASE}because no identity-based policy allows the iam:CreateRole action status code: 400, request id: 332c0e26-bdf4-4cc0-add0-805f2acf50e5`,
    quote: 'because no identity-based policy allows the iam:CreateRole action',
  },
  {
    name: 'an explicit deny with the policy ARN keeps the ARN',
    message: `An error occurred (AccessDenied) when calling the CreateRole operation: ${BASE}with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc123def4/service_control_policy/p-deny1234 : exit status 1`,
    quote: 'with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc123def4/service_control_policy/p-deny1234',
  },
  {
    name: 'AWS\'s "transitively through" wording is AWS\'s own and stays',
    message: `An error occurred (AccessDenied) when calling the CreateRole operation: ${BASE}with an explicit deny in a VPC endpoint policy transitively through a service control policy`,
    quote: 'with an explicit deny in a VPC endpoint policy transitively through a service control policy',
  },
];

describe('AWS says: quotes AWS\'s clause and nothing after it', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const q = quotes(c.message);
      expect(q.length).toBeGreaterThan(0);
      for (const one of q) expect(one).toBe(c.quote);
    });
  }
});
