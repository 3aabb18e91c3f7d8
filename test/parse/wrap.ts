/** Re-wraps text at `width` columns on word boundaries, the way a terminal or a chat window does. */
export const wrapWords = (t: string, width: number) => t.split('\n').map((line) => {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && `${cur} ${word}`.length > width) { out.push(cur); cur = word; } else cur = cur ? `${cur} ${word}` : word;
  }
  out.push(cur);
  return out.join('\n');
}).join('\n');
