/** Which tool printed the error: the outermost recognizable envelope wins. */
import type { ErrorSource } from '../types.js';
import { GateSet, gateOf } from './gate.js';

export const RULES: Array<[ErrorSource, RegExp]> = [
  // the S3 backend and the resource address a diagnostic names are Terraform's own words too, and so is Terraform
  // 0.11's apply summary (`Error applying plan:` / `2 error(s) occurred:`)
  ['terraform', /provider\["registry\.terraform\.io|\bError applying plan:|\b\d{1,4} error\(s\) occurred:|\bon [\w./-]{1,100}\.tf line \d{1,6}|Terraform AWS Provider|Error: Cannot assume IAM Role|Error loading state|configuring S3 Backend|Initializing the backend\.\.\.|\bwith (?:module\.[\w-]{1,80}\.)?aws_[a-z0-9_]{1,80}\.[\w-]{1,100},/i],
  ['github-actions', /aws-actions\/configure-aws-credentials|Could not assume role with (?:OIDC|web identity token file|user credentials)|Credentials could not be loaded, please check your action inputs|set the id-token permission|##\[error\]/],
  // cdk's stack-activity rows (`Stack |  0/12 | 22:02:26 | CREATE_FAILED | AWS::…`, `6:42:27 AM | CREATE_FAILED | AWS::…`)
  // and its bootstrap summary (`Environment aws://<account>/<region> failed bootstrapping`)
  ['cdk', /could not be used to assume '|\[Error at \/|\bcdk (?:deploy|synth|bootstrap|diff)\b|\bEnvironment aws:\/\/[\w-]{1,40}\/[a-z0-9-]{1,30} failed bootstrapping|\b\d{1,2}:\d{2}:\d{2}(?: [AP]M)? \| (?:CREATE|UPDATE|DELETE|ROLLBACK|IMPORT)_[A-Z_]{1,30} {0,20}\| AWS::/],
  // the SDK for .NET's stack frames (`   at Amazon.Runtime.Internal.ErrorHandler.InvokeAsync[T](…)`)
  ['aws-sdk-dotnet', /---> Amazon\.|\bat Amazon\.Runtime\.|\bAmazon\.[A-Za-z0-9]{2,40}\.(?:Model\.)?[A-Za-z0-9]{2,60}Exception\b|\.cs:line \d/],
  // `com.amazonaws.dynamodb.v20120810#AccessDeniedException` is a service's shape id (every SDK prints it in `__type`), not a Java class
  ['aws-sdk-java', /\(Service: [^;,()]{1,80}[;,] Status Code|\bcom\.amazonaws\.(?![a-z0-9.-]{1,60}\.v\d{8}#)|\bsoftware\.amazon\.awssdk\.|\.java:\d{1,6}\)/],
  ['aws-sdk-go', /operation error [A-Za-z0-9 ]{1,40}: [A-Za-z0-9]{1,100}, |status code: \d{3}, request id:|WebIdentityErr|https response error StatusCode|aws-sdk-go/],
  ['aws-sdk-js', /\$metadata|at Request\.extractError|node_modules\/(?:aws-sdk|@aws-sdk)|deserializeAws_|\bde_[A-Z][A-Za-z0-9]{1,60}CommandError|'\$fault'|retryDelay/],
  // botocore names a profile's role sessions `botocore-session-<epoch>` for the CLI and boto3 alike: no sign of Python
  ['boto3', /botocore(?!-session-\d)|boto3|Traceback \(most recent call last\)|<class 'botocore/],
  ['aws-cli', /An error occurred \([^()\s]{1,100}\)(?: \(reached max retries: \d{1,3}\))? when calling the [A-Za-z0-9]{1,100} operation/],
  // the console's copyable "You need permissions" panel labels its fields ("On resource(s): …") and asks the reader to
  // "copy the following text and send it to your AWS administrator"
  // the S3 console's banner: "Insufficient permissions to list objects. After you or your AWS administrator has updated
  // your permissions to allow the s3:ListBucket action, refresh the page."
  ['console', /console\.aws\.amazon\.com\/[a-z0-9]{1,30}\/home(?![^\n]{0,40}authorization-details)|You don't have permission to access|You need permissions|\bOn resource\(s\): |copy the following text and send it to your AWS administrator|Invalid information in one or more fields|After you or your AWS administrator ha(?:s|ve) updated your permissions to allow/],
];

/** Per rule, the literals one of which its every match contains (gate.ts). */
export const SOURCE_GATES = RULES.map(([, re]) => gateOf(re));
const GATES = new GateSet(SOURCE_GATES);

/**
 * `open`, when given, holds the rules' gates (SOURCE_GATES through flatGate) from `at` on, answered
 * on the flattened text by the parser's own pass; else the rules' gates are read here.
 */
export function detectSource(text: string, wrappers: string[], cloudtrail: boolean, open?: ArrayLike<number>, at = 0): ErrorSource {
  if (cloudtrail) return 'cloudtrail';
  if (wrappers.includes('terraform-box')) return 'terraform';
  if (wrappers.includes('github-actions-annotation')) return 'github-actions';
  const gates = open ?? GATES.open(text);
  const from = open ? at : 0;
  for (let i = 0; i < RULES.length; i++) {
    const [src, re] = RULES[i]!;
    if (gates[from + i] === 1 && re.test(text)) return src;
  }
  return 'plain';
}
