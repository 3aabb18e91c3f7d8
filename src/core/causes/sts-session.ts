/**
 * Session tags and source identity [aws-facts 3.E]: the AssumeRole-family call passed session
 * tags or a source identity, and the role's trust policy (and, across accounts or in a chain,
 * the caller's own policy) does not allow sts:TagSession / sts:SetSourceIdentity; or the packed
 * session policies + tags are too large.
 */
import type { CauseContext, CauseDefinition, Signal, SignalResult } from './types.js';
import {
  actionIs, callerPrincipal, codeIs, crossAccount, fromMessage, fromPolicy, fromRequest, has, isAssumeFamily,
  isSaml, isWebIdentity, policiesOf, policyLabel, sig, statementsFor, stmtLabel, trustStatementsForCaller,
  withActionsAdded, withStatementAdded, ctxValues, type Indexed,
} from './service-util.js';
import { perAnswer } from './signals.js';
import { federatedRequest } from '../policy/command-request.js';

const TRUST_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html';
const SOURCE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html';
const ASSUME_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';

/** The call passed session tags: the request facts say so, or the request's aws:TagKeys lists some (EKS Pod Identity's). */
/**
 * What a federated call passes as the paste shows the assertion or token (a SAML SourceIdentity / PrincipalTag:<key>
 * attribute, a token's source_identity claim or https://aws.amazon.com/tags principal_tags): the IdP, not the person,
 * sets these, and the trust must allow sts:SetSourceIdentity / sts:TagSession for them (docs/decisions/027).
 */
const federatedPasses = perAnswer((ctx: CauseContext) => {
  const saml = isSaml(ctx);
  if (!ctx.text || (!saml && !isWebIdentity(ctx))) return { sourceIdentity: null, sessionTags: null };
  return federatedRequest(ctx.text, saml);
});
export const hasSessionTags = (ctx: CauseContext) => (!!ctx.request.sessionTags && Object.keys(ctx.request.sessionTags).length > 0)
  || (ctxValues(ctx, 'aws:TagKeys')?.length ?? 0) > 0 || federatedPasses(ctx).sessionTags !== null;
export const hasSourceIdentity = (ctx: CauseContext) =>
  ctx.request.sourceIdentity !== undefined || ctxValues(ctx, 'aws:SourceIdentity') !== null || ctxValues(ctx, 'sts:SourceIdentity') !== null
  || federatedPasses(ctx).sourceIdentity !== null;

/**
 * The refusal's tail names this action as the permission that was missing (`… on resource: <role> with an explicit
 * deny or missing permission: sts:TagSession`): the AssumeRole was refused for the extra action, not for itself.
 */
const namesMissing = (ctx: CauseContext, act: string) => has(ctx, `missing permission: ${act.toLowerCase()}`, `missing permission ${act.toLowerCase()}`);

/** The message names this action as the one refused. */
const namesAction = (ctx: CauseContext, act: string) => actionIs(ctx, act) || has(ctx, `perform: ${act.toLowerCase()}`, `perform ${act.toLowerCase()}`)
  || namesMissing(ctx, act);

/** The denial names sts:AssumeRole itself (so the tags / source identity were not what failed). */
const namesPlainAssume = (ctx: CauseContext) => actionIs(ctx, 'sts:AssumeRole') && has(ctx, 'perform: sts:assumerole ');

/**
 * The shared reasoning for sts:TagSession and sts:SetSourceIdentity: the trust policy must allow
 * the extra action for the caller; across accounts (and in a chain, for source identity) the
 * caller's identity policy must allow it on the role too.
 */
function extraActionSignals(act: 'sts:TagSession' | 'sts:SetSourceIdentity', what: string, passed: (ctx: CauseContext) => boolean, chainNeedsIdentity: boolean): Signal[] {
  return [
    // the message
    (ctx) => {
      if (actionIs(ctx, act)) {
        return sig(40, fromMessage(`The refused action is ${act}: the call passed ${what}, which needs ${act} in addition to the AssumeRole action.`));
      }
      if (namesMissing(ctx, act) && isAssumeFamily(ctx)) {
        return sig(30, fromMessage(`The refusal names ${act} as the missing permission: the call passed ${what}, which needs ${act} in addition to the AssumeRole action.`));
      }
      if (namesAction(ctx, act)) return sig(8, fromMessage(`The text names ${act}.`));
      if (namesPlainAssume(ctx)) return sig(0.15, fromMessage(`The message refuses sts:AssumeRole itself, not ${act}.`));
      return null;
    },
    // the request facts
    (ctx) => {
      if (passed(ctx)) {
        const short = !actionIs(ctx, act) && (isSaml(ctx) || isWebIdentity(ctx));
        return sig(short ? 2.5 : 1.5, fromRequest(`The request passed ${what}.`));
      }
      return null;
    },
    // the pasted trust policy
    (ctx) => {
      const trusts = policiesOf(ctx, 'trust');
      if (!trusts.length) return null;
      const out: SignalResult[] = [];
      const denies = statementsFor(trusts, act, ctx, 'Deny').filter((h) => h.match !== 'unknown' && !h.conditional);
      const d = denies[0];
      if (d) out.push(sig(0.2, fromPolicy(`${stmtLabel(d.statement)} of ${policyLabel(d.policy.policy, d.policy.index)} denies ${act}: a Deny, not a missing Allow.`, d.policy.index, d.statement.index)));
      const allows = statementsFor(trusts, act, ctx, 'Allow');
      const refused = actionIs(ctx, act) || passed(ctx);
      if (!allows.length) {
        const base = trustStatementsForCaller(ctx, trusts)[0];
        const where = base
          ? `${stmtLabel(base.statement)} of ${policyLabel(base.policy.policy, base.policy.index)} allows ${base.statement.action?.join(', ') ?? 'the AssumeRole action'} for the caller, but no statement allows ${act}.`
          : `No statement of the trust policy allows ${act}.`;
        const e = base ? fromPolicy(where, base.policy.index, base.statement.index) : fromPolicy(where, trusts[0]!.index);
        out.push(refused && !denies.length && (base || actionIs(ctx, act)) ? sig(6, e, 'confirmed') : sig(3, e));
        return out;
      }
      const plain = allows.filter((h) => !h.conditional && h.match !== 'unknown');
      const firstPlain = plain[0];
      if (firstPlain) {
        const direct = plain.some((h) => h.match === 'direct');
        const needIdentity = crossAccount(ctx) === true || !direct || (chainNeedsIdentity && ctx.request.chained === true);
        const idAllows = identityAllows(ctx, act);
        const e = fromPolicy(`${stmtLabel(firstPlain.statement)} of ${policyLabel(firstPlain.policy.policy, firstPlain.policy.index)} allows ${act} for the caller.`, firstPlain.policy.index, firstPlain.statement.index);
        if (!needIdentity || idAllows === true) out.push(sig(0.05, e, 'ruled-out'));
        else out.push(sig(0.4, e));
        return out;
      }
      const cond = allows.find((h) => h.conditional);
      if (cond) {
        const e = fromPolicy(`${stmtLabel(cond.statement)} allows ${act} only under conditions: if one of them fails, that condition is the cause rather than a missing ${act}.`, cond.policy.index, cond.statement.index);
        // A statement that names this caller allows the action: "no statement allows it" is disproved
        // (causes.md: the failing condition is the condition-* cause), unless the caller side is missing.
        const needIdentity = crossAccount(ctx) === true || cond.match !== 'direct' || (chainNeedsIdentity && ctx.request.chained === true);
        if (cond.match !== 'unknown' && (!needIdentity || identityAllows(ctx, act) === true)) out.push(sig(0.05, e, 'ruled-out'));
        else out.push(sig(0.3, e));
      } else {
        out.push(sig(0.7, fromPolicy(`A statement allows ${act}, but whether it names this caller is unknown (the caller ARN is redacted).`, allows[0]!.policy.index, allows[0]!.statement.index)));
      }
      return out;
    },
    // the caller's identity policy (needed across accounts, and in a chain for source identity)
    (ctx) => {
      const needed = crossAccount(ctx) === true || (chainNeedsIdentity && ctx.request.chained === true);
      if (!needed) return null;
      const ids = policiesOf(ctx, 'identity');
      if (!ids.length) return null;
      const r = identityAllows(ctx, act);
      const e = fromPolicy(r ? `The caller's identity policy allows ${act} on the role.` : `The caller's identity policy does not allow ${act} on the role (needed ${crossAccount(ctx) ? 'across accounts' : 'in a role chain'}).`, ids[0]!.index);
      if (r === false) return sig(6, e, actionIs(ctx, act) || passed(ctx) ? 'confirmed' : undefined);
      return r === true ? sig(0.8, e) : null;
    },
  ];
}

/** Whether pasted identity policies allow the action on the target role (null when none pasted). */
function identityAllows(ctx: CauseContext, act: string): boolean | null {
  const ids = policiesOf(ctx, 'identity');
  if (!ids.length) return null;
  const target = ctx.parsed.target?.arn ?? null;
  const allows = statementsFor(ids, act, ctx, 'Allow', target && target.startsWith('arn:') ? target : undefined);
  return allows.some((h) => !h.conditional);
}

/** Minimal correction: add the action to the trust statement that lets the caller assume the role; else to the caller's policy. */
function addActionFix(act: string) {
  return (ctx: CauseContext) => {
    const trusts = policiesOf(ctx, 'trust');
    if (trusts.length && !statementsFor(trusts, act, ctx, 'Allow').some((h) => !h.conditional)) {
      const hit = trustStatementsForCaller(ctx, trusts)[0];
      if (hit) {
        const doc = withActionsAdded(hit.policy.policy, hit.statement.index, [act]);
        if (doc) return { policyIndex: hit.policy.index, policy: doc };
      }
    }
    const ids = policiesOf(ctx, 'identity');
    if (ids.length && identityAllows(ctx, act) === false && (crossAccount(ctx) === true || ctx.request.chained === true)) {
      return identityFix(ctx, ids, act);
    }
    return null;
  };
}

function identityFix(ctx: CauseContext, ids: Indexed[], act: string) {
  const target = ctx.parsed.target?.arn ?? null;
  const hit = statementsFor(ids, 'sts:AssumeRole', ctx, 'Allow', target && target.startsWith('arn:') ? target : undefined).find((h) => !h.statement.notAction);
  if (hit) {
    const doc = withActionsAdded(hit.policy.policy, hit.statement.index, [act]);
    if (doc) return { policyIndex: hit.policy.index, policy: doc };
  }
  const first = ids[0]!;
  const doc = withStatementAdded(first.policy, { Effect: 'Allow', Action: act, Resource: target ?? '*' });
  return doc ? { policyIndex: first.index, policy: doc } : null;
}

/**
 * Who passes the session tags, for the way to stop: GitHub's configure-aws-credentials, the caller's own AssumeRole
 * call (an SDK or the CLI printed the error), an identity provider, Pod Identity or Roles Anywhere (their tags are set elsewhere:
 * no way here), or a paste that does not say.
 */
function tagsFrom(ctx: CauseContext): 'github' | 'call' | 'unknown' | null {
  if (ctx.parsed.source === 'github-actions' || has(ctx, 'configure-aws-credentials')) return 'github';
  // Roles Anywhere tags the session from the certificate's subject and issuer: no argument of the caller's to drop
  if (isSaml(ctx) || isWebIdentity(ctx) || has(ctx, 'pod identity', 'pod-identity', 'eks-auth', 'rolesanywhere', 'roles anywhere', 'aws_signing_helper')) return null;
  return ctx.parsed.source === 'plain' ? 'unknown' : 'call';
}

const tagSession: CauseDefinition = {
  id: 'tagsession-not-allowed',
  title: 'Session tags were passed but sts:TagSession is not allowed',
  summary: 'The AssumeRole call passed session tags (configure-aws-credentials with access keys, EKS Pod Identity, an IdP sending PrincipalTag attributes, CDK), and the role\'s trust policy — and, across accounts, the caller\'s policy — does not allow sts:TagSession.',
  family: 'session-tags',
  prior: 0.18,
  specificity: 2,
  refines: ['identity-missing-allow'],
  gate: { actions: ['sts:tagsession'], request: ['sessionTags'], keys: ['session-tags'], phrases: ['perform: sts:tagsession', 'perform sts:tagsession', 'missing permission: sts:tagsession', 'missing permission sts:tagsession', 'principaltag', 'aws.amazon.com/tags'] },
  appliesTo: (ctx) => namesAction(ctx, 'sts:TagSession') || (hasSessionTags(ctx) && isAssumeFamily(ctx))
    || ((isSaml(ctx) || isWebIdentity(ctx)) && has(ctx, 'principaltag', 'aws.amazon.com/tags')),
  signals: [
    ...extraActionSignals('sts:TagSession', 'session tags', hasSessionTags, false),
    (ctx) => {
      if (has(ctx, 'configure-aws-credentials') && has(ctx, 'aws-access-key-id') && !has(ctx, 'role-skip-session-tagging: true')) {
        return sig(1.5, fromMessage('configure-aws-credentials tags the session (GitHub, Repository, Workflow, Actor, …) when it assumes a role with access keys.'));
      }
      if (has(ctx, 'pod identity', 'pod-identity', 'eks-auth', 'eks auth')) {
        if (!hasSessionTags(ctx)) return sig(0.3, fromMessage('The Pod Identity association disables session tags, so no sts:TagSession is asked for.'));
        return sig(1.4, fromMessage('EKS Pod Identity tags the sessions it creates (cluster, namespace, service account, pod) unless the association disables session tags.'));
      }
      if (has(ctx, 'role-skip-session-tagging: true')) return sig(0.3, fromMessage('The workflow sets role-skip-session-tagging: true, so the action passes no tags.'));
      return null;
    },
  ],
  confirm: [
    { description: 'Read the trust policy of the role (in the role\'s account): the statement that allows the caller must also list sts:TagSession.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}' },
    { description: 'Across accounts the caller\'s own policy must allow sts:TagSession on the role as well.', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names sts:AssumeRole sts:TagSession --resource-arns {targetArn}', when: (ctx) => !!callerPrincipal(ctx) },
    { description: 'See which tags the call passed (requestParameters.principalTags / tags of the failed AssumeRole event in CloudTrail).', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole --max-results 20 --query \'Events[].CloudTrailEvent\' --output text' },
  ],
  fix: {
    description: 'Add "sts:TagSession" to the Action of the trust statement that allows the caller (optionally limited with aws:RequestTag/… or aws:TagKeys conditions); across accounts add it to the caller\'s policy on the role too.',
    notes: [
      { text: 'Or stop passing tags: configure-aws-credentials takes role-skip-session-tagging: true.', when: (ctx) => tagsFrom(ctx) === 'github' },
      { text: 'Or stop passing tags: drop the Tags (boto3, SDKs) or --tags (CLI) argument of the AssumeRole call.', when: (ctx) => tagsFrom(ctx) === 'call' },
      { text: 'Or stop passing tags: drop the Tags (SDKs) or --tags (CLI) argument of the AssumeRole call; in GitHub Actions, set configure-aws-credentials\' role-skip-session-tagging: true.', when: (ctx) => tagsFrom(ctx) === 'unknown' },
    ],
    commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust-policy.json --profile {targetProfile}'],
    correctPolicy: addActionFix('sts:TagSession'),
  },
  docs: [TRUST_DOC, 'https://github.com/aws-actions/configure-aws-credentials#session-tagging-and-name'],
};

const setSourceIdentity: CauseDefinition = {
  id: 'setsourceidentity-not-allowed',
  title: 'A source identity was set (or carried over) but sts:SetSourceIdentity is not allowed',
  summary: 'The call sets a source identity — explicitly, from the IdP, or because the caller\'s own session already carries one, which every chained session inherits — and the role\'s trust policy (and, in a chain, the caller\'s policy) does not allow sts:SetSourceIdentity.',
  family: 'session-tags',
  prior: 0.08,
  specificity: 2,
  refines: ['identity-missing-allow'],
  gate: { actions: ['sts:setsourceidentity'], keys: ['source-identity'], phrases: ['perform: sts:setsourceidentity', 'perform sts:setsourceidentity', 'missing permission: sts:setsourceidentity', 'sourceidentity', 'source identity'] },
  appliesTo: (ctx) => namesAction(ctx, 'sts:SetSourceIdentity') || (hasSourceIdentity(ctx) && isAssumeFamily(ctx))
    || (isSaml(ctx) && has(ctx, 'sourceidentity', 'source identity')),
  signals: [
    ...extraActionSignals('sts:SetSourceIdentity', 'a source identity', hasSourceIdentity, true),
    (ctx) => {
      if (ctx.request.chained === true && hasSourceIdentity(ctx)) {
        return sig(1.5, fromRequest('The call is chained from a session that carries a source identity; it is passed on to the new session and needs sts:SetSourceIdentity on the role.'));
      }
      if (has(ctx, '--source-identity', 'source_identity', 'sourceidentity=')) return sig(1.3, fromMessage('The command sets a source identity.'));
      return null;
    },
  ],
  confirm: [
    { description: 'Read the trust policy of the role: the statement that allows the caller must also list sts:SetSourceIdentity.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}' },
    { description: 'In a role chain the caller\'s own policy must allow sts:SetSourceIdentity on the role too.', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names sts:AssumeRole sts:SetSourceIdentity --resource-arns {targetArn}', when: (ctx) => !!callerPrincipal(ctx) },
    { description: 'Find where the source identity was first set (requestParameters.sourceIdentity of the first AssumeRole / AssumeRoleWithSAML in the chain).', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole --max-results 20 --query \'Events[].CloudTrailEvent\' --output text' },
  ],
  fix: {
    description: 'Add "sts:SetSourceIdentity" to the Action of the trust statement that allows the caller, and in a role chain to the caller\'s permissions on the role as well. A source identity cannot be removed from a chain once set.',
    commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust-policy.json --profile {targetProfile}'],
    correctPolicy: addActionFix('sts:SetSourceIdentity'),
  },
  docs: [SOURCE_DOC, ASSUME_API],
};

const PACKED = ['packedpolicytoolarge', 'packed policy', 'packed size', 'serialized token too large'];

const packedPolicy: CauseDefinition = {
  id: 'packed-policy-too-large',
  title: 'Session policies and session tags exceed the packed size limit',
  summary: 'STS packs the inline session policy, managed session policy ARNs and session tags into a binary format with its own size limit; this call went over it (PackedPolicyTooLarge, the message gives the percentage used).',
  family: 'session-tags',
  prior: 0.03,
  specificity: 2,
  gate: { codes: ['PackedPolicyTooLarge'], phrases: PACKED },
  appliesTo: (ctx) => codeIs(ctx, 'PackedPolicyTooLarge') || has(ctx, ...PACKED),
  signals: [
    (ctx) => (codeIs(ctx, 'PackedPolicyTooLarge') || has(ctx, ...PACKED)
      // STS names the cause itself: likely (0.03 × 150), as the other codes that name theirs (duration, session name)
      ? sig(150, fromMessage('STS answered PackedPolicyTooLarge: the session policies and tags of this call do not fit the packed size.'))
      : null),
    (ctx) => {
      const n = ctx.request.sessionTags ? Object.keys(ctx.request.sessionTags).length : 0;
      if (n >= 20) return sig(1.5, fromRequest(`The call passes ${n} session tags.`));
      return null;
    },
    (ctx) => (ctx.policies.some((p) => p.kind === 'session')
      ? sig(1.3, fromPolicy('A session policy is passed with the call; it counts towards the packed size.', ctx.policies.findIndex((p) => p.kind === 'session')))
      : null),
  ],
  confirm: [
    { description: 'See the session policy, policy ARNs and tags the failed call sent (requestParameters of the AssumeRole event).', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole --max-results 20 --query \'Events[].CloudTrailEvent\' --output text' },
  ],
  fix: {
    description: 'Send less: shorten or drop the inline session policy (at most 2048 characters), pass fewer managed policy ARNs, and fewer or shorter session tags (configure-aws-credentials: role-skip-session-tagging: true; chained roles that forward transitive tags need it too).',
    commands: ['aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName}'],
  },
  docs: [ASSUME_API, TRUST_DOC],
};

export const causes: CauseDefinition[] = [tagSession, setSourceIdentity, packedPolicy];
