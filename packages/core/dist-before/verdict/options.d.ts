import type { FindingKind } from './types.js';
/** A known leak to leave out of the verdict, matched against a leaking group. */
export interface IgnoreRule {
    /** Constructor or group name: exact string or pattern. */
    constructor?: string | RegExp;
    /** Matched against the rendered retainer path. */
    retainerPath?: string | RegExp;
    /** Matched against `file:line` of the allocation site. */
    allocationSite?: string | RegExp;
}
/** What an ignore predicate sees of a leaking group. */
export interface IgnoreSubject {
    kind: FindingKind;
    name: string;
    retainerPath: string;
    allocationSite: string;
}
export type IgnoreEntry = IgnoreRule | ((subject: IgnoreSubject) => boolean);
export interface LeakOptions {
    /** Calls before measuring, untimed. Default: adaptive, at least 20 calls or 50 ms. */
    warmup?: number;
    /** Calls between two measurements. Default: sized from the function's speed (≥ 30). */
    callsPerRound?: number;
    /** Measured rounds in the screen. Default 6. */
    rounds?: number;
    /** Rounds the screen may grow to when the data are ambiguous. Default 16. */
    maxRounds?: number;
    /** Milliseconds one call may take before the verdict gives up. Default 10 000. */
    timeout?: number;
    /** Which findings to look for. Default all four. */
    kinds?: FindingKind[];
    /** Bytes per call below which growth is not a leak. Default 8 (see README: noise). */
    threshold?: number;
    /** Known leaks to leave out. */
    ignore?: IgnoreEntry[];
    /** Forced-GC strength between rounds. Default 'fast'. */
    gc?: 'fast' | 'thorough';
}
export interface ResolvedLeakOptions {
    warmup: number | undefined;
    callsPerRound: number | undefined;
    rounds: number;
    maxRounds: number;
    timeout: number;
    kinds: ReadonlySet<FindingKind>;
    threshold: number;
    ignore: IgnoreEntry[];
    gc: 'fast' | 'thorough';
}
export declare const DEFAULT_THRESHOLD_BYTES = 8;
export declare function resolveLeakOptions(options: unknown): ResolvedLeakOptions;
/** Whether a leaking group matches one of the user's ignore entries. */
export declare function isIgnored(subject: IgnoreSubject, ignore: IgnoreEntry[]): boolean;
//# sourceMappingURL=options.d.ts.map