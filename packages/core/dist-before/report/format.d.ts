import type { Figure, TaskNode } from '../tasks/types.js';
import type { BaselineFigureName, Tolerance } from './schema.js';
/** `1536` → `1.5 KiB`; negative values keep their sign. */
export declare function formatBytes(bytes: number): string;
/** A figure's value in its unit: bytes, ms or a count. */
export declare function formatFigureValue(name: BaselineFigureName, value: number): string;
/** The value followed by how it was obtained when that is not a plain measurement. */
export declare function formatFigure(name: BaselineFigureName, figure: Figure): string;
export declare function formatTolerance(name: BaselineFigureName, tolerance: Tolerance): string;
/** Test names are user text: show control characters (ANSI escapes, newlines) escaped, never raw. */
export declare function sanitizeForTerminal(text: string): string;
/** `src/cache.test.ts > Cache > evicts old entries`. */
export declare function taskLabel(task: Pick<TaskNode, 'file' | 'path'>): string;
export declare function plural(count: number, singular: string, pluralForm?: string): string;
//# sourceMappingURL=format.d.ts.map