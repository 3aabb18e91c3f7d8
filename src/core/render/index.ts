// TEMPORARY: replaced by the renderers (issue 5).
import type { Explanation } from '../types.js';
export function renderMarkdown(e: Explanation): string { return '# whydenied\n\n```json\n' + JSON.stringify(e, null, 2) + '\n```\n'; }
export function renderText(e: Explanation): string { return JSON.stringify(e, null, 2) + '\n'; }
