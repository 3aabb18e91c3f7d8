/**
 * AWS KMS [aws-facts 4.2]: the key policy neither names the caller nor delegates to IAM, an AWS
 * managed key is used from another account, a fresh grant has not propagated, a kms: condition
 * (encryption context, via service, caller account) fails, or the key / Region is the wrong one.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { awsSays, describeCondition, policyWords, regionsIn, statementViews } from './signals.js';
import {
  action, callerPrincipal, codeIs, inKeyAccount, inKeyAccountFix, crossAccount, service, fromContext, fromMessage, fromPolicy, has, identityAllowsOn, isKmsContext, keyGrant, keyPolicies,
  policyLabel, sig, stmtLabel, withStatementAdded,
} from './service-util.js';
import { lower } from './service-util.js';
import { kmsUse, kmsUseCrossAccount } from './kms-use.js';
import { ASG_SLR, isAutoScalingSlr } from './service-use.js';
import { grantForCaller, secretKey } from './pasted-output.js';

/** Caller and key account differ: from the message, else inferred for a service's KMS use (docs/decisions/018). */
function crossOrInferred(ctx: CauseContext): { cross: boolean; inferred: string | null; keyAccount: string | null } | null {
  const x = crossAccount(ctx);
  if (x !== null) return { cross: x, inferred: null, keyAccount: ctx.parsed.target?.accountId ?? null };
  const u = kmsUseCrossAccount(ctx);
  if (!u) return null;
  const use = kmsUse(ctx)!;
  return {
    cross: u.cross, keyAccount: use.resourceAccount,
    inferred: u.inferred ? `the ${use.service ?? 'service'} resource is in account ${use.resourceAccount}, and its pasted policy grants only account ${u.accounts.slice(0, 3).join(', ')}` : null,
  };
}

const KEY_POLICIES = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
const KEY_TROUBLE = 'https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html';
const KEY_DEFAULT = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html';
const KEY_EXTERNAL = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html';
const GRANTS = 'https://docs.aws.amazon.com/kms/latest/developerguide/grants.html';
const CONDITIONS = 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html';
const AWS_MANAGED = 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key';

const OPAQUE = ['does not exist in this region', 'customer master key that does not exist', 'the resource does not exist in this region', 'ciphertext references a key that',
  // a service using the key with the caller's permissions (RDS, Neptune, DocumentDB; EC2's snapshot and AMI copies)
  'is not enabled or you do not have permissions to access it', 'given key id is not accessible'];
const NOT_FOUND = ['notfoundexception', 'is not found', 'invalid keyid', 'invalidkeyid', 'key does not exist', 'alias does not exist'];
/**
 * A service that uses a key on your behalf under its own service principal (CloudWatch Logs, SNS,
 * SQS, …) says the key "does not exist or is not allowed to be used with" its resource.
 */
const SERVICE_KEY = ['not allowed to be used with', 'is not authorized to use the kms key', 'not authorized to use this kms key'];
const KEY_STATE = ['pending deletion', 'pendingdeletion', 'is disabled', 'disabledexception', 'kmsinvalidstate', 'invalidstateexception'];

/** The KMS action in question: the parsed kms: action, else Decrypt (what most wrapped messages are about). */
function kmsAction(ctx: CauseContext): string {
  const a = action(ctx);
  return a.startsWith('kms:') ? a : 'kms:decrypt';
}

/** The same, as people write it (`kms:Decrypt`). */
function kmsShown(ctx: CauseContext): string {
  return action(ctx).startsWith('kms:') ? ctx.parsed.action! : 'kms:Decrypt';
}

// a service's report that *its* use of KMS was refused ("… because KMS access was denied … KMS Exception:
// UnrecognizedClientException …") carries KMS's answer to the service, not a verdict on the caller's credentials
const applies = (ctx: CauseContext) => isKmsContext(ctx)
  && (!codeIs(ctx, 'ExpiredToken', 'InvalidClientTokenId', 'UnrecognizedClient', 'ValidationError') || has(ctx, 'kms access was denied'));

const keyPolicyGrant: CauseDefinition = {
  id: 'kms-key-policy-missing-grant',
  title: 'The KMS key policy does not allow the caller (and does not delegate to IAM)',
  summary: 'A KMS key is usable only if its key policy allows the caller — directly, or through the "Enable IAM policies" statement for the account (arn:aws:iam::<account>:root), in which case an IAM Allow is needed too. Without that statement IAM Allows do nothing; across accounts the key policy must name the other account.',
  family: 'kms',
  prior: 0.14,
  specificity: 1,
  gate: { keys: ['kms'] },
  appliesTo: applies,
  signals: [
    (ctx) => {
      const d = ctx.parsed.deny;
      if (d.kind === 'explicit') return sig(0.1, fromMessage(`An explicit Deny${d.policyType ? ` in a ${policyWords(ctx, d.policyType)}` : ''} refused the call, not a missing key-policy grant.`));
      if (d.policyType === 'resource-based') return sig(10, fromMessage(awsSays(ctx, 'KMS reports that no resource-based policy allows the action.', 'For KMS the resource-based policy is the key policy; KMS uses the same words when only the IAM side is missing, so check both.')));
      if (d.policyType === 'identity-based') return sig(0.4, fromMessage('KMS says no identity-based policy allows the action: the key policy delegates to IAM and the IAM side is what is missing.'));
      if (d.policyType) return sig(0.2, fromMessage(`The message names a ${policyWords(ctx, d.policyType)} as the reason.`));
      if (has(ctx, ...SERVICE_KEY)) return sig(8, fromMessage(`The service says the key cannot be used with its resource: it uses the key under its own service principal (${service(ctx) || 'the service'}.<region>.amazonaws.com), which the key policy must allow.`));
      if (has(ctx, ...OPAQUE)) return sig(2, fromMessage('KMS\'s opaque answer covers a missing key-policy grant, a key in another Region and an invalid ciphertext alike.'));
      if (has(ctx, 'access to kms is not allowed', 'kms access was denied', 'kmsaccessdenied')) return sig(2.5, fromMessage('The service could not use the KMS key on your behalf: the key policy (or the role\'s KMS permissions) does not allow it.'));
      // an instance someone launched (Auto Scaling's service-linked role has its own signal below)
      if (has(ctx, 'client error on launch') && !isAutoScalingSlr(ctx.parsed.caller)) return sig(2.5, fromMessage('EC2 could not create the grant for the instance\'s encrypted EBS volume with the launcher\'s permissions: the key policy must let the launcher use the key and create grants (by name, or through the account-root statement together with an IAM Allow).'));
      // a bare refusal of a KMS action names no side, and KMS reads the key policy first: unless it allows the caller,
      // directly or through its account-root statement, no IAM Allow counts (KMS developer guide, key policies); a
      // pasted key policy is evaluated instead (below)
      if (d.kind === 'unknown' && action(ctx).startsWith('kms:') && !keyPolicies(ctx).length && !isAutoScalingSlr(ctx.parsed.caller)) return sig(2.5, fromMessage('KMS uses a key only if its key policy allows the caller, by name or through the account-root statement that lets IAM policies count; the message does not say whether the key policy or the caller\'s IAM policies refused the call, so read both.'));
      return null;
    },
    (ctx) => {
      const x = crossOrInferred(ctx);
      if (x?.cross !== true) return null;
      if (x.inferred) return sig(2, fromPolicy(`The caller is likely in another account (${x.inferred}): the key policy must name the caller's account or role.`, kmsUseResourcePolicy(ctx)));
      return sig(2.5, fromMessage(`The caller (account ${ctx.parsed.caller?.accountId}) uses a key in account ${x.keyAccount ?? 'another account'}: the key policy must name the caller's account or role.`));
    },
    (ctx) => {
      // the service's own principal uses the key: the pasted key policy must name that service
      if (!has(ctx, ...SERVICE_KEY) || action(ctx).startsWith('kms:')) return null;
      const list = keyPolicies(ctx);
      const svc = service(ctx);
      if (!list.length || !svc) return null;
      for (const { policy, index } of list) {
        for (const st of policy.statements) {
          if (st.effect !== 'Allow') continue;
          if (st.principal?.wildcard || st.principal?.Service.some((x) => lower(x).startsWith(`${svc}.`))) {
            return sig(0.3, fromPolicy(`${stmtLabel(st)} of ${policyLabel(policy, index)} allows the ${svc} service principal; check its actions and its kms:EncryptionContext condition.`, index, st.index));
          }
        }
      }
      const first = list[0]!;
      return sig(6, fromPolicy(`No statement of ${policyLabel(first.policy, first.index)} allows the ${svc} service principal (${svc}.<region>.amazonaws.com); the account-root statement lets IAM principals use the key, not the service.`, first.index), 'confirmed');
    },
    (ctx) => {
      // EC2 Auto Scaling's service-linked role: its fixed permissions cover no customer managed key, so the
      // account-root statement (delegation to IAM) does not help; the key policy must name the role (decision 019)
      if (!isAutoScalingSlr(ctx.parsed.caller)) return null;
      const list = keyPolicies(ctx);
      if (!list.length) return sig(3, fromMessage(`The Auto Scaling service-linked role (${ASG_SLR}) uses the launch template's customer managed EBS key; its permissions are fixed and do not include customer managed keys, so the key policy must allow it (use and kms:CreateGrant).`));
      for (const { policy, index } of list) {
        for (const st of policy.statements) {
          if (st.effect === 'Allow' && (st.principal?.wildcard || (st.principal?.AWS ?? []).some((a) => a.includes(ASG_SLR) || a.includes('/aws-service-role/autoscaling.amazonaws.com/')))) {
            return sig(0.3, fromPolicy(`${stmtLabel(st)} of ${policyLabel(policy, index)} allows the Auto Scaling service-linked role; check that the key policy allows it both the key's use and kms:CreateGrant (with kms:GrantIsForAWSResource).`, index, st.index));
          }
        }
      }
      const first = list[0]!;
      return sig(8, fromPolicy(`No statement of ${policyLabel(first.policy, first.index)} names the Auto Scaling service-linked role (${ASG_SLR}). Its permissions are fixed and do not cover customer managed keys, so the account-root statement (delegation to IAM) does not let it use the key: the key policy must allow it the key's use and kms:CreateGrant (or a grant must exist).`, first.index));
    },
    (ctx) => {
      const act = kmsAction(ctx);
      const shown = kmsShown(ctx);
      const g = keyGrant(ctx, act);
      if (!g.pasted || isAutoScalingSlr(ctx.parsed.caller)) return null;
      const list = keyPolicies(ctx);
      if (g.direct) return sig(0.05, fromPolicy(`${stmtLabel(g.direct.statement)} of the key policy allows ${shown} for the caller.`, g.direct.policy.index, g.direct.statement.index), 'ruled-out');
      if (g.account) return sig(0.05, fromPolicy(`${stmtLabel(g.account.statement)} of the key policy allows ${shown} for the caller's account (it delegates to IAM): the key policy is not what is missing — the IAM side decides.`, g.account.policy.index, g.account.statement.index), 'ruled-out');
      if (g.conditional) return sig(0.4, fromPolicy(`${stmtLabel(g.conditional.statement)} allows ${shown} only under conditions; if one fails, that condition is the cause.`, g.conditional.policy.index, g.conditional.statement.index));
      if (g.unknown) return sig(0.8, fromPolicy('A key-policy statement may allow the caller, but the caller ARN is not known.', g.unknown.policy.index, g.unknown.statement.index));
      const first = list[0]!;
      const named = first.policy.statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.principal?.AWS ?? []);
      const text = `No statement of ${policyLabel(first.policy, first.index)} allows ${shown} for the caller or delegates to its account (arn:aws:iam::${ctx.parsed.caller?.accountId ?? '<account>'}:root)${named.length ? `; it names only ${named.slice(0, 4).join(', ')}` : ''}, so IAM Allows for the key have no effect.`;
      // a grant is the other way to the key: with one for the caller, the key policy need not name it
      if (grantForCaller(ctx)) return sig(0.6, fromPolicy(`${text} But the text shows a grant on this key for the caller, and a grant allows its operations without the key policy naming the grantee: the key policy is not what is missing.`, first.index));
      return ctx.parsed.caller?.arn ? sig(6, fromPolicy(text, first.index), 'confirmed') : sig(3, fromPolicy(text, first.index));
    },
  ],
  confirm: [
    ...inKeyAccount({ description: 'Read the key policy (in the key\'s account; the only policy name is "default").', command: 'aws kms get-key-policy --key-id {keyArn} --policy-name default --output text' }),
    { description: 'Does the caller\'s IAM side allow it? (Needed too when the key policy delegates to the account.)', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {keyArn} --profile {callerProfile}', when: (ctx) => !!callerPrincipal(ctx) },
  ],
  fix: {
    description: 'Add a key-policy statement that allows the caller\'s role (or account, with the IAM side granting too) the KMS actions it needs — kms:Decrypt to read, kms:GenerateDataKey to write — and keep the default statement that enables IAM policies for the key\'s account.',
    commands: [...inKeyAccountFix('aws kms put-key-policy --key-id {keyArn} --policy-name default --policy file://key-policy.json')],
    correctPolicy: (ctx) => {
      const act = kmsAction(ctx);
      const g = keyGrant(ctx, act);
      const who = callerPrincipal(ctx);
      if (!g.pasted || g.direct || g.account || g.conditional || !who) return null;
      const first = keyPolicies(ctx)[0]!;
      const actions = act === 'kms:decrypt' || act === 'kms:generatedatakey' ? ['kms:Decrypt', 'kms:GenerateDataKey'] : [ctx.parsed.action ?? act];
      const doc = withStatementAdded(first.policy, { Sid: 'AllowCallerUseOfKey', Effect: 'Allow', Principal: { AWS: who }, Action: actions, Resource: '*' });
      return doc ? { policyIndex: first.index, policy: doc } : null;
    },
  },
  docs: [KEY_POLICIES, KEY_DEFAULT, KEY_TROUBLE, KEY_EXTERNAL],
};

const awsManaged: CauseDefinition = {
  id: 'kms-aws-managed-key-cross-account',
  title: 'An AWS managed key (aws/s3, aws/ebs, …) is used from another account',
  // its fixed key policy is the key policy that does not grant, through conditions nobody outside can meet
  refines: ['kms-key-policy-missing-grant', 'kms-condition-unmet'],
  summary: 'AWS managed keys have a fixed key policy that only allows principals of their own account, through the service. Data encrypted with one (e.g. default SSE-KMS with aws/s3) cannot be read by another account; re-encrypt with a customer managed key whose policy names that account.',
  family: 'kms',
  prior: 0.04,
  specificity: 2,
  gate: { keys: ['kms'] },
  appliesTo: applies,
  signals: [
    (ctx) => {
      // alias/aws/…, describe-key's "KeyManager": "AWS", or the fixed description AWS gives its managed keys
      const managed = has(ctx, 'alias/aws/') ? 'alias/aws/…'
        : has(ctx, '"keymanager": "aws"', '"keymanager":"aws"', 'keymanager: aws', 'keymanager aws') ? 'describe-key shows KeyManager AWS'
          : has(ctx, 'default key that protects my', 'default master key that protects my') ? 'its description is the one AWS gives its managed keys' : null;
      // Secrets Manager names it itself: "…from a different AWS account if you encrypt the secret with the default KMS service key"
      if (!managed && has(ctx, 'from a different aws account if you encrypt the secret with the default kms service key')) {
        return sig(400, fromMessage('Secrets Manager says the secret is encrypted with its default AWS managed key (aws/secretsmanager) and is read from another account: that can never work.'));
      }
      if (!managed) return null;
      return sig(crossAccount(ctx) === true ? 400 : 40, fromMessage(crossAccount(ctx) === true ? `The key is an AWS managed key (${managed}) and the caller is in another account: that can never work.` : `The key is an AWS managed key (${managed}).`));
    },
    (ctx) => {
      // describe-secret's KmsKeyId: a customer managed key, or the AWS managed one (named, or no KmsKeyId printed)
      const svc = service(ctx) || kmsUse(ctx)?.service || '';
      const k = svc === 'secretsmanager' ? secretKey(ctx) : null;
      if (!k) return null;
      if (k.kind === 'customer') {
        // the text names an AWS managed key too (alias/aws/…, KeyManager AWS): leave it to those signals
        if (has(ctx, 'alias/aws/', '"keymanager": "aws"', '"keymanager":"aws"')) return null;
        return sig(0.02, fromContext(`The secret's KmsKeyId is ${k.value}, not the AWS managed key aws/secretsmanager (for that key Secrets Manager prints no KmsKeyId): the secret is encrypted with a customer managed key, whose key policy can allow another account.`), 'ruled-out');
      }
      const what = k.value ? `The secret's KmsKeyId is ${k.value}, the AWS managed key` : 'describe-secret prints no KmsKeyId, which Secrets Manager does when the secret uses the AWS managed key aws/secretsmanager';
      const x = crossOrInferred(ctx);
      if (x?.cross === true && !x.inferred) return sig(50, fromContext(`${what}, and the caller is in another account than the secret: that key's policy cannot be changed to allow another account.`), 'confirmed');
      // the secret's pasted policy grants only other accounts: the reader is almost surely one of them (not proof: the caller is not named)
      if (x?.cross === true) return sig(25, fromContext(`${what}, and the caller is likely in another account (${x.inferred}): that key's policy cannot be changed to allow another account.`));
      return sig(6, fromContext(`${what}: it works only for callers in the secret's own account.`));
    },
    (ctx) => {
      // Secrets Manager and Parameter Store encrypt with aws/secretsmanager / aws/ssm unless told otherwise
      const svc = service(ctx) || kmsUse(ctx)?.service || '';
      const x = crossOrInferred(ctx);
      if ((svc === 'secretsmanager' || svc === 'ssm') && x?.cross === true) {
        const what = svc === 'ssm' ? 'SecureString parameter' : 'secret';
        if (x.inferred) return sig(6, fromPolicy(`A ${what} read from another account, likely (${x.inferred}): if it is encrypted with the default AWS managed key (aws/${svc}), no other account can decrypt it.`, kmsUseResourcePolicy(ctx)));
        return sig(8, fromMessage(`A ${what} read from another account: if it is encrypted with the default AWS managed key (aws/${svc}), no other account can decrypt it.`));
      }
      return null;
    },
    (ctx) => {
      const x = crossOrInferred(ctx);
      if (x?.cross === true && x.inferred) return sig(2, fromPolicy(`The caller is likely in another account than the key: ${x.inferred}.`, kmsUseResourcePolicy(ctx)));
      if (x?.cross === true) return sig(3, fromMessage(`The caller (account ${ctx.parsed.caller?.accountId}) and the key (account ${x.keyAccount ?? 'unknown'}) are in different accounts.`));
      if (x?.cross === false) return sig(0.05, fromMessage('Caller and key are in the same account, where AWS managed keys work.'));
      return null;
    },
    (ctx) => {
      const g = keyGrant(ctx, kmsAction(ctx));
      if (!g.awsManaged) return g.pasted ? sig(0.1, fromPolicy('The pasted key policy is not the fixed policy of an AWS managed key.', keyPolicies(ctx)[0]!.index)) : null;
      const acct = ctx.parsed.caller?.accountId;
      const text = `The key policy is the fixed AWS managed one: it allows use only via the service and only for kms:CallerAccount ${g.awsManaged.account ?? ''}.`;
      if (acct && g.awsManaged.account && /^\d{12}$/.test(acct) && acct !== g.awsManaged.account) return sig(8, fromPolicy(`${text} The caller is in ${acct}.`, g.awsManaged.hit.index), 'confirmed');
      return sig(3, fromPolicy(text, g.awsManaged.hit.index));
    },
  ],
  confirm: [
    ...inKeyAccount({ description: 'Who manages the key: AWS means an AWS managed key that other accounts can never use.', command: 'aws kms describe-key --key-id {keyArn} --query \'KeyMetadata.{Manager:KeyManager,Arn:Arn}\'' }),
  ],
  fix: {
    description: 'Re-encrypt the data with a customer managed key whose key policy allows the other account, and make that key the default for new data (e.g. the bucket\'s default encryption).',
    commands: [
      'aws s3api put-bucket-encryption --bucket {bucket} --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<customer-managed-key-arn>"},"BucketKeyEnabled":true}]}\'',
      'aws s3 cp s3://{bucket}/{objectKey} s3://{bucket}/{objectKey} --sse aws:kms --sse-kms-key-id <customer-managed-key-arn>',
    ],
  },
  docs: [AWS_MANAGED, KEY_EXTERNAL],
};

const grantPending: CauseDefinition = {
  id: 'kms-grant-pending',
  title: 'A KMS grant was just created and is not effective yet',
  summary: 'Grants are eventually consistent: a grant created moments ago (by you or by a service such as EBS, RDS or Lambda) can take a few minutes to apply everywhere. Until then, use the grant token or retry.',
  family: 'kms',
  prior: 0.02,
  specificity: 2,
  gate: { keys: ['kms'] },
  appliesTo: applies,
  signals: [
    (ctx) => (/^kms:(create|retire|revoke|list)grants?$/i.test(ctx.parsed.action ?? '')
      ? sig(0.05, fromMessage(`The refused call is ${ctx.parsed.action} itself, which manages grants; a grant that is not effective yet only affects the calls that use it.`), 'ruled-out')
      : null),
    (ctx) => (has(ctx, 'creategrant', 'grant token', 'granttoken', 'grant id', 'grantid', 'kms grant')
      ? sig(50, fromMessage('The text is about a KMS grant.'))
      : sig(0.4, fromMessage('Nothing points at a grant.'))),
    (ctx) => (has(ctx, 'just created', 'intermittent', 'retry', 'a few minutes', 'eventually')
      ? sig(2, fromMessage('The failure is recent or intermittent.'))
      : null),
    (ctx) => {
      const g = grantForCaller(ctx);
      if (!g) return null;
      const tokens = has(ctx, 'granttokens', '--grant-tokens', 'grant_tokens');
      const what = `a CreateGrant on this key for ${g.grantee}${g.operationsListed ? ` covering ${ctx.parsed.action}` : ''}, before the refused call`;
      if (tokens) return sig(1.5, fromContext(`The text shows ${what}, and a grant token is passed in it: a call that carries the token is allowed at once; check that the refused call carried it.`));
      return sig(12, fromContext(`The text shows ${what}. A new grant can take a few seconds, sometimes minutes, to be known throughout KMS; until then a call that does not pass the grant token is refused.`));
    },
  ],
  confirm: [
    ...inKeyAccount({ description: 'The key\'s grants: grantee, operations, creation time.', command: 'aws kms list-grants --key-id {keyArn} --query \'Grants[].{Grantee:GranteePrincipal,Operations:Operations,Created:CreationDate}\'' }),
  ],
  fix: {
    description: 'Pass the grant token with the KMS call right after CreateGrant, or retry with backoff for a few minutes.',
    commands: ['aws kms decrypt --ciphertext-blob fileb://ciphertext.bin --grant-tokens <grant-token> --key-id {keyArn} --profile {callerProfile}'],
  },
  docs: [GRANTS],
};

const conditionUnmet: CauseDefinition = {
  id: 'kms-condition-unmet',
  title: 'A kms: condition of the key policy or IAM policy is not met (encryption context, via service, caller account)',
  summary: 'The Allow for the key is conditional — kms:EncryptionContext:<key>, kms:ViaService (only when called through S3, Secrets Manager …), kms:CallerAccount, kms:GrantIsForAWSResource — and this request does not satisfy it, e.g. a direct aws kms call where only via-S3 use is allowed, or a missing encryption context.',
  family: 'kms',
  prior: 0.05,
  specificity: 2,
  gate: { keys: ['kms'] },
  appliesTo: applies,
  signals: [
    (ctx) => (has(ctx, 'encryptioncontext', 'encryption context', 'kms:viaservice', 'kms:calleraccount', 'viaservice')
      ? sig(40, fromMessage('The text names a kms: condition (encryption context, via service, caller account).'))
      : null),
    (ctx) => {
      const act = ctx.parsed.action ?? 'kms:Decrypt';
      const views = statementViews(ctx, ['resource', 'identity'], act).filter((v) =>
        v.st.effect === 'Allow' && v.action && v.principal !== 'none' && v.st.conditions.some((c) => c.key.toLowerCase().startsWith('kms:')));
      if (!views.length) return null;
      const failing = views.find((v) => v.conditions.some((o) => o.key.toLowerCase().startsWith('kms:') && o.result === false));
      if (failing) {
        const o = failing.conditions.find((x) => x.key.toLowerCase().startsWith('kms:') && x.result === false)!;
        return sig(6, fromPolicy(`${stmtLabel(failing.st)} of ${policyLabel(failing.policy, failing.policyIndex)} allows ${act} only if ${describeCondition(o)}.`, failing.policyIndex, failing.st.index), 'confirmed');
      }
      const v = views[0]!;
      const conds = v.conditions.filter((o) => o.key.toLowerCase().startsWith('kms:')).map(describeCondition).join('; ');
      return sig(3, fromPolicy(`${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)} allows ${act} only if ${conds}; check the request meets it.`, v.policyIndex, v.st.index));
    },
    (ctx) => (has(ctx, 'aws kms decrypt', 'aws kms encrypt', 'kms.decrypt(', 'kms:decrypt operation') && has(ctx, 'viaservice')
      ? sig(2, fromMessage('The key is called directly, not through the service its kms:ViaService condition names.'))
      : null),
  ],
  confirm: [
    ...inKeyAccount({ description: 'Read the conditions on the key policy\'s statements.', command: 'aws kms get-key-policy --key-id {keyArn} --policy-name default --output text' }),
    ...inKeyAccount({ description: 'See the encryption context and the calling service of the failed request (requestParameters.encryptionContext, userAgent / invokedBy).', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventSource,AttributeValue=kms.amazonaws.com --max-results 20 --query \'Events[].CloudTrailEvent\' --output text' }),
  ],
  fix: {
    description: 'Make the request meet the condition — call through the service kms:ViaService names, pass the same encryption context used to encrypt — or widen the condition in the key policy if it is wrong for this caller.',
    commands: [...inKeyAccountFix('aws kms put-key-policy --key-id {keyArn} --policy-name default --policy file://key-policy.json')],
  },
  docs: [CONDITIONS, KEY_TROUBLE],
};

const wrongKey: CauseDefinition = {
  id: 'kms-wrong-key-or-region',
  title: 'The wrong KMS key or Region: the key does not exist there, is disabled, or the ciphertext is not for it',
  summary: 'The call names a key (or alias) that does not exist in the Region it went to, a key pending deletion or disabled, or a ciphertext that is not from this key or is corrupt. KMS words several of these like an access denial.',
  family: 'kms',
  prior: 0.05,
  specificity: 1,
  gate: { keys: ['kms'] },
  appliesTo: applies,
  signals: [
    (ctx) => {
      if (has(ctx, ...SERVICE_KEY)) return sig(1.2, fromMessage('The service\'s answer "does not exist or is not allowed to be used with" covers a wrong key ARN as well as a key policy that does not allow the service.'));
      if (has(ctx, ...NOT_FOUND)) return sig(10, fromMessage('KMS says the key or alias is not found.'));
      if (has(ctx, ...KEY_STATE)) return sig(10, fromMessage('The key is disabled or pending deletion.'));
      if (has(ctx, 'invalidciphertext')) return sig(5, fromMessage('KMS says the ciphertext is invalid: it is not from this key, or it is corrupt.'));
      // Secrets Manager: the version read is still under the previous key (changing the key re-encrypts nothing)
      if (has(ctx, 'is not encrypted with the current kms key')) return sig(30, fromMessage('Secrets Manager says this version of the secret is not encrypted with the key now set on the secret: it is still under the previous key, which the caller may not use. Re-encrypt it (store a new version) after changing the key.'));
      if (has(ctx, ...OPAQUE)) return sig(2.5, fromMessage('KMS\'s answer includes "does not exist in this Region": the key ARN, alias or Region may be the wrong one.'));
      return null;
    },
    (ctx) => {
      const keyRegion = ctx.parsed.target?.service === 'kms' ? ctx.parsed.target.region : null;
      const r = ctx.parsed.region;
      if (keyRegion && r && keyRegion !== r) return sig(6, fromMessage(`The key is in ${keyRegion} but the call went to ${r}: KMS keys are Regional.`));
      return null;
    },
    (ctx) => (ctx.parsed.deny.policyType ? sig(0.2, fromMessage(`KMS names a ${policyWords(ctx, ctx.parsed.deny.policyType)} as the reason: the key exists.`)) : null),
    (ctx) => {
      // the text around the error names more than one Region (where the ciphertext or key was made, where the code runs)
      if (ctx.parsed.deny.policyType || !has(ctx, ...OPAQUE, 'invalidciphertext', ...NOT_FOUND)) return null;
      const regions = regionsIn(ctx.text);
      return regions.length >= 2 ? sig(5, fromMessage(`The text names several Regions (${regions.slice(0, 4).join(', ')}): a key or ciphertext from one Region used from another gives exactly this answer.`)) : null;
    },
  ],
  confirm: [
    ...inKeyAccount({ description: 'Does the key exist in that Region, and in what state?', command: 'aws kms describe-key --key-id {keyArn} --region {region} --query \'KeyMetadata.{Arn:Arn,State:KeyState,Manager:KeyManager}\'' }),
    ...inKeyAccount({ description: 'The aliases in that Region.', command: 'aws kms list-aliases --region {region} --query \'Aliases[].[AliasName,TargetKeyId]\' --output text' }),
  ],
  fix: {
    description: 'Use the key\'s full ARN in the Region where it lives (or a multi-Region replica there), re-enable the key or cancel its deletion, and make sure the ciphertext was produced with this key.',
    commands: [...inKeyAccountFix('aws kms cancel-key-deletion --key-id {keyArn}'), ...inKeyAccountFix('aws kms enable-key --key-id {keyArn}')],
  },
  docs: [KEY_TROUBLE, 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html'],
};

export const causes: CauseDefinition[] = [keyPolicyGrant, awsManaged, grantPending, conditionUnmet, wrongKey];

/** The pasted resource policy the cross-account inference read (for evidence). */
function kmsUseResourcePolicy(ctx: CauseContext): number {
  return ctx.policies.findIndex((p) => p.kind === 'resource' && p.valid);
}
