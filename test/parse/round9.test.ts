/**
 * Round 9 (held out): the 25 messages of test/fixtures/extra/real-errors-round9.jsonl, quoted by AWS documentation and
 * re:Post Knowledge Center pages (S3, KMS, Secrets Manager, Lake Formation / Glue / Athena, SQS / SNS / RAM; see
 * test/causes/real-causes-round9.test.ts). Expected fields are the collector's hand-reviewed reading (alternatives
 * where a field is a fair guess either way), compared exactly as score.mjs does.
 *
 * Measured when this test was added (2026-11-30, before any parser change): 10/25 records recognized with every field
 * right; 174/175 fields right. Not read as errors: g004, g010–g012, g014–g020, g022–g025 (Athena's output-bucket
 * sentence, Lake Formation's "Insufficient … permissions" sentences, Secrets Manager's and the common API errors'
 * sentences, a bare `AccessDeniedException`, the KMS "ciphertext references a key" sentence). After the round's parser
 * changes (the "insufficient permissions" sentence shape also reads "You do not / don't have sufficient access /
 * permission to perform …" and "Insufficient <words> permission(s) …"; KMS's "The ciphertext references a key that
 * doesn't exist …" is read like its older "refers to a customer master key" wording; tested both ways below): 17/25
 * whole, 174/175 fields; the bars are those figures. Still unread, undecidable from the text: g004 ("Unable to
 * verify/create output bucket": a missing bucket as much as a refusal), g014/g015 ("can't decrypt / encrypt … using the
 * provided KMS key": key state or permission), g017/g018 ("InternalFailure", "An unknown error occurred"), g019 (a
 * documented exception description, no refusal verb of the shapes read), g022 (a bare `AccessDeniedException`), g025
 * (a malformed signature).
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { FIELDS, compare } from './golden-score.js';
import { readRound } from './held-out-round.js';

const records = readRound('real-errors-round9.jsonl');
const results = records.map((r) => {
  const { parsed } = parseError(r.text);
  return { r, recognized: parsed.recognized, misses: compare(r, parsed) };
});
const nFields = Object.keys(FIELDS).length;

describe('round-9 real messages (held out)', () => {
  it('has 25 records, each with a docs/re:Post source and all seven expected fields', () => {
    expect(records.length).toBe(25);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(Object.keys(r.expected).sort(), r.id).toEqual(Object.keys(FIELDS).sort());
      expect((r as unknown as { source: string }).source, r.id).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\/\S+$/);
    }
  });

  it(`reads at least 17 records whole and 174 of ${records.length * nFields} fields`, () => {
    const full = results.filter((x) => x.recognized && x.misses.length === 0);
    const fields = results.reduce((s, x) => s + nFields - x.misses.length, 0);
    const lines = results.filter((x) => !x.recognized || x.misses.length).map((x) => `${x.r.id} recognized=${x.recognized} ${JSON.stringify(x.misses)}`);
    console.log(`round-9 parse: ${full.length}/${records.length} whole, ${fields}/${records.length * nFields} fields\n${lines.join('\n')}`);
    expect(full.length, lines.join('\n')).toBeGreaterThanOrEqual(17);
    expect(fields, lines.join('\n')).toBeGreaterThanOrEqual(174);
  });

  // the page-quoted "User: … is not authorized to perform: …" shapes: kept read whole
  it.each(results.filter((x) => x.r.text.includes('is not authorized to perform')).map((x) => [x.r.id, x] as const))('%s parses as expected', (_id, x) => {
    expect(x.recognized).toBe(true);
    expect(x.misses).toEqual([]);
  });
});

describe('round-9 general rules, both ways', () => {
  it("reads the second-person 'You do not have … to perform' and 'Insufficient … permissions' sentences as refusals, and not prose without them", () => {
    for (const t of ['You do not have sufficient access to perform this action.', "You don't have permission to perform this action.",
      'Insufficient Lake Formation permissions on s3://amzn-s3-demo-bucket/sales/', 'Insufficient encryption key permissions for Glue API']) {
      expect(parseError(t).parsed.recognized, t).toBe(true);
      expect(parseError(t).parsed.shape, t).toBe('insufficient-permissions-sentence');
    }
    for (const t of ["If you don't have access to the console, ask your admin.", 'Insufficient funds in the account.', 'You have sufficient access to perform this action.']) {
      expect(parseError(t).parsed.recognized, t).toBe(false);
    }
  });

  it("reads KMS's 'ciphertext references a key that doesn't exist' like its older wording, with either apostrophe", () => {
    for (const t of ['The ciphertext references a key that doesn’t exist or that you don’t have access to.', "The ciphertext references a key that doesn't exist or that you don't have access to."]) {
      expect(parseError(t).parsed.shape, t).toBe('kms-ciphertext-key');
    }
    expect(parseError('The ciphertext references a key that was rotated last week.').parsed.recognized).toBe(false);
  });
});
