/**
 * kms:ViaService of a KMS call an AWS service made on the caller's behalf. When a service integrated
 * with KMS uses a key for an IAM principal (S3 writing an SSE-KMS object, Secrets Manager reading a
 * secret …), KMS sets kms:ViaService to that service's endpoint name, `<service>.<region>.amazonaws.com`
 * (AWS KMS condition keys, kms:ViaService; the services in its ViaService table). The failed operation
 * names the service; the key's Region (a service uses a key in its own Region) names the Region.
 */
import type { ParsedError } from '../types.js';
import { parseArn } from './arn.js';

/**
 * Operations that name one service unambiguously, for services in KMS's ViaService table whose
 * ViaService name is their service prefix. Names shared by two services (PutRecord: Kinesis and
 * Firehose; Publish: SNS and IoT) are left out: the operation alone would not say which.
 */
const OP_SERVICE: Record<string, string> = {
  // S3: SSE-KMS objects
  putobject: 's3', getobject: 's3', headobject: 's3', copyobject: 's3', uploadpart: 's3', uploadpartcopy: 's3',
  createmultipartupload: 's3', completemultipartupload: 's3', selectobjectcontent: 's3', getobjectattributes: 's3',
  restoreobject: 's3',
  // Secrets Manager
  getsecretvalue: 'secretsmanager', putsecretvalue: 'secretsmanager', createsecret: 'secretsmanager',
  updatesecret: 'secretsmanager', batchgetsecretvalue: 'secretsmanager',
  // Systems Manager Parameter Store (SecureString)
  getparameter: 'ssm', getparameters: 'ssm', getparametersbypath: 'ssm', putparameter: 'ssm',
  // SQS (SSE-KMS queues)
  sendmessage: 'sqs', sendmessagebatch: 'sqs', receivemessage: 'sqs',
  // DynamoDB (customer managed table keys)
  putitem: 'dynamodb', getitem: 'dynamodb', updateitem: 'dynamodb', deleteitem: 'dynamodb', batchgetitem: 'dynamodb',
  batchwriteitem: 'dynamodb',
  // Step Functions
  startexecution: 'states', startsyncexecution: 'states',
};

/** KMS actions a service performs with a key on the caller's behalf (cryptographic use). */
const CRYPTO = new Set([
  'kms:decrypt', 'kms:encrypt', 'kms:generatedatakey', 'kms:generatedatakeywithoutplaintext',
  'kms:generatedatakeypair', 'kms:generatedatakeypairwithoutplaintext', 'kms:reencryptfrom', 'kms:reencryptto',
]);

const REGION = /^[a-z]{2}(?:-[a-z]{2,10}){1,2}-\d{1,2}$/;

/**
 * `<service>.<region>.amazonaws.com` when the paste shows a cryptographic KMS action refused during
 * another service's operation, and the Region of the key (or of the call): else null. Only the `aws`
 * partition (other partitions' endpoint names differ).
 */
export function viaServiceOf(parsed: ParsedError): string | null {
  const action = parsed.action?.trim().toLowerCase() ?? '';
  if (!CRYPTO.has(action)) return null;
  const service = OP_SERVICE[parsed.operation?.trim().toLowerCase() ?? ''];
  if (!service) return null;
  const key = parsed.target?.arn ? parseArn(parsed.target.arn.trim()) : null;
  if (key && key.service !== 'kms') return null;
  const partition = key?.partition ?? parsed.caller?.partition ?? 'aws';
  if (partition !== 'aws') return null;
  const region = key?.region || parsed.region;
  if (!region || region.length > 30 || !REGION.test(region)) return null;
  return `${service}.${region}.amazonaws.com`;
}
