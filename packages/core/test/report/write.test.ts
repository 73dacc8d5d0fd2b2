import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/report/files/atomic.js';
import { buildRunReport } from '../../src/report/build.js';
import { readRunReport, writeReports } from '../../src/report/files/write.js';
import { RUN, sampleFiles } from './fixtures.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'memscope-write-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('writing reports', () => {
  it('writes report.json and index.html into a new directory and reads the JSON back', async () => {
    const report = buildRunReport({ files: sampleFiles(), run: RUN });
    const outDir = join(dir, 'nested', 'memscope-report');
    const written = await writeReports(report, { outDir });
    expect(written).toEqual({ json: join(outDir, 'report.json'), html: join(outDir, 'index.html') });
    expect(await readdir(outDir)).toEqual(['index.html', 'report.json']);
    expect(await readRunReport(written.json)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('honours jsonName and html: false', async () => {
    const report = buildRunReport({ files: sampleFiles(), run: RUN });
    const written = await writeReports(report, { outDir: dir, jsonName: 'shard-1.json', html: false });
    expect(written).toEqual({ json: join(dir, 'shard-1.json') });
    expect(await readdir(dir)).toEqual(['shard-1.json']);
    await expect(writeReports(report, { outDir: dir, jsonName: '../x.json' })).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION' });
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, 'old');
    await writeFileAtomic(target, 'new contents');
    expect(await readFile(target, 'utf8')).toBe('new contents');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('removes its temporary file when the rename fails', async () => {
    const target = join(dir, 'taken');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/) });
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('reports a missing report file by name', async () => {
    await expect(readRunReport(join(dir, 'none.json'))).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_REPORT_INVALID',
      message: `${join(dir, 'none.json')}: cannot read the report (no such file)`,
    });
  });
});
