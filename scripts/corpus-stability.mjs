#!/usr/bin/env node
// Runs the leak corpus N times through one capture path in fresh processes
// and prints recall, false positives and flakes.
//
//   node scripts/corpus-stability.mjs [runs=20] [native|js|both]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 20);
const which = process.argv[3] ?? 'both';
const paths = which === 'both' ? ['native', 'js'] : [which];
const runner = fileURLToPath(new URL('../test/corpus/run-all.cjs', import.meta.url));

for (const path of paths) {
  const outcomes = new Map();
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, [runner], { env: { ...process.env, MEMSCOPE_CAPTURE: path }, encoding: 'utf8' });
    const lines = child.stdout.split('\n').filter((line) => line.startsWith('{'));
    if (child.status !== 0) {
      // A run that dies part-way loses its remaining cases: say so and fail.
      console.error(`run ${run + 1} (${path}) crashed after ${lines.length} cases (${child.signal ?? `exit code ${child.status}`}):\n${child.stderr.slice(-4000)}`);
      process.exitCode = 1;
    }
    for (const line of lines) {
      const { name, expected, ok, problems } = JSON.parse(line);
      const entry = outcomes.get(name) ?? { expected, passes: 0, fails: 0, problems: new Set() };
      if (ok) entry.passes++;
      else {
        entry.fails++;
        problems.forEach((p) => entry.problems.add(p));
      }
      outcomes.set(name, entry);
    }
  }
  const leaks = [...outcomes.values()].filter((o) => o.expected === 'leak');
  const clean = [...outcomes.values()].filter((o) => o.expected === 'clean');
  const recall = leaks.reduce((n, o) => n + o.passes, 0) / Math.max(1, leaks.reduce((n, o) => n + o.passes + o.fails, 0));
  const falsePositives = clean.reduce((n, o) => n + o.fails, 0);
  const flaky = [...outcomes].filter(([, o]) => o.passes > 0 && o.fails > 0).map(([name]) => name);
  console.log(`\n${path}: ${runs} runs × ${outcomes.size} cases`);
  console.log(`  recall ${(recall * 100).toFixed(1)}%  false positives ${falsePositives}  flaky cases ${flaky.length}`);
  for (const [name, o] of outcomes) {
    if (o.fails) console.log(`  ${o.expected === 'leak' ? 'missed ' : 'flagged'} ${name}: ${o.fails}/${o.passes + o.fails} — ${[...o.problems][0]}`);
  }
  // The hard bar is no false positive; recall is printed and tracked (goal: 100%).
  if (falsePositives > 0) process.exitCode = 1;
}
