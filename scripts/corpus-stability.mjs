#!/usr/bin/env node
// Runs the leak corpus N times through one capture path in fresh processes
// and prints recall, false positives and flakes.
//
//   node scripts/corpus-stability.mjs [runs=20] [native|js|both]
//
// With `both`, the passes of the two capture paths share two slots, two
// processes at a time, so a 2-core machine is fully loaded (verdicts must
// hold under load too); a slot that frees takes the next pass of either
// path, so the faster path's slot does not idle while the slower one ends.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 20);
const which = process.argv[3] ?? 'both';
const paths = which === 'both' ? ['native', 'js'] : [which];
const runner = fileURLToPath(new URL('../test/corpus/run-all.cjs', import.meta.url));

if (!Number.isInteger(runs) || runs < 1 || !['native', 'js', 'both'].includes(which)) {
  console.error(`usage: node scripts/corpus-stability.mjs [runs ≥ 1] [native|js|both]; got runs=${process.argv[2]}, path=${process.argv[3]}`);
  process.exit(2);
}

/** One pass in a fresh process: its JSON lines, exit status and stderr. */
function pass(path) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner], { env: { ...process.env, MEMSCOPE_CAPTURE: path } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status, signal) => resolve({ status, signal, stderr, lines: stdout.split('\n').filter((line) => line.startsWith('{')) }));
  });
}

/** What one capture path's passes gave: verdicts by case, crashed passes, seconds spent. */
function newTally(path) {
  return { path, outcomes: new Map(), problems: [], seconds: 0 };
}

function record(tally, run, { status, signal, stderr, lines }) {
  if (status !== 0) {
    // A pass that dies part-way loses its remaining cases: say so and fail.
    tally.problems.push(`run ${run + 1} (${tally.path}) crashed after ${lines.length} cases (${signal ?? `exit code ${status}`}):\n${stderr.slice(-4000)}`);
  }
  for (const line of lines) {
    const { name, expected, ok, problems: caseProblems, callsPerRound, growth } = JSON.parse(line);
    const entry = tally.outcomes.get(name) ?? { expected, passes: 0, fails: 0, problems: new Set(), screens: [] };
    if (ok) entry.passes++;
    else {
      entry.fails++;
      caseProblems.forEach((p) => entry.problems.add(p));
      if (growth) entry.screens.push(`${callsPerRound} calls a round: ${growth}`);
    }
    tally.outcomes.set(name, entry);
  }
}

/** Runs every pass, the paths taking turns in the queue, one process per path at a time (two with `both`). */
async function runAll() {
  const tallies = paths.map(newTally);
  const queue = [];
  for (let run = 0; run < runs; run++) for (const tally of tallies) queue.push({ tally, run });
  const slot = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const started = Date.now();
      record(next.tally, next.run, await pass(next.tally.path));
      next.tally.seconds += (Date.now() - started) / 1000;
    }
  };
  await Promise.all(paths.map(slot));
  return tallies;
}

function print({ path, outcomes, problems, seconds }) {
  problems.forEach((problem) => console.error(problem));
  const leaks = [...outcomes.values()].filter((o) => o.expected === 'leak');
  const clean = [...outcomes.values()].filter((o) => o.expected === 'clean');
  const recall = leaks.reduce((n, o) => n + o.passes, 0) / Math.max(1, leaks.reduce((n, o) => n + o.passes + o.fails, 0));
  const falsePositives = clean.reduce((n, o) => n + o.fails, 0);
  const flaky = [...outcomes].filter(([, o]) => o.passes > 0 && o.fails > 0).map(([name]) => name);
  console.log(`\n${path}: ${runs} runs × ${outcomes.size} cases (${Math.round(seconds)} s of passes)`);
  console.log(`  recall ${(recall * 100).toFixed(1)}%  false positives ${falsePositives}  flaky cases ${flaky.length}`);
  for (const [name, o] of outcomes) {
    if (!o.fails) continue;
    console.log(`  ${o.expected === 'leak' ? 'missed ' : 'flagged'} ${name}: ${o.fails}/${o.passes + o.fails} — ${[...o.problems][0]}`);
    // What the screen saw on a wrong verdict: noise or a blind spot.
    for (const screen of o.screens.slice(0, 3)) console.log(`      ${screen}`);
  }
  // The hard bar is no false positive and no lost pass; recall is printed and tracked (goal: 100%).
  if (falsePositives > 0 || problems.length > 0) process.exitCode = 1;
}

const results = await runAll();
results.forEach(print);
