/**
 * Where a JSON object or array pasted inside other text ends, in one pass (strings and their escapes
 * skipped): shared by the readers of a decoded authorization message, of policies pasted in the
 * message and of a pasted simulator run.
 */

export interface ValueEnd {
  /** Just past the closing bracket; when not closed, where reading stopped. */
  end: number;
  closed: boolean;
}

/**
 * The end of the value opening at `start` (`{` or `[`), reading at most `maxChars` characters and
 * nesting at most `maxDepth` levels (deeper stops the read, not closed).
 */
export function jsonValueEnd(s: string, start: number, maxChars: number, maxDepth = Number.POSITIVE_INFINITY): ValueEnd {
  const lim = Math.min(s.length, start + maxChars);
  let depth = 0;
  let inString = false;
  for (let i = start; i < lim; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return { end: i, closed: false };
    } else if (c === 125 || c === 93) {
      if (--depth === 0) return { end: i + 1, closed: true };
    }
  }
  return { end: lim, closed: false };
}
