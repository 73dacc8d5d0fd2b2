import { colorsFor } from '../report/colors.js';
import { compareRunReports, formatComparison } from '../report/compare.js';
import { readRunReport } from '../report/files/write.js';
import type { CliCommand, CommandInput } from './command.js';
import { usageError, withInputErrors } from './output.js';

async function run({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length !== 2) return usageError('compare', io, 'give exactly two reports: the older one, then the newer one');
  const [a, b] = positionals as [string, string];
  const limit = typeof values.limit === 'string' ? Number(values.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1) return usageError('compare', io, `--limit should be a whole number ≥ 1, got ${JSON.stringify(values.limit)}`);
  return withInputErrors('compare', io, async () => {
    const result = compareRunReports({ report: await readRunReport(a), source: a }, { report: await readRunReport(b), source: b });
    io.stdout.write(`${formatComparison(result, colorsFor(io.stdout, io.env), limit)}\n`);
    return result.regressions.length > 0 ? 1 : 0;
  });
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'Compare two reports test by test; exits 1 when the second regressed beyond the default tolerances',
  usage: '<old-report.json> <new-report.json> [--limit <n>]',
  options: { limit: { type: 'string' } },
  allowPositionals: true,
  run,
};
