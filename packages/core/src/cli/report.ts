import { dirname, join, resolve } from 'node:path';
import { isMemscopeError } from '../errors.js';
import { writeFileAtomic } from '../report/atomic.js';
import { reportExitCode } from '../report/build.js';
import { colorsFor } from '../report/colors.js';
import { renderDashboard } from '../report/html/render.js';
import type { RunReport } from '../report/schema.js';
import { formatSummary } from '../report/summary.js';
import { readRunReport, writeReports, type WrittenReports } from '../report/write.js';
import type { CliCommand, CliIo, CommandInput } from './command.js';

const INPUT_ERROR_EXIT_CODE = 2;

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

/** Prints the summary and the exit code of one report, as at the end of a run. */
export function printSummary(io: CliIo, report: RunReport, written?: WrittenReports): void {
  const colors = colorsFor(io.stdout, io.env);
  io.stdout.write(`${formatSummary(report, { colors, ...(written ? { written } : {}) })}\n`);
}

/** With --out, both files go there; otherwise only index.html is rewritten next to the report. */
async function rewrite(report: RunReport, path: string, out: string | undefined): Promise<WrittenReports> {
  if (out !== undefined) return writeReports(report, { outDir: out, html: true });
  const html = join(dirname(resolve(path)), 'index.html');
  await writeFileAtomic(html, renderDashboard(report));
  return { json: resolve(path), html };
}

async function run({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length === 0) return usageError('report', io, 'give at least one report.json');
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out !== undefined && positionals.length > 1) return usageError('report', io, '--out works with one report; to join several use `memscope merge`');
  return withInputErrors('report', io, async () => {
    let exitCode = 0;
    for (const [i, path] of positionals.entries()) {
      const report = await readRunReport(path);
      const written = values['no-html'] ? undefined : await rewrite(report, path, out);
      if (i > 0) io.stdout.write('\n');
      printSummary(io, report, written);
      exitCode = Math.max(exitCode, reportExitCode(report));
    }
    return exitCode;
  });
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print the summary of report.json files and write their HTML report again (--out <dir>, --no-html)',
  usage: '<report.json...> [--out <dir>] [--no-html]',
  options: {
    out: { type: 'string', short: 'o' },
    'no-html': { type: 'boolean' },
  },
  allowPositionals: true,
  run,
};
