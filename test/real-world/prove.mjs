#!/usr/bin/env node
// Proof of each case without memscope (REAL-WORLD.md step 4).
//
//   node test/real-world/prove.mjs [--runs N] [--write] [case…]
//
// For every case and variant, a fresh `node --expose-gc` child calls make()
// once, warms up one round, then runs ROUNDS rounds of R calls, settling and
// reading heapUsed, external (which includes arrayBuffers), active resources
// and open fds after the warm-up and after every round. A case holds when, in
// every run, its leaky variant grows in every round in the case's primary
// metric and its fixed variant grows in no metric (see judge()). --write records the
// figures in case.json. Exits 1 when a case does not hold.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseNames, loadUnderTest, readCase, writeCase, VARIANTS } from './support/case-files.mjs';

const ROUNDS = 6;
const DEFAULT_ROUND_CALLS = 200;
/** Growth per round that counts: well above the few KiB a settled heap drifts by. */
const THRESHOLDS = { heapUsed: 32 * 1024, external: 32 * 1024, resources: 1, fds: 1 };
/** The metric a case's kind shows first, unless case.json's proof.metric says otherwise. */
const METRIC_BY_KIND = { heap: 'heapUsed', storm: 'heapUsed', native: 'external', handle: 'resources' };
/** The fixed variant's primary total must stay below this share of the leaky one. */
const FIXED_SHARE = 0.1;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects, lets finalizers and closing handles run, and collects again. */
async function settle() {
  for (let pass = 0; pass < 2; pass++) {
    globalThis.gc();
    for (let turn = 0; turn < 4; turn++) await nextTurn();
    await sleep(10);
  }
  globalThis.gc();
}

function read() {
  const memory = process.memoryUsage();
  return {
    heapUsed: memory.heapUsed,
    external: memory.external,
    resources: process.getActiveResourcesInfo().length,
    fds: readdirSync('/proc/self/fd').length,
  };
}

async function measureChild(name, variant, calls) {
  const underTest = await loadUnderTest(name, variant);
  for (let i = 0; i < calls; i++) await underTest();
  await settle();
  const samples = [read()];
  let callMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) await underTest();
    callMs += performance.now() - started;
    await settle();
    samples.push(read());
  }
  const deltas = {};
  for (const metric of Object.keys(THRESHOLDS)) deltas[metric] = samples.slice(1).map((s, i) => s[metric] - samples[i][metric]);
  return { deltas, msPerCall: callMs / (ROUNDS * calls) };
}

function runChild(name, variant, calls) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', name, variant, String(calls)], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const line = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !line) throw new Error(`${name}/${variant}: child failed (${child.status ?? child.signal})\n${child.stderr}`);
  return JSON.parse(line);
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Rounds in which `values` grew by at least the metric's threshold. */
const grownRounds = (metric, values) => values.filter((d) => d >= THRESHOLDS[metric]).length;

/**
 * Problems of one run of both variants. Handles and fds are exact counts: the
 * fixed variant must not gain one. A settled heap still drifts by up to
 * ~100 KiB between rounds (measured on the fixed node-fetch case, 200 to 1000
 * calls a round), so in bytes "does not grow" means: not in every round, and
 * a small fraction of what the leaky variant gained.
 */
function judge(metric, leaky, fixed) {
  const problems = [];
  const weak = ROUNDS - grownRounds(metric, leaky.deltas[metric]);
  if (weak) problems.push(`leaky grew less than ${THRESHOLDS[metric]} in ${metric} in ${weak} of ${ROUNDS} rounds`);
  for (const [name, values] of Object.entries(fixed.deltas)) {
    const counted = name === 'resources' || name === 'fds';
    if (counted ? sum(values) > 0 : grownRounds(name, values) === ROUNDS) problems.push(`fixed grew in ${name}: ${format(name, values)}`);
  }
  if (sum(fixed.deltas[metric]) > FIXED_SHARE * sum(leaky.deltas[metric])) problems.push(`fixed ${metric} total is not a small fraction of leaky's`);
  return problems;
}

function format(metric, values) {
  return values.map((v) => (metric === 'heapUsed' || metric === 'external' ? `${(v / 1024).toFixed(0)}K` : String(v))).join(' ');
}

async function main(args) {
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
  const write = args.includes('--write');
  const names = caseNames(args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs'));
  let failed = 0;
  for (const name of names) {
    const data = readCase(name);
    const metric = data.proof?.metric ?? METRIC_BY_KIND[data.kind];
    const calls = data.proof?.roundCalls ?? DEFAULT_ROUND_CALLS;
    const outcomes = [];
    for (let run = 1; run <= runs; run++) {
      const [leaky, fixed] = VARIANTS.map((variant) => runChild(name, variant, calls));
      const problems = judge(metric, leaky, fixed);
      outcomes.push({ leaky, fixed, problems });
      console.log(`${name} run ${run}: ${metric} per round (R=${calls})  leaky [${format(metric, leaky.deltas[metric])}]  fixed [${format(metric, fixed.deltas[metric])}]  ` +
        `ms/call ${leaky.msPerCall.toFixed(2)}/${fixed.msPerCall.toFixed(2)}  ${problems.length ? `FAIL: ${problems.join('; ')}` : 'ok'}`);
      for (const other of Object.keys(THRESHOLDS).filter((m) => m !== metric)) {
        console.log(`    ${other.padEnd(9)} leaky [${format(other, leaky.deltas[other])}]  fixed [${format(other, fixed.deltas[other])}]`);
      }
    }
    const agree = outcomes.filter((o) => o.problems.length === 0).length;
    if (agree < runs) failed++;
    console.log(`${name}: ${agree} of ${runs} runs agree\n`);
    if (write && agree === runs) {
      const perRound = (variant) => median(outcomes.flatMap((o) => o[variant].deltas[metric]));
      data.proof = { metric, leakyPerRound: perRound('leaky'), fixedPerRound: perRound('fixed'), roundCalls: calls, runs: `${agree} of ${runs} agree` };
      writeCase(name, data);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[2] === '--child') {
  const [name, variant, calls] = process.argv.slice(3);
  const result = await measureChild(name, variant, Number(calls));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main(process.argv.slice(2));
}
