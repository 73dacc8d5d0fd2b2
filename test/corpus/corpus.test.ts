import { describe, it, expect, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { checkLeak } from '../../packages/core/src/verdict/check-leak.js';

// The cases are plain CommonJS, loaded without the test runner's transform,
// so that allocation sites point at the lines the cases were written on.
const require = createRequire(import.meta.url);
const { allCases, runCase } = require('./run-case.cjs') as {
  allCases(): Array<{ name: string; expected: 'leak' | 'clean'; kind?: string }>;
  runCase(check: typeof checkLeak, testCase: unknown): Promise<{ ok: boolean; problems: string[] }>;
};

// Recall the verdict reaches today on this corpus, measured with
// scripts/corpus-stability.mjs; the goal is 1. A drop below fails the suite.
const MIN_RECALL = 0.7;

const cases = allCases();
const leakOutcomes = new Map<string, string[]>();

describe('leak corpus: clean code that looks leaky is never flagged', () => {
  for (const testCase of cases.filter((c) => c.expected === 'clean')) {
    it(testCase.name, async () => {
      const outcome = await runCase(checkLeak, testCase);
      expect(outcome.problems).toEqual([]);
    });
  }
});

describe('leak corpus: real leaks are found with kind, holder and site', () => {
  for (const testCase of cases.filter((c) => c.expected === 'leak')) {
    it(`${testCase.kind}: ${testCase.name}`, async () => {
      const outcome = await runCase(checkLeak, testCase);
      leakOutcomes.set(testCase.name, outcome.problems);
      // A verdict that says "leaked" must at least name the right kind.
      for (const problem of outcome.problems) expect(problem).not.toMatch(/^false positive/);
    });
  }

  afterAll(() => {
    const missed = [...leakOutcomes].filter(([, problems]) => problems.length > 0);
    const recall = 1 - missed.length / Math.max(1, leakOutcomes.size);
    if (missed.length) console.log(`corpus recall ${(recall * 100).toFixed(0)}%; not fully diagnosed:\n${missed.map(([n, p]) => `  ${n}: ${p[0]}`).join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
