import { resolve } from 'node:path';
import { loadBaseline } from '../baseline/read.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/types.js';
import { shouldUpdateBaseline, updateBaseline } from '../baseline/update.js';
import { reportExitCode } from '../report/build.js';
import { mergeRunReports } from '../report/merge.js';
import { readRunReport, writeReports } from '../report/write.js';
import type { CliCommand, CommandInput } from './command.js';
import { printSummary, usageError, withInputErrors } from './report.js';

async function run({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length === 0) return usageError('merge', io, 'give the report.json of each shard');
  if (typeof values.out !== 'string') return usageError('merge', io, 'give the output directory with -o <dir>');
  const outDir = values.out;
  return withInputErrors('merge', io, async () => {
    const inputs = [];
    for (const path of positionals) inputs.push({ report: await readRunReport(path), source: path });
    const mode = inputs[0]!.report.run.mode;
    const update = shouldUpdateBaseline(values.update === true ? true : undefined, io.env);
    const baselinePath = typeof values.baseline === 'string' ? values.baseline : update ? DEFAULT_BASELINE_FILE : undefined;
    const baseline = baselinePath === undefined ? undefined : await loadBaseline(resolve(baselinePath), { mode });
    let report = mergeRunReports(inputs, baseline ? { baseline } : {});
    if (update && baseline) {
      const comparison = await updateBaseline(report.tasks, baseline, { mode });
      report = { ...report, baseline: comparison, totals: { ...report.totals, regressions: 0 } };
    }
    const written = await writeReports(report, { outDir, html: values['no-html'] !== true });
    printSummary(io, report, written);
    return reportExitCode(report);
  });
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'Join the reports of a sharded run and judge them as one (-o <dir>, --baseline <file>, --update)',
  usage: '<report.json...> -o <dir> [--baseline <file>] [--update] [--no-html]',
  options: {
    out: { type: 'string', short: 'o' },
    baseline: { type: 'string' },
    update: { type: 'boolean', short: 'u' },
    'no-html': { type: 'boolean' },
  },
  allowPositionals: true,
  run,
};
