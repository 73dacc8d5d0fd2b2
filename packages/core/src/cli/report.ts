import { dirname, join, resolve } from 'node:path';
import { renderDashboard } from '../report/html/render.js';
import { replaceOwnFile } from '../report/files/owned.js';
import type { RunReport } from '../report/schema.js';
import { readRunReport, writeReports, type WrittenReports } from '../report/files/write.js';
import type { CliCommand, CommandInput } from './command.js';
import { OUTPUT_OPTIONS, printSummary, usageError, withInputErrors } from './output.js';

/** With --out, both files go there; otherwise only index.html is rewritten next to the report. */
async function rewrite(report: RunReport, path: string, out: string | undefined): Promise<WrittenReports> {
  if (out !== undefined) return writeReports(report, { outDir: out, html: true });
  const html = join(dirname(resolve(path)), 'index.html');
  await replaceOwnFile(html, renderDashboard(report), 'dashboard');
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
      exitCode = Math.max(exitCode, printSummary(io, report, written));
    }
    return exitCode;
  });
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print the summary of report.json files and write their HTML report again (--out <dir>, --no-html)',
  usage: '<report.json...> [--out <dir>] [--no-html]',
  options: OUTPUT_OPTIONS,
  allowPositionals: true,
  run,
};
