import type { CauseDefinition } from './types.js';

export const causes: CauseDefinition[] = [];
