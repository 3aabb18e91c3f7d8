import type { ParseResult } from '../types.js';
// TEMPORARY: replaced by the parser (issue 2).
export function parseError(_text: string): ParseResult {
  return {
    parsed: {
      recognized: false, source: 'plain', errorCode: null, operation: null, action: null, caller: null, target: null,
      crossAccount: null, deny: { kind: 'unknown', policyType: null, policyArn: null }, requestId: null, region: null,
      encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: null, wrappers: [],
    },
    otherErrors: [],
    issues: [],
  };
}
