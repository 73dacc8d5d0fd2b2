import { type MemscopeErrorCode } from '../../errors.js';
/**
 * Small structural checks for files memscope reads back (reports, baselines).
 * Each failure names the file, the field (as a JSON path such as
 * `tasks[12].figures.retained.value`) and what was expected, so a hand-edited
 * or truncated file can be fixed without reading our source.
 */
export declare class Checker {
    readonly code: MemscopeErrorCode;
    /** The file (or other source) being read, quoted in every message. */
    readonly source: string;
    constructor(code: MemscopeErrorCode, 
    /** The file (or other source) being read, quoted in every message. */
    source: string);
    fail(path: string, expected: string, got: unknown): never;
    object(value: unknown, path: string): Record<string, unknown>;
    array(value: unknown, path: string): unknown[];
    string(value: unknown, path: string): string;
    number(value: unknown, path: string): number;
    nonNegative(value: unknown, path: string): number;
    integer(value: unknown, path: string, min?: number): number;
    boolean(value: unknown, path: string): boolean;
    oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T;
    stringArray(value: unknown, path: string): string[];
    /** Checks `value[key]` only when present (not undefined). */
    optional<T>(record: Record<string, unknown>, key: string, path: string, check: (v: unknown, p: string) => T): void;
}
export declare function join(path: string, key: string | number): string;
/** Parses JSON text, turning a syntax error into the checker's error. */
export declare function parseJson(text: string, checker: Checker): unknown;
//# sourceMappingURL=check.d.ts.map