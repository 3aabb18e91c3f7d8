/**
 * Reads the tool envelope around one message: the CLI's `An error occurred (Code) when calling the
 * Op operation:`, Go SDK v2's `operation error Svc: Op, … api error Code:`, Go v1's `status code: …,
 * request id: …`, Java/.NET `(Service: …; Status Code: …; Error Code: …; Request ID: …)`, JS
 * `$metadata` dumps, JSON/XML `Code` fields and the plain `Code: message` prefix.
 * All scans run over bounded windows next to the message.
 */
import { KNOWN_ACTIONS, S3_OP_ACTION, isAuthishCode, isKnownCode, lastSegment, servicePrefix } from './codes.js';
import { isPlaceholder } from './redaction.js';
import { trimTrailing } from './text.js';

export interface Envelope {
  errorCode: string | null;
  operation: string | null;
  /** IAM service prefix the envelope names (Go `operation error STS:`, JS `client-sts`). */
  service: string | null;
  /** `svc:Action` printed by the envelope itself (`error calling sts:GetCallerIdentity`). */
  actionHint: string | null;
  httpStatus: number | null;
  requestId: string | null;
  requestIdRedacted: boolean;
  wrappers: string[];
  /** Where the envelope starts/ends, for merging neighbours. */
  start: number;
  end: number;
}

// the CLI v1 of 2015 printed `A client error (Code) occurred when calling …`; a page retyping the message may end the
// operation with a period (`… AssumeRoleWithWebIdentity operation. Couldn't retrieve …`), the message a sentence after it
const CLI_RE = /(?:An [Ee]rror occur?red \(([^()\s]{1,100})\)|A client error \(([^()\s]{1,100})\) occurred)(?: \(reached max retries: \d{1,3}\))? when calling the ([A-Za-z0-9]{1,100}) operation(?: \(reached max retries: \d{1,3}\))?(?:: ?|( )|\. )/y;
const GO2_RE = /operation error ([A-Za-z0-9 ]{1,40}?): ([A-Za-z0-9]{1,100}),/y;
const JAVA_RE = /^[ .:]{0,3}\(Service: ?([^;,()]{1,80})[;,] ?Status Code: ?(\d{3})(?:[;,] ?Error Code: ?([A-Za-z0-9][A-Za-z0-9. ]{0,100}?)(?=[;,)]|\.\.\.|$))?(?:[;,] ?Request ID: ?([^;,()\s]{0,120}))?/i;
const PAREN_CODE_AFTER_RE = /^ {0,2}\(([A-Za-z][A-Za-z0-9.]{1,100})\)(?=[\s.,;:]|$)/;
const GO1_RE = /^[ .]{0,3}status code: (\d{3}), request id: ?([A-Za-z0-9-]{0,120})/i;
const STRUCT_RE = /["']?\b(?:__type|[Cc]ode|[Ee]rror[Cc]ode|errorType|[Ee]rror|name|Error Code|typeName|[Xx]-[Aa]mzn-[Ee]rror[Tt]ype)["']?\s?[:=]\s?(?:u|Optional\()?["']?([A-Za-z][A-Za-z0-9.#:]{1,100})["',;)\s]/g;
const XML_CODE_RE = /<Code> ?([A-Za-z][A-Za-z0-9.]{1,100}) ?<\/Code>/g;
// the Ruby SDK's error class, in parentheses after the message or printed on its own (a Rails / Bugsnag title
// `Aws::ECR::Errors::AccessDeniedException in tracks#show`, `Aws::S3::Errors::AccessDenied: Access Denied`)
const RUBY_RE = /\bAws::[A-Za-z0-9]{1,40}::Errors::([A-Za-z0-9]{2,100})\b/g;
// async-aws (PHP): "… on resource (code AccessDeniedException)."
const ASYNC_AWS_RE = /\(code ([A-Za-z][A-Za-z0-9.]{1,100})\)/g;
// the HTTP header, whose value may go on after a colon: `x-amzn-ErrorType: AccessDeniedException:http://internal…`
const ERROR_TYPE_HEADER_RE = /\bx-amzn-ErrorType["']?\s?[:=]\s?["']?([A-Za-z][A-Za-z0-9.#]{1,100})(?=[:"',;)\s]|$)/gi;
// Redshift prints S3's refusal as one comma-separated line: `S3ServiceException:Access Denied,Status 403,Error
// AccessDenied,Rid …` (older clusters: `StatusCode 403,ErrorCode AccessDenied`)
const REDSHIFT_S3_RE = /,Status(?:Code)? \d{3},Error(?:Code)? ([A-Za-z][A-Za-z0-9.]{1,100})(?=,|\s|$)/g;
// R's str() of an error list (aws.s3, paws): ` $ Code     : chr "AccessDenied"`
const R_STR_RE = /\$ Code\s{0,12}: chr "([A-Za-z][A-Za-z0-9.]{1,100})"/g;
// EC2's fault-prefixed code in parentheses, as some tools print it ahead of the message: `(Client.UnauthorizedOperation)
// You are not authorized to perform this operation.` — only EC2's refusal codes (its `Invalid…` codes are validation)
const EC2_FAULT_PAREN_RE = /\((?:Client|Server)\.(UnauthorizedOperation|AuthFailure|Blocked|OptInRequired)\)/g;
const STRUCT_RES = [STRUCT_RE, XML_CODE_RE, RUBY_RE, ASYNC_AWS_RE, REDSHIFT_S3_RE, R_STR_RE, EC2_FAULT_PAREN_RE];
const STRUCT_HEADER_RES = [...STRUCT_RES, ERROR_TYPE_HEADER_RE];
const REQID_RE = /(?:request[ _-]?id|RequestId|x-amzn-RequestId)["']?\s?[:=>]\s?["']?([A-Za-z0-9][A-Za-z0-9\-_+/=]{5,120}|<[^<>\s]{1,40}>|\.\.\.|\*{2,})/gi;
const STATUS_RE = /(?:status ?code|httpStatusCode|statusCode)["']?\s?[:=]\s?(\d{3})\b/gi;
const JS_OP_RE = /(?:\bde_|deserializeAws_(?:json1_[01]|restJson1|restXml|query|ec2|awsJson1_[01]|awsQuery)_?)([A-Z][A-Za-z0-9]{1,60}?)CommandError/;
const JS_CLIENT_RE = /@aws-sdk\/client-([a-z0-9-]{2,40})|\bclient-(sts|s3|ssm|kms|dynamodb|secrets-manager|lambda|iam|ec2|ecr|sqs|sns)\//;
const CALLING_RE = /(?:(?:error )?calling|\bAPI:?) ([a-z0-9-]{2,30}):([A-Za-z]{2,80})(?: ([a-z]{1,10}))?[:.]? ?$/;

/** AWS Tools for PowerShell cmdlets whose API call is not obvious from the name: [service, operation]. */
const PS_CMDLETS: Record<string, [string, string]> = {
  'Read-S3Object': ['s3', 'GetObject'], 'Write-S3Object': ['s3', 'PutObject'], 'Get-S3Object': ['s3', 'ListObjects'],
  'Get-S3Bucket': ['s3', 'ListBuckets'], 'Remove-S3Object': ['s3', 'DeleteObject'], 'Copy-S3Object': ['s3', 'CopyObject'],
  'New-S3Bucket': ['s3', 'CreateBucket'], 'Get-S3BucketPolicy': ['s3', 'GetBucketPolicy'], 'Write-S3BucketPolicy': ['s3', 'PutBucketPolicy'],
  'Use-STSRole': ['sts', 'AssumeRole'], 'Use-STSWebIdentityRole': ['sts', 'AssumeRoleWithWebIdentity'], 'Use-STSRoleWithSAML': ['sts', 'AssumeRoleWithSAML'],
  'Get-STSSessionToken': ['sts', 'GetSessionToken'], 'Get-STSCallerIdentity': ['sts', 'GetCallerIdentity'],
  'Get-SSMParameter': ['ssm', 'GetParameter'], 'Get-SSMParameterValue': ['ssm', 'GetParameters'], 'Get-SECSecretValue': ['secretsmanager', 'GetSecretValue'],
  'Get-EC2Instance': ['ec2', 'DescribeInstances'], 'New-EC2Instance': ['ec2', 'RunInstances'], 'Invoke-LMFunction': ['lambda', 'Invoke'],
  'Get-IAMRole': ['iam', 'GetRole'], 'Get-IAMUser': ['iam', 'GetUser'], 'Invoke-KMSDecrypt': ['kms', 'Decrypt'], 'Invoke-KMSEncrypt': ['kms', 'Encrypt'],
};

const JS_COMMAND_RE = /\bnew ([A-Z][A-Za-z0-9]{1,60}?)Command\(/g;

/** The operation of the only SDK command class `new <Op>Command(` the text sends; null when none or several differ. */
function oneJsCommand(s: string): string | null {
  if (!s.includes('Command(')) return null;
  JS_COMMAND_RE.lastIndex = 0;
  let found: string | null = null;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = JS_COMMAND_RE.exec(s)) !== null && n < 50) {
    n++;
    const op = m[1] ?? '';
    if (found !== null && found !== op) { found = null; break; }
    found = op;
  }
  JS_COMMAND_RE.lastIndex = 0;
  return found;
}

function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(s)) !== null && n < 200) {
    last = m;
    n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return last;
}

/** `s.lastIndexOf(lit)`, asked of includes first: V8's lastIndexOf reads a long text that lacks `lit` at a third of the speed. */
function lastIndexOf(s: string, lit: string): number {
  return s.includes(lit) ? s.lastIndexOf(lit) : -1;
}

function firstMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}

/** The code printed directly before the message: `Code: msg`, `Code msg`, glued `CodeMsg`. */
export function prefixCode(before: string): string | null {
  let e = before.length;
  while (e > 0 && (before[e - 1] === ' ' || before[e - 1] === '"' || before[e - 1] === "'")) e--;
  // the mobile SDKs print an error's fields as `Code, message=…` (`__type=Code, message=…`): the code before the field
  if (e >= 10 && before.startsWith(', message=', e - 10)) e -= 10;
  else if (e > 0 && before[e - 1] === ':') e--;
  // `ExpiredTokenException - The security token …`: a dash standing between spaces separates the code too
  else if (e > 1 && (before[e - 1] === '-' || before[e - 1] === '–') && before[e - 2] === ' ' && before.length > e && before[e] === ' ') e -= 2;
  // `AccessDenied -- Not authorized to perform …` (Cognito's guide quoting STS): a double dash between spaces as well
  else if (e > 2 && before[e - 1] === '-' && before[e - 2] === '-' && before[e - 3] === ' ' && before.length > e && before[e] === ' ') e -= 3;
  if (e > 0 && before[e - 1] === ']') e--; // `[AccessDenied] Access Denied`
  const php = e > 0 && before[e - 1] === ')' ? / \((?:client|server)\)$/.exec(before.slice(Math.max(0, e - 12), e)) : null;
  if (php) e -= php[0].length;
  const paren = !php && e > 0 && before[e - 1] === ')'; // s3cmd `403 (SignatureDoesNotMatch): msg`
  if (paren) e--;
  while (e > 0 && before[e - 1] === ' ') e--;
  let b = e;
  let guard = 0;
  while (b > 0 && isCodeChar(before.charCodeAt(b - 1)) && guard < 120) { b--; guard++; }
  let t = b; // the token without leading `:` and `.`
  while (t < e && (before[t] === ':' || before[t] === '.')) t++;
  const tok = before.slice(t, e);
  if (!tok || (paren && before[b - 1] !== '(')) return null;
  const seg = lastSegment(tok);
  if (isReasonPhrase(seg, before.slice(Math.max(0, b - 8), b))) return null;
  if (isKnownCode(seg)) return seg;
  return null;
}

/** `403 Unauthorized`, `HTTPStatus = 403 Forbidden`: the HTTP status line's reason phrase, not an AWS code. */
export function isReasonPhrase(word: string, before: string): boolean {
  return (word === 'Unauthorized' || word === 'Forbidden') && /(?:^|\D)[1-5]\d\d ?$/.test(before);
}

/**
 * `s` without a known error code printed at its very end (`… sts:GetCallerIdentity: AccessDenied: `).
 * A backwards scan: the regex `/ ?[A-Za-z]{2,60}: ?$/` it replaces retried every start position.
 */
export function withoutTrailingCode(s: string): string {
  let e = s.length;
  if (e > 0 && s[e - 1] === ' ') e--;
  if (e === 0 || s[e - 1] !== ':') return s;
  e--;
  let b = e;
  while (b > 0 && e - b < 60 && isAsciiLetter(s.charCodeAt(b - 1))) b--;
  if (e - b < 2) return s;
  const code = s.slice(b, e);
  if (!isKnownCode(code)) return s;
  if (b > 0 && s[b - 1] === ' ') b--;
  return s.slice(0, b);
}

/** `s` ends in `:` or `: ` (PowerShell's `Cmdlet : message`: the regex ends in ` ?: ?$`). */
function endsWithColon(s: string): boolean {
  const n = s.length;
  return s.charCodeAt(n - 1) === 58 || (s.charCodeAt(n - 1) === 32 && s.charCodeAt(n - 2) === 58);
}

/** `[A-Za-z0-9.:]`: a character of a (namespaced) error code. */
function isCodeChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 58;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * How a Java/.NET suffix starts (JAVA_RE's `^[ .:]{0,3}\(`). dewrap removes only spaces that follow a word
 * character, so it leaves this start as it is: a text without it has none after dewrap either.
 */
const SUFFIX_START = /^[ .:]{0,3}\(/;

/** Remove the spaces that stand for line breaks between two word characters. */
function dewrap(t: string, nl: (i: number) => boolean): string {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === ' ' && nl(i) && /\w/.test(t[i - 1] ?? '') && /\w/.test(t[i + 1] ?? '')) continue;
    out += t[i];
  }
  return out;
}

export function readEnvelope(s: string, start: number, end: number, lo: number, hi: number, nl?: Uint8Array): Envelope {
  const env: Envelope = {
    errorCode: null, operation: null, service: null, actionHint: null, httpStatus: null, requestId: null,
    requestIdRedacted: false, wrappers: [], start, end,
  };
  const bStart = Math.max(lo, start - 700);
  const before = s.slice(bStart, start);
  const aEnd = Math.min(hi, end + 1500);
  const after = s.slice(end, aEnd);
  const nlAfter = (i: number) => (nl ? nl[end + i] === 1 : false);

  let cliCode: string | null = null;
  let goCode: string | null = null;
  // AWS CLI / botocore
  const cliM = lastMatch(/An [Ee]rror occur?red \(|A client error \(/g, before.slice(-400));
  const cliAt = cliM ? before.length - Math.min(400, before.length) + cliM.index : -1;
  if (cliAt >= 0) {
    CLI_RE.lastIndex = cliAt;
    let m = CLI_RE.exec(before);
    CLI_RE.lastIndex = 0;
    // without the colon, only a line break may follow "operation" (the message printed on the next line)
    if (m && m[4] && nl?.[bStart + cliAt + m[0].length - 1] !== 1) m = null;
    if (m && before.length - (cliAt + m[0].length) <= 6) {
      // botocore prints the bare HTTP status when S3 gives no body (`(403) … HeadObject`): not a code
      const code = m[1] ?? m[2] ?? '';
      cliCode = /^[A-Za-z]/.test(code) ? code : null;
      if (!cliCode && /^\d{3}$/.test(code)) env.httpStatus = Number(code);
      env.operation = m[3] ?? null;
      env.start = bStart + cliAt;
      env.wrappers.push('aws-cli');
    }
  }
  // Go SDK v2
  const goAt = lastIndexOf(before, 'operation error ');
  if (goAt >= 0 && before.length - goAt <= 650) {
    GO2_RE.lastIndex = goAt;
    const m = GO2_RE.exec(before);
    GO2_RE.lastIndex = 0;
    if (m) {
      const seg = before.slice(goAt);
      env.service = servicePrefix(m[1] ?? '');
      env.operation = env.operation ?? m[2] ?? null;
      const st = /StatusCode: (\d{3})/.exec(seg);
      if (st) env.httpStatus = Number(st[1]);
      const rq = /RequestID: ([^,\s]{1,120})/.exec(seg);
      if (rq) setRequestId(env, rq[1] ?? '');
      const api = /(?:api error |, )([A-Za-z][A-Za-z0-9.]{1,100}): ?$/.exec(seg);
      if (api) goCode = api[1] ?? null;
      env.start = Math.min(env.start, bStart + goAt);
      env.wrappers.push('go-sdk-v2');
    }
  }
  // PHP SDK: Error executing "AssumeRole" on "https://sts.amazonaws.com"
  const phpAt = lastIndexOf(before, 'Error executing "');
  if (phpAt >= 0 && !env.operation) {
    const m = /^Error executing "([A-Za-z0-9]{1,100})" on "https?:\/\/(?:[a-z0-9.-]{0,200}?\.)?(s3|sts|kms|ssm|iam|secretsmanager|dynamodb|lambda|ec2|ecr|sqs|sns)[.-]/.exec(before.slice(phpAt, phpAt + 400));
    if (m) {
      env.operation = m[1] ?? null;
      env.service = servicePrefix(m[2] ?? '');
      env.wrappers.push('php-sdk');
    }
  }
  // CDK / JS v2 debug "Call failed: getBucketLocation({…}) => Access Denied", PHP "S3::getBucketLocation(b): [AccessDenied]"
  if (!env.operation && (before.includes('Call failed: ') || before.includes('::'))) {
    const cf = /(?:Call failed: |\b(S3|SQS|SNS|STS)::)([a-z][A-Za-z0-9]{1,60})\(/.exec(before.slice(-600));
    if (cf?.[2]) {
      env.operation = cf[2].charAt(0).toUpperCase() + cf[2].slice(1);
      if (cf[1]) env.service = servicePrefix(cf[1]);
    }
  }
  // Go SDK v1 debug log: "DEBUG: Response ec2/DescribeImages Details:", "Validate Response s3/GetObject failed"
  if (!env.operation) {
    const dbg = lastMatch(/Response ([a-z0-9-]{2,30})\/([A-Z][A-Za-z0-9]{1,60})\b/g, before.slice(-700));
    if (dbg?.[2]) {
      env.operation = dbg[2];
      env.service = servicePrefix(dbg[1] ?? '');
    }
  }
  // AWS Tools for PowerShell: "Read-S3Object : Access Denied"
  if (!env.operation && endsWithColon(before)) {
    const ps = /(?:^|\s)([A-Z][a-z]{1,12}-[A-Z][A-Za-z0-9]{2,40}) ?: ?$/.exec(before.slice(-80));
    const op = ps?.[1] ? PS_CMDLETS[ps[1]] : undefined;
    if (op) {
      env.operation = op[1];
      env.service = op[0];
      env.wrappers.push('aws-powershell');
    }
  }
  // "error calling sts:GetCallerIde ntity: Code:" — the action the tool printed
  const call = CALLING_RE.exec(withoutTrailingCode(before.slice(-160)));
  if (call) {
    const frag = call[3] ?? '';
    const joined = `${call[1]}:${call[2]}${frag}`;
    if (frag && KNOWN_ACTIONS.has(joined.toLowerCase())) env.actionHint = joined;
    else if (!frag) env.actionHint = `${call[1]}:${call[2]}`;
  }

  const direct = prefixCode(before);
  // CodeBuild and the console print `Code:InvalidInputException, Message:<message>`: that code labels this
  // message, whatever its name (the message itself decides whether it is a refusal)
  const lab = /\bCode: ?([A-Za-z][A-Za-z0-9.]{1,100}), ?(?:Message: ?)?$/.exec(before.slice(-160));
  const labeledCode = lab?.[1] ?? null;

  // Java / .NET suffix
  let javaCode: string | null = null;
  // a terminal may have wrapped the suffix mid-word ("Erro\nr Code"): retry without line-break spaces
  const suffix = SUFFIX_START.test(after);
  let j = suffix ? JAVA_RE.exec(after.slice(0, 600)) : null;
  if (suffix && (!j || !j[3])) {
    const j2 = JAVA_RE.exec(dewrap(after.slice(0, 600), nlAfter));
    if (j2 && (!j || j2[3])) j = j2;
  }
  if (j) {
    env.httpStatus = env.httpStatus ?? Number(j[2]);
    javaCode = j[3] ?? null;
    if (j[4]) setRequestId(env, j[4]);
    env.end = end + j.index + j[0].length;
    env.wrappers.push('java-service-suffix');
  }
  // aws-sdk-go's oldest releases (v0) printed the code in parentheses after the message: "… this operation. (UnauthorizedOperation)"
  const pc = PAREN_CODE_AFTER_RE.exec(after.slice(0, 120));
  const parenCode = pc?.[1] && isAuthishCode(pc[1]) ? lastSegment(pc[1]) : null;
  // Go v1 suffix
  const g1 = GO1_RE.exec(after.slice(0, 200));
  if (g1) {
    env.httpStatus = env.httpStatus ?? Number(g1[1]);
    if (g1[2]) setRequestId(env, g1[2]);
    env.end = Math.max(env.end, end + g1.index + g1[0].length);
    env.wrappers.push('go-sdk-v1-status');
  }

  // structured codes nearby (JSON, JS dumps, XML, Ruby)
  let structCode: string | null = null;
  let bestDist = Infinity;
  const consider = (code: string, dist: number) => {
    const seg = lastSegment(trimTrailing(code, ':'));
    if (!isAuthishCode(seg)) return;
    if (dist < bestDist) {
      bestDist = dist;
      structCode = seg;
    }
  };
  const nearBefore = before.slice(-400);
  const nearAfter = after.slice(0, 900);
  const header = nearBefore.includes('mzn-') || nearAfter.includes('mzn-');
  for (const re of header ? STRUCT_HEADER_RES : STRUCT_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(nearBefore)) !== null && n < 100) {
      consider(m[1] ?? '', nearBefore.length - m.index);
      n++;
    }
    re.lastIndex = 0;
    n = 0;
    while ((m = re.exec(nearAfter)) !== null && n < 100) {
      consider(m[1] ?? '', m.index);
      n++;
    }
    re.lastIndex = 0;
  }

  // a message that is only the code's own word (`code: 'Forbidden'`, `<Code>X</Code>`): the field spans it
  if (structCode === null && end - start <= 40) {
    const span = s.slice(Math.max(lo, start - 60), Math.min(hi, end + 20));
    for (const re of [STRUCT_RE, XML_CODE_RE]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let n = 0;
      while ((m = re.exec(span)) !== null && n++ < 20) consider(m[1] ?? '', 0);
      re.lastIndex = 0;
    }
  }

  // Lambda: "KMS Exception: AccessDeniedExceptionKMS Message: …" (fields often glued); the Lambda code wins when printed
  const kms = /KMS Exception: ?([A-Za-z]{2,60}?) ?KMS Message: ?$/.exec(before.slice(-100));
  const kmsCode = kms?.[1] && isKnownCode(kms[1]) ? kms[1] : null;
  env.errorCode = cliCode ?? goCode ?? direct ?? labeledCode ?? javaCode ?? parenCode ?? structCode ?? kmsCode;
  // `Unauthorized`/`Forbidden` double as HTTP reason phrases: any other code printed with them is the real one
  if (env.errorCode === 'Unauthorized' || env.errorCode === 'Forbidden') {
    const other = [cliCode, goCode, direct, javaCode, parenCode, structCode as string | null].find((c) => c && c !== 'Unauthorized' && c !== 'Forbidden');
    if (other) env.errorCode = other;
  }

  // JS SDK dumps
  if (nearAfter.includes('$metadata') || nearBefore.includes('$metadata')) env.wrappers.push('js-metadata');
  const jsOp = after.includes('CommandError') ? JS_OP_RE.exec(after.slice(0, 1500)) : null;
  if (jsOp && !env.operation) {
    env.operation = jsOp[1] ?? null;
    const cl = JS_CLIENT_RE.exec(after.slice(0, 1500));
    if (cl) env.service = servicePrefix(cl[1] ?? cl[2] ?? '');
  }
  // newer v3 clients throw from one shared `de_CommandError`, which names no operation: the one command class the
  // pasted code sends (`new GetSecretValueCommand(`), with the client package the stack names, is the call
  if (!env.operation && after.includes('CommandError') && after.includes('@aws-sdk/client-')) {
    const cl = JS_CLIENT_RE.exec(after.slice(0, 1500));
    const op = cl ? oneJsCommand(before + after) : null;
    if (cl && op) {
      env.operation = op;
      env.service = servicePrefix(cl[1] ?? cl[2] ?? '');
    }
  }

  // Java stack frames: the SDK client's method is the operation called (`DefaultS3Client.getObject(`)
  if (!env.operation && after.includes('Client.')) {
    const jf = javaClientCall(after.slice(0, 1500));
    if (jf) {
      env.operation = jf.operation;
      env.service = jf.service;
    }
  }
  // an S3 object read or write said in the tool's own words, with S3's marks on the error
  if (!env.operation && !env.actionHint) env.actionHint = s3ObjectVerb(before.slice(-300), nearBefore, nearAfter);

  // request id and HTTP status anywhere near
  if (!env.requestId && !env.requestIdRedacted) {
    const r = firstMatch(REQID_RE, nearAfter) ?? lastMatch(REQID_RE, nearBefore);
    if (r) setRequestId(env, r[1] ?? '');
    else {
      const u = /^[ .'"]{0,3}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/.exec(after);
      if (u) env.requestId = u[1] ?? null;
    }
  }
  if (env.httpStatus === null) {
    const st = firstMatch(STATUS_RE, nearAfter) ?? lastMatch(STATUS_RE, nearBefore);
    if (st) env.httpStatus = Number(st[1]);
    else {
      const h = /\b(40[0-9]) (?:Forbidden|Bad Request|Unauthorized)\b|Status: (40\d)\b/.exec(nearBefore);
      if (h) env.httpStatus = Number(h[1] ?? h[2]);
    }
  }
  return env;
}

// Java SDK v2 sync/async clients (`software.amazon.awssdk.services.s3.DefaultS3Client.getObject(`), v1 generated
// clients (`com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.executeQuery(`) and v1's S3 client
const JAVA_FRAME_G = /\bat (?:software\.amazon\.awssdk\.services\.([a-z0-9]{2,40})\.Default[A-Za-z0-9]{1,60}Client|com\.amazonaws\.services\.([a-z0-9]{2,40})\.Amazon[A-Za-z0-9]{1,60}Client)\.([a-z][A-Za-z0-9]{1,80})\(/g;
/** Methods of the v2 clients that are not operations. */
const JAVA_NOT_OPS = new Set(['invokeOperation', 'close', 'serviceName', 'serviceClientConfiguration', 'utilities', 'waiter', 'init', 'applyPaginatorUserAgent', 'applySignerOverride']);

/** The service operation the first SDK client frame of a Java stack trace names, or null. */
export function javaClientCall(t: string): { service: string | null; operation: string } | null {
  JAVA_FRAME_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  let out: { service: string | null; operation: string } | null = null;
  const up = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  while (!out && (m = JAVA_FRAME_G.exec(t)) !== null && n++ < 40) {
    const method = m[3] ?? '';
    if (m[1]) {
      if (!JAVA_NOT_OPS.has(method)) out = { service: servicePrefix(m[1]), operation: up(method) };
    } else if (/^execute[A-Z]/.test(method)) {
      out = { service: servicePrefix(m[2] ?? ''), operation: method.slice(7) };
    } else if (m[2] === 's3' && S3_OP_ACTION[up(method)]) {
      out = { service: 's3', operation: up(method) };
    }
  }
  JAVA_FRAME_G.lastIndex = 0;
  return out;
}

// "error putting object …", "failed to fetch s3://…", "unable to download the object": the failure's verb, then the object
const S3_VERB_G = /\b(?:error|errors|failed|failure|unable|cannot|can't|could not|couldn't)(?: to| while| when| in)? (put|putting|upload|uploading|write|writing|get|getting|fetch|fetching|download|downloading|read|reading|delete|deleting|remove|removing)(?: the| an| a)? (?:(?:s3 )?objects?\b|s3:\/\/)/gi;
/** Marks only S3 errors carry: Go v1's `host id:`, the Extended Request ID, `<HostId>`, S3's service name or exception class. */
const S3_MARK = /\bhost id: ?[A-Za-z0-9+/=]|Extended Request ID|<HostId>|\(Service: (?:Amazon ?)?S3[;,]|\b(?:Amazon)?S3Exception\b/;

/**
 * The S3 object action a tool's own words name just before the message (`error putting object K: AccessDenied`,
 * `failed to fetch s3://b/k`), when the error around it is S3's (S3_MARK, or the verb's own s3:// URL); else null.
 */
export function s3ObjectVerb(before: string, nearBefore: string, nearAfter: string): string | null {
  if (!before.includes('bject') && !before.includes('s3://')) return null;
  const m = lastMatch(S3_VERB_G, before);
  if (!m) return null;
  if (!m[0].toLowerCase().endsWith('s3://') && !S3_MARK.test(nearBefore) && !S3_MARK.test(nearAfter)) return null;
  const v = (m[1] ?? '').toLowerCase();
  if (/^(?:put|upload|writ)/.test(v)) return 's3:PutObject';
  if (/^(?:delet|remov)/.test(v)) return 's3:DeleteObject';
  return 's3:GetObject';
}

function setRequestId(env: Envelope, v: string): void {
  const t = trimTrailing(v, ')\'",;');
  if (!t) return;
  if (isPlaceholder(t) || /^(?:null|undefined|ID|none)$/i.test(t)) {
    env.requestIdRedacted = !/^(?:null|undefined|none)$/i.test(t);
    return;
  }
  env.requestId = t;
}
