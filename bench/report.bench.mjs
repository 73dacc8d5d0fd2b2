// Report writing at 10,000 tests: building the report, serialising and
// validating the JSON, rendering the dashboard, and the whole atomic write,
// each as a ratio against a plain JSON.stringify of the same report in the
// same process. Then the budget figures for one full run (build + write
// report.json + index.html): wall time of the median of 5 and file sizes,
// against the targets of ≤ 2 s and ≤ 20 MB.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { buildRunReport } from '../packages/core/dist/report/build.js';
import { renderDashboard } from '../packages/core/dist/report/html/render.js';
import { parseRunReport, serializeRunReport, writeReports } from '../packages/core/dist/report/files/write.js';
import { syntheticFiles } from './report-fixture.mjs';

const TESTS = 10_000;
const run = {
  node: process.version, v8: process.versions.v8, capture: 'native', mode: 'sampled',
  runner: { name: 'vitest', version: '4' },
};
const files = syntheticFiles(TESTS);
const report = buildRunReport({ files, run });
const json = serializeRunReport(report);
const outDir = mkdtempSync(join(tmpdir(), 'memscope-report-bench-'));

const bench = new Bench({ time: 1000, warmupTime: 200, iterations: 3 });
bench
  .add('JSON.stringify (reference)', () => JSON.stringify(report))
  .add('buildRunReport', () => buildRunReport({ files, run }))
  .add('parseRunReport (parse + validate)', () => parseRunReport(json, 'report.json'))
  .add('renderDashboard', () => renderDashboard(report))
  .add('writeReports (json + html, atomic)', async () => { await writeReports(report, { outDir }); });
await bench.run();

const mean = (task) => (task.result.state === 'completed' ? task.result.latency.mean : Number.NaN);
const reference = mean(bench.tasks[0]);
console.log(`${TESTS.toLocaleString('en-US')} tests, ratios against JSON.stringify of the report:`);
for (const task of bench.tasks) console.log(`  ${task.name.padEnd(38)} ×${(mean(task) / reference).toFixed(2)}`);

// The budget: one end-of-run write as a reporter does it.
const times = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const built = buildRunReport({ files, run });
  await writeReports(built, { outDir });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const mb = (path) => statSync(path).size / 1e6;
const jsonMb = mb(join(outDir, 'report.json'));
const htmlMb = mb(join(outDir, 'index.html'));
console.log(`\nbuild + write of ${TESTS.toLocaleString('en-US')} tests: median ${(times[2] / 1000).toFixed(2)} s (target ≤ 2 s)`);
console.log(`report.json ${jsonMb.toFixed(1)} MB, index.html ${htmlMb.toFixed(1)} MB (target ≤ 20 MB each)`);
rmSync(outDir, { recursive: true, force: true });
if (times[2] > 2000 || jsonMb > 20 || htmlMb > 20) process.exitCode = 1;
