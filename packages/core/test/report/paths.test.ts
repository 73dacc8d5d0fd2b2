import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { finishRun } from '../../src/plugin-kit/finish-run.js';
import { resolveReporterOptions, type ReporterOptions } from '../../src/plugin-kit/options.js';
import { buildRunReport } from '../../src/report/build.js';
import { createColors } from '../../src/report/colors.js';
import { resolveInsideRoot } from '../../src/report/files/paths.js';
import { writeReports } from '../../src/report/files/write.js';
import { RUN, sampleFiles } from './fixtures.js';

/**
 * Where memscope may write: configured paths stay inside the project root
 * unless they are absolute, and an existing file is only replaced when
 * memscope wrote it.
 */
let outer: string;
let root: string;
beforeEach(async () => {
  outer = await mkdtemp(join(tmpdir(), 'memscope-paths-'));
  root = join(outer, 'project');
  await mkdir(root);
});
afterEach(async () => { await rm(outer, { recursive: true, force: true }); });

const finishWith = (options: ReporterOptions) => finishRun({
  records: sampleFiles(), expectedFiles: [], options: resolveReporterOptions({ html: true, ...options }),
  runner: { name: 'vitest', version: '4.1.12' }, rootDir: root, colors: createColors(false), env: { MEMSCOPE_UPDATE: '1' },
});

describe('paths from configuration', () => {
  it.each([
    ['memscope.baseline.json', 'memscope.baseline.json'],
    ['ci/../memscope.baseline.json', 'memscope.baseline.json'],
    ['..hidden/b.json', '..hidden/b.json'],
    ['.', ''],
  ])('%s stays inside the root', (configured, inside) => {
    expect(resolveInsideRoot('/work/app', configured, 'baseline')).toBe(join('/work/app', inside));
  });

  it.each(['../x.json', 'a/../../x.json', '..'])('%s escapes the root and is refused, naming the option and where it led', (configured) => {
    expect(() => resolveInsideRoot('/work/app', configured, 'baseline')).toThrow(
      expect.objectContaining({
        code: 'ERR_MEMSCOPE_INVALID_OPTION',
        message: expect.stringMatching(/^memscope reporter: option `baseline` \(".*"\) resolves to \/work(\/x\.json)?, outside the project root \/work\/app\. Give a path inside the root, or an absolute path to write outside it on purpose\.$/),
      }),
    );
  });

  it('refuses a NUL character rather than letting the file system cut the path', () => {
    expect(() => resolveInsideRoot('/work/app', 'b.json\0.txt', 'baseline')).toThrow(/option `baseline` holds a NUL character/);
  });

  it('an end of run with a baseline or report directory above the root writes nothing anywhere', async () => {
    await expect(finishWith({ baseline: '../stolen.baseline.json' })).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION', message: expect.stringContaining('option `baseline` ("../stolen.baseline.json")') });
    await expect(finishWith({ outputDir: '../reports' })).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION', message: expect.stringContaining('option `outputDir` ("../reports")') });
    expect(await readdir(outer)).toEqual(['project']);
    expect(await readdir(root)).toEqual([]);
  });

  it('writes outside the root when given an absolute path', async () => {
    const finished = await finishWith({ baseline: join(outer, 'shared.baseline.json'), outputDir: join(outer, 'reports') });
    expect(finished.written.json).toBe(join(outer, 'reports', 'report.json'));
    expect(existsSync(join(outer, 'shared.baseline.json'))).toBe(true);
  });
});

describe('replacing files', () => {
  it('refuses to replace a file memscope did not write, and leaves it as it was', async () => {
    await mkdir(join(root, 'site'));
    await writeFile(join(root, 'site', 'index.html'), '<!doctype html><title>My site</title>');
    await writeFile(join(root, 'site', 'report.json'), '{"quarterly": true}');
    const report = buildRunReport({ files: sampleFiles(), run: RUN });
    await expect(writeReports(report, { outDir: join(root, 'site'), html: false })).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_INVALID_OPTION',
      message: `${join(root, 'site', 'report.json')}: refusing to replace this file; it exists and memscope did not write it (it has no memscope report mark). Choose another output directory, or move the file away.`,
    });
    await rm(join(root, 'site', 'report.json'));
    await expect(writeReports(report, { outDir: join(root, 'site') })).rejects.toThrow(/index\.html: refusing to replace this file; .* no memscope dashboard mark/);
    expect(await readFile(join(root, 'site', 'index.html'), 'utf8')).toBe('<!doctype html><title>My site</title>');
  });

  it('replaces its own report and dashboard run after run', async () => {
    const report = buildRunReport({ files: sampleFiles(), run: RUN });
    await writeReports(report, { outDir: root });
    const again = await writeReports({ ...report, createdAt: '2030-01-01T00:00:00.000Z' }, { outDir: root });
    expect(JSON.parse(await readFile(again.json, 'utf8')).createdAt).toBe('2030-01-01T00:00:00.000Z');
    expect(await readdir(root)).toEqual(['index.html', 'report.json']);
  });

  it('memscope report does not replace an index.html next to the report that is not its own', async () => {
    const report = buildRunReport({ files: sampleFiles(), run: RUN });
    const { json } = await writeReports(report, { outDir: root, html: false });
    await writeFile(join(root, 'index.html'), 'mine');
    const out: string[] = [];
    const code = await main(['report', json], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) }, env: {} });
    expect(code).toBe(1);
    expect(out.join('')).toContain(`memscope report: ${join(root, 'index.html')}: refusing to replace this file`);
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe('mine');
  });
});
