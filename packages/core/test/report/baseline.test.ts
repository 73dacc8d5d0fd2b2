import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/baseline/judge.js';
import { loadBaseline } from '../../src/baseline/read.js';
import { shouldUpdateBaseline, updateBaseline } from '../../src/baseline/update.js';
import type { BaselineFile } from '../../src/baseline/types.js';
import { buildRunReport } from '../../src/report/build.js';
import { finishRun } from '../../src/plugin-kit/finish-run.js';
import { resolveReporterOptions } from '../../src/plugin-kit/options.js';
import { createColors } from '../../src/report/colors.js';
import type { FileRecord } from '../../src/tasks/types.js';
import type { TaskNode } from '../../src/tasks/types.js';
import { RUN, sampleFiles, task } from './fixtures.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'memscope-baseline-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const KIB = 1024;

/** The reporters' end of run, in `dir`, with the given baseline file and update flag. */
function finishIn(records: readonly FileRecord[], options: { baseline?: string; update?: boolean; env?: NodeJS.ProcessEnv; outputDir?: string }) {
  const { env = {}, ...reporter } = options;
  return finishRun({
    records, expectedFiles: records.map((r) => r.file), options: resolveReporterOptions({ html: false, ...reporter }),
    runner: { name: 'vitest', version: '4.1.12' }, rootDir: dir, colors: createColors(false), env,
  });
}
function testTask(id: string, allocated: number, source: 'measured' | 'sampled' = 'sampled', extra: Partial<TaskNode> = {}): TaskNode {
  return task({ id, name: id, file: 'a.test.ts', figures: { allocated: { value: allocated, source } }, ...extra });
}
function baselineOf(tests: Record<string, number>, source: 'measured' | 'sampled' = 'sampled', extra: Partial<BaselineFile> = {}): BaselineFile {
  const entries = Object.fromEntries(Object.entries(tests).map(([id, value]) => [id, { file: 'a.test.ts', path: [id], figures: { allocated: { value, source } } }]));
  return { schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'], tests: entries, ...extra };
}

describe('judging against a baseline', () => {
  it('passes within tolerance and fails beyond it, naming test, figure, values and tolerance', () => {
    const tasks = [testTask('ok', 1400 * KIB), testTask('grew', 4000 * KIB)];
    const result = compareWithBaseline(tasks, { path: 'b.json', data: baselineOf({ ok: 1000 * KIB, grew: 2000 * KIB }) });
    expect(result.regressions).toEqual([{
      taskId: 'grew', file: 'a.test.ts', path: ['grew'], figure: 'allocated',
      old: 2000 * KIB, new: 4000 * KIB, tolerance: { relative: 0.5, absolute: 1024 * KIB }, limit: 3024 * KIB,
    }]);
    expect(result.compared.ok).toEqual({ allocated: { old: 1000 * KIB, limit: 2024 * KIB } });
  });

  it('gives measured figures a narrower band than sampled ones', () => {
    const data = baselineOf({ t: 1000 * KIB }, 'measured');
    const measured = compareWithBaseline([testTask('t', 1200 * KIB, 'measured')], { path: 'b', data });
    const sampled = compareWithBaseline([testTask('t', 1200 * KIB, 'sampled')], { path: 'b', data });
    expect(measured.regressions.map((r) => r.tolerance)).toEqual([{ relative: 0.1, absolute: 64 * KIB }]);
    expect(sampled.regressions).toEqual([]);
  });

  it('lets a test override the file-level tolerance, which overrides the default', () => {
    const data = baselineOf({ a: 100, b: 100 }, 'measured', { tolerance: { allocated: { relative: 0, absolute: 10 } } });
    data.tests.b!.tolerance = { allocated: { absolute: 1000 } };
    const result = compareWithBaseline([testTask('a', 150, 'measured'), testTask('b', 150, 'measured')], { path: 'b', data });
    expect(result.regressions.map((r) => [r.taskId, r.limit])).toEqual([['a', 110]]);
  });

  it('reports new and removed tests, never failing on them, and skips skipped and shared tests', () => {
    const tasks = [testTask('kept', 10), testTask('fresh', 10), testTask('skipped', 99e9, 'sampled', { state: 'skipped' }), testTask('shared', 99e9, 'sampled', { shared: true })];
    const result = compareWithBaseline(tasks, { path: 'b', data: baselineOf({ kept: 10, gone: 10, skipped: 1, shared: 1 }) });
    expect(result.regressions).toEqual([]);
    expect(result.newTests).toEqual(['fresh']);
    expect(result.removedTests).toEqual(['gone']);
  });
});

describe('baseline files', () => {
  it('creates the file on update, then adds new tests only on update and drops removed ones', async () => {
    const path = join(dir, 'memscope.baseline.json');
    const first = await updateBaseline([testTask('a', 10), testTask('b', 20)], await loadBaseline(path, { mode: 'sampled' }), { mode: 'sampled' });
    expect(first).toMatchObject({ updated: true, created: true, newTests: ['a', 'b'], removedTests: [], regressions: [] });
    const written = JSON.parse(await readFile(path, 'utf8')) as BaselineFile;
    expect(Object.keys(written.tests)).toEqual(['a', 'b']);
    expect(written.tests.a!.figures.allocated).toEqual({ value: 10, source: 'sampled' });

    const loaded = await loadBaseline(path, { mode: 'sampled' });
    const judged = compareWithBaseline([testTask('a', 10), testTask('c', 5)], loaded);
    expect(judged).toMatchObject({ newTests: ['c'], removedTests: ['b'] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(written);

    const second = await updateBaseline([testTask('a', 10), testTask('c', 5)], loaded, { mode: 'sampled' });
    expect(second).toMatchObject({ created: false, newTests: ['c'], removedTests: ['b'] });
    expect(Object.keys((JSON.parse(await readFile(path, 'utf8')) as BaselineFile).tests)).toEqual(['a', 'c']);
    expect(await readdir(dir)).toEqual(['memscope.baseline.json']);
  });

  it('keeps hand-written tolerances, and other shards\' tests in a sharded update', async () => {
    const path = join(dir, 'b.json');
    const data = baselineOf({ mine: 1, other: 2 }, 'sampled', { tolerance: { allocated: { relative: 2 } } });
    data.tests.mine!.tolerance = { allocated: { absolute: 7 } };
    await writeFile(path, JSON.stringify(data));
    await updateBaseline([testTask('mine', 50)], await loadBaseline(path, { mode: 'sampled' }), { mode: 'sampled', partial: true });
    const after = JSON.parse(await readFile(path, 'utf8')) as BaselineFile;
    expect(after.tolerance).toEqual({ allocated: { relative: 2 } });
    expect(after.tests.mine).toMatchObject({ figures: { allocated: { value: 50 } }, tolerance: { allocated: { absolute: 7 } } });
    expect(after.tests.other!.figures.allocated!.value).toBe(2);
  });

  it.each([
    ['corrupt JSON', '{"schemaVersion":1,', /b\.json: not valid JSON/],
    ['a newer version', JSON.stringify({ ...baselineOf({}), schemaVersion: 9 }), /b\.json: written by a newer memscope \(baseline schemaVersion 9\); this memscope reads version 1 only\. Upgrade/],
    ['an unknown version', JSON.stringify({ ...baselineOf({}), schemaVersion: '1' }), /b\.json: schemaVersion should be 1 \(this memscope reads baseline version 1 only\), got "1"/],
    ['another mode', JSON.stringify({ ...baselineOf({}), mode: 'settled' }), /b\.json: the baseline was recorded in settled mode but this run measures in sampled mode/],
    ['a bad figure', JSON.stringify(baselineOf({ t: -1 })).replace('-1', '"big"'), /b\.json: tests\.t\.figures\.allocated\.value should be a finite number, got "big"/],
    ['a bad tolerance', JSON.stringify({ ...baselineOf({}), tolerance: { allocated: { relative: -1 } } }), /tolerance\.allocated\.relative should be a number ≥ 0, got -1/],
  ])('refuses %s with a clear error and leaves the file untouched', async (_label, text, message) => {
    const path = join(dir, 'b.json');
    await writeFile(path, text);
    const before = await stat(path);
    const error = await loadBaseline(path, { mode: 'sampled' }).then(() => null, (e: unknown) => e as Error & { code: string });
    expect(error?.code).toBe('ERR_MEMSCOPE_BASELINE_INVALID');
    expect(error?.message).toMatch(message);
    await expect(finishIn(sampleFiles(), { baseline: 'b.json', update: true, outputDir: 'out' }))
      .rejects.toMatchObject({ code: 'ERR_MEMSCOPE_BASELINE_INVALID' });
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });

  it.each([
    [undefined, {}, false], [undefined, { MEMSCOPE_UPDATE: '1' }, true], [undefined, { MEMSCOPE_UPDATE: '0' }, false],
    [undefined, { MEMSCOPE_UPDATE: 'false' }, false], [true, {}, true], [false, { MEMSCOPE_UPDATE: '1' }, false],
  ])('update option %s with env %o → %s', (option, env, expected) => {
    expect(shouldUpdateBaseline(option, env)).toBe(expected);
  });
});

describe('finishRun', () => {
  it('compares with no baseline file as all new, creates it on update, then judges the next run', async () => {
    const plain = await finishIn(sampleFiles(), { outputDir: 'r1' });
    expect(plain.report.baseline).toMatchObject({ created: false, updated: false, regressions: [] });
    expect(plain.failure).toBeNull();

    const created = await finishIn(sampleFiles(), { outputDir: 'r2', env: { MEMSCOPE_UPDATE: '1' } });
    expect(created.report.baseline).toMatchObject({ updated: true, created: true, regressions: [] });

    const grown = sampleFiles();
    const evicts = grown[0]!.tasks.find((t) => t.name === 'evicts old entries')!;
    evicts.figures.retained = { value: 10 * 1024 * 1024, source: 'measured' };
    const judged = await finishIn(grown, { outputDir: 'r3' });
    expect(judged.report.totals.regressions).toBe(1);
    expect(judged.report.baseline!.regressions[0]).toMatchObject({ taskId: evicts.id, figure: 'retained', old: 20 * 1024, new: 10 * 1024 * 1024 });
    expect(judged.failure).toMatch(/^memscope: 1 memory regression against memscope\.baseline\.json\./);
    expect(buildRunReport({ files: grown, run: RUN }).totals.regressions).toBe(0);
  });
});
