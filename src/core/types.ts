/**
 * The shared vocabulary of the whydenied pipeline:
 *   text ──parse──▶ ParsedError ─┐
 *   policies ──read──▶ Policy[] ─┼─evaluate──▶ Evaluation ──rank──▶ Explanation ──render──▶ …
 *   request / context facts ─────┘
 *
 * Field names that appear in design/api.md are a public contract: add fields, never rename.
 * Closed vocabularies are `as const` arrays; their types derive from them.
 */

// ───────────────────────────── vocabularies ─────────────────────────────

export const ERROR_SOURCES = [
  'aws-cli', 'boto3', 'aws-sdk-js', 'aws-sdk-go', 'aws-sdk-java', 'aws-sdk-dotnet',
  'terraform', 'github-actions', 'cdk', 'cloudtrail', 'console', 'plain',
] as const;
export type ErrorSource = (typeof ERROR_SOURCES)[number];

export const PRINCIPAL_TYPES = [
  'user', 'role', 'assumed-role', 'federated-user', 'root', 'service',
  'web-identity', 'saml', 'anonymous', 'unknown',
] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export const DENY_KINDS = ['explicit', 'implicit', 'unknown'] as const;
export type DenyKind = (typeof DENY_KINDS)[number];

/** The policy type as AWS names it in a denial message. */
export const DENY_POLICY_TYPES = [
  'identity-based', 'resource-based', 'role-trust', 'service-control', 'resource-control',
  'permissions-boundary', 'session', 'vpc-endpoint',
] as const;
export type DenyPolicyType = (typeof DENY_POLICY_TYPES)[number];

/** The kind of a pasted policy (api.md `policies[].kind`). */
export const POLICY_KINDS = [
  'trust', 'identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const VERDICTS = ['allow', 'explicit-deny', 'implicit-deny', 'not-applicable', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DECISIONS = ['allow', 'explicit-deny', 'implicit-deny', 'unknown'] as const;
export type Decision = (typeof DECISIONS)[number];

export const CAUSE_STATUSES = ['confirmed', 'likely', 'possible', 'unlikely', 'ruled-out'] as const;
export type CauseStatus = (typeof CAUSE_STATUSES)[number];

export const EVIDENCE_SOURCES = ['message', 'policy', 'request', 'context', 'catalog'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

// ───────────────────────────── issues ─────────────────────────────

/** A problem found in user input. User input never throws; it yields issues. */
export interface Issue {
  code: string;
  message: string;
  /** JSON path into a policy (`Statement[1].Condition`) or a position hint. */
  path?: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface Warning {
  code: string;
  message: string;
  /** The catalog id of the cause whose check failed (`cause-check-failed`); never text from the input. */
  cause?: string;
}

// ───────────────────────────── parse ─────────────────────────────

export interface Caller {
  /** Exactly as printed (quotes stripped), or null. May be a redaction placeholder like `<USER>`. */
  arn: string | null;
  type: PrincipalType;
  accountId: string | null;
  partition: string | null;
  /** User name, role name (for a session: the role's), service principal, … */
  name: string | null;
  /** Session name of an assumed-role or federated-user ARN. */
  sessionName: string | null;
  /** The role behind an assumed-role session (`arn:…:iam::acct:role/name`; path unknown unless a CloudTrail event's sessionIssuer gives it). */
  roleArn: string | null;
  /** true when read from the paste around the message (`aws sts get-caller-identity` output), not the message. */
  fromContext?: boolean;
}

export interface Target {
  /** Exactly as printed (quotes stripped): an ARN, or a bare name/`*` when that is what AWS printed. */
  arn: string | null;
  accountId: string | null;
  partition: string | null;
  service: string | null;
  region: string | null;
  /** `role`, `user`, `bucket`, `object`, `function`, `table`, `parameter`, `key`, … */
  resourceType: string | null;
  /** The resource's own name (last path segment for IAM, bucket name, key id, …). */
  name: string | null;
  /** IAM path for IAM resources (`/aws-reserved/sso.amazonaws.com/`), else null. */
  path?: string | null;
  /** true when built from the command around the message (`--bucket <access point ARN> --key …`), not the message. */
  fromContext?: boolean;
}

export interface Deny {
  kind: DenyKind;
  policyType: DenyPolicyType | null;
  policyArn: string | null;
}

export interface ParsedError {
  /** false: no AWS authorization failure found in the text. */
  recognized: boolean;
  source: ErrorSource;
  errorCode: string | null;
  operation: string | null;
  /** IAM action (`sts:AssumeRole`), or null. */
  action: string | null;
  caller: Caller | null;
  target: Target | null;
  crossAccount: boolean | null;
  deny: Deny;
  requestId: string | null;
  region: string | null;
  /** The encoded authorization blob, unwrapped, or null. */
  encodedMessage: string | null;
  /** What the person hid: `account-id`, `caller-arn`, `target-arn`, `action`, `request-id`, … */
  redactions: string[];
  /** Name of the message shape that matched (see parse/message-shapes.ts), or null. */
  shape: string | null;
  /** The AWS message itself, unwrapped from its envelope (secrets already removed), or null. */
  message: string | null;
  /** HTTP status when printed (403, 400), else null. */
  httpStatus: number | null;
  /** Wrappers that were peeled off, outermost first (`terraform-box`, `json-escaped`, …). */
  wrappers: string[];
  /**
   * The SAML or OIDC provider ARN a federation call named in the paste (`--principal-arn`,
   * `with principal arn:…:saml-provider/X`, `Found Principal ARN …`), printed whole; null or absent otherwise.
   */
  identityProvider?: string | null;
  /**
   * What `aws sts decode-authorization-message` printed, when that is what was pasted (absent
   * otherwise): the decision, the statements that matched and the request's condition values.
   */
  decoded?: DecodedAuthorization;
}

/** A condition key and its values as a decoded authorization message lists them. */
export interface DecodedCondition {
  key: string;
  values: string[];
}

/** One of the decoded message's `matchedStatements` (it names no policy and no policy type). */
export interface DecodedStatement {
  statementId: string | null;
  /** `DENY` / `ALLOW` as printed, normalized; null when cut off. */
  effect: 'Allow' | 'Deny' | null;
  principals: string[];
  actions: string[];
  resources: string[];
  conditions: DecodedCondition[];
}

/** The decoded authorization message (docs/decisions/024), bounded: at most 20 statements and 200 keys. */
export interface DecodedAuthorization {
  allowed: boolean | null;
  explicitDeny: boolean | null;
  matchedStatements: DecodedStatement[];
  /** The request's condition keys and values (`context.conditions`), as AWS evaluated them. */
  conditions: DecodedCondition[];
  /** The paste ended before the message did: later fields may be missing. */
  truncated: boolean;
}

export interface ParseResult {
  /** The most specific failure found (recognized: false when none). */
  parsed: ParsedError;
  /** Further distinct failures in the same text. */
  otherErrors: ParsedError[];
  issues: Issue[];
}

// ───────────────────────────── policies ─────────────────────────────

/** What a person pastes (api.md `policies[]`). */
export interface PolicyInput {
  kind?: PolicyKind;
  name?: string;
  /** A policy object, or a string: JSON, URL-encoded JSON, or CLI output holding one. */
  document: unknown;
  /** Organization level for SCP/RCP (0 = root); pasted ones without it form one level. */
  level?: number;
}

/** A Principal / NotPrincipal element, normalized: every value an array. `*` alone → wildcard. */
export interface PrincipalElement {
  wildcard: boolean;
  AWS: string[];
  Service: string[];
  Federated: string[];
  CanonicalUser: string[];
}

export interface ConditionClause {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** Without set prefix and IfExists, e.g. `StringLike`. */
  baseOperator: string;
  setOperator: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
  /** Condition key as written (compare case-insensitively). */
  key: string;
  values: string[];
}

export interface Statement {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  action: string[] | null;
  notAction: string[] | null;
  resource: string[] | null;
  notResource: string[] | null;
  principal: PrincipalElement | null;
  notPrincipal: PrincipalElement | null;
  conditions: ConditionClause[];
}

export interface Policy {
  name: string | null;
  kind: PolicyKind;
  kindInferred: boolean;
  /** false when no usable statement could be read. */
  valid: boolean;
  issues: Issue[];
  version: string | null;
  statements: Statement[];
  /** The policy document as read (a plain JSON object), for showing corrected copies. */
  document: unknown;
  /** SCP/RCP organization level, null = the default single level. */
  level: number | null;
  /** Metadata read from pasted CLI output around the document (e.g. `aws iam get-role`). */
  meta?: PolicyMeta;
}

/** What pasted `aws iam get-role` (or similar) output says about the role, besides the document. */
export interface PolicyMeta {
  roleName?: string;
  roleArn?: string;
  /** The role's path, e.g. `/` or `/aws-reserved/sso.amazonaws.com/`. */
  path?: string;
  maxSessionDuration?: number;
  roleId?: string;
  permissionsBoundaryArn?: string;
  createDate?: string;
  /** An SCP's or RCP's organization management account, from the ARN `aws organizations describe-policy` prints. */
  managementAccount?: string;
}

// ───────────────────────────── evaluation ─────────────────────────────

export type ContextValue = string | number | boolean | Array<string | number | boolean>;

/** One request to evaluate: who does what to which resource, with which condition keys. */
export interface EvaluationRequest {
  /** Caller ARN (user, role, assumed-role session, root, service principal, federated …). */
  principal: string;
  action: string;
  /** Resource ARN; `*` when the action has no resource (or, with `resourceUnknown`, when nobody named it). */
  resource: string;
  /**
   * The action has a resource but nobody named it (S3's bare "Access Denied"): `resource` is `*`, and a
   * statement whose Resource could match some resource of the action is `unknown` (docs/decisions/017).
   */
  resourceUnknown?: boolean;
  /** Resource owner account when the ARN has none (S3). */
  resourceAccount?: string | null;
  /** Condition keys with values (keys compared case-insensitively). */
  context: Record<string, ContextValue>;
  /**
   * How keys absent from `context` are treated: `absent` = not in the request (as AWS does);
   * `unknown` = nobody knows, evaluate three-valued.
   */
  missing: 'absent' | 'unknown';
  /** Keys that are known to be absent even under `missing: 'unknown'`. */
  knownAbsent?: string[];
  /** Whether caller and resource are in different accounts, when known some other way (S3 ARNs carry no account). */
  crossAccount?: boolean | null;
  /**
   * The caller is a role session whose role path is not known (an assumed-role ARN hides it): the
   * role ARN in `aws:PrincipalArn` may carry any path, so comparisons that depend on it are unknown.
   */
  rolePathUnknown?: boolean;
}

export interface ConditionOutcome {
  operator: string;
  key: string;
  values: string[];
  /** The request's value(s), null when absent, undefined when unknown. */
  actual?: string[] | null;
  result: boolean | 'unknown';
}

export type StatementElement =
  | 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Condition';

export interface StatementRecord {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** true: applies to the request; false: does not; 'unknown': depends on unknown condition keys. */
  matched: boolean | 'unknown';
  /** One sentence for people: what matched, or which element and value did not. */
  why: string;
  /** The first element that failed to match, when matched is false. */
  failedElement?: StatementElement;
  conditions: ConditionOutcome[];
}

export interface PolicyEvaluation {
  /** Index into the pasted policies. */
  policy: number;
  name: string | null;
  kind: PolicyKind;
  verdict: Verdict;
  statements: StatementRecord[];
  /** For verdict 'unknown': the conditions that decide, with the values that would allow. */
  decidingConditions: ConditionOutcome[];
}

export interface Evaluation {
  decision: Decision;
  /** Which policy type decided (for deny decisions), e.g. 'trust', 'scp'. */
  decidedBy: PolicyKind | null;
  policies: PolicyEvaluation[];
  /** Condition keys whose values would decide the outcome; `Resource` when it depends on the unnamed resource (docs/decisions/017). */
  missingContext: string[];
  crossAccount: boolean | null;
  /** Short human-readable trail of the decision steps. */
  trail: string[];
}

// ───────────────────────────── explain ─────────────────────────────

/** What the failing call sent, when the person knows (api.md `request`). */
export interface RequestFacts {
  /** string, or null = the call passed no external id. */
  externalId?: string | null;
  durationSeconds?: number;
  roleSessionName?: string;
  sourceIdentity?: string;
  sessionTags?: Record<string, string>;
  mfa?: boolean;
  chained?: boolean;
}

export interface ExplainInput {
  message: string;
  policies?: PolicyInput[];
  request?: RequestFacts;
  context?: Record<string, ContextValue>;
}

export interface Evidence {
  text: string;
  source: EvidenceSource;
  /** Index into policies[], when from a policy. */
  policy?: number;
  /** Statement index within that policy. */
  statement?: number;
}

export interface CommandStep {
  description: string;
  command: string;
}

export interface Fix {
  description: string;
  commands: string[];
  /** The corrected policy document, when the relevant policy was pasted. */
  policy?: unknown;
  /** Index of the pasted policy that `policy` corrects. */
  policyIndex?: number;
}

export interface RankedCause {
  id: string;
  title: string;
  status: CauseStatus;
  /** 0..1, comparable within one answer. */
  score: number;
  evidence: Evidence[];
  confirm: CommandStep[];
  fix: Fix;
  docs: string[];
  /**
   * `full`: confirm commands and fix commands filled in. `summary`: an unlikely or ruled-out cause
   * past the first few, sent with its evidence only (confirm and fix.commands empty) to keep answers
   * small; `GET /v1/causes/{id}` has its commands.
   */
  detail?: 'full' | 'summary';
}

export interface PolicyReport {
  name: string | null;
  kind: PolicyKind;
  kindInferred: boolean;
  valid: boolean;
  issues: Issue[];
  verdict: Verdict;
  /** Per-statement records (what matched, why not). */
  statements?: StatementRecord[];
  /** For verdict 'unknown': what would decide it. */
  decidingConditions?: ConditionOutcome[];
}

/** How a condition key's value must have stood for this call, as far as AWS's own message and the pasted policies tell. */
export const INFERRED_RELATIONS = [
  'be one of', 'not be one of', 'match one of', 'match none of', 'be in', 'not be in',
  'be less than', 'be at most', 'be greater than', 'be at least',
  'be before', 'be at or before', 'be after', 'be at or after',
  'include one of', 'include none of', 'all be among', 'include a value outside',
  'be absent', 'be present', 'satisfy', 'not satisfy',
] as const;
export type InferredRelation = (typeof INFERRED_RELATIONS)[number];

/**
 * A value the failed call must have carried (docs/decisions/016): AWS's message names the policy type
 * that refused, and exactly one pasted statement of that type could have produced the refusal, with
 * a condition whose value nobody stated. A Deny then matched (its unknown conditions were true); an
 * Allow then did not (its one unknown condition was false).
 */
export interface InferredValue {
  /** Condition key as written in the policy. */
  key: string;
  /** The relation the call's value stood in to `values` (`be absent` / `be present`: no values). */
  must: InferredRelation;
  values: string[];
  /** true: or the call carried no such key at all (both satisfy the statement's condition). */
  orAbsent: boolean;
  /** The condition as written, e.g. `StringNotEquals` (`satisfy` / `not satisfy` repeat it). */
  operator: string;
  /** One sentence for people: "aws:RequestedRegion was none of eu-west-1, eu-central-1". */
  text: string;
  /** The statement it follows from: index into policies[], 0-based statement index. */
  from: { policy: number; statement: number; sid: string | null; kind: PolicyKind; effect: 'Allow' | 'Deny' };
}

/**
 * What the causes and the policy evaluation actually checked, when it is not the request the message
 * names: a service's onward call (docs/decisions/019), a service's use of KMS for the caller (018), an
 * S3 resource read from the command around the message. `parsed` stays as the parser made it.
 */
export interface EvaluatedCall {
  /**
   * Why the check differs: `service-call` (019), `kms-use` (018), `s3-command` (S3 target from the command),
   * `shown-caller` (the caller get-caller-identity shows after the failure, 023).
   */
  kind: 'service-call' | 'kms-use' | 's3-command' | 'shown-caller';
  /** The IAM action checked (`ecr:BatchGetImage`). */
  action: string;
  /** Further actions the same step needs (shown, not evaluated). */
  also: string[];
  /** Who makes the call: a service principal, a service-linked role, or the caller's ARN; null when not known. */
  caller: string | null;
  /** The resource checked (an ARN) when known, else null. */
  resource: string | null;
  /** One sentence for people: "Lambda pulls the image from ECR on your behalf: the check is ecr:BatchGetImage by lambda.amazonaws.com". */
  why: string;
}

export interface Explanation {
  parsed: ParsedError;
  /** What was checked when it differs from `parsed` (onward service call, KMS use, S3 target from the command); null otherwise. */
  evaluated?: EvaluatedCall | null;
  causes: RankedCause[];
  firstSteps: CommandStep[];
  policies: PolicyReport[];
  warnings: Warning[];
  otherErrors: ParsedError[];
  /**
   * What the call must have carried, reasoned backwards from the policy type AWS names in the
   * message (docs/decisions/016); empty when nothing could be inferred. Always set by explain().
   */
  inferred?: InferredValue[];
  /** The overall decision of the pasted policies, when any were pasted. */
  evaluation?: { decision: Decision; decidedBy: PolicyKind | null; missingContext: string[]; trail: string[] } | null;
}

// ───────────────────────────── simulate ─────────────────────────────

export interface SimulateInput {
  principal: string;
  action: string;
  resource: string;
  resourceAccount?: string | null;
  context?: Record<string, ContextValue>;
  policies: PolicyInput[];
  missing?: 'absent' | 'unknown';
}

export interface SimulateResult {
  decision: Decision;
  policies: Array<{
    name: string | null;
    kind: PolicyKind;
    kindInferred: boolean;
    valid: boolean;
    issues: Issue[];
    verdict: Verdict;
    statements: Array<{ index: number; sid: string | null; effect: 'Allow' | 'Deny'; matched: boolean | 'unknown'; why: string }>;
  }>;
  missingContext: string[];
}
