/**
 * The policy engine: read what people paste, evaluate requests as IAM does, simulate.
 * Pure: no I/O, no clock.
 */
export { readPolicy } from './policy.js';
export { evaluatePolicies, describeCondition, humanCondition } from './evaluate.js';
export { requestFromParsed } from './request.js';
export { simulate } from './simulate.js';
