import type { RunReport } from '../report/schema.js';
import { type WrittenReports } from '../report/write.js';
import type { CliCommand, CliIo } from './command.js';
/**
 * Runs a command body, turning an unreadable or invalid input file into a
 * one-line message and exit code 2 (bad input), never a stack.
 */
export declare function withInputErrors(name: string, io: CliIo, body: () => Promise<number>): Promise<number>;
export declare function usageError(name: string, io: CliIo, message: string): number;
/** Prints the summary and the exit code of one report, as at the end of a run. */
export declare function printSummary(io: CliIo, report: RunReport, written?: WrittenReports): void;
export declare const reportCommand: CliCommand;
//# sourceMappingURL=report.d.ts.map