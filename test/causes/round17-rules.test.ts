/**
 * The general rules added for round 17's cause misses, tried both ways on messages written here (none is a fixture's
 * text): one of the same shape whose cause must now rank first, and a near miss that must not change. The fixtures'
 * own results are in real-causes-round17.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ranked = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('botocore\'s SSOTokenLoadError for an expired SSO access token', () => {
  it('ranks expired-token first: the cached IAM Identity Center token is past its expiry', () => {
    const ids = ranked([
      'Traceback (most recent call last):',
      '  File "sync.py", line 41, in main',
      '    session.client("s3").list_buckets()',
      'botocore.exceptions.SSOTokenLoadError: Error loading SSO Token: The SSO access token has either expired or is otherwise invalid.',
    ].join('\n'));
    expect(ids[0]).toBe('expired-token');
  });

  it('near miss: "Token for <start url> does not exist" (the profile was never logged in) is not read as expired', () => {
    expect(ranked('Failed to list buckets: Error loading SSO Token: Token for https://acme.awsapps.com/start does not exist')[0]).not.toBe('expired-token');
  });
});

describe('an invalid token under a traceback, with one Region named above it, an opt-in one', () => {
  // the Region stands far above the refusal (the parser takes only a Region near it as the call's)
  const paste = (region: string) => [
    `pruning old layer versions in ${region}`,
    'Traceback (most recent call last):',
    '  File "prune.py", line 88, in <module>',
    '    main(parse_args())',
    '  File "prune.py", line 61, in main',
    '    for page in paginator.paginate():',
    '  File "/opt/venv/lib/python3.11/site-packages/botocore/paginate.py", line 269, in __iter__',
    '    response = self._make_request(current_kwargs)',
    '  File "/opt/venv/lib/python3.11/site-packages/botocore/paginate.py", line 357, in _make_request',
    '    return self._method(**current_kwargs)',
    '  File "/opt/venv/lib/python3.11/site-packages/botocore/client.py", line 1021, in _make_api_call',
    '    raise error_class(parsed_response, operation_name)',
    'botocore.exceptions.ClientError: An error occurred (UnrecognizedClientException) when calling the ListLayers operation: The security token included in the request is invalid.',
  ].join('\n');

  it('ranks the opt-in Region causes first when that Region is the only one the text names', () => {
    expect(ranked(paste('me-south-1'))[0]).toBe('global-endpoint-v1-token-optin-region');
  });

  it('near miss: a Region enabled by default keeps invalid-token first', () => {
    expect(ranked(paste('eu-central-1'))[0]).toBe('invalid-token');
  });
});

describe('CDK saying its bootstrap version parameter is not found', () => {
  const couldNot = "current credentials could not be used to assume 'arn:aws:iam::123456789012:role/cdk-q7m2x9k4p-deploy-role-123456789012-eu-central-1', but are for the right account. Proceeding anyway.";

  it('ranks role-missing-or-typo first: without the bootstrap stack the CDK roles do not exist', () => {
    const ids = ranked(`${couldNot}\n❌ ApiStack failed: Error: ApiStack: SSM parameter /cdk-bootstrap/q7m2x9k4p/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap'`);
    expect(ids[0]).toBe('role-missing-or-typo');
  });

  it('near miss: the could-not-assume warning alone does not put the role first', () => {
    expect(ranked(couldNot)[0]).not.toBe('role-missing-or-typo');
  });
});

describe('Lambda refusing lambda:GetLayerVersion', () => {
  it('ranks resource-missing-masked first for a layer of another account: a version missing in that Region gets the same answer', () => {
    const ids = ranked('An error occurred (AccessDeniedException) when calling the UpdateFunctionConfiguration operation: User: arn:aws:sts::210987654321:assumed-role/deployer/ci is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:ap-southeast-2:017000801446:layer:PowertoolsPython:40');
    expect(ids[0]).toBe('resource-missing-masked');
    expect(ids.slice(0, 3)).toContain('identity-missing-allow');
  });

  it('near miss: AWS naming the identity-based policy, or a layer of the caller\'s own account, keeps the missing Allow first', () => {
    const typed = ranked('User: arn:aws:sts::210987654321:assumed-role/deployer/ci is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:ap-southeast-2:017000801446:layer:PowertoolsPython:40 because no identity-based policy allows the lambda:GetLayerVersion action');
    expect(typed[0]).toBe('identity-missing-allow');
    expect(typed.slice(0, 3)).not.toContain('resource-missing-masked');
    const own = ranked('User: arn:aws:sts::210987654321:assumed-role/deployer/ci is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:ap-southeast-2:210987654321:layer:shared-utils:3');
    expect(own[0]).toBe('identity-missing-allow');
  });
});
