import { Checker } from './check.js';
import { type RunReport } from './schema.js';
/**
 * Checks that `value` is a run report this version can read and returns it
 * typed. Throws a MemscopeError (ERR_MEMSCOPE_REPORT_INVALID) naming `source`
 * and the first field that is wrong.
 */
export declare function validateRunReport(value: unknown, source: string): RunReport;
declare function checkTolerance(c: Checker, value: unknown, path: string): void;
export { checkTolerance };
//# sourceMappingURL=validate-report.d.ts.map