import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { checkLeak } from '../../packages/core/src/verdict/check-leak.js';

// The cases are plain CommonJS, loaded without the test runner's transform,
// so that allocation sites point at the lines the cases were written on.
const require = createRequire(import.meta.url);
const { allCases, runCase } = require('./run-case.cjs') as {
  allCases(): Array<{ name: string; expected: 'leak' | 'clean'; kind?: string }>;
  runCase(check: typeof checkLeak, testCase: unknown): Promise<{ ok: boolean; problems: string[] }>;
};

describe('leak corpus', () => {
  for (const testCase of allCases()) {
    it(`${testCase.expected === 'leak' ? `finds the ${testCase.kind} leak` : 'passes clean code'}: ${testCase.name}`, async () => {
      const outcome = await runCase(checkLeak, testCase);
      expect(outcome.problems).toEqual([]);
    });
  }
});
