/**
 * Amazon S3 [aws-facts 4.1]: S3-specific reasons for a 403 beyond the policies themselves —
 * Block Public Access, object ownership and ACLs, SSE-KMS keys, Requester Pays, Object Lock,
 * access points and blocked SSE-C uploads.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { perAnswer, policyWords } from './signals.js';
import { objectOwnershipShown, s3Owners } from './pasted-output.js';
import {
  action, callerPrincipal, codeIs, inKeyAccount, inKeyAccountFix, operation, crossAccount, fromContext, fromMessage, fromPolicy, has, identityAllowsOn, keyGrant, keyPolicies, lower,
  policiesOf, service, sig, statementsFor, stmtLabel, withStatementAdded,
} from './service-util.js';

const S3_403 = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html';
const BPA = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html';
const OWNERSHIP = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html';
const SSE_KMS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html';
const REQUESTER_PAYS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ObjectsinRequesterPaysBuckets.html';
const OBJECT_LOCK = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html';
const ACCESS_POINTS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html';
const SSE_C = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/blocking-unblocking-s3-c-encryption-gpb.html';
const PRESIGNED = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html';

const S3_OPS = [
  'getobject', 'putobject', 'headobject', 'copyobject', 'uploadpart', 'uploadpartcopy', 'createmultipartupload', 'completemultipartupload',
  'selectobjectcontent', 'getobjectattributes', 'listobjects', 'listobjectsv2', 'deleteobject', 'deleteobjects', 'putobjectacl',
  'putbucketpolicy', 'putbucketacl', 'headbucket', 'restoreobject', 'getobjectversion',
];

export function isS3(ctx: CauseContext): boolean {
  if (service(ctx) === 's3') return true;
  if (S3_OPS.includes(operation(ctx))) return true;
  const t = lower(ctx.parsed.target?.arn);
  if (t.startsWith('arn:aws:s3:') || t.includes(':s3:::')) return true;
  return has(ctx, 's3://', 's3 bucket', 'in s3 bucket', 's3api', 'amazons3exception');
}

const notDenial = (ctx: CauseContext) => codeIs(ctx, 'ExpiredToken', 'InvalidClientTokenId', 'InvalidToken', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ValidationError')
  || has(ctx, 'security token included in the request is', 'the provided token is malformed');

const s3Applies = perAnswer((ctx: CauseContext) => isS3(ctx) && !notDenial(ctx));

const BPA_WORDS = ['block public access', 'blockpublicacls', 'blockpublicpolicy', 'restrictpublicbuckets', 'ignorepublicacls', 'public access block', 'public policies are prevented', 'public acls are prevented'];

const blockPublic: CauseDefinition = {
  id: 's3-block-public-access',
  title: 'S3 Block Public Access refuses a public policy, a public ACL or public access',
  summary: 'Block Public Access (on by default for new buckets since April 2023, and settable for the whole account) rejects bucket policies and ACLs that grant public access (BlockPublicPolicy, BlockPublicAcls), ignores public ACLs (IgnorePublicAcls) and limits public buckets to their own account (RestrictPublicBuckets). The strictest of account, bucket and access point settings applies.',
  family: 's3',
  prior: 0.06,
  specificity: 2,
  gate: { keys: ['s3'], phrases: BPA_WORDS },
  appliesTo: (ctx) => s3Applies(ctx) || has(ctx, ...BPA_WORDS),
  signals: [
    (ctx) => {
      // AWS's own message naming Block Public Access is near-proof; the same words in pasted CLI output
      // (get-access-point, get-public-access-block settings) only show the settings exist
      const msg = lower(ctx.parsed.message);
      if (BPA_WORDS.some((w) => msg.includes(w))) return sig(60, fromMessage('The message names S3 Block Public Access.'));
      // ACLs disabled: the request is refused for carrying an ACL at all, before any public-access check
      if (codeIs(ctx, 'AccessControlListNotSupported')) return sig(0.1, fromMessage('AccessControlListNotSupported: the bucket has ACLs disabled (Object Ownership), which refuses any ACL before Block Public Access is consulted.'), 'ruled-out');
      if (has(ctx, ...BPA_WORDS)) return sig(1.5, fromContext('The text around the error shows Block Public Access settings; they only refuse public policies, public ACLs and public (anonymous or cross-account public) access.'));
      return null;
    },
    (ctx) => {
      const op = operation(ctx);
      const a = action(ctx);
      if (op === 'putbucketpolicy' || a === 's3:putbucketpolicy') {
        // S3 names the policy type (or BlockPublicPolicy itself) in its detailed answers; a bare
        // "Access Denied" on PutBucketPolicy is the answer new buckets give (Block Public Access on
        // by default since April 2023) to a policy that grants public access
        if (!ctx.parsed.deny.policyType && !ctx.parsed.caller) return sig(10, fromMessage('Setting the bucket policy was refused with a bare Access Denied: Block Public Access (on by default for new buckets) refuses a policy that grants public access this way; a missing s3:PutBucketPolicy Allow looks the same.'));
        return sig(4, fromMessage('Setting a bucket policy was refused: Block Public Access rejects ones that grant public access.'));
      }
      if (['putbucketacl', 'putobjectacl'].includes(op) || ['s3:putbucketacl', 's3:putobjectacl'].includes(a)) {
        return sig(4, fromMessage('Setting a bucket policy or ACL was refused: Block Public Access rejects ones that grant public access.'));
      }
      if (has(ctx, 'public-read', 'public-read-write', 'x-amz-acl', 'allusers')) return sig(4, fromMessage('The request sets a public ACL.'));
      if (ctx.parsed.caller?.type === 'anonymous' || has(ctx, 'anonymous')) return sig(2, fromMessage('The request is anonymous (public access).'));
      return sig(0.3, fromMessage('Nothing in the request is public.'));
    },
    (ctx) => {
      const pub = policiesOf(ctx, 'resource').flatMap(({ policy, index }) => policy.statements
        .filter((s) => s.effect === 'Allow' && s.principal?.wildcard && !s.conditions.length).map((s) => ({ s, index })));
      const p = pub[0];
      return p ? sig(2, fromPolicy(`${stmtLabel(p.s)} of the bucket policy grants access to "*" without conditions — a public policy, which Block Public Access blocks or restricts.`, p.index, p.s.index)) : null;
    },
  ],
  confirm: [
    { description: 'The bucket\'s Block Public Access settings.', command: 'aws s3api get-public-access-block --bucket {bucket}' },
    { description: 'The account-wide settings (they override the bucket\'s).', command: 'aws s3control get-public-access-block --account-id {targetAccount}' },
  ],
  fix: {
    description: 'Grant access without making the bucket public (name the principals or accounts; serve public content through CloudFront with origin access control). Turn a Block Public Access setting off only if public access is really intended, at the level (account or bucket) that blocks it.',
    commands: ['aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false'],
  },
  docs: [BPA, S3_403],
};

const ownership: CauseDefinition = {
  id: 's3-object-ownership',
  title: 'The object is owned by another account (ACLs and Object Ownership)',
  summary: 'With ACLs enabled (Object Ownership "Object writer" or "Bucket owner preferred"), an object uploaded by another account stays owned by it: the bucket policy\'s Allows do not cover it, so the bucket owner and others get 403. With "Bucket owner enforced", requests that set ACLs fail instead (AccessControlListNotSupported).',
  family: 's3',
  prior: 0.04,
  specificity: 2,
  gate: { keys: ['s3'] },
  appliesTo: s3Applies,
  signals: [
    (ctx) => {
      // AccessControlListNotSupported is returned only when Object Ownership is "Bucket owner enforced" (ACLs disabled)
      if (codeIs(ctx, 'AccessControlListNotSupported') || lower(ctx.parsed.message).includes('the bucket does not allow acls')) return sig(50, fromMessage('The bucket enforces bucket-owner ownership (ACLs disabled) and rejects requests that set an ACL other than bucket-owner-full-control.'), 'confirmed');
      if (has(ctx, 'accesscontrollistnotsupported', 'the bucket does not allow acls')) return sig(50, fromMessage('The bucket enforces bucket-owner ownership and rejects requests that set ACLs.'));
      if (has(ctx, 'bucket-owner-full-control', 'object ownership', 'objectownership', 'object writer', 'bucketownerpreferred', 'object owner', 'uploaded by another account', 'written by another account', 'uploaded by the partner', 'object acl')) return sig(4, fromMessage('The text is about object ownership / ACLs.'));
      return null;
    },
    (ctx) => {
      if (codeIs(ctx, 'AccessControlListNotSupported')) return null;
      const a = action(ctx);
      const read = a === 's3:getobject' || a === 's3:getobjectacl' || operation(ctx) === 'getobject';
      if (read && crossAccount(ctx) === true) return sig(1.5, fromMessage('An object in another account\'s bucket: if a third account uploaded it with ACLs enabled, the bucket policy does not apply to it.'));
      if (read && ctx.parsed.deny.policyType === null) return sig(1.1, fromMessage('A bare 403 on reading an object.'));
      if (ctx.parsed.deny.kind === 'explicit') return sig(0.2, fromMessage('An explicit Deny refused the call.'));
      return sig(0.5, fromMessage('Nothing points at object ownership.'));
    },
    (ctx) => {
      // ACLs are on (the only setting under which another account can own an object), and the text
      // says another account wrote it, or even reading the object's ACL is refused
      const aclsOn = has(ctx, '"objectownership": "objectwriter"', '"objectownership":"objectwriter"', '"objectownership": "bucketownerpreferred"', '"objectownership":"bucketownerpreferred"', 'objectownership: objectwriter', 'objectownership: bucketownerpreferred');
      if (!aclsOn) return null;
      const foreign = has(ctx, 'another account', 'other account', "partner's account", 'partner account', 'cross-account upload', 'external account')
        || has(ctx, 'getobjectacl operation: access denied');
      return sig(foreign ? 6 : 2.5, fromMessage(`The bucket's Object Ownership setting keeps ACLs on (object writer owns the object)${foreign ? ', and the object was written by another account or even its ACL cannot be read: that account owns it, and the bucket policy does not cover it' : ''}.`));
    },
    (ctx) => {
      const list = policiesOf(ctx, 'resource');
      if (!list.length || !ctx.parsed.action) return null;
      const hit = statementsFor(list, ctx.parsed.action, ctx, 'Allow', ctx.parsed.target?.arn ?? undefined).find((h) => !h.conditional && h.match !== 'unknown');
      return hit ? sig(2, fromPolicy(`${stmtLabel(hit.statement)} of the bucket policy allows the caller, yet the read fails: the object may belong to another account, which bucket-policy Allows do not cover.`, hit.policy.index, hit.statement.index)) : null;
    },
    (ctx) => {
      // pasted get-bucket-acl and list-objects / get-object-acl output: who owns the bucket, who owns the object
      if (codeIs(ctx, 'AccessControlListNotSupported')) return null;
      const o = s3Owners(ctx);
      if (!o) return null;
      const short = (id: string) => `${id.slice(0, 8)}…`;
      const foreign = o.objects.find((id) => id !== o.bucket);
      const what = o.ofTheObject ? 'the object' : 'a listed object';
      if (foreign) {
        return sig(o.ofTheObject ? 12 : 6, fromContext(`The pasted output shows ${what} owned by canonical user ${short(foreign)} and the bucket by ${short(o.bucket)}: another account owns it, so S3 asks that account's object ACL, and the bucket owner's IAM and bucket policies cannot grant access to it.`));
      }
      return sig(o.ofTheObject ? 0.1 : 0.4, fromContext(`The pasted output shows ${o.ofTheObject ? 'the object' : 'the listed objects'} owned by the bucket owner (canonical user ${short(o.bucket)}): ownership is not what refuses ${o.ofTheObject ? 'it' : 'them'}.`));
    },
    (ctx) => {
      // Bucket owner enforced: ACLs are off and the bucket owner owns every object, so a read is never refused for ownership
      if (objectOwnershipShown(ctx) !== 'BucketOwnerEnforced' || codeIs(ctx, 'AccessControlListNotSupported')) return null;
      if (has(ctx, 'x-amz-acl', '--acl ', 'accesscontrollistnotsupported', 'the bucket does not allow acls')) return null;
      return sig(0.1, fromContext('The pasted ownership controls say Bucket owner enforced: ACLs are disabled and the bucket owner owns every object in the bucket, so no other account owns this one.'));
    },
  ],
  confirm: [
    { description: 'The bucket\'s Object Ownership setting.', command: 'aws s3api get-bucket-ownership-controls --bucket {bucket}' },
    { description: 'Who owns the object (run as the object owner or the bucket owner).', command: 'aws s3api get-object-acl --bucket {bucket} --key {objectKey}' },
  ],
  fix: {
    description: 'Set Object Ownership to "Bucket owner enforced" (disables ACLs; the bucket owner owns every object — migrate needed ACL grants to policies first), and have writers stop sending ACLs (or, while ACLs stay on, upload with bucket-owner-full-control). Existing foreign-owned objects must be copied over by their owner.',
    commands: ['aws s3api put-bucket-ownership-controls --bucket {bucket} --ownership-controls \'Rules=[{ObjectOwnership=BucketOwnerEnforced}]\''],
  },
  docs: [OWNERSHIP, S3_403],
};

/** KMS's answer about a key it would not use (the key policy, a key in another Region, or a foreign ciphertext). */
const KMS_KEY_ANSWER = ['customer master key that does not exist', 'does not exist in this region, or you are not allowed', 'ciphertext references a key that'];

/** UploadPart refused with no policy type named: the multipart upload was already created, so s3:PutObject passed. */
const partRefused = (ctx: CauseContext) => operation(ctx) === 'uploadpart' && !ctx.parsed.deny.policyType && ctx.parsed.deny.kind !== 'explicit';

const KMS_FOR_S3 = ['kms:decrypt', 'kms:generatedatakey', 'kms:encrypt', 'kms:reencryptfrom', 'kms:reencryptto', 'kms:generatedatakeywithoutplaintext'];

const sseKms: CauseDefinition = {
  id: 's3-sse-kms-permissions',
  title: 'The object is SSE-KMS encrypted and the caller may not use its KMS key',
  summary: 'Reading an SSE-KMS object needs kms:Decrypt on its key, writing needs kms:GenerateDataKey (multipart uploads also kms:Decrypt) — in the key policy and, unless the key policy names the caller, in the caller\'s IAM policy; across accounts in both, plus the bucket policy. AWS managed aws/s3 keys work only inside their own account.',
  family: 's3',
  prior: 0.1,
  specificity: 2,
  refines: ['identity-missing-allow', 'kms-key-policy-missing-grant'],
  gate: { keys: ['s3', 'kms'] }, // a kms: action on an S3 call is a KMS context
  appliesTo: (ctx) => {
    if (notDenial(ctx)) return false;
    const kmsAct = KMS_FOR_S3.includes(action(ctx));
    if (kmsAct) return isS3(ctx) || has(ctx, 'bucket', 's3');
    return isS3(ctx) && (has(ctx, 'kms', 'sse-kms', 'aws:kms', 'x-amz-server-side-encryption', ...KMS_KEY_ANSWER) || partRefused(ctx));
  },
  signals: [
    (ctx) => {
      if (KMS_FOR_S3.includes(action(ctx))) return sig(S3_OPS.includes(operation(ctx)) ? 150 : has(ctx, 's3://', 'bucket', 'objectcreated', 'amazons3', 's3 object', 'host id') ? 100 : 20, fromMessage(`The ${ctx.parsed.operation ?? 'S3'} call failed on ${ctx.parsed.action}: S3 uses the object's KMS key on the caller's behalf, and the caller may not use that key.`));
      // an S3 call answered with KMS's own refusal of a key: the object's (or bucket default's) key
      if (has(ctx, ...KMS_KEY_ANSWER)) return sig(30, fromMessage(`The ${ctx.parsed.operation ?? 'S3'} call was answered with KMS's refusal of a key: S3 found the object but could not use its encryption key for the caller (the key policy or the caller's KMS permissions, or a key in another Region).`));
      if (partRefused(ctx)) return sig(15, fromMessage('A part upload was refused after the multipart upload started: UploadPart needs the same s3:PutObject permission that CreateMultipartUpload already passed, but under SSE-KMS it also needs kms:Decrypt on the key (single-part PutObject needs only kms:GenerateDataKey).'));
      // head-object / get-bucket-encryption output in the text: the object (or bucket default) is SSE-KMS under a named key
      if (has(ctx, 'ssekmskeyid', 'kmsmasterkeyid', 'x-amz-server-side-encryption-aws-kms-key-id')) return sig(10, fromMessage('The text shows the object (or the bucket default) is SSE-KMS under a named KMS key: the call needs that key\'s kms:Decrypt (reads) or kms:GenerateDataKey (writes), granted by the key policy too.'));
      return sig(4, fromMessage('The S3 request involves SSE-KMS encryption.'));
    },
    (ctx) => (crossAccount(ctx) === true
      ? sig(1.5, fromMessage('Across accounts the key policy, the caller\'s IAM policy and the bucket policy must all allow it; an AWS managed aws/s3 key never works across accounts.'))
      : null),
    (ctx) => {
      const act = KMS_FOR_S3.includes(action(ctx)) ? action(ctx) : 'kms:decrypt';
      const shown = KMS_FOR_S3.includes(action(ctx)) ? ctx.parsed.action! : 'kms:Decrypt';
      const g = keyGrant(ctx, act);
      const keyArn = ctx.parsed.target?.service === 'kms' ? ctx.parsed.target.arn : null;
      const idAllows = identityAllowsOn(ctx, act, keyArn);
      if (g.pasted) {
        const idx = keyPolicies(ctx)[0]!.index;
        if (g.direct) return sig(0.05, fromPolicy(`${stmtLabel(g.direct.statement)} of the key policy allows ${shown} for the caller.`, g.direct.policy.index, g.direct.statement.index), 'ruled-out');
        if (g.account) {
          if (idAllows === true) return sig(0.05, fromPolicy(`The key policy delegates to the caller's account and the caller's IAM policy allows ${shown} on the key.`, g.account.policy.index, g.account.statement.index), 'ruled-out');
          if (idAllows === false) return sig(6, fromPolicy(`The key policy delegates to IAM, but the caller's IAM policy does not allow ${shown} on the key.`, policiesOf(ctx, 'identity')[0]!.index), 'confirmed');
          return sig(1, fromPolicy('The key policy delegates to the caller\'s account: the caller\'s IAM policy must allow the KMS action on the key.', g.account.policy.index, g.account.statement.index));
        }
        if (g.conditional || g.unknown) return sig(0.6, fromPolicy('A key-policy statement allows the action only under conditions, or for a caller that cannot be matched.', idx));
        return sig(6, fromPolicy(`The key policy neither allows ${shown} for the caller nor delegates to its account, so IAM Allows for the key have no effect.`, idx), ctx.parsed.caller?.arn ? 'confirmed' : undefined);
      }
      if (idAllows === false && KMS_FOR_S3.includes(action(ctx))) return sig(5, fromPolicy(`The caller's IAM policy does not allow ${shown} on the key.`, policiesOf(ctx, 'identity')[0]!.index), ctx.parsed.deny.policyType === 'identity-based' ? 'confirmed' : undefined);
      if (idAllows === true) return sig(1.3, fromPolicy(`The caller's IAM policy allows ${shown} on the key, so the key policy is the likely gap.`, policiesOf(ctx, 'identity')[0]!.index));
      return null;
    },
  ],
  confirm: [
    { description: 'Which KMS key encrypts the object (run as someone who can read its metadata).', command: 'aws s3api head-object --bucket {bucket} --key {objectKey} --query \'{SSE:ServerSideEncryption,Key:SSEKMSKeyId}\'' },
    { description: 'The bucket\'s default encryption key.', command: 'aws s3api get-bucket-encryption --bucket {bucket}' },
    ...inKeyAccount({ description: 'The key policy (in the key\'s account).', command: 'aws kms get-key-policy --key-id {keyArn} --policy-name default --output text' }),
    { description: 'Does the caller\'s IAM side allow the KMS actions on that key?', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names kms:Decrypt kms:GenerateDataKey --resource-arns {keyArn} --profile {callerProfile}', when: (ctx) => !!callerPrincipal(ctx) },
  ],
  fix: {
    description: 'Allow the caller kms:Decrypt (reads) and kms:GenerateDataKey (writes) on the bucket\'s key: in the key policy (naming the caller, or the account with the IAM policy granting too) and in the caller\'s IAM policy on the key ARN. For another account, use a customer managed key, not aws/s3.',
    commands: [...inKeyAccountFix('aws kms put-key-policy --key-id {keyArn} --policy-name default --policy file://key-policy.json')],
    correctPolicy: (ctx) => {
      const act = KMS_FOR_S3.includes(action(ctx)) ? action(ctx) : 'kms:decrypt';
      const g = keyGrant(ctx, act);
      const who = callerPrincipal(ctx);
      if (g.pasted && !g.direct && !g.account && !g.conditional && who) {
        const first = keyPolicies(ctx)[0]!;
        const doc = withStatementAdded(first.policy, { Sid: 'AllowS3ObjectKeyUse', Effect: 'Allow', Principal: { AWS: who }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' });
        return doc ? { policyIndex: first.index, policy: doc } : null;
      }
      const keyArn = ctx.parsed.target?.service === 'kms' ? ctx.parsed.target.arn : null;
      const ids = policiesOf(ctx, 'identity');
      if (keyArn && ids.length && identityAllowsOn(ctx, act, keyArn) === false) {
        const doc = withStatementAdded(ids[0]!.policy, { Sid: 'AllowBucketKeyUse', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: keyArn });
        return doc ? { policyIndex: ids[0]!.index, policy: doc } : null;
      }
      return null;
    },
  },
  docs: [SSE_KMS, S3_403, 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html'],
};

/** get-bucket-request-payment output saying the requester pays. */
const PAYS_SHOWN = ['"payer": "requester"', '"payer":"requester"', 'payer: requester', 'payer requester'];
const PAYS_WORDS = ['requester pays', 'requester-pays', 'requesterpays', 'request-payer', 'request_payer', 'x-amz-request-payer', ...PAYS_SHOWN];

const requesterPays: CauseDefinition = {
  id: 's3-requester-pays',
  title: 'The bucket is Requester Pays and the request did not accept the charges',
  summary: 'A Requester Pays bucket refuses requests that do not say the requester pays (--request-payer requester / x-amz-request-payer: requester) with 403, and anonymous requests always.',
  family: 's3',
  prior: 0.03,
  specificity: 2,
  gate: { keys: ['s3'] },
  appliesTo: s3Applies,
  signals: [
    (ctx) => (has(ctx, ...PAYS_WORDS)
      ? sig(60, fromMessage(has(ctx, ...PAYS_SHOWN) ? 'The text shows the bucket is Requester Pays (get-bucket-request-payment: Payer Requester).' : 'The text is about Requester Pays.'))
      : null),
    (ctx) => {
      if (has(ctx, ...PAYS_WORDS)) return null;
      if (ctx.parsed.deny.policyType) return sig(0.1, fromMessage(`S3 names a ${policyWords(ctx, ctx.parsed.deny.policyType)} as the reason.`));
      if (crossAccount(ctx) === true) return sig(1.3, fromMessage('A bucket of another account: public data sets are often Requester Pays.'));
      return sig(0.5, fromMessage('Nothing points at Requester Pays.'));
    },
  ],
  confirm: [
    { description: 'Is the bucket Requester Pays? (Payer: Requester.)', command: 'aws s3api get-bucket-request-payment --bucket {bucket}' },
  ],
  fix: {
    description: 'Send every request with the requester-pays flag (the caller\'s account is charged for the request and transfer).',
    commands: ['aws s3api get-object --bucket {bucket} --key {objectKey} --request-payer requester ./object', 'aws s3 cp s3://{bucket}/{objectKey} . --request-payer requester'],
  },
  docs: [REQUESTER_PAYS, S3_403],
};

const DELETES = ['s3:deleteobject', 's3:deleteobjectversion', 's3:putobjectretention', 's3:putobjectlegalhold', 's3:bypassgovernanceretention'];
const LOCK_WORDS = ['object lock', 'objectlock', 'retention', 'legal hold', 'legalhold', 'worm', 'bypassgovernanceretention', 'bypass-governance-retention'];

const objectLock: CauseDefinition = {
  id: 's3-object-lock',
  title: 'Object Lock retention or a legal hold protects the object version',
  summary: 'A version under Object Lock cannot be deleted or overwritten before its retain-until date (compliance mode: by nobody; governance mode: only with s3:BypassGovernanceRetention and the bypass header), nor while a legal hold is on.',
  family: 's3',
  prior: 0.02,
  specificity: 2,
  gate: { keys: ['s3'] },
  appliesTo: (ctx) => s3Applies(ctx) && (DELETES.includes(action(ctx)) || ['deleteobject', 'deleteobjects', 'putobjectretention', 'putobjectlegalhold'].includes(operation(ctx)) || has(ctx, ...LOCK_WORDS)),
  signals: [
    (ctx) => (has(ctx, 'protected by object lock')
      ? sig(80, fromMessage('S3 says the object is protected by Object Lock.'))
      : has(ctx, ...LOCK_WORDS) ? sig(20, fromMessage('The text is about Object Lock retention or legal holds.')) : null),
    (ctx) => {
      if (action(ctx) === 's3:bypassgovernanceretention') return sig(8, fromMessage('Bypassing governance retention needs s3:BypassGovernanceRetention.'));
      if (action(ctx) === 's3:deleteobjectversion' || has(ctx, 'versionid', 'version-id')) return sig(3, fromMessage('Deleting a specific object version: locked versions cannot be removed.'));
      if (ctx.parsed.deny.policyType) return sig(0.2, fromMessage(`S3 names a ${policyWords(ctx, ctx.parsed.deny.policyType)} as the reason.`));
      return null;
    },
  ],
  confirm: [
    { description: 'The version\'s retention mode and date.', command: 'aws s3api get-object-retention --bucket {bucket} --key {objectKey} --version-id <version-id>' },
    { description: 'Whether a legal hold is on.', command: 'aws s3api get-object-legal-hold --bucket {bucket} --key {objectKey} --version-id <version-id>' },
  ],
  fix: {
    description: 'Wait for the retain-until date or remove the legal hold (s3:PutObjectLegalHold); in governance mode delete with the bypass flag and s3:BypassGovernanceRetention. Compliance-mode versions cannot be deleted early by anyone.',
    commands: ['aws s3api put-object-legal-hold --bucket {bucket} --key {objectKey} --version-id <version-id> --legal-hold Status=OFF', 'aws s3api delete-object --bucket {bucket} --key {objectKey} --version-id <version-id> --bypass-governance-retention'],
  },
  docs: [OBJECT_LOCK],
};

const accessPoint: CauseDefinition = {
  id: 's3-access-point',
  title: 'The access point refuses the request (network origin, its policy, or missing delegation)',
  summary: 'Requests through an S3 access point must pass the access point\'s policy, its network origin (a VPC-only access point refuses internet requests), its Block Public Access, and the bucket policy — which must allow or delegate to access points (s3:DataAccessPointAccount); a cross-account access point also needs the bucket owner\'s delegation.',
  family: 's3',
  prior: 0.03,
  specificity: 2,
  gate: { keys: ['s3'] },
  appliesTo: (ctx) => s3Applies(ctx) && (lower(ctx.parsed.target?.arn).includes(':accesspoint/') || has(ctx, 'accesspoint', 'access point', '-s3alias')),
  signals: [
    (ctx) => (lower(ctx.parsed.target?.arn).includes(':accesspoint/')
      ? sig(60, fromMessage('The request goes through an S3 access point: its own policy, network origin and Block Public Access apply, and the bucket policy must delegate to it.'))
      : sig(5, fromMessage('The text mentions an S3 access point.'))),
    // through an access point, the resource-based policy AWS names is the access point's (or the bucket's delegation to it)
    (ctx) => (lower(ctx.parsed.target?.arn).includes(':accesspoint/') && ctx.parsed.deny.policyType === 'resource-based' && ctx.parsed.deny.kind === 'implicit'
      ? sig(3, fromMessage('AWS says no resource-based policy allows the call: through an access point that is the access point policy, or a bucket policy that does not delegate to access points.'))
      : null),
    (ctx) => {
      if (!has(ctx, 'network origin', 'networkorigin', 'vpc')) return null;
      const vpcOnly = has(ctx, '"networkorigin": "vpc"', 'networkorigin: vpc', 'network origin: vpc', '--network-origin vpc', 'vpcconfiguration');
      const outside = has(ctx, 'laptop', 'over the internet', 'from the internet', 'from home', 'from my machine', 'outside the vpc', 'local machine', 'workstation', 'cloudshell', 'github actions', 'runner');
      if (vpcOnly && outside) return sig(8, fromContext('The access point accepts only requests from its VPC (NetworkOrigin VPC), and the text says the call came from outside it.'));
      if (vpcOnly) return sig(3, fromContext('The access point accepts only requests from its VPC (NetworkOrigin VPC).'));
      return sig(2, fromMessage('The access point may be restricted to a VPC network origin.'));
    },
  ],
  confirm: [
    { description: 'The access point\'s network origin, VPC and Block Public Access.', command: 'aws s3control get-access-point --account-id {targetAccount} --name {accessPointName}' },
    { description: 'The access point\'s policy.', command: 'aws s3control get-access-point-policy --account-id {targetAccount} --name {accessPointName}' },
    { description: 'The bucket policy must allow or delegate to access points (s3:DataAccessPointAccount / s3:DataAccessPointArn).', command: 'aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text' },
  ],
  fix: {
    description: 'Grant the caller in the access point policy, delegate from the bucket policy (e.g. Allow "*" with "StringEquals": {"s3:DataAccessPointAccount": "<owner-account>"}), and call VPC-origin access points from inside that VPC.',
    commands: ['aws s3control put-access-point-policy --account-id {targetAccount} --name {accessPointName} --policy file://access-point-policy.json'],
  },
  docs: [ACCESS_POINTS, S3_403],
};

const SSE_C_WORDS = ['customer provided keys (sse-c)', 'blocked upload requests that specify server side encryption with customer provided keys', 'sse-c', 'sse_c', 'x-amz-server-side-encryption-customer', 'sse-customer'];

const sseC: CauseDefinition = {
  id: 's3-sse-c-blocked',
  title: 'The bucket blocks uploads encrypted with customer-provided keys (SSE-C)',
  summary: 'The bucket\'s default encryption configuration blocks SSE-C (BlockedEncryptionTypes), so PutObject, CopyObject, multipart and replication requests that send their own encryption key get 403 AccessDenied. Since April 2026 new buckets block SSE-C by default; use SSE-S3 or SSE-KMS instead.',
  family: 's3',
  prior: 0.02,
  specificity: 2,
  gate: { phrases: SSE_C_WORDS },
  appliesTo: (ctx) => (s3Applies(ctx) || has(ctx, 'server side encryption')) && has(ctx, ...SSE_C_WORDS),
  signals: [
    (ctx) => (has(ctx, SSE_C_WORDS[0]!, SSE_C_WORDS[1]!)
      ? sig(150, fromMessage('S3 says the bucket blocks upload requests that specify SSE-C.'))
      : sig(5, fromMessage('The request uses SSE-C (customer-provided keys).'))),
  ],
  confirm: [
    { description: 'The bucket\'s encryption configuration (which encryption types it blocks).', command: 'aws s3api get-bucket-encryption --bucket {bucket}' },
  ],
  fix: {
    description: 'Upload with SSE-S3 or SSE-KMS (drop the --sse-c options), or, if SSE-C is really needed, remove SSE-C from the bucket\'s blocked encryption types.',
    commands: [
      'aws s3 cp ./file s3://{bucket}/{objectKey} --sse aws:kms',
      'aws s3api put-bucket-encryption --bucket {bucket} --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BlockedEncryptionTypes":{"EncryptionType":["NONE"]}}]}\'',
    ],
  },
  docs: [SSE_C, 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html', S3_403],
};

/** What shows the refused request was a presigned URL: its SigV4 query parameters, or the word. */
const PRESIGNED_WORDS = ['x-amz-expires', 'x-amz-signature', 'x-amz-credential', 'presign'];

const presignedExpired: CauseDefinition = {
  id: 's3-presigned-url-expired',
  title: 'The presigned URL has expired (its X-Amz-Expires passed, or the credentials that signed it did)',
  summary: 'A presigned URL works only until its X-Amz-Date plus X-Amz-Expires (at most 7 days), and never longer than the credentials that signed it: one signed with a role session, an instance profile or SSO credentials stops working when they expire, whatever its X-Amz-Expires. S3 then answers 403 "Request has expired" without evaluating any policy.',
  family: 's3',
  prior: 0.05,
  specificity: 2,
  refines: ['expired-token'],
  gate: { phrases: ['request has expired'] },
  appliesTo: (ctx) => has(ctx, 'request has expired') && has(ctx, ...PRESIGNED_WORDS),
  signals: [
    () => sig(100, fromMessage('S3 answered "Request has expired" to a presigned URL: the signature is past its lifetime, so no policy was evaluated.')),
    (ctx) => (has(ctx, 'x-amz-security-token')
      ? sig(1.5, fromMessage('The URL carries X-Amz-Security-Token: temporary credentials signed it, so it ended with their session, however long its X-Amz-Expires.'))
      : null),
  ],
  confirm: [
    { description: 'Read when the URL was signed and for how long (X-Amz-Date + X-Amz-Expires seconds), against the ServerTime in S3\'s answer; an X-Amz-Security-Token means temporary credentials signed it.', command: "printf '%s\\n' '<presigned-url>' | tr '?&' '\\n\\n' | grep -i '^x-amz-\\(date\\|expires\\|security-token\\)'" },
  ],
  fix: {
    description: 'Sign a new URL when it is needed rather than storing one, with an --expires-in that the signing credentials outlive: a role session caps the URL at the session\'s end, so sign long-lived links with credentials that last (or shorten the link\'s life).',
    commands: ['aws s3 presign s3://{bucket}/{objectKey} --expires-in 3600 --profile {callerProfile}'],
  },
  docs: [PRESIGNED, 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html'],
};

/** Stores that speak the S3 API, by the names a paste shows them with. */
const S3_COMPATIBLE = ['minio', 'ceph', 'radosgw', 'wasabi', 'backblaze', 'r2.cloudflarestorage'];
const ALL_ACCESS_DISABLED = ['all access to this object has been disabled', 'all access to this resource has been disabled', 'all access to this amazon s3 resource has been disabled'];

const allAccessDisabled: CauseDefinition = {
  id: 's3-all-access-disabled',
  title: 'AWS has disabled all access to the bucket (AllAccessDisabled), whatever the policies say',
  summary: 'S3 answers 403 AllAccessDisabled when AWS itself has blocked the bucket or object: the owning account is suspended or closed (unpaid bills, a closed account within its post-closure period), or the bucket was blocked for abuse. No policy of the caller or the bucket is evaluated; only the account owner and AWS Support can lift it. An S3-compatible store (MinIO, Ceph) sends the same code for a block of its own.',
  family: 's3',
  prior: 0.02,
  specificity: 2,
  gate: { codes: ['AllAccessDisabled'], phrases: ALL_ACCESS_DISABLED },
  appliesTo: (ctx) => codeIs(ctx, 'AllAccessDisabled') || has(ctx, ...ALL_ACCESS_DISABLED),
  signals: [
    (ctx) => {
      const store = S3_COMPATIBLE.find((w) => has(ctx, w));
      return store
        ? sig(200, fromMessage(`The store says all access to this resource has been disabled (AllAccessDisabled), and the paste names ${store}: an S3-compatible store sends this for a block of its own (its admin settings, the bucket's state), which its administrator lifts; IAM policies play no part.`))
        : sig(200, fromMessage('S3 says all access to this resource has been disabled (AllAccessDisabled): AWS blocked it, not a policy, so no policy change on either side helps.'));
    },
  ],
  confirm: [
    { description: 'As the bucket owner, whether S3 answers at all for the bucket (the same 403 there means the block is on the bucket or its account).', command: 'aws s3api get-bucket-location --bucket {bucket} --profile {targetProfile}' },
    { description: 'Whether the owning account is still active (a suspended or closed account shows here and in the Billing console).', command: 'aws account get-account-information --profile {targetProfile}' },
  ],
  fix: {
    description: 'The bucket owner settles what suspended the account (unpaid bills, a closure to reverse) or opens a case with AWS Support quoting the request id; a caller outside the owning account can only tell the owner.',
    commands: ['aws support create-case --subject "S3 AllAccessDisabled on {bucket}" --communication-body "All access to the bucket {bucket} has been disabled (AllAccessDisabled)." --service-code amazon-simple-storage-service --category-code other --severity-code normal --profile {targetProfile}'],
  },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html', S3_403],
};

export const causes: CauseDefinition[] = [blockPublic, ownership, sseKms, requesterPays, objectLock, accessPoint, sseC, presignedExpired, allAccessDisabled];
