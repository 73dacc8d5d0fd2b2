import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/baseline/judge.js';
import type { BaselineFile } from '../../src/baseline/types.js';
import { buildRunReport } from '../../src/report/build.js';
import { compareRunReports, formatComparison } from '../../src/report/compare.js';
import { createColors } from '../../src/report/colors.js';
import { mergeRunReports } from '../../src/report/merge.js';
import type { FileRecord } from '../../src/tasks/types.js';
import { RUN, task } from './fixtures.js';

function fileWith(file: string, tests: Record<string, number>): FileRecord {
  return {
    schemaVersion: 1, file, capture: 'native', mode: 'sampled',
    tasks: Object.entries(tests).map(([name, allocated]) =>
      task({ id: `${file} > ${name}`, name, file, figures: { allocated: { value: allocated, source: 'sampled' } } })),
  };
}
const baselineData: BaselineFile = {
  schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'],
  tests: Object.fromEntries(['a.test.ts > one', 'b.test.ts > two', 'gone.test.ts > old'].map((id) => [id, {
    file: id.split(' > ')[0]!, path: [id.split(' > ')[1]!], figures: { allocated: { value: 1000, source: 'sampled' as const } },
  }])),
};

function shard(index: number, files: FileRecord[]) {
  const run = { ...RUN, shard: { index, count: 2 } };
  const draft = buildRunReport({ files, run });
  const baseline = compareWithBaseline(draft.tasks, { path: 'memscope.baseline.json', data: baselineData }, { partial: true });
  return buildRunReport({ files, run, baseline });
}

describe('merging shard reports', () => {
  it('joins the shards, lists duplicate test ids and keeps only removals no shard saw', () => {
    const one = shard(1, [fileWith('a.test.ts', { one: 1000 })]);
    const two = shard(2, [fileWith('b.test.ts', { two: 50e6 }), fileWith('a.test.ts', { one: 1000 })]);
    expect(one.baseline!.removedTests).toEqual(['b.test.ts > two', 'gone.test.ts > old']);

    const merged = mergeRunReports([{ report: one, source: 'one.json' }, { report: two, source: 'two.json' }]);
    expect(merged.run.shard).toBeUndefined();
    expect(merged.files.map((f) => f.file)).toEqual(['a.test.ts', 'b.test.ts', 'a.test.ts']);
    expect(merged.duplicates).toEqual(['a.test.ts > one']);
    expect(merged.totals).toMatchObject({ tests: 3, duplicateTests: 1, regressions: 1 });
    expect(merged.baseline).toMatchObject({ partial: false, removedTests: ['gone.test.ts > old'], newTests: [] });
    expect(merged.baseline!.regressions.map((r) => r.taskId)).toEqual(['b.test.ts > two']);
  });

  it('judges afresh against a baseline file when one is given', () => {
    const one = buildRunReport({ files: [fileWith('a.test.ts', { one: 9e9 })], run: RUN });
    const merged = mergeRunReports([{ report: one, source: 'one.json' }], { baseline: { path: 'b.json', data: baselineData } });
    expect(merged.baseline).toMatchObject({ file: 'b.json', removedTests: ['b.test.ts > two', 'gone.test.ts > old'] });
    expect(merged.totals.regressions).toBe(1);
  });

  it('refuses reports measured in different modes', () => {
    const sampled = buildRunReport({ files: [], run: RUN });
    const settled = buildRunReport({ files: [], run: { ...RUN, mode: 'settled' } });
    expect(() => mergeRunReports([{ report: sampled, source: 'a.json' }, { report: settled, source: 'b.json' }]))
      .toThrow(/b\.json: measured in settled mode but a\.json in sampled mode/);
  });
});

describe('comparing two reports', () => {
  it('lists changes side by side and flags growth beyond the default tolerance', () => {
    const before = buildRunReport({ files: [fileWith('a.test.ts', { one: 1e6, two: 1e6, gone: 1 })], run: RUN });
    const after = buildRunReport({ files: [fileWith('a.test.ts', { one: 1.2e6, two: 9e6, fresh: 1 })], run: RUN });
    const result = compareRunReports({ report: before, source: 'before.json' }, { report: after, source: 'after.json' });
    expect(result.regressions.map((r) => r.taskId)).toEqual(['a.test.ts > two']);
    expect(result.onlyInA).toEqual(['a.test.ts > gone']);
    expect(result.onlyInB).toEqual(['a.test.ts > fresh']);
    expect(formatComparison(result, createColors(false))).toMatchInlineSnapshot(`
      "memscope compare before.json → after.json
        2 tests in both, 2 figures changed, 1 regression

         before    after    change  figure     test
        977 KiB  8.6 MiB  +7.6 MiB  allocated  a.test.ts > two  ✗ beyond tolerance
        977 KiB  1.1 MiB  +195 KiB  allocated  a.test.ts > one

      Only in before.json: 1 test
      Only in after.json: 1 test"
    `);
  });
});
