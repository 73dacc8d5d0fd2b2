import { describe, expect, it } from 'vitest';
import { isMemscopeError } from '../../src/errors.js';
import { buildRunReport } from '../../src/report/build.js';
import { parseRunReport, serializeRunReport } from '../../src/report/files/write.js';
import { EXPECTED_FILES, RUN, sampleFiles } from './fixtures.js';

function sampleReport() {
  return buildRunReport({ files: sampleFiles(), run: RUN, expectedFiles: EXPECTED_FILES, createdAt: new Date('2025-01-02T03:05:00Z') });
}

function errorOf(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('run report schema', () => {
  it('round-trips through JSON unchanged', () => {
    const report = sampleReport();
    const parsed = parseRunReport(serializeRunReport(report), 'report.json');
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('puts every task under one file node and lists crashed and absent files', () => {
    const report = sampleReport();
    const fileNodes = report.tasks.filter((t) => t.kind === 'file');
    expect(fileNodes.map((t) => t.file)).toEqual(['src/cache.test.ts', 'src/server.test.ts', 'src/hostile.test.ts', 'src/crash.test.ts']);
    const ids = new Set(report.tasks.map((t) => t.id));
    for (const t of report.tasks) if (t.kind !== 'file') expect(ids.has(t.parentId!)).toBe(true);
    expect(report.missing).toEqual([
      { file: 'src/crash.test.ts', reason: 'incomplete' },
      { file: 'src/never.test.ts', reason: 'absent' },
    ]);
    expect(report.totals).toMatchObject({ files: 4, tests: 6, passed: 3, failed: 1, skipped: 1, leakingTests: 2, handlesLeftOpen: 1, trackedNotCollected: 1, missingFiles: 2 });
    expect(report.totals.findings).toEqual({ heap: 1, storm: 1, handle: 0, native: 0 });
  });

  it.each([
    ['tasks[3].figures.retained.source', (r: any) => { r.tasks[3].figures.retained.source = 'guessed'; }, /tasks\[3\]\.figures\.retained\.source should be one of "measured", "sampled", "inferred", "shared", got "guessed"/],
    ['run.runner.version', (r: any) => { delete r.run.runner.version; }, /run\.runner\.version should be a string, got nothing/],
    ['totals.tests', (r: any) => { r.totals.tests = -1; }, /totals\.tests should be an integer ≥ 0, got -1/],
    ['finding retainer step', (r: any) => { r.tasks[4].findings[0].retainerPath[1].node = 7; }, /tasks\[4\]\.findings\[0\]\.retainerPath\[1\]\.node should be a string, got 7/],
    ['shard index', (r: any) => { r.run.shard = { index: 3, count: 2 }; }, /run\.shard\.index should be between 1 and count \(2\), got 3/],
    ['figure name', (r: any) => { r.tasks[3].figures.heapz = { value: 1, source: 'sampled' }; }, /tasks\[3\]\.figures key should be one of .*got "heapz"/],
    ['schemaVersion', (r: any) => { r.schemaVersion = 2; }, /written by a newer memscope \(report schemaVersion 2\); this memscope reads version 1 only/],
    ['schemaVersion', (r: any) => { r.schemaVersion = 0; }, /schemaVersion should be 1 \(this memscope reads report version 1 only\), got 0/],
    ['kind', (r: any) => { r.kind = 'other'; }, /kind should be "memscope-run-report" \(is this a memscope report\?\), got "other"/],
  ])('names the wrong field: %s', (_label, mutate, message) => {
    const report = JSON.parse(serializeRunReport(sampleReport()));
    mutate(report);
    const error = errorOf(() => parseRunReport(JSON.stringify(report), 'out/report.json'));
    expect(isMemscopeError(error)).toBe(true);
    expect(error.code).toBe('ERR_MEMSCOPE_REPORT_INVALID');
    expect(error.message.startsWith('out/report.json: ')).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('says when the file is not JSON at all', () => {
    const error = errorOf(() => parseRunReport('{"schemaVersion": 1, "kin', 'cut.json'));
    expect(error.code).toBe('ERR_MEMSCOPE_REPORT_INVALID');
    expect(error.message).toMatch(/^cut\.json: not valid JSON \(.+\); the file may be truncated/);
  });

  it('stores test ids such as __proto__ as plain data', () => {
    const files = sampleFiles();
    files[1]!.tasks[0]!.id = '__proto__';
    const report = buildRunReport({ files, run: RUN });
    const parsed = parseRunReport(serializeRunReport(report), 'r.json');
    expect(parsed.tasks.some((t) => t.id === '__proto__')).toBe(true);
  });
});
