import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { vi } from 'vitest';
vi.mock('../../packages/core/src/capture/index.js', async () => { const { createJsCapture } = await import('../../packages/core/src/capture/js.js'); const c = createJsCapture(); return { getCapture: () => c }; });
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
      if (!outcome.ok) console.log("PROBLEM", testCase.name, JSON.stringify(outcome.problems), JSON.stringify((outcome as any).result?.findings?.map((f: any) => [f.kind, f.title, f.retainerPathText, f.allocationSite?.line, f.creationStack?.slice(0,2)])));
      expect(outcome.problems).toEqual([]);
    });
  }
});
