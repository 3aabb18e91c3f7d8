/**
 * Organization and network guardrails [aws-facts 3.C, 4.3]: SCPs on the caller's account path,
 * RCPs on the resource's account path, VPC endpoint policies.
 */
import type { DenyPolicyType, PolicyKind } from '../types.js';
import type { CauseContext, CauseDefinition, Signal, SignalResult } from './types.js';
import {
  claim, mentions, perAnswer,
  actionOf, awsSays, policyWords, clone, confirm, crossAccount, denyKind, denyType, docStatements, ev, evaluationOf, isDenial, isStsFamily, pasted, policyLabel,
  principalOk, ruleOut, likelyIf, statementViews, stmtLabel, weigh, type StatementView,
} from './signals.js';
import { DOCS } from './docs.js';
import { abducedFor } from './abduce.js';
import { decodedDeny, decodedNoAllow } from './decoded.js';
import { isEcrLayerBucket } from './service-use.js';
import { simulatedSignal } from './simulated.js';


const where = (v: StatementView) => `${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)}`;
const pev = (text: string, v: StatementView) => ev(text, 'policy', v.policyIndex, v.st.index);
const unknownWords = (v: StatementView) => v.conditions.filter((o) => o.result === 'unknown').map((o) => `${o.operator} ${o.key} ${o.values.join('/')}`).join(' and ');

/**
 * "with an explicit deny in a VPC endpoint policy transitively through a service control policy": the deny
 * comes from the second policy type (IAM's troubleshooting page: check the SCPs), reached through the first.
 */
const TRANSITIVE: Array<[string, DenyPolicyType]> = [
  ['transitively through a service control policy', 'service-control'],
  ['transitively through a resource control policy', 'resource-control'],
];
const transitiveType = (ctx: CauseContext): DenyPolicyType | null => TRANSITIVE.find(([p]) => mentions(ctx, p))?.[1] ?? null;

/** The message's policy type → the kind of pasted policy that holds its statements. */
const KIND_OF_TYPE: Partial<Record<DenyPolicyType, PolicyKind>> = {
  'identity-based': 'identity', 'resource-based': 'resource', 'role-trust': 'trust', 'service-control': 'scp',
  'resource-control': 'rcp', 'permissions-boundary': 'permissions-boundary', session: 'session', 'vpc-endpoint': 'vpc-endpoint',
};

/**
 * The pasted policies of the type AWS names show that outcome themselves: for an explicit deny a Deny that surely
 * applies, for an implicit one every pasted policy of that type evaluated to an implicit deny. The message is then
 * fully explained by the policy it names, and a guardrail of another type is not what refused this call.
 * Not for an implicit SCP / RCP (another level may be the one) or KMS's "no resource-based policy allows" (said also
 * when the caller's IAM side lacks the grant).
 */
function namedRefusalShown(ctx: CauseContext, type: DenyPolicyType, kind: ReturnType<typeof denyKind>): { text: string; view?: StatementView; policyIndex: number } | null {
  const own = KIND_OF_TYPE[type];
  if (!own || (kind !== 'explicit' && kind !== 'implicit')) return null;
  const docs = pasted(ctx, own);
  if (!docs.length || docs.length !== ctx.policies.filter((p) => p.kind === own).length) return null;
  if (kind === 'explicit') {
    const sure = statementViews(ctx, [own]).find((v) => v.st.effect === 'Deny' && v.action && v.resource === true
      && (v.principal === null || v.principal === 'exact' || v.principal === 'account' || v.principal === 'wildcard') && v.condition === true);
    return sure ? { text: `${where(sure)} denies ${ctx.parsed.action ?? 'this call'}`, view: sure, policyIndex: sure.policyIndex } : null;
  }
  if (own === 'scp' || own === 'rcp' || (own === 'resource' && actionOf(ctx).startsWith('kms:'))) return null;
  if (!docs.every(({ index }) => evaluationOf(ctx, index)?.verdict === 'implicit-deny')) return null;
  return { text: `no pasted ${policyWords(ctx, type)} allows ${ctx.parsed.action ?? 'this call'}`, policyIndex: docs[0]!.index };
}

/** The message names this guardrail: near-proof weight. */
function guardMessage(type: DenyPolicyType, words: string, bare: (ctx: CauseContext) => number): (ctx: CauseContext) => SignalResult | null {
  return (ctx) => {
    const t = denyType(ctx);
    const k = denyKind(ctx);
    const via = transitiveType(ctx);
    if (via === type && t !== type) return claim(40, ev(awsSays(ctx, `AWS reports an explicit deny reached transitively through a ${words}: that ${words} is where the Deny is.`)));
    if (t === type && via && via !== type) return weigh(1.5, ev(`AWS names a ${words}, but reached transitively through a ${policyWords(ctx, via)}: the Deny is in the latter.`));
    if (t === type) {
      const arn = ctx.parsed.deny.policyArn ? ` (${ctx.parsed.deny.policyArn})` : '';
      if (type === 'service-control' && k === 'explicit') return claim(40, ev(awsSays(ctx, `AWS reports an explicit deny in a service control policy${arn}. (AWS has also worded an allow-list SCP that simply lacks an Allow this way: look for a Deny, or a level with no Allow.)`, '(AWS has also worded an allow-list SCP that simply lacks an Allow this way: look for a Deny, or a level with no Allow.)')));
      return claim(40, ev(awsSays(ctx, k === 'explicit' ? `AWS reports an explicit deny in a ${words}${arn}.` : `AWS reports that no ${words} allows ${ctx.parsed.action ?? 'the action'}.`)));
    }
    if (t) {
      // a pasted guardrail of this type is evaluated on its own (denyProof): only an unpasted one is excluded here
      const mine = KIND_OF_TYPE[type];
      const shown = mine && !pasted(ctx, mine).length ? namedRefusalShown(ctx, t, k) : null;
      if (shown) return ruleOut(ev(`AWS names the ${policyWords(ctx, t)}, and the pasted copy shows it (${shown.text}): a ${words} is not what refused this call.`, 'policy', shown.policyIndex, shown.view?.st.index));
      return weigh(0.1, ev(`AWS names the ${policyWords(ctx, t)}, not a ${words}.`));
    }
    if (k === 'explicit' && type !== 'vpc-endpoint') {
      // a covering Deny in another pasted policy (while this guardrail was not pasted) is the likelier source
      const own: PolicyKind = type === 'service-control' ? 'scp' : 'rcp';
      const others = (['identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint'] as PolicyKind[]).filter((x) => x !== own);
      const other = pasted(ctx, own).length ? undefined : statementViews(ctx, others)
        .find((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.condition !== false);
      if (other) return weigh(0.6, pev(`AWS reports an explicit deny without naming the policy type; no ${words} was pasted, but ${where(other)} has a Deny that covers ${ctx.parsed.action ?? 'this call'}, the likelier source.`, other));
      return weigh(1.5, ev(ctx.parsed.decoded
        ? `The decoded message reports an explicit deny; a decoded message never names the policy type, and a ${words} Deny is one of the usual sources.`
        : `AWS reports an explicit deny without naming the policy type (the older wording); a ${words} Deny is one of the usual sources.`));
    }
    const w = bare(ctx);
    return weigh(w, ev(`The message names no policy type; a ${words} is ${w >= 1 ? 'a real possibility' : 'less common'} here.`, 'catalog'));
  };
}

/** Deny statements of pasted guardrails decide: matched → confirmed, unknown → likely. */
const ACCOUNT_ID = /\b\d{12}\b/g;

/**
 * Pasted SCPs whose own label places them on the resource's account path in a cross-account call: the label names
 * the target's account id and not the caller's (`SCP … (OU Workloads, holds 691530284716)`). SCPs restrict only the
 * principals of accounts on their path (AWS Organizations, "Service control policies"); a caller from another
 * account is not one of them (an RCP is what guards the resource). Policy indices; empty when the accounts are not
 * both known or are the same.
 */
function scpsOffCallerPath(ctx: CauseContext): Set<number> {
  const out = new Set<number>();
  const caller = ctx.parsed.caller?.accountId ?? '';
  const target = ctx.parsed.target?.accountId ?? '';
  if (!/^\d{12}$/.test(caller) || !/^\d{12}$/.test(target) || caller === target) return out;
  ctx.policies.forEach((p, i) => {
    if (p.kind !== 'scp' || !p.name) return;
    const ids: string[] = p.name.length > 500 ? [] : p.name.match(ACCOUNT_ID) ?? [];
    if (ids.includes(target) && !ids.includes(caller)) out.add(i);
  });
  return out;
}

/** Evidence that a pasted SCP sits on the resource's account path, not the caller's. */
function scpOffPathNote(ctx: CauseContext): SignalResult | null {
  const off = [...scpsOffCallerPath(ctx)];
  if (!off.length) return null;
  const i = off[0]!;
  return weigh(0.3, ev(`${policyLabel(ctx.policies[i]!, i)} is attached, as its label says, on the path of account ${ctx.parsed.target?.accountId} (the resource's); SCPs restrict only principals of the accounts on their path, and the caller is in account ${ctx.parsed.caller?.accountId}.`, 'policy', i));
}

function denyProof(kind: PolicyKind, words: string, onNone: (ctx: CauseContext, views: StatementView[]) => SignalResult | null) {
  return (ctx: CauseContext): SignalResult | null => {
    if (!pasted(ctx, kind).length) return null;
    // AWS names this policy type and one pasted statement alone can explain it (docs/decisions/016)
    const ab = abducedFor(ctx, kind);
    if (ab) return confirm(ev(ab.text, 'policy', ab.view.policyIndex, ab.view.st.index));
    const off = kind === 'scp' ? scpsOffCallerPath(ctx) : null;
    const views = off?.size ? statementViews(ctx, [kind]).filter((v) => !off.has(v.policyIndex)) : statementViews(ctx, [kind]);
    const denies = views.filter((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && (v.principal === null || principalOk(v)));
    const sure = denies.find((v) => v.condition === true);
    if (sure) return confirm(pev(`${where(sure)} denies ${ctx.parsed.action}${sure.conditions.length ? ` because ${sure.conditions.map((o) => `${o.operator} ${o.key} ${o.values.join('/')}`).join(' and ')} holds for this call` : ''}.`, sure));
    const maybe = denies.find((v) => v.condition === 'unknown');
    if (maybe) return likelyIf(pev(`Likely, if ${unknownWords(maybe)} holds for this call: ${where(maybe)} of the ${words} then denies ${ctx.parsed.action}.`, maybe));
    return onNone(ctx, views);
  };
}

/**
 * A pasted allow-list SCP level (one with Allow statements) none of whose Allows can cover the call. Levels as the
 * evaluator forms them: pasted SCPs sharing a `level` are one level, each SCP without one is its own. A deny-list
 * SCP (no Allow statement) is not a level that lacks an Allow: FullAWSAccess sits beside it.
 */
function levelWithoutAllow(views: StatementView[]): { policy: StatementView['policy']; policyIndex: number } | null {
  const levels = new Map<string, StatementView[]>();
  for (const v of views) {
    const key = v.policy.level === null ? `pasted-${v.policyIndex}` : `level-${v.policy.level}`;
    const arr = levels.get(key);
    if (arr) arr.push(v);
    else levels.set(key, [v]);
  }
  for (const level of levels.values()) {
    const allows = level.filter((v) => v.st.effect === 'Allow');
    if (allows.length && !allows.some((v) => v.action && v.resource !== false && v.condition !== false)) {
      return { policy: allows[0]!.policy, policyIndex: allows[0]!.policyIndex };
    }
  }
  return null;
}

const rcpDenyProof = denyProof('rcp', 'RCP', (ctx, views) => (denyType(ctx) === 'resource-control'
  ? weigh(0.8, ev('No pasted RCP statement denies this call; another RCP on the resource account\'s path must.', 'policy', views[0]?.policyIndex))
  : ruleOut(ev('No statement of the pasted RCPs denies this call (RCPFullAWSAccess allows everything else).', 'policy', views[0]?.policyIndex))));

/** The management account the pasted RCPs' describe-policy ARNs name (`all`: every pasted RCP names it), or null. */
function managementOfRcps(ctx: CauseContext): { account: string; index: number; all: boolean } | null {
  const list = pasted(ctx, 'rcp');
  const named = list.filter((p) => p.policy.meta?.managementAccount);
  if (!named.length) return null;
  const account = named[0]!.policy.meta!.managementAccount!;
  return { account, index: named[0]!.index, all: list.every((p) => p.policy.meta?.managementAccount === account) };
}

const appliesGuard = (ctx: CauseContext) => {
  if (!isDenial(ctx)) return false;
  const a = actionOf(ctx);
  return a !== 'sts:assumerolewithwebidentity' && a !== 'sts:assumerolewithsaml';
};

/** Minimal change to a matching guardrail Deny: exempt the caller's principal. */
function exemptCaller(ctx: CauseContext, kind: PolicyKind): { policyIndex: number; policy: unknown } | null {
  const views = statementViews(ctx, [kind]).filter((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.condition !== false);
  const v = views[0];
  const who = ctx.facts.callerPrincipalArn;
  if (!v || !who) return null;
  const doc = clone(v.policy.document);
  const s = docStatements(doc)?.[v.st.index];
  if (!s) return null;
  const cond = (s.Condition && typeof s.Condition === 'object' ? s.Condition : (s.Condition = {})) as Record<string, Record<string, unknown>>;
  // An exception list already there (StringNotEquals aws:PrincipalAccount …): add the caller to it.
  for (const [op, block] of Object.entries(cond)) {
    if (!/^(?:String|Arn)Not/.test(op) || !block || typeof block !== 'object') continue;
    for (const key of Object.keys(block)) {
      const k = key.toLowerCase();
      const add = k === 'aws:principalaccount' ? ctx.facts.callerAccount : k === 'aws:principalarn' ? who : null;
      if (!add) continue;
      const cur = block[key];
      block[key] = Array.isArray(cur) ? [...cur, add] : cur === undefined ? add : [cur, add];
      return { policyIndex: v.policyIndex, policy: doc };
    }
  }
  cond.ArnNotLike = { ...(cond.ArnNotLike ?? {}), 'aws:PrincipalArn': who };
  return { policyIndex: v.policyIndex, policy: doc };
}

const MASTER_ID = /"(?:MasterAccountId|ManagementAccountId)"\s{0,20}:\s{0,20}"(\d{12})"/g;

/**
 * The paste shows the organization's management account (`aws organizations describe-organization`'s
 * MasterAccountId) and it is the caller's account: SCPs do not affect users or roles in the management account
 * (AWS Organizations, "Service control policies"), whatever a pasted SCP says. Several different ids: no proof.
 */
const managementAccountCaller = perAnswer(managementAccountCallerUncached);
function managementAccountCallerUncached(ctx: CauseContext): SignalResult | null {
  const acct = ctx.parsed.caller?.accountId;
  if (!acct) return null;
  // a pasted describe-policy's ARN names the management account (arn:aws:organizations::<management>:policy/…)
  const named = pasted(ctx, 'scp').find((p) => p.policy.meta?.managementAccount === acct);
  if (named) return ruleOut(ev(`The caller's account ${acct} is the organization's management account (the ARN of ${policyLabel(named.policy, named.index)} names it): service control policies do not affect users or roles in the management account.`, 'policy', named.index));
  if (!ctx.text.includes('AccountId"')) return null;
  let found: string | null = null;
  MASTER_ID.lastIndex = 0;
  for (let m = MASTER_ID.exec(ctx.text), n = 0; m && n < 20; m = MASTER_ID.exec(ctx.text), n++) {
    if (found !== null && found !== m[1]) return null;
    found = m[1]!;
  }
  if (found !== acct) return null;
  return ruleOut(ev(`The caller's account ${acct} is the organization's management account (MasterAccountId in the paste): service control policies do not affect users or roles in the management account.`));
}

/** A signal of scp-deny that says nothing once the caller is shown to be in the management account. */
function unlessManagement(sig: Signal): Signal {
  return (ctx) => (managementAccountCaller(ctx) ? null : sig(ctx));
}

export const causes: CauseDefinition[] = [
  {
    id: 'scp-deny',
    title: 'A service control policy on the caller\'s account path denies (or does not allow) the action',
    summary: 'An SCP attached to the caller\'s account, one of its OUs or the root denies the action, or a level lacks an Allow for it (allow-list SCPs). SCPs never apply to the management account or service-linked roles.',
    family: 'guardrail',
    prior: 0.2,
    specificity: 1,
    appliesTo: (ctx) => appliesGuard(ctx) && ctx.parsed.caller?.type !== 'service',
    signals: [
      unlessManagement(simulatedSignal('scp-deny')),
      guardMessage('service-control', 'service control policy', (ctx) => (crossAccount(ctx) === true && isStsFamily(ctx) ? 0.5 : 0.4)),
      managementAccountCaller,
      ...[decodedDeny('scp'), decodedNoAllow, scpOffPathNote].map(unlessManagement),
      unlessManagement(denyProof('scp', 'SCP', (ctx, views) => {
        const allows = views.filter((v) => v.st.effect === 'Allow');
        const covering = allows.find((v) => v.action && v.resource !== false && v.condition !== false);
        const said = denyType(ctx) === 'service-control';
        const lacking = covering ? levelWithoutAllow(views) : null;
        if (covering && lacking) {
          const text = `${policyLabel(lacking.policy, lacking.policyIndex)} allow-lists actions and none of its statements allows ${ctx.parsed.action}, while ${where(covering)} does: every level from the root to the account needs an Allow (SCPs attached at one level combine)`;
          return lacking.policy.level !== null && covering.policy.level !== null
            ? confirm(ev(`${text}.`, 'policy', lacking.policyIndex))
            : likelyIf(ev(`Likely, if the two are attached at different levels: ${text}.`, 'policy', lacking.policyIndex));
        }
        if (covering) return said
          ? weigh(0.5, pev(`${where(covering)} allows ${ctx.parsed.action}; the refusing SCP must be another one on the path (root, an OU or the account).`, covering))
          : ruleOut(pev(`${where(covering)} allows ${ctx.parsed.action} and no pasted SCP denies it.`, covering));
        if (allows.length) return confirm(ev(`The pasted SCPs allow-list actions, and none allows ${ctx.parsed.action}: every level from the root to the account needs an Allow.`, 'policy', views[0]?.policyIndex));
        return said ? weigh(0.8, ev('No pasted SCP statement denies this call; another SCP on the path (or a level without FullAWSAccess) must.', 'policy', views[0]?.policyIndex))
          : ruleOut(ev('No statement of the pasted SCPs denies this call.', 'policy', views[0]?.policyIndex));
      })),
    ],
    confirm: [
      { description: 'Read the SCP the message names (from the management account or a delegated administrator).', command: 'aws organizations describe-policy --policy-id {policyId} --query Policy.Content --output text --profile <management-account-profile>', when: (ctx) => !!ctx.facts.policyId },
      { description: 'Walk the path: the parents of the caller\'s account, then the SCPs attached at each level (account, each OU, root).', command: 'aws organizations list-parents --child-id {callerAccount} --profile <management-account-profile> && aws organizations list-policies-for-target --target-id {callerAccount} --filter SERVICE_CONTROL_POLICY --profile <management-account-profile>' },
      { description: 'Simulate with the organization\'s policies (OrganizationsDecisionDetail.AllowedByOrganizations).', command: "aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --query 'EvaluationResults[].OrganizationsDecisionDetail' --profile {callerProfile}" },
    ],
    fix: {
      description: 'Add an exception for this caller or action to the SCP\'s Deny (e.g. ArnNotLike aws:PrincipalArn for the pipeline role, or the service in a Region guard\'s NotAction), or attach an Allow at every level of the path.',
      commands: ['aws organizations update-policy --policy-id {policyId} --content file://scp.json --profile <management-account-profile>'],
      correctPolicy: (ctx) => exemptCaller(ctx, 'scp'),
    },
    docs: [DOCS.scp, DOCS.scpEval, DOCS.enhanced],
  },
  {
    id: 'rcp-deny',
    title: 'A resource control policy on the resource\'s account denies the call',
    summary: 'An RCP on the target account\'s path (S3, STS, KMS, SQS, Secrets Manager …) denies, typically an identity perimeter that excludes callers outside the organization or a given list of accounts. From outside the organization the message is bare.',
    family: 'guardrail',
    prior: 0.08,
    specificity: 1,
    appliesTo: (ctx) => isDenial(ctx),
    signals: [
      guardMessage('resource-control', 'resource control policy', (ctx) => (crossAccount(ctx) === true ? 0.6 : 0.25)),
      decodedDeny('rcp'),
      (ctx) => {
        // RCPs do not affect resources in the management account, which a pasted describe-policy's ARN names (docs/decisions/026)
        const m = managementOfRcps(ctx);
        if (!m) return null;
        const t = ctx.parsed.target?.accountId;
        const text = `RCPs do not affect resources in the organization's management account (${m.account}, named in the pasted RCP's ARN)`;
        if (t && /^\d{12}$/.test(t)) return t === m.account && m.all ? ruleOut(ev(`${text}, and the resource is in that account.`, 'policy', m.index)) : null;
        return weigh(0.5, ev(`${text}: the pasted RCPs apply only if the resource is in a member account, and its account is not known.`, 'policy', m.index));
      },
      (ctx) => {
        const m = managementOfRcps(ctx);
        if (m?.all && ctx.parsed.target?.accountId === m.account) return null; // ruled out above
        return rcpDenyProof(ctx);
      },
    ],
    confirm: [
      { description: 'Read the RCP the message names (from the management account).', command: 'aws organizations describe-policy --policy-id {policyId} --query Policy.Content --output text --profile <management-account-profile>', when: (ctx) => !!ctx.facts.policyId },
      { description: 'RCPs attached to the resource\'s account (repeat for each parent from list-parents).', command: 'aws organizations list-policies-for-target --target-id {targetAccount} --filter RESOURCE_CONTROL_POLICY --profile <management-account-profile>' },
    ],
    fix: {
      description: 'Add the caller\'s account ({callerAccount}) or principal to the RCP\'s exception list, or tag the resource with the RCP\'s exclusion tag if it has one.',
      commands: ['aws organizations update-policy --policy-id {policyId} --content file://rcp.json --profile <management-account-profile>'],
      correctPolicy: (ctx) => exemptCaller(ctx, 'rcp'),
    },
    docs: [DOCS.rcp, DOCS.enhanced],
  },
  {
    id: 'vpc-endpoint-policy-deny',
    title: 'The VPC endpoint policy does not allow the call, or denies it',
    summary: 'The call goes through an interface or gateway endpoint whose policy does not allow this principal, action or resource (or denies it).',
    family: 'guardrail',
    prior: 0.06,
    specificity: 1,
    appliesTo: (ctx) => isDenial(ctx),
    signals: [
      guardMessage('vpc-endpoint', 'VPC endpoint policy', () => 0.3),
      decodedDeny('vpc-endpoint'),
      // S3 refused an image layer from ECR's own bucket: ECR documents the S3 gateway endpoint policy as what must allow it
      (ctx) => (isEcrLayerBucket(ctx.parsed.target?.arn) && !pasted(ctx, 'vpc-endpoint').length
        ? weigh(200, ev('S3 refused the download of an image layer from Amazon ECR\'s own bucket (prod-<region>-starport-layer-bucket) after the registry\'s calls succeeded: ECR\'s user guide names the S3 gateway endpoint policy as what must allow that bucket (s3:GetObject on arn:aws:s3:::prod-<region>-starport-layer-bucket/*).'))
        : null),
      denyProof('vpc-endpoint', 'VPC endpoint policy', (ctx, views) => {
        const allow = views.find((v) => v.st.effect === 'Allow' && v.action && v.resource !== false && (v.principal === null || principalOk(v)) && v.condition === true);
        if (allow) return ruleOut(pev(`${where(allow)} allows ${ctx.parsed.action} on this resource.`, allow));
        const cond = views.find((v) => v.st.effect === 'Allow' && v.action && v.resource !== false && v.condition === 'unknown');
        if (cond) return weigh(4, pev(`Likely, if ${unknownWords(cond)} does not hold: ${where(cond)} is the only endpoint statement that would allow it.`, cond));
        const near = views.find((v) => v.st.effect === 'Allow' && v.action && v.resource === false);
        return confirm(ev(near
          ? `The endpoint policy allows ${ctx.parsed.action} only on ${(near.st.resource ?? []).join(', ')} (${where(near)}), not on ${ctx.parsed.target?.arn ?? 'this resource'}.`
          : `No statement of the pasted endpoint policy allows ${ctx.parsed.action}.`, 'policy', near?.policyIndex ?? views[0]?.policyIndex, near?.st.index));
      }),
    ],
    confirm: [
      { description: 'The endpoint policies of the service\'s endpoints in this Region.', command: "aws ec2 describe-vpc-endpoints --region {region} --filters Name=service-name,Values=com.amazonaws.{region}.{service} --query 'VpcEndpoints[].{Id:VpcEndpointId,Policy:PolicyDocument}' --profile {callerProfile}" },
    ],
    fix: {
      description: 'Allow {action} on {targetArn} for this principal in the endpoint policy (or narrow its Deny).',
      commands: ['aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpc-endpoint-id> --policy-document file://endpoint-policy.json --region {region} --profile {callerProfile}'],
      correctPolicy: (ctx) => {
        const p = pasted(ctx, 'vpc-endpoint')[0];
        if (!p || !ctx.parsed.action || !ctx.parsed.target?.arn) return null;
        const doc = clone(p.policy.document);
        const stmts = docStatements(doc);
        if (!stmts) return null;
        stmts.push({ Sid: 'AllowFailedCall', Effect: 'Allow', Principal: '*', Action: ctx.parsed.action, Resource: ctx.parsed.target.arn });
        return { policyIndex: p.index, policy: doc };
      },
    },
    docs: [DOCS.vpce, DOCS.denied],
  },
];
