// Rounds of runs, one per variant, the order alternating from round to
// round so drift on a shared machine (other jobs, page cache, CPU clock)
// does not favour one variant; each figure is read against the baseline
// variant of the same round.
import { median } from './measure.mjs';

/**
 * @param {{ name: string, run: () => Promise<{ wallMs: number, cpuMs: number, passed: number, failed: number }> }[]} variants
 *   the first is the baseline
 * @returns {Promise<{ name: string, rounds: { wallMs: number, cpuMs: number, passed: number, failed: number }[] }[]>}
 */
export async function runInterleaved(variants, rounds, { label = '', onRound = () => {} } = {}) {
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a positive integer, received ${rounds}`);
  const results = variants.map((variant) => ({ name: variant.name, rounds: [] }));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) results[i].rounds[round] = await variants[i].run();
    const base = results[0].rounds[round];
    for (const result of results.slice(1)) {
      const run = result.rounds[round];
      if (run.passed !== base.passed || run.failed !== base.failed) {
        throw new Error(`${label} ${result.name}, round ${round + 1}: ${run.passed} passed / ${run.failed} failed, but ${results[0].name} had ${base.passed} / ${base.failed}`);
      }
    }
    onRound(round, results);
  }
  return results;
}

/** Per-round ratio of `field` against the baseline's in the same round. */
export function ratios(results, index, field) {
  return results[index].rounds.map((run, round) => run[field] / results[0].rounds[round][field]);
}

/** Median and every round of each variant, as rows for console.table. */
export function ratioRows(results, { perUnit = null } = {}) {
  return results.map((result, i) => {
    const wall = ratios(results, i, 'wallMs');
    const cpu = ratios(results, i, 'cpuMs');
    const row = {
      variant: result.name,
      'wall s': (median(result.rounds.map((r) => r.wallMs)) / 1000).toFixed(2),
      'cpu s': (median(result.rounds.map((r) => r.cpuMs)) / 1000).toFixed(2),
      'wall ×': median(wall).toFixed(3),
      'cpu ×': median(cpu).toFixed(3),
      'wall × by round': wall.map((r) => r.toFixed(2)).join(' '),
      'cpu × by round': cpu.map((r) => r.toFixed(2)).join(' '),
    };
    if (perUnit) {
      const extra = result.rounds.map((run, round) => (run.cpuMs - results[0].rounds[round].cpuMs) / perUnit.count);
      row[`extra cpu ms/${perUnit.name}`] = median(extra).toFixed(1);
    }
    return row;
  });
}
