// Where memscope's per-file cost goes: the project of bench/per-file.bench.mjs
// run under Vitest (forks, isolate: a fresh process per test file) with V8's
// CPU profiler in every worker, with and without memscope. Each profile
// sample is charged to the innermost memscope frame on its stack (so Node
// work a memscope function asked for, such as reading a file or dlopen,
// counts as that function's), and printed by memscope module and function,
// split into what runs when the setup entry loads and what runs during the
// tests. The totals compare the workers' busy time with and without memscope.
// The profiler itself slows code down: read the split, not the absolute ms.
// Before the profiles, unprofiled interleaved rounds split the whole cost
// (the runner's process and its workers) between the setup file alone and
// the setup file with the reporter.
//
// Usage: npm run build && node bench/per-file-breakdown.bench.mjs [--files 20] [--rounds 3] [--top 25] [--interval-us 100]
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { option } from './lib/args.mjs';
import { ratioRows, runInterleaved } from './lib/interleaved.mjs';
import { runMeasured } from './lib/measure.mjs';
import { workspaceRoot } from './lib/packed-memscope.mjs';
import { writePerFileProject } from './per-file-project.mjs';

const fileCount = Number(option('files', '20'));
const rounds = Number(option('rounds', '3'));
const top = Number(option('top', '25'));
const intervalUs = Number(option('interval-us', '100'));
for (const [name, value] of [['files', fileCount], ['rounds', rounds], ['top', top], ['interval-us', intervalUs]]) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a positive integer, received ${option(name)}`);
}

const project = path.join(workspaceRoot, 'bench/.work/per-file-breakdown');
const vitestBin = path.join(workspaceRoot, 'node_modules/vitest/vitest.mjs');
const OURS = /[\\/]node_modules[\\/]@memscope[\\/]([^\\/]+)[\\/](.*)$/;

/** One run of the project under Vitest forks with isolation; `execArgv` goes to every worker. */
async function run(variant, execArgv = '') {
  const json = path.join(project, 'out.json');
  const env = {
    BENCH_VARIANT: variant, BENCH_JSON: json, BENCH_REPORT_DIR: path.join(project, 'report'),
    BENCH_POOL: 'forks', BENCH_ISOLATE: 'true', BENCH_EXEC_ARGV: execArgv,
  };
  const { wallMs, cpuMs } = await runMeasured(process.execPath, [vitestBin, 'run', '--config', 'vitest.config.mjs'], { cwd: project, env });
  const report = JSON.parse(readFileSync(json, 'utf8'));
  return { wallMs, cpuMs, passed: report.numPassedTests, failed: report.numFailedTests };
}

/** Runs the suite once with every worker profiled; the profiles' directory. */
async function profiledRun(variant) {
  const dir = path.join(project, `profiles-${variant}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run(variant, `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval ${intervalUs}`);
  return dir;
}

/** A memscope frame's place: "package/file function", or null for anyone else's. */
function ourFrame(callFrame) {
  const match = OURS.exec(callFrame.url);
  if (!match) return null;
  return { module: `${match[1]}/${match[2]}`, fn: callFrame.functionName || '(top level)' };
}

/** Busy microseconds of one profile, and memscope's share by phase, module and function. */
function chargeProfile(profile, totals) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const charge = new Map();
  const chargeOf = (id) => {
    if (charge.has(id)) return charge.get(id);
    let innermost = null;
    let atLoad = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      const ours = ourFrame(frame);
      if (ours && !innermost) innermost = ours;
      // The setup entry's own top level: everything it evaluates at file start.
      if (ours && ours.fn === '(top level)' && /\.packed\.js$/.test(ours.module) && /index\.packed|install\.packed/.test(ours.module)) atLoad = true;
    }
    const name = byId.get(id).callFrame.functionName;
    const result = name === '(idle)' ? 'idle' : innermost && { ...innermost, phase: atLoad ? 'setup entry load' : 'during tests' };
    charge.set(id, result);
    return result;
  };
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const charged = chargeOf(id);
    if (charged === 'idle') return;
    totals.busyUs += us;
    if (!charged) return;
    totals.oursUs += us;
    for (const key of [`${charged.phase}`, `${charged.phase} | ${charged.module}`, `${charged.phase} | ${charged.module} ${charged.fn}`]) {
      totals.by.set(key, (totals.by.get(key) ?? 0) + us);
    }
  });
}

function summarize(dir) {
  const totals = { busyUs: 0, oursUs: 0, by: new Map(), processes: 0 };
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))) {
    chargeProfile(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), totals);
    totals.processes++;
  }
  return totals;
}

writePerFileProject(project, workspaceRoot, fileCount);
const split = await runInterleaved(
  ['none', 'memscope setup only', 'memscope'].map((variant) => ({ name: variant, run: () => run(variant) })),
  rounds,
  { label: 'split', onRound: (round) => process.stderr.write(`split: round ${round + 1}/${rounds}\n`) },
);
console.log(`${fileCount} test files, Vitest forks with isolate, unprofiled (medians; × = ratio to "none" in the same round)`);
console.table(ratioRows(split, { perUnit: { name: 'file', count: fileCount } }));

const without = summarize(await profiledRun('none'));
const withMemscope = summarize(await profiledRun('memscope'));
const perFile = (us) => (us / 1000 / fileCount).toFixed(2);
console.log(`\nProfiled every ${intervalUs} µs (ms per file; the profiler inflates all figures).`);
console.log(`workers' busy CPU: without memscope ${perFile(without.busyUs)}, with ${perFile(withMemscope.busyUs)} (${withMemscope.processes} profiles)`);
console.log(`under memscope frames: ${perFile(withMemscope.oursUs)}`);
const rows = [...withMemscope.by.entries()].sort((a, b) => b[1] - a[1]);
const level = (key) => key.split(' | ').length + (key.includes(' | ') && key.split(' | ')[1].includes(' ') ? 1 : 0);
console.log('\nby phase:');
for (const [key, us] of rows.filter(([key]) => !key.includes(' | '))) console.log(`  ${perFile(us).padStart(6)}  ${key}`);
console.log('\nby module:');
for (const [key, us] of rows.filter(([key]) => level(key) === 2).slice(0, top)) console.log(`  ${perFile(us).padStart(6)}  ${key}`);
console.log('\nby function:');
for (const [key, us] of rows.filter(([key]) => level(key) === 3).slice(0, top)) console.log(`  ${perFile(us).padStart(6)}  ${key}`);
