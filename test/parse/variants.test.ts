import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { compare, readCorpus, readExtraCorpus } from './golden-score.js';
import { wrapWords } from './wrap.js';

/**
 * Hidden messages come from the same families in other envelopes. Every corpus record is re-wrapped
 * the way people paste (terminal wrapping, Terraform boxes, JSON strings, quotes, log timestamps …)
 * and must still yield the same expected fields.
 */

const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MUTATIONS: Record<string, (t: string) => string> = {
  'terminal wrap at 60 columns': (t) => wrapWords(t, 60),
  'terminal wrap at 40 columns': (t) => wrapWords(t, 40),
  'Terraform box': (t) => `╷\n${t.split('\n').map((l) => `│ ${l}`).join('\n')}\n╵`,
  'JSON string': (t) => JSON.stringify({ message: t }),
  'doubly escaped JSON string': (t) => JSON.stringify(JSON.stringify({ errorMessage: t })),
  'GitHub Actions annotation': (t) => `##[error]${t}`,
  'indented': (t) => t.split('\n').map((l) => `    ${l}`).join('\n'),
  'CRLF line endings': (t) => t.replace(/\n/g, '\r\n'),
  'markdown code fence': (t) => `\`\`\`\n${t}\n\`\`\``,
  'markdown quote': (t) => t.split('\n').map((l) => `> ${l}`).join('\n'),
  'SOPS pipe prefixes': (t) => t.split('\n').map((l) => `      | ${l}`).join('\n'),
  'Python bytes repr': (t) => `b'${t.replace(/\n/g, '\\n')}'`,
  'XML Message element': (t) => `<ErrorResponse><Error><Message>${xmlEscape(t)}</Message></Error></ErrorResponse>`,
  'timestamp on every line': (t) => t.split('\n').map((l) => `2024-06-01T10:00:00.1234567Z ${l}`).join('\n'),
  'pasted twice': (t) => `${t}\n\n${t}`,
  'inside a longer log': (t) => `2024-01-01T00:00:00Z INFO starting deploy\n${t}\n2024-01-01T00:00:01Z INFO exiting with 1`,
};

/** record.field → why it cannot hold under that mutation. */
const KNOWN: Record<string, Record<string, string>> = {
  'terminal wrap at 40 columns': {
    'r150.callerArn': 'the wrap falls on the space of the autocorrected "I am", which is then indistinguishable from a wrapped token',
    'x040.errorCode': 'the Java suffix, already wrapped mid-word, is wrapped again between its key and value',
  },
};

const records = [...readCorpus(), ...readExtraCorpus()];

describe('corpus records in other envelopes', () => {
  it.each(Object.entries(MUTATIONS))('%s', (name, mutate) => {
    const known = KNOWN[name] ?? {};
    const misses: string[] = [];
    for (const rec of records) {
      const { parsed } = parseError(mutate(rec.text));
      for (const [field, want, got] of compare(rec, parsed)) {
        if (known[`${rec.id}.${field}`]) continue;
        misses.push(`${rec.id}.${field}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
