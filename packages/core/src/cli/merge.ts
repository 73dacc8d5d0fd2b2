import { resolve } from 'node:path';
import { loadBaseline } from '../baseline/read.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/types.js';
import { judgeOrUpdate } from '../baseline/apply.js';
import { shouldUpdateBaseline } from '../baseline/update.js';
import { withBaseline } from '../report/build.js';
import { mergeRunReports } from '../report/merge.js';
import { readRunReport, writeReports } from '../report/files/write.js';
import type { CliCommand, CommandInput } from './command.js';
import { OUTPUT_OPTIONS, printSummary, usageError, withInputErrors } from './output.js';

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
    const merged = mergeRunReports(inputs);
    // The merged tests are judged afresh against the baseline, as one unsharded run.
    const report = baseline ? withBaseline(merged, await judgeOrUpdate(merged.tasks, baseline, { update, mode, partial: false })) : merged;
    const written = await writeReports(report, { outDir, html: values['no-html'] !== true });
    return printSummary(io, report, written);
  });
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'Join the reports of a sharded run and judge them as one (-o <dir>, --baseline <file>, --update)',
  usage: '<report.json...> -o <dir> [--baseline <file>] [--update] [--no-html]',
  options: {
    ...OUTPUT_OPTIONS,
    baseline: { type: 'string' },
    update: { type: 'boolean', short: 'u' },
  },
  allowPositionals: true,
  run,
};
