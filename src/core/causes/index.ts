/**
 * The cause catalog's public face: rank causes for one answer, the first steps for any error,
 * and the catalog itself for GET /v1/causes.
 */
import type { CommandStep, ContextValue, Evaluation, InferredValue, ParsedError, Policy, RankedCause, RequestFacts, Warning } from '../types.js';
import { rank } from '../rank/index.js';
import { definitionOf, definitions } from './catalog.js';
import { deriveFacts, fillTemplate, firstStepFacts } from './templates.js';
import { familyFacts } from './service-facts.js';
import { isDataEvent, isOpenSearchHttp, notInCloudTrail } from './service-util.js';
import { forgetLowered } from './text-index.js';
import { inferredValues } from './abduce.js';
import { kmsUse, type KmsUse } from './kms-use.js';
import { s3PrefixGrant } from './caller.js';
import { mayShowRequestValues, requestFromCommand } from '../policy/command-request.js';
import type { CauseContext, CauseDefinition } from './types.js';

export type { CauseDefinition } from './types.js';

export interface CauseInput {
  parsed: ParsedError;
  policies: Policy[];
  evaluation: Evaluation | null;
  request: RequestFacts;
  context: Record<string, ContextValue>;
  /** The pasted text (secrets removed), for wrapper hints. */
  text?: string;
}

/** The request values the commands name: what the paste shows the call sent, under what the person stated. */
function witnessed(input: CauseInput): CauseInput['request'] {
  const text = input.text ?? '';
  return mayShowRequestValues(text) ? { ...requestFromCommand(text, input.parsed).request, ...input.request } : input.request;
}

export function causeContext(input: CauseInput): CauseContext {
  const ctx: CauseContext = {
    parsed: input.parsed,
    policies: input.policies,
    evaluation: input.evaluation,
    request: input.request ?? {},
    context: input.context ?? {},
    // the commands name what the pasted command or CloudTrail event shows the call sent (its session name), under what the person stated
    facts: deriveFacts(input.parsed, witnessed(input), input.context, input.policies),
    text: input.text ?? '',
    memo: [],
  };
  // S3 bucket/key from URLs fill what is still empty; the OIDC and SAML provider names are derived
  // when a ranked cause's templates first name one (factsFor in service-facts.ts).
  Object.assign(ctx.facts, familyFacts(ctx));
  // the Resource a caller-side grant names: the target, or the folder of an S3 deploy's file (caller.ts)
  ctx.facts.grantResource = s3PrefixGrant(ctx) ?? ctx.facts.targetArn ?? null;
  return ctx;
}

/** Every applicable cause, best first; ruled-out ones last. Never throws. */
export function rankCauses(input: CauseInput): RankedCause[] {
  return rankCausesChecked(input).causes;
}

/** Ranked causes, and a warning per cause whose check broke (a bug, never the person's input). */
export interface CheckedCauses {
  causes: RankedCause[];
  warnings: Warning[];
  /** What the call must have carried, from the policy type AWS names (docs/decisions/016). */
  inferred: InferredValue[];
  /** The KMS use the message reports (docs/decisions/018), or null. */
  kms?: KmsUse | null;
}

/**
 * Like rankCauses, but a broken cause check is visible: the cause is skipped on its own and the
 * answer carries a `cause-check-failed` warning naming its id (no text from the input). When the
 * shared context itself cannot be built, no cause is ranked and `cause-ranking-failed` says so.
 */
export function rankCausesChecked(input: CauseInput, defs: readonly CauseDefinition[] = definitions): CheckedCauses {
  let causes: RankedCause[];
  let failed: Set<string> | undefined;
  let inferred: InferredValue[] = [];
  let kms: KmsUse | null = null;
  try {
    const ctx = causeContext(input);
    kms = kmsUse(ctx);
    // the KMS use is the refused call (the causes see no action there): commands name its KMS action, never <action>
    if (kms && !ctx.facts.action) Object.assign(ctx.facts, { action: kms.kmsAction, service: 'kms', actionName: kms.kmsAction.slice(4) });
    // the facts a cause may set to its own value (CAUSE_FACTS): their answer-wide defaults, once the facts are final
    ctx.facts.grantAction = ctx.facts.action ?? null;
    ctx.facts.grantOn = ctx.facts.grantResource ?? null;
    ctx.facts.trustPrincipalAccount = ctx.facts.callerAccount ?? null;
    // rank catches a throwing appliesTo or signal itself and names the cause here
    causes = rank(defs, ctx, (id) => { (failed ??= new Set()).add(id); });
    inferred = inferredValues(ctx);
  } catch {
    return { causes: [], warnings: [{ code: 'cause-ranking-failed', message: 'The likely causes could not be ranked because of an internal error; the parsed fields and policy verdicts are still valid.' }], inferred: [] };
  } finally {
    forgetLowered();
  }
  if (!failed) return { causes, warnings: [], inferred, kms };
  const skip = failed;
  return {
    inferred,
    kms,
    causes: causes.filter((c) => !skip.has(c.id)),
    warnings: [...skip].map((id) => ({
      code: 'cause-check-failed',
      message: `The check for cause "${id}" failed with an internal error, so that cause is left out of this answer.`,
      cause: id,
    })),
  };
}

/** What to run first for any error: who is calling, the decoded blob, the failed call in CloudTrail. */
export function firstSteps(parsed: ParsedError): CommandStep[] {
  const facts = firstStepFacts(parsed);
  // A web identity or SAML exchange is the call that would have given the first AWS identity:
  // there is none to show yet, and get-caller-identity would fail or show unrelated credentials.
  const federated = /^(sts:)?AssumeRoleWith(WebIdentity|SAML)$/i.test(parsed.action ?? parsed.operation ?? '');
  const steps: CommandStep[] = federated ? [] : [{
    description: 'See which identity the failing call really uses (needs no permission, works even when everything else is denied). Run it with the same profile and environment as the failing command.',
    command: 'aws sts get-caller-identity',
  }];
  // the decoded form pasted beside the blob already says what decoding it would (docs/decisions/024)
  if (parsed.encodedMessage && !parsed.decoded) {
    steps.push({
      description: 'Decode the authorization failure message: it names the denying policy type, the action, the resource and the request context (needs sts:DecodeAuthorizationMessage; decode it soon, the blob expires).',
      command: `aws sts decode-authorization-message --encoded-message ${fillTemplate('{encodedMessage}', facts)} --query DecodedMessage --output text`,
    });
  }
  const sts = (parsed.action ?? '').toLowerCase().startsWith('sts:') || (parsed.operation ?? '').startsWith('AssumeRole');
  const region = facts.region ?? (sts ? 'us-east-1' : null);
  const regionFlag = region ? `--region ${region}` : '--region <region>';
  if (isOpenSearchHttp(parsed.action)) {
    steps.push({
      description: `CloudTrail never records requests to an OpenSearch domain's own API (${parsed.action}): the domain's audit logs hold each one with its caller, when fine-grained access control publishes AUDIT_LOGS.`,
      command: `aws opensearch describe-domain --domain-name ${fillTemplate('{esDomain}', facts)} ${regionFlag} --query 'DomainStatus.LogPublishingOptions'`,
    });
    return steps;
  }
  if (notInCloudTrail(parsed.action)) {
    steps.push({
      description: 'CloudTrail never records execute-api:Invoke: the stage\'s access logs (and execution logs) hold each call with its status and caller, when the stage has them turned on.',
      command: `aws apigateway get-stages --rest-api-id ${fillTemplate('{apiId}', facts)} ${regionFlag} --query 'item[].[stageName,accessLogSettings.destinationArn]' --output text`,
    });
    return steps;
  }
  if (isDataEvent(parsed.action)) {
    steps.push({
      description: `${fillTemplate('{eventName}', facts)} is a CloudTrail data event: Event history (lookup-events) never holds it, and a trail records it only when it logs data events for this resource. List the trails; one with HasCustomEventSelectors may (aws cloudtrail get-event-selectors --trail-name <name> says), and then its log files hold the failed call with errorCode, userIdentity and requestParameters.`,
      command: `aws cloudtrail describe-trails ${regionFlag} --query 'trailList[].[Name,HomeRegion,HasCustomEventSelectors,S3BucketName]' --output text`,
    });
    return steps;
  }
  steps.push({
    description: federated
      ? 'Find the failed call in CloudTrail (last 90 days) in the role\'s account, in the Region of the STS endpoint the SDK used: the caller has no AWS account of its own. errorCode, errorMessage, userIdentity (the identity provider and token subject) and requestParameters show what was really sent.'
      : sts
      ? 'Find the failed call in CloudTrail (last 90 days). STS calls are logged in both the caller\'s and the role\'s account; run it in each, and in the caller\'s Region if the SDK used a regional STS endpoint. errorCode, errorMessage, userIdentity and requestParameters show what was really sent.'
      : 'Find the failed call in CloudTrail (management events, last 90 days, one Region per call): errorCode, errorMessage, userIdentity and requestParameters show what was really sent.',
    command: `aws cloudtrail lookup-events ${regionFlag} --lookup-attributes AttributeKey=EventName,AttributeValue=${fillTemplate('{eventName}', facts)} --max-results 20 --query 'Events[].CloudTrailEvent' --output text`,
  });
  return steps;
}

export interface CatalogEntry {
  id: string;
  title: string;
  summary: string;
  family: string;
  docs: string[];
  confirm: CommandStep[];
  fix: { description: string; commands: string[] };
}

function entryOf(d: CauseDefinition): CatalogEntry {
  const blank = {};
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    family: d.family,
    docs: d.docs,
    confirm: d.confirm.map((c) => ({ description: fillTemplate(c.description, blank), command: fillTemplate(c.command, blank) })),
    fix: { description: fillTemplate(d.fix.description, blank), commands: d.fix.commands.map((c) => fillTemplate(typeof c === 'string' ? c : c.command, blank)) },
  };
}

/** The catalog for GET /v1/causes: placeholders in place of names. */
export const catalog: ReadonlyArray<CatalogEntry> = definitions.map(entryOf);

/** One catalog entry (GET /v1/causes/{id}), or undefined. */
export function getCause(id: string): CatalogEntry | undefined {
  const d = definitionOf(id);
  return d ? entryOf(d) : undefined;
}
