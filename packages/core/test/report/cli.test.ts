import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildRunReport } from '../../src/report/build.js';
import { writeReports } from '../../src/report/files/write.js';
import type { FileRecord } from '../../src/tasks/types.js';
import { RUN, sampleFiles, task } from './fixtures.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'memscope-cli-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: { write: (s: string) => out.push(s), isTTY: false }, stderr: { write: (s: string) => err.push(s) }, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function cleanFile(file: string, allocated: number): FileRecord {
  return {
    schemaVersion: 1, file, capture: 'native', mode: 'sampled',
    tasks: [task({ id: `${file} > works`, name: 'works', file, figures: { allocated: { value: allocated, source: 'sampled' } } })],
  };
}
async function saved(name: string, files: FileRecord[], shard?: { index: number; count: number }): Promise<string> {
  const report = buildRunReport({ files, run: shard ? { ...RUN, shard } : RUN });
  return (await writeReports(report, { outDir: join(dir, name), html: false })).json;
}

describe('memscope report', () => {
  it('prints the summary, rewrites index.html and exits 0 for a clean run', async () => {
    const json = await saved('clean', [cleanFile('a.test.ts', 100)]);
    const result = await cli('report', json);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('memscope 1 test in 1 file');
    expect(result.stdout).not.toContain('\x1b[');
    expect(await readdir(join(dir, 'clean'))).toEqual(['index.html', 'report.json']);
  });

  it('exits 1 when the report holds a leak, and writes to --out', async () => {
    const json = await saved('leaky', sampleFiles());
    const result = await cli('report', json, '--out', join(dir, 'again'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Leaks (2 tests)');
    expect(await readdir(join(dir, 'again'))).toEqual(['index.html', 'report.json']);
  });

  it('exits 2 with a one-line message and no stack for a bad or missing file', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ kind: 'memscope-run-report', schemaVersion: 1 }));
    const result = await cli('report', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`memscope report: ${bad}: createdAt should be a string, got nothing\n`);
    const missing = await cli('report', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the report (no such file)');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors and 0 for --help', async () => {
    expect((await cli('report')).code).toBe(2);
    expect((await cli('report', 'a.json', 'b.json', '--out', 'x')).code).toBe(2);
    expect((await cli('report', '--bogus')).code).toBe(2);
    const help = await cli('report', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: memscope report <report.json...>');
  });
});

describe('memscope merge', () => {
  it('joins shard reports into -o, reporting duplicate test ids', async () => {
    const one = await saved('s1', [cleanFile('a.test.ts', 1)], { index: 1, count: 2 });
    const two = await saved('s2', [cleanFile('b.test.ts', 1), cleanFile('a.test.ts', 1)], { index: 2, count: 2 });
    const out = join(dir, 'merged');
    const result = await cli('merge', one, two, '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 test id seen more than once');
    expect(result.stdout).toContain('a.test.ts > works');
    const merged = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(merged.totals).toMatchObject({ tests: 3, duplicateTests: 1 });
    expect(await readdir(out)).toEqual(['index.html', 'report.json']);
  });

  it('records and then enforces a baseline for the merged run', async () => {
    const baseline = join(dir, 'memscope.baseline.json');
    const first = await saved('r1', [cleanFile('a.test.ts', 1000)]);
    expect((await cli('merge', first, '-o', join(dir, 'm1'), '--baseline', baseline, '--update')).code).toBe(0);
    const grown = await saved('r2', [cleanFile('a.test.ts', 50e6)]);
    const result = await cli('merge', grown, '-o', join(dir, 'm2'), '--baseline', baseline);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Regressions (1)');
  });

  it('exits 2 without -o or with a corrupt baseline', async () => {
    const one = await saved('s1', [cleanFile('a.test.ts', 1)]);
    expect((await cli('merge', one)).code).toBe(2);
    const baseline = join(dir, 'b.json');
    await writeFile(baseline, '{oops');
    const result = await cli('merge', one, '-o', join(dir, 'm'), '--baseline', baseline);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^memscope merge: .*b\.json: not valid JSON/);
    expect(await readFile(baseline, 'utf8')).toBe('{oops');
  });
});

describe('memscope compare', () => {
  it('exits 1 when the second report regressed and 0 when it did not', async () => {
    const a = await saved('a', [cleanFile('a.test.ts', 1e6)]);
    const b = await saved('b', [cleanFile('a.test.ts', 9e6)]);
    const worse = await cli('compare', a, b);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('✗ beyond tolerance');
    expect((await cli('compare', b, a)).code).toBe(0);
    expect((await cli('compare', a)).code).toBe(2);
  });
});
