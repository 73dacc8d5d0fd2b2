import type { RunReport } from '../../packages/core/src/report/schema.js';

/**
 * The accuracy check of concurrent tests' attributed figures, shared by the
 * Vitest and Jest suites. Each fixture has seven concurrent tests (Buffers and
 * JS arrays; 20 MB, 640 KB and nothing kept, in 64 KB chunks over 40 timer
 * ticks; and 20 MB of Buffers made of which 640 KB are kept, the rest
 * garbage no full GC may have seen) and the same seven run one after
 * another in a serial file; and
 * twelve more (crowd.spec, CROWD_CASES), more than the runner runs at once,
 * with their serial twins.
 *
 * Truth:
 * - retained: the bytes the test's body keeps;
 * - allocated: the heap the same test allocates when it runs alone (its
 *   measured figure in the serial file) plus the Buffer bytes it makes. The
 *   heap part is not the kept bytes: the measured counters charge 20 MB of
 *   surviving 64 KB arrays 26 MB, alone or not; and external memory alone
 *   is no truth either, as the runner's own Buffers come and go meanwhile.
 * A figure passes within 20% of its truth plus an allowance for the
 * runner's own work in the test (its hooks, the 40 timers and promises,
 * expect): over 30 runs under load (6 Vitest 3/4 and Jest 30 × capture
 * cases each), a figure's gap past 20% of its truth reached 0.37 MB for
 * allocated (the serial truth itself varies by 0.2-0.57 MB for a test that
 * keeps nothing) and 0.2 MB for retained. Retained may only exceed its
 * truth by the allowance.
 */

const MB = 1024 * 1024;
export const KEPT_BYTES: Record<string, number> = { 'keeps 20 MB': 20 * MB, 'keeps 640 KB': 640 * 1024, 'keeps nothing': 0 };
const RELATIVE = 0.2;
const RUNNER_ALLOWANCE = { allocated: 512 * 1024, retained: 320 * 1024 } as const;

export interface AccuracyRow {
  test: string;
  figure: 'allocated' | 'retained';
  truth: number;
  value: number | undefined;
  source: string | undefined;
  intervalBytes: number | undefined;
  ok: boolean;
}

type ReportTask = RunReport['tasks'][number];

function within(figure: 'allocated' | 'retained', value: number | undefined, truth: number): boolean {
  if (value === undefined) return false;
  const allowance = RUNNER_ALLOWANCE[figure];
  const below = figure === 'allocated' ? allowance : 0;
  return value >= truth * (1 - RELATIVE) - below && value <= truth * (1 + RELATIVE) + allowance;
}

/** A concurrent test of a fixture and what its body keeps. */
export interface AccuracyCase {
  /** Its id below the file: `describe > test`. */
  test: string;
  kind: 'buffers' | 'arrays';
  kept: number;
  /** Buffer bytes it makes, kept or not (default: `kept` for Buffers). */
  made?: number;
}

/** The seven tests of concurrent.spec (Buffers and arrays; 20 MB, 640 KB, nothing; 20 MB of Buffers churned, 640 KB kept). */
export const KEPT_CASES: readonly AccuracyCase[] = [
  ...(['buffers', 'arrays'] as const).flatMap((kind) => Object.entries(KEPT_BYTES).map(([name, kept]) => ({ test: `${kind} > ${name}`, kind, kept }))),
  { test: 'buffers > churns 20 MB, keeps 640 KB', kind: 'buffers', kept: 640 * 1024, made: 20 * MB },
];

/**
 * The twelve tests of crowd.spec, more than the runners' default
 * maxConcurrency (5): test k keeps k % 4 MB, of Buffers for k in 4..7, of
 * arrays otherwise (the fixtures' workload builds the same list).
 */
export const CROWD_CASES: readonly AccuracyCase[] = Array.from({ length: 12 }, (_, k) => {
  const kind = k >= 4 && k < 8 ? 'buffers' : 'arrays';
  return { test: `crowd > ${k}: keeps ${k % 4} MB of ${kind}`, kind, kept: (k % 4) * MB };
});

/** One row per concurrent test and figure: its truth, its figure, whether it is close enough. */
export function accuracyRows(report: RunReport, concurrentFile: string, serialFile: string, cases: readonly AccuracyCase[] = KEPT_CASES): AccuracyRow[] {
  const tests = new Map<string, ReportTask>(report.tasks.filter((task) => task.kind === 'test').map((task) => [task.id, task]));
  const rows: AccuracyRow[] = [];
  for (const { test, kind, kept, made } of cases) {
    const concurrent = tests.get(`${concurrentFile} > ${test}`);
    const serial = tests.get(`${serialFile} > ${test}`);
    if (!concurrent || !serial) throw new Error(`the report has no '${test}' in ${concurrentFile} and ${serialFile}`);
    const heapAlone = serial.figures.allocated?.value;
    if (heapAlone === undefined) throw new Error(`'${test}' in ${serialFile} has no allocated figure`);
    const truths = { allocated: heapAlone + (kind === 'buffers' ? (made ?? kept) : 0), retained: kept };
    for (const figure of ['allocated', 'retained'] as const) {
      const reported = concurrent.figures[figure] as { value: number; source: string; intervalBytes?: number } | undefined;
      const truth = truths[figure];
      rows.push({ test, figure, truth, value: reported?.value, source: reported?.source, intervalBytes: reported?.intervalBytes, ok: within(figure, reported?.value, truth) });
    }
  }
  return rows;
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? '-' : (bytes / MB).toFixed(3));

/** The rows as a table, for the test's output. */
export function accuracyTable(title: string, rows: readonly AccuracyRow[]): string {
  const width = Math.max(24, ...rows.map((row) => row.test.length));
  const lines = [title, `${'test'.padEnd(width)} figure     truth MB  figure MB  error     source`, '-'.repeat(width + 52)];
  for (const row of rows) {
    // Past 20% of a small truth, the runner's allowance is what counts: show the gap in KB.
    const gap = row.value === undefined ? '-' : row.truth >= MB ? `${(((row.value - row.truth) / row.truth) * 100).toFixed(0)}%` : `${((row.value - row.truth) / 1024).toFixed(0)} KB`;
    lines.push(`${row.test.padEnd(width)} ${row.figure.padEnd(10)} ${mb(row.truth).padStart(8)}  ${mb(row.value).padStart(9)}  ${gap.padStart(7)}   ${row.source ?? '-'}${row.ok ? '' : '  <-- off'}`);
  }
  return lines.join('\n');
}
