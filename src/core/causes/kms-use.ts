/**
 * A service's use of KMS on the caller's behalf was refused (docs/decisions/018): Secrets Manager's
 * "Access to KMS is not allowed", Lambda's "… because KMS access was denied", the KMSAccessDenied /
 * KmsAccessDeniedException / KMS.AccessDeniedException codes of Kinesis, SNS, SQS, Step Functions,
 * CloudWatch. The message names the service's operation, not the KMS action: the service had already
 * authorized its own operation and then called KMS (kms:Decrypt to read, kms:GenerateDataKey to
 * write) with the caller's permissions, through the service (kms:ViaService). The parser's output is
 * left as it is (its action stays what the message names); causes read this view.
 */
import type { ParsedError } from '../types.js';
import { SHAPE_BY_NAME } from '../parse/message-shapes.js';
import type { CauseContext } from './types.js';
import { perAnswer } from './signals.js';
import { codeIs, has, lower, policiesOf } from './service-util.js';

/** Operations → service, for the services that use KMS on the caller's behalf (the message may name no service). */
const OP_SERVICE: Record<string, string> = {
  getsecretvalue: 'secretsmanager', putsecretvalue: 'secretsmanager', createsecret: 'secretsmanager', updatesecret: 'secretsmanager',
  batchgetsecretvalue: 'secretsmanager', rotatesecret: 'secretsmanager',
  getparameter: 'ssm', getparameters: 'ssm', getparametersbypath: 'ssm', putparameter: 'ssm',
  invoke: 'lambda', createfunction: 'lambda', updatefunctionconfiguration: 'lambda',
  putrecord: 'kinesis', putrecords: 'kinesis', getrecords: 'kinesis',
  publish: 'sns', publishbatch: 'sns', sendmessage: 'sqs', sendmessagebatch: 'sqs', receivemessage: 'sqs',
  startexecution: 'states', startsyncexecution: 'states',
};

/** Operations that write data (the service asks KMS for a data key). */
const WRITE = /^(put|create|update|send|publish|start|upload|write|batchwrite|batchput|rotate)/;

export interface KmsUse {
  /** The service that called KMS (`secretsmanager`), when known. */
  service: string | null;
  /** Its operation that failed (`GetSecretValue`), when known. */
  operation: string | null;
  /** What it asked KMS for, as people write it. */
  kmsAction: 'kms:Decrypt' | 'kms:GenerateDataKey';
  /** The service's resource the text names (the secret, queue …), and its account. */
  resource: string | null;
  resourceAccount: string | null;
}

/**
 * The view the causes and the evaluation read of a KMS wording under another service's operation ("(AccessDeniedException)
 * … GetSecretValue operation: Access to KMS is not allowed"): the parser reads the operation as the refused action, but
 * the check that failed is the KMS use through that service, so the causes see no action there and read the KMS use
 * (kmsUse) instead, as before the parser read it.
 */
export function withoutKmsServiceAction(parsed: ParsedError): ParsedError {
  const act = parsed.action;
  if (!act || !parsed.operation || !parsed.shape || act.toLowerCase().startsWith('kms:')) return parsed;
  const shape = SHAPE_BY_NAME.get(parsed.shape);
  if (shape?.family !== 'kms' || shape.inferAction) return parsed;
  const name = act.slice(act.indexOf(':') + 1).toLowerCase();
  const op = parsed.operation.toLowerCase();
  if (name !== op && !(op === 'invoke' && name === 'invokefunction')) return parsed; // printed, not read from the operation
  return { ...parsed, action: null };
}

/** The KMS-use failure the message reports, or null when it reports something else. */
export const kmsUse = perAnswer((ctx: CauseContext): KmsUse | null => {
  const act = lower(ctx.parsed.action);
  if (act.startsWith('kms:')) return null; // KMS itself named the action
  const wording = ctx.parsed.shape === 'kms-not-allowed' || has(ctx, 'access to kms is not allowed', 'kms access was denied')
    || codeIs(ctx, 'KMSAccessDenied', 'KmsAccessDenied', 'KMS.AccessDenied', 'KMS.AccessDeniedException');
  if (!wording) return null;
  const op = ctx.parsed.operation ?? null;
  const service = act.includes(':') ? act.slice(0, act.indexOf(':')) : (op ? OP_SERVICE[op.toLowerCase()] ?? null : null);
  if (service === 'kms') return null;
  const write = !!op && WRITE.test(op.toLowerCase()) && !has(ctx, 'unable to decrypt');
  const resource = service ? arnOf(ctx.text, service) : null;
  const m = resource ? /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource) : null;
  return { service, operation: op, kmsAction: write ? 'kms:GenerateDataKey' : 'kms:Decrypt', resource, resourceAccount: m?.[1] ?? null };
});

/** The first ARN of `service` in the text (bounded scan, no regex over the text). */
function arnOf(text: string, service: string): string | null {
  const src = text.length > 100_000 ? text.slice(0, 100_000) : text;
  let from = 0;
  for (let n = 0; n < 50; n++) {
    const i = src.indexOf('arn:', from);
    if (i < 0) return null;
    let j = i;
    while (j < src.length && j - i < 2048 && !' \t\r\n"\'`|),;<>'.includes(src[j] as string)) j++;
    const arn = src.slice(i, j);
    if (arn.split(':')[2] === service && /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{12}:./.test(arn)) return arn;
    from = j + 1;
  }
  return null;
}

/** The accounts a pasted resource policy's Allow statements name (account ids of AWS principals). */
function grantedAccounts(ctx: CauseContext): Set<string> {
  const out = new Set<string>();
  for (const { policy } of policiesOf(ctx, 'resource')) {
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !st.principal) continue;
      if (st.principal.wildcard) return new Set();
      for (const v of st.principal.AWS) {
        const m = /^(?:arn:[a-z-]+:iam::)?(\d{12})(?::|$)/.exec(v);
        if (!m) return new Set(); // `*`, a name we cannot place: no inference
        out.add(m[1] as string);
      }
    }
  }
  return out;
}

/**
 * Whether the caller is in another account than the service's resource: from the message when it
 * names both, else `likely` when the resource's pasted policy grants only other accounts (a resource
 * policy is what lets other accounts in; the caller is one of those it names).
 */
export const kmsUseCrossAccount = perAnswer((ctx: CauseContext): { cross: boolean; inferred: boolean; accounts: string[] } | null => {
  const use = kmsUse(ctx);
  if (!use) return null;
  const caller = ctx.parsed.caller?.accountId;
  const target = ctx.parsed.target?.accountId ?? use.resourceAccount;
  if (caller && target && /^\d{12}$/.test(caller) && /^\d{12}$/.test(target)) return { cross: caller !== target, inferred: false, accounts: [caller] };
  if (typeof ctx.parsed.crossAccount === 'boolean') return { cross: ctx.parsed.crossAccount, inferred: false, accounts: [] };
  if (!use.resourceAccount) return null;
  const granted = grantedAccounts(ctx);
  if (!granted.size || granted.has(use.resourceAccount)) return null;
  return { cross: true, inferred: true, accounts: [...granted] };
});
