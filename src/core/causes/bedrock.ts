/**
 * Amazon Bedrock model access [Bedrock User Guide: "Access Amazon Bedrock foundation models"; Knowledge Center
 * bedrock-invokemodel-api-error]. Bedrock answers AccessDeniedException "You don't have access to the model with the
 * specified model ID." or "Your account is not authorized to invoke this API operation." when the account may not use
 * that model in the Region called: access was never granted there (a third-party model's AWS Marketplace subscription
 * or Anthropic's one-time use-case form is missing, or failed for want of aws-marketplace permissions), the model is
 * not offered in that Region, or it is served only through an inference profile. The caller's IAM policies are not
 * what refused: an IAM refusal names the principal and the policy type ("User: … is not authorized to perform:
 * bedrock:InvokeModel …").
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { fromMessage, has, sig } from './service-util.js';

const ACCESS_DOC = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html';
const KC_DOC = 'https://repost.aws/knowledge-center/bedrock-invokemodel-api-error';

/** Bedrock's own words for "this account may not use this model here" (not IAM's). */
const MODEL_ACCESS = ["you don't have access to the model with the specified model id", 'your account is not authorized to invoke this api operation'];

/** The paste is about Bedrock: its action, or its name (SDK client, endpoint, model ARN). */
const isBedrock = (ctx: CauseContext) => (ctx.parsed.action ?? '').toLowerCase().startsWith('bedrock:') || has(ctx, 'bedrock');

/** Bedrock model ids (`anthropic.claude-3-5-sonnet-20240620-v1:0`, `us.amazon.nova-pro-v1:0`): provider.name[:version]. */
const MODEL_ID = /^(?:[a-z]{2,6}\.)?[a-z0-9-]{2,40}\.[a-z0-9.-]{2,100}(?::[a-z0-9-]{1,20}){0,2}$/;

/**
 * The one model the paste names: a foundation-model ARN, or a `modelId` argument / field (`modelId="…"`,
 * `"modelId": "…"`, `Model id: …`). Null when none or several.
 */
function modelId(ctx: CauseContext): string | null {
  const text = (ctx.text ?? '').slice(0, 100_000);
  const found = new Set<string>();
  const arn = ctx.parsed.target?.arn ?? '';
  const fm = arn.indexOf(':foundation-model/');
  if (fm >= 0) found.add(arn.slice(fm + ':foundation-model/'.length));
  for (const m of text.matchAll(/\bmodel[ _]?id["']?\s{0,3}[=:]\s{0,3}["']?([a-z0-9][a-z0-9.:-]{4,140})/gi)) {
    let v = m[1] ?? '';
    while (v.endsWith('.') || v.endsWith(':')) v = v.slice(0, -1);
    found.add(v);
    if (found.size > 4) break;
  }
  const ids = [...found].filter((x) => MODEL_ID.test(x));
  return ids.length === 1 ? ids[0]! : null;
}

const modelAccess: CauseDefinition = {
  id: 'bedrock-model-access-missing',
  title: 'The account may not use this Bedrock model in this Region (model access, its Marketplace subscription, or the Region)',
  summary: 'Bedrock refused the model itself, not the caller\'s IAM permissions: access to the model was never granted for this account in the Region called (for third-party models an AWS Marketplace subscription, which needs aws-marketplace:Subscribe and ViewSubscriptions, and for Anthropic models a one-time use-case form), the model is not offered in that Region, or it is invoked by its model id where an inference profile is required.',
  family: 'service',
  prior: 0.1,
  specificity: 2,
  gate: { phrases: MODEL_ACCESS },
  appliesTo: (ctx) => has(ctx, ...MODEL_ACCESS) && isBedrock(ctx),
  signals: [
    (ctx) => {
      const id = modelId(ctx);
      const region = ctx.parsed.region;
      return sig(30, fromMessage(`Bedrock says this account may not use ${id ? `the model ${id}` : 'the model'}${region ? ` in ${region}` : ' in the Region called'}: model access is granted per account and Region (and through a Marketplace subscription for third-party models), and an IAM refusal would name the principal and the policy type instead.`));
    },
  ],
  confirm: [
    { description: 'Whether this account may invoke the model in this Region: authorizationStatus, entitlementAvailability (the Marketplace subscription), agreementAvailability and regionAvailability.', command: 'aws bedrock get-foundation-model-availability --model-id {modelId} --region {region}' },
    { description: 'The models offered in this Region (some are invoked only through an inference profile: aws bedrock list-inference-profiles).', command: "aws bedrock list-foundation-models --region {region} --query 'modelSummaries[].modelId' --output text" },
  ],
  fix: {
    description: 'Grant the account access to the model in the Region you call (Bedrock console, Model access; for a third-party model accept its Marketplace offer, with a principal allowed aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions; for Anthropic submit the use-case form once), or call a Region where the model is offered, or invoke it through the inference profile it needs. Changing the caller\'s IAM policies does not help.',
    commands: [
      'aws bedrock list-foundation-model-agreement-offers --model-id {modelId} --region {region}',
      'aws bedrock create-foundation-model-agreement --model-id {modelId} --offer-token <offer-token> --region {region}',
    ],
  },
  docs: [ACCESS_DOC, KC_DOC],
  facts: (ctx) => ({ modelId: modelId(ctx) }),
};

export const causes: CauseDefinition[] = [modelAccess];
