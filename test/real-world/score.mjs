#!/usr/bin/env node
// memscope on the corpus: checkLeak, with the options a user would give
// (none), on each variant of each case, in a fresh child per variant.
//
//   node test/real-world/score.mjs [--capture native|js|both] [--runs N] [--diagnosis] [case…]
//
// Loads packages/core/dist (run `npm run build` first). A case scores when its
// leaky variant is found with the case's kind in at most MAX_FINDINGS
// findings and its fixed variant is clean. Exits 1 when a case does not.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseNames, corpusDir, loadUnderTest, readCase } from './support/case-files.mjs';

/** One root cause, one finding; two at most (issue #19's scoring). */
export const MAX_FINDINGS = 2;
/** A verdict takes seconds; ten minutes means the child hangs. */
const CHILD_TIMEOUT_MS = 600_000;
const CORE = join(corpusDir, '../../packages/core/dist/index.js');

/** Runs in the child: the verdict on one variant, as JSON. */
async function scoreChild(name, variant) {
  const { checkLeak, formatLeakDiagnosis, matcherColors } = createRequire(import.meta.url)(CORE);
  const underTest = await loadUnderTest(name, variant);
  const result = await checkLeak(underTest);
  const findings = result.findings.map((f) => ({
    kind: f.kind,
    title: f.title,
    resourceType: f.resourceType,
    allocatedAt: f.allocationSite ? `${f.allocationSite.file}:${f.allocationSite.line}` : f.creationStack?.[0],
    retainedBy: f.retainerPathText ?? f.holder,
  }));
  const diagnosis = result.leaked ? formatLeakDiagnosis(result, matcherColors({})) : undefined;
  return { leaked: result.leaked, reason: result.stats.reason, capture: result.capture, ms: Math.round(result.stats.timeMs.total), findings, diagnosis };
}

/** A variant's verdict from a fresh child; a crash is an outcome, not an error. */
export function runVariant(name, variant, capture) {
  // The verdict comes back in a file: a long retainer path written to a pipe
  // just before the child exits can arrive cut short.
  const resultDir = mkdtempSync(join(tmpdir(), 'memscope-real-world-'));
  const resultFile = join(resultDir, 'verdict.json');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', name, variant, resultFile], {
    env: { ...process.env, MEMSCOPE_CAPTURE: capture },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      let verdict;
      try {
        verdict = status === 0 ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
      } catch {
        verdict = undefined;
      } finally {
        rmSync(resultDir, { recursive: true, force: true });
      }
      if (verdict) return resolve(verdict);
      const how = signal ? `signal ${signal}` : `exit ${status}`;
      resolve({ crashed: `${how}: ${stderr.trim().split('\n').slice(-6).join(' | ')}` });
    });
  });
}

/** Problems of one case on one capture path: [] when it scores. */
export function judgeCase(kind, leaky, fixed) {
  const problems = [];
  if (leaky.crashed) problems.push(`leaky crashed (${leaky.crashed})`);
  else if (!leaky.leaked) problems.push(`leaky missed: ${leaky.reason}`);
  else {
    if (!leaky.findings.some((f) => f.kind === kind)) problems.push(`leaky kind ${leaky.findings.map((f) => f.kind).join('+')}, expected ${kind}`);
    if (leaky.findings.length > MAX_FINDINGS) problems.push(`leaky gave ${leaky.findings.length} findings (at most ${MAX_FINDINGS})`);
  }
  if (fixed.crashed) problems.push(`fixed crashed (${fixed.crashed})`);
  else if (fixed.leaked) problems.push(`fixed flagged: ${fixed.findings.map((f) => `${f.kind}: ${f.title}`).join('; ')}`);
  return problems;
}

async function main(args) {
  const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const capture = option('--capture', 'both');
  const captures = capture === 'both' ? ['native', 'js'] : [capture];
  const runs = Number(option('--runs', '1'));
  const names = caseNames(args.filter((a, i) => !a.startsWith('--') && !['--capture', '--runs'].includes(args[i - 1])));
  let failed = 0;
  for (const name of names) {
    const { kind } = readCase(name);
    for (const path of captures) {
      for (let run = 1; run <= runs; run++) {
        const leaky = await runVariant(name, 'leaky', path);
        const fixed = await runVariant(name, 'fixed', path);
        const problems = judgeCase(kind, leaky, fixed);
        if (problems.length) failed++;
        console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name} [${path}${runs > 1 ? ` run ${run}` : ''}] ${kind}: ` +
          `leaky ${leaky.crashed ? 'crashed' : leaky.leaked ? `found, ${leaky.findings.length} finding(s)` : 'missed'} (${leaky.ms ?? '-'} ms), ` +
          `fixed ${fixed.crashed ? 'crashed' : fixed.leaked ? 'FLAGGED' : 'clean'} (${fixed.ms ?? '-'} ms)`);
        for (const problem of problems) console.log(`     ${problem}`);
        for (const f of leaky.findings ?? []) console.log(`     ${f.kind}: ${f.title}\n       allocated at ${f.allocatedAt ?? '-'}\n       retained by ${f.retainedBy ?? '-'}`);
        if (args.includes('--diagnosis') && leaky.diagnosis) console.log(leaky.diagnosis.replace(/^/gm, '     | '));
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[2] === '--child') {
  const [name, variant, resultFile] = process.argv.slice(3);
  const result = await scoreChild(name, variant);
  writeFileSync(resultFile, JSON.stringify(result));
  process.exit(0);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
