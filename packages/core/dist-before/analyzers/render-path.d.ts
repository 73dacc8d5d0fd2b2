import type { RetainerStep } from '../verdict/types.js';
import type { HeapIndex } from './heap-index.js';
/**
 * A leaked object's retainer path as the user reads it, from the last
 * module-level variable on it: `(module) cache → Map → table[3] → Session`.
 */
export declare function renderRetainerPath(index: HeapIndex, target: number): {
    steps: RetainerStep[];
    text: string;
};
//# sourceMappingURL=render-path.d.ts.map