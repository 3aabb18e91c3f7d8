/**
 * The shape of a cause in the catalog: data (id, title, commands, fix, docs) plus small signal
 * functions. Signals read the evidence and return weights or proof; the ranker (src/core/rank)
 * turns priors × weights into scores and statuses and never switches on a cause id.
 */
import type {
  ContextValue, Evaluation, Evidence, ParsedError, Policy, RequestFacts,
} from '../types.js';

/** Names and ids derived once per answer, for command and fix templates (`{targetRoleName}`). */
export type TemplateFacts = Record<string, string | null>;

/** Everything a signal may read. */
export interface CauseContext {
  parsed: ParsedError;
  policies: Policy[];
  /** The evaluation of the pasted policies for the failed request, or null when none were pasted. */
  evaluation: Evaluation | null;
  request: RequestFacts;
  context: Record<string, ContextValue>;
  facts: TemplateFacts;
  /** The pasted text (secrets already removed), for wrapper hints (GitHub Actions inputs, Terraform). '' when unknown. */
  text: string;
  /** Per-answer cache slots (memo.ts); absent on contexts built by hand. */
  memo?: unknown[];
}

export interface SignalResult {
  /** Multiplies the cause's prior: > 1 raises it, < 1 lowers it. */
  weight: number;
  /** Proof decides the status whatever the weights: a policy shows it, or rules it out. */
  proof?: 'confirmed' | 'ruled-out';
  /**
   * A floor for an unproven cause: the pasted policies leave it as the explanation if one unknown
   * fact holds ("likely, if …"), whatever the prior says.
   */
  atLeast?: 'likely' | 'possible';
  /**
   * The AWS message itself names this cause (e.g. "explicit deny in a permissions boundary"). A
   * pasted-policy rule-out then only lowers the confidence: the pasted copy may be stale, or the
   * evaluation may have missed a statement — the message's own claim is not overruled by inference.
   */
  claim?: boolean;
  evidence: Evidence;
}

export type Signal = (ctx: CauseContext) => SignalResult | SignalResult[] | null | undefined;

/** A command whose `{name}` placeholders are filled from TemplateFacts. */
export interface CommandTemplate {
  description: string;
  command: string;
  /** Only include when this returns true (e.g. only for role callers). */
  when?: (ctx: CauseContext) => boolean;
}

/** A fix command, optionally only for some answers (like CommandTemplate.when). */
export interface FixCommand {
  command: string;
  when?: (ctx: CauseContext) => boolean;
}

export interface FixTemplate {
  description: string;
  /** Sentences added to the description, each only when its `when(ctx)` holds (why a grant is scoped as it is …). */
  notes?: Array<{ text: string; when: (ctx: CauseContext) => boolean }>;
  /** Plain strings always apply; `{ command, when }` only when `when(ctx)` is true. */
  commands: Array<string | FixCommand>;
  /** The corrected pasted policy (minimal change), when the relevant policy was pasted. */
  correctPolicy?: (ctx: CauseContext) => { policyIndex: number; policy: unknown } | null;
}

/**
 * Facts the gate reads (causes/gate.ts), each cheap and computed at most once per answer:
 * 's3' / 'kms' / 'saml' / 'web-identity' are the families' own "is this that kind of call" checks,
 * 'source-identity' whether the request or its context carried one, 'session-tags' whether it passed
 * session tags (request facts or aws:TagKeys), 'aws-assume' whether the call is an AssumeRole (or
 * TagSession / SetSourceIdentity) call by an AWS principal.
 */
export type GateKey = 's3' | 'kms' | 'saml' | 'web-identity' | 'source-identity' | 'session-tags' | 'aws-assume';

/**
 * A necessary condition of a cause's appliesTo, as data: the cause can apply only when one of these
 * holds (a key's fact, the caller's type, a stated request fact, a lower-case phrase in the paste as `has` reads it, the error code as `codeIs`
 * compares it, the parsed action). The ranker skips appliesTo when none holds. test/causes/gate.test.ts
 * checks every gate against appliesTo on every fixture input and on mutations of them.
 */
export interface CauseGate {
  keys?: readonly GateKey[];
  phrases?: readonly string[];
  codes?: readonly string[];
  /** Lower-case actions (`sts:tagsession`). */
  actions?: readonly string[];
  /** The parsed caller's type (`root`, `federated-user`, …). */
  callers?: readonly string[];
  /** Request facts the person stated (present, whatever the value). */
  request?: ReadonlyArray<keyof RequestFacts>;
}

export interface CauseDefinition {
  id: string;
  title: string;
  /** One or two sentences: what is wrong. */
  summary: string;
  /** Catalog section, e.g. 'trust-policy', 'caller', 'guardrail', 'condition', 's3', 'kms'. */
  family: string;
  /** How often this cause occurs in practice, relative to the others (corpus/NOTES.md). */
  prior: number;
  /** Whether the cause can explain this error at all; false leaves it out of the answer. */
  appliesTo: (ctx: CauseContext) => boolean;
  /** When present, appliesTo is only asked if the gate is open (a necessary condition; absent = always asked). */
  gate?: CauseGate;
  signals: Signal[];
  confirm: CommandTemplate[];
  fix: FixTemplate;
  docs: string[];
  /**
   * How precise the cause is, for ties (design/causes.md "Which id ranks first"): 0 = generic
   * (`identity-missing-allow`, `trust-principal-missing`), 1 = a specific form, 2 = very specific.
   * Default 0.
   */
  specificity?: number;
  /**
   * Ids of more generic causes this one is a precise form of. When this cause is confirmed, the
   * ranker places it above them and downgrades them (data, so the ranker never switches on ids).
   */
  refines?: string[];
  /**
   * Ids of causes this one makes moot when it is confirmed (not precise forms, but answers whose fix
   * would be wrong then — granting an unintended caller): they drop below it, as with `refines`.
   */
  supersedes?: string[];
  /**
   * Where in the request's life this cause makes the call fail (design/causes.md): 'client'
   * (before any request is sent), 'idp' (the IdP/STS finds the provider), 'token' (the token or
   * assertion is validated), 'policy' (trust / identity / resource policies are evaluated). When the
   * message shows the failure happened at a known stage, server-side causes of another stage are
   * ruled out (a later stage was never reached; an earlier server stage was passed).
   */
  stage?: 'client' | 'idp' | 'token' | 'policy';
  /**
   * The call never left the machine when this cause holds: no credentials signed it, or no token
   * was obtained to trade. A 'client' stage is not enough (the IRSA cause is client-side, yet its
   * calls are sent, under the wrong identity). When such a cause leads, the Markdown and text
   * answers say the action "was never sent" rather than "was denied".
   */
  nothingSent?: boolean;
  /**
   * Facts only this cause can derive (the tag a failing condition expects), for its own confirm
   * and fix templates: they fill only keys the answer's facts leave empty, and no other cause sees
   * them. Asked once per answer in which the cause is ranked; a throw leaves the placeholders.
   */
  facts?: (ctx: CauseContext) => TemplateFacts;
}
