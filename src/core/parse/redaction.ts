/**
 * Redaction placeholders people put in pasted errors (`xxx`, `***`, `<account-id>`, `{redacted}`,
 * `[IAMID]`, `OMITTED`, `...`). A real-looking example id such as 123456789012 is NOT a redaction.
 */

/** A valid AWS account id: exactly 12 digits. */
export function isAccountId(s: string | null | undefined): s is string {
  return !!s && /^\d{12}$/.test(s);
}

const WORDS = /^(?:redacted|omitted|hidden|removed|edited|masked|account|accountid|account-?id|account_?number|acct|id|xyz|aws-?account|my-?account)$/i;

/** `<your account>`, `account_number`, `<my-account-id>`: letters, `_`, `-` and spaces around "account". */
function isAccountWord(s: string): boolean {
  const lower = s.toLowerCase();
  if (!lower.includes('account')) return false; // (stripping a `<` or `>` at an end does not change that)
  const t = lower.replace(/^<|>$/g, '');
  if (t.length > 60) return false;
  for (const c of t) if (!((c >= 'a' && c <= 'z') || c === '_' || c === ' ' || c === '-')) return false;
  return true;
}

/**
 * True when the value looks like a stand-in for something hidden rather than a real value. `accountWords`: a phrase
 * around "account" (`<your account>`, `account_number`) counts too — for account fields and whole ARNs, not for names:
 * OrganizationAccountAccessRole and cross-account-role are real role names.
 */
export function isPlaceholder(v: string | null | undefined, accountWords = true): boolean {
  if (v === null || v === undefined) return false;
  const s = v.trim();
  if (s === '') return true;
  if (/^[xX*?.…#_-]{2,}$/.test(s)) return true; // xxx, ***, ..., ???, ###
  if (s[0] === '[' && /^\[[^\]]{1,60}\]$/.test(s)) return true; // [IAMID], [account]
  // <account-id>, {redacted}, <<account number>>, ***, xxx, ..., ??, REDACTED (none of which 12 digits can hold)
  if (/[<>{}]|\*{2,}|x{3,}|\.\.\.|…|\?{2,}|REDACTED|OMITTED/i.test(s)) return true;
  if (WORDS.test(s) || (accountWords && isAccountWord(s))) return true;
  return false;
}

/** Classify an account field of an ARN: a usable id, a redaction, or nothing printed. */
export function accountField(v: string | null | undefined): { id: string | null; redacted: boolean } {
  if (v === null || v === undefined) return { id: null, redacted: false };
  if (isAccountId(v)) return { id: v, redacted: false };
  if (v === '' || v === 'aws') return { id: null, redacted: v === '' };
  // anything that is not 12 digits in an account position hides (or mangles) the id
  return { id: null, redacted: true };
}
