import { isMemscopeError } from '../errors.js';
import { reportExitCode } from '../report/build.js';
import { colorsFor } from '../report/colors.js';
import type { RunReport } from '../report/schema.js';
import { formatSummary } from '../report/summary.js';
import type { WrittenReports } from '../report/files/write.js';
import type { CliCommand, CliIo } from './command.js';

/** Exit code for a command that was given a bad input file or bad arguments. */
const INPUT_ERROR_EXIT_CODE = 2;

/** The output options of the commands that write reports (`report`, `merge`). */
export const OUTPUT_OPTIONS: CliCommand['options'] = {
  out: { type: 'string', short: 'o' },
  'no-html': { type: 'boolean' },
};

/**
 * Runs a command body, turning an unreadable or invalid input file into a
 * one-line message and exit code 2 (bad input), never a stack.
 */
export async function withInputErrors(name: string, io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!isMemscopeError(error)) throw error;
    if (error.code !== 'ERR_MEMSCOPE_REPORT_INVALID' && error.code !== 'ERR_MEMSCOPE_BASELINE_INVALID' && error.code !== 'ERR_MEMSCOPE_USAGE') throw error;
    io.stderr.write(`memscope ${name}: ${error.message}\n`);
    return INPUT_ERROR_EXIT_CODE;
  }
}

export function usageError(name: string, io: CliIo, message: string): number {
  io.stderr.write(`memscope ${name}: ${message}\nRun \`memscope ${name} --help\` for usage.\n`);
  return INPUT_ERROR_EXIT_CODE;
}

/** Prints the summary of one report, as at the end of a run, and returns the report's exit code. */
export function printSummary(io: CliIo, report: RunReport, written?: WrittenReports): 0 | 1 {
  const colors = colorsFor(io.stdout, io.env);
  io.stdout.write(`${formatSummary(report, { colors, ...(written ? { written } : {}) })}\n`);
  return reportExitCode(report);
}
