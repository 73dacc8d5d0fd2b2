import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createColors } from '../../src/report/colors.js';
import type { FileRecord, TaskNode } from '../../src/tasks/types.js';
import { finishRun, reportDirectory } from '../../src/plugin-kit/finish-run.js';
import { resolveReporterOptions } from '../../src/plugin-kit/options.js';
import { RUN_DIR_ENV, joinRunChannel, openRunChannel } from '../../src/plugin-kit/run-channel.js';

function record(allocated: number): FileRecord {
  const base = { file: 'a.spec.js', handles: [], findings: [], tracked: [], state: 'passed' as const };
  const tasks: TaskNode[] = [
    { ...base, id: 'a.spec.js', kind: 'file', name: 'a.spec.js', path: [], parentId: null, figures: {} },
    { ...base, id: 'a.spec.js > grows', kind: 'test', name: 'grows', path: ['grows'], parentId: 'a.spec.js', figures: { allocated: { value: allocated, source: 'measured' } } },
  ];
  return { schemaVersion: 1, file: 'a.spec.js', capture: 'js', mode: 'sampled', tasks };
}

describe('resolveReporterOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveReporterOptions(undefined)).toEqual({
      outputDir: 'memscope-report', html: true, baseline: 'memscope.baseline.json', update: undefined, summary: true, mode: 'sampled',
    });
  });

  it('names the option and what it expected', () => {
    expect(() => resolveReporterOptions({ mode: 'exact' })).toThrow("memscope reporter: option `mode` must be 'sampled' or 'settled', got \"exact\".");
    expect(() => resolveReporterOptions({ html: 'yes' })).toThrow(/option `html` must be true or false/);
    expect(() => resolveReporterOptions({ outDir: 'x' })).toThrow(/option `outDir` must be one of the known options/);
    expect(() => resolveReporterOptions([])).toThrow(/option `options` must be an object/);
  });
});

describe('run channel', () => {
  it('hands the settings from the reporter to a worker through the environment, and cleans up', () => {
    const env: NodeJS.ProcessEnv = {};
    const channel = openRunChannel({ rootDir: '/project', mode: 'settled' }, env);
    expect(env[RUN_DIR_ENV]).toBe(channel.dir);
    expect(joinRunChannel(env)).toEqual({ dir: channel.dir, settings: { schemaVersion: 1, rootDir: '/project', mode: 'settled' } });
    channel.close();
    expect(env[RUN_DIR_ENV]).toBeUndefined();
    expect(existsSync(channel.dir)).toBe(false);
    expect(joinRunChannel({ [RUN_DIR_ENV]: channel.dir })).toBeNull();
  });
});

describe('finishRun', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'memscope-finish-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const finish = (allocated: number, extra: Partial<Parameters<typeof finishRun>[0]> = {}) =>
    finishRun({
      records: [record(allocated)], expectedFiles: ['a.spec.js', 'b.spec.js'], options: resolveReporterOptions({ html: false }),
      runner: { name: 'jest', version: '30.0.0' }, rootDir: root, colors: createColors(false), env: {}, ...extra,
    });

  it('writes the report, names files without figures, and passes without a baseline file', async () => {
    const run = await finish(1000);
    expect(run.failure).toBeNull();
    expect(run.written.json).toBe(join(root, 'memscope-report', 'report.json'));
    const report = JSON.parse(await readFile(run.written.json, 'utf8'));
    expect(report.missing).toEqual([{ file: 'b.spec.js', reason: 'absent' }]);
    expect(run.summary).toContain('memscope 1 test in 1 file (jest 30.0.0');
  });

  it('records a baseline on update, then fails a run whose figure grew past the tolerance', async () => {
    const created = await finish(1_000_000, { runnerUpdate: true });
    expect(created.failure).toBeNull();
    expect(created.report.baseline).toMatchObject({ updated: true, created: true, newTests: ['a.spec.js > grows'] });
    expect(JSON.parse(await readFile(join(root, 'memscope.baseline.json'), 'utf8')).tests['a.spec.js > grows'].figures.allocated.value).toBe(1_000_000);

    const regressed = await finish(50_000_000);
    expect(regressed.failure).toMatch(/^memscope: 1 memory regression against memscope\.baseline\.json\. If the change is intended, update the baseline/);
    expect(regressed.summary).toContain('a.spec.js > grows');

    expect((await finish(50_000_000, { env: { MEMSCOPE_UPDATE: '1' } })).failure).toBeNull();
    expect((await finish(50_000_000)).failure).toBeNull();
  });

  it('gives each shard a report folder of its own', () => {
    expect(reportDirectory('/p', 'memscope-report', { index: 2, count: 3 })).toBe(join('/p', 'memscope-report', 'shard-2-of-3'));
    expect(reportDirectory('/p', '/abs/out', { index: 1, count: 1 })).toBe('/abs/out');
  });
});
