/**
 * Batch explanations, shared by `whydenied explain --batch` and `POST /v1/explain/batch`:
 * each item is validated with the same schema and limits as `POST /v1/explain`, then explained
 * (src/shared/explain-item.ts). A bad item becomes an error record, never an exception.
 */
import { explainItem, problem, type ItemProblem, type ItemResult } from '../shared/explain-item.js';

export { explainItem, fieldPath, problem, validateExplainItem } from '../shared/explain-item.js';
export type { ItemProblem, ItemResult } from '../shared/explain-item.js';
/** `POST /v1/explain/batch` accepts at most this many items. */
export { BATCH_MAX_ITEMS } from '../shared/request-schemas.js';

/** Explains each item in order; bad items become error records. The caller enforces BATCH_MAX_ITEMS. */
export function explainBatch(items: readonly unknown[]): ItemResult[] {
  return items.map((item) => explainItem(item));
}

/** Parses one JSON Lines line into an item, or a problem naming the line. */
export function parseBatchLine(line: string, lineNumber: number): { ok: true; item: unknown } | { ok: false; problem: ItemProblem } {
  try {
    return { ok: true, item: JSON.parse(line) as unknown };
  } catch (err) {
    const what = err instanceof Error ? err.message.slice(0, 200) : 'invalid JSON';
    return { ok: false, problem: problem(400, 'invalid-json', 'The line is not valid JSON', `Line ${lineNumber} is not valid JSON: ${what}`, [{ path: '', message: what }]) };
  }
}
