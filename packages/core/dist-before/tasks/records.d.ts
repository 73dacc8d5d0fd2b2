import type { FileRecord } from './types.js';
/** `src/a.test.ts` → `src_a.test.ts.1f2e3d4c.memscope.json`: readable, and unique per path. */
export declare function recordFileName(file: string): string;
export declare function writeFileRecord(dir: string, record: FileRecord): Promise<string>;
export interface ReadRecordsResult {
    records: FileRecord[];
    /** Expected files with no record, or only an incomplete one: their figures are missing. */
    missing: string[];
    /** Record files that could not be read, with why. */
    invalid: {
        path: string;
        reason: string;
    }[];
}
/**
 * Reads every record in `dir`. `expectedFiles` (paths relative to the root,
 * as in the records) are the test files the run had: those without a
 * complete record are returned in `missing`.
 */
export declare function readFileRecords(dir: string, expectedFiles?: readonly string[]): Promise<ReadRecordsResult>;
//# sourceMappingURL=records.d.ts.map