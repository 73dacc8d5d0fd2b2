import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { native } from './load-native.js';
import { previewObject } from '../../packages/core/src/analyzers/preview.js';
import { describeInternalNode } from '../../packages/core/src/analyzers/snapshot-description.js';
import { HeapIndex } from '../../packages/core/src/analyzers/heap-index.js';
import { createJestProject, repoRoot, runJestIn, type FixtureProject, type JestRun } from '../../test/support/index.js';

interface ScanResult {
  nodeCount: number;
  kinds: number;
  looked: number;
  ms: number;
  seen: Record<string, number>;
  problems: string[];
}

const { scanHeap } = createRequire(import.meta.url)('./support/heap-scan.cjs') as {
  scanHeap(deps: object): ScanResult;
};

/** Kinds a Node heap always holds; fewer would mean the sample missed V8's structures. */
const MIN_KINDS = 100;
// Each lookup walks the whole heap: about 0.2 s in a Vitest worker and 0.5 s
// beside Jest on an idle machine, for some 140 kinds.
const SCAN_TIMEOUT_MS = 600_000;

function expectEveryKindSafe(result: ScanResult): void {
  expect(result.problems).toEqual([]);
  expect(result.kinds).toBeGreaterThanOrEqual(MIN_KINDS);
  expect(result.looked).toBeGreaterThanOrEqual(result.kinds);
  // Closure contexts, code and V8's hidden structures were among the lookups,
  // and none of them came back as a value.
  for (const kind of ['object: undefined', 'code: undefined', 'hidden: undefined', 'array: undefined', 'object shape: undefined']) {
    expect(result.seen[kind], kind).toBeGreaterThan(0);
  }
  for (const kind of Object.keys(result.seen)) {
    if (/^(code|array|object shape|synthetic|native):/.test(kind)) expect(kind).toMatch(/: undefined$/);
  }
  // And JS values still came back as themselves.
  for (const kind of ['object: object', 'closure: function', 'string: string', 'symbol: symbol']) {
    expect(result.seen[kind], kind).toBeGreaterThan(0);
  }
}

describe('objectById and the preview on every kind of node of a busy heap', () => {
  // The Jest run scans its own heap in a child: started first, it runs on the
  // other core while this worker scans its heap (a scan checks what a lookup
  // returns, not how long it takes, so the two need not take turns).
  let project: FixtureProject | undefined;
  let jestRun: Promise<JestRun>;
  beforeAll(async () => {
    const dist = `${repoRoot}/packages/core/dist/analyzers`;
    project = await createJestProject(30, {
      'jest.config.js': `module.exports = { testEnvironment: 'node', testTimeout: ${SCAN_TIMEOUT_MS} };`,
      'scan.test.js': `
        const { writeFileSync } = require('node:fs');
        const native = require('@memscope/native');
        const { scanHeap } = require(${JSON.stringify(`${repoRoot}/native/test/support/heap-scan.cjs`)});
        const { previewObject } = require(${JSON.stringify(`${dist}/preview.js`)});
        const { describeInternalNode } = require(${JSON.stringify(`${dist}/snapshot-description.js`)});
        const { HeapIndex } = require(${JSON.stringify(`${dist}/heap-index.js`)});
        test('scan', () => {
          const result = scanHeap({ native, previewObject, describeInternalNode, HeapIndex });
          writeFileSync(${JSON.stringify('scan.json')}, JSON.stringify(result));
        });
      `,
    });
    jestRun = runJestIn(project, 30, { args: ['--runInBand'], timeoutMs: SCAN_TIMEOUT_MS });
    // Awaited by the Jest test, which reports a failure; not an unhandled rejection meanwhile.
    jestRun.catch(() => undefined);
  });
  afterAll(() => project?.cleanup());

  it('look up and preview one node of every kind in this Vitest worker, which lives', () => {
    const result = scanHeap({ native, previewObject, describeInternalNode, HeapIndex });
    expectEveryKindSafe(result);
  }, SCAN_TIMEOUT_MS);

  it('look up and preview one node of every kind inside a Jest test, and Jest finishes', async () => {
    const run = await jestRun;
    expect(run.signal, run.output).toBeNull();
    expect(run.exitCode, run.output).toBe(0);
    const result = JSON.parse(await project!.read('scan.json')) as ScanResult;
    expectEveryKindSafe(result);
  }, SCAN_TIMEOUT_MS);
});
