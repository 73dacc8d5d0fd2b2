import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBaseline } from '../../src/baseline/read.js';
import { main } from '../../src/cli/main.js';
import { finishRun } from '../../src/plugin-kit/finish-run.js';
import { resolveReporterOptions } from '../../src/plugin-kit/options.js';
import { buildRunReport } from '../../src/report/build.js';
import { createColors } from '../../src/report/colors.js';
import { MAX_READ_BYTES, readTextFile } from '../../src/report/files/read-file.js';
import { readRunReport, serializeRunReport } from '../../src/report/files/write.js';
import { RUN, sampleFiles } from './fixtures.js';

/**
 * Report and baseline files as they turn up in real repositories: cut off,
 * empty, binary, huge, from a newer memscope, edited by hand. Each is refused
 * with a MemscopeError naming the file and the problem, and a baseline that
 * could not be read is left byte for byte as it was.
 */
let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'memscope-faults-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const validReport = serializeRunReport(buildRunReport({ files: sampleFiles(), run: RUN }));
const validBaseline = `${JSON.stringify({
  schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'],
  tests: { 'a > b': { file: 'a', path: ['b'], figures: { allocated: { value: 1, source: 'sampled' } } } },
}, null, 2)}\n`;

type Content = string | Buffer | { sparseBytes: number } | 'directory';

async function place(path: string, content: Content): Promise<void> {
  if (content === 'directory') return mkdir(path);
  if (typeof content === 'object' && 'sparseBytes' in content) {
    await writeFile(path, '');
    // A sparse file: the size is real, the disk blocks are not, so the test stays cheap.
    return truncate(path, content.sparseBytes);
  }
  return writeFile(path, content);
}

const BIG = MAX_READ_BYTES + 44 * 1024 * 1024;

/** [label, content, expected message after "<path>: "] for both kinds of file. */
function faults(valid: string, what: 'report' | 'baseline'): [string, Content, RegExp][] {
  const doc = JSON.parse(valid) as Record<string, unknown>;
  return [
    ['empty', '', /^is empty \(0 bytes\); it may have been cut off while written/],
    ['truncated', valid.slice(0, Math.floor(valid.length / 2)), /^not valid JSON \(.+\); the file may be truncated or edited by hand$/],
    ['binary', Buffer.from([0x7b, 0x22, 0x00, 0x01, 0xff, 0x10]), new RegExp(`^holds binary data \\(a NUL byte at offset 2\\); this is not a ${what} memscope wrote$`)],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), new RegExp(`^is not UTF-8 text; this is not a ${what} memscope wrote$`)],
    ['gigantic', { sparseBytes: BIG }, new RegExp(`^is 300 MiB, more than the 256 MiB memscope reads; this is not a ${what} memscope wrote$`)],
    ['a directory', 'directory', new RegExp(`^is a directory, not a ${what} file$`)],
    ['of a future schema version', JSON.stringify({ ...doc, schemaVersion: 7 }),
      new RegExp(`^written by a newer memscope \\(${what} schemaVersion 7\\); this memscope reads version 1 only\\. Upgrade the @memscope packages`)],
    ['another kind of JSON', JSON.stringify({ name: 'my-app', version: '1.0.0' }), /^kind should be "memscope-[a-z-]+" \(is this a memscope (report|baseline)\?\), got nothing$/],
    ['JSON that is not an object', '[1,2,3]', /^\(top level\) should be an object, got an array of 3$/],
  ];
}

function wrongTypes(): [string, string, RegExp][] {
  const report = JSON.parse(validReport);
  report.totals.tests = '6';
  const task = JSON.parse(validReport);
  task.tasks[3].figures.allocated.value = null;
  const trace = JSON.parse(validReport);
  trace.tasks[3].trace = [{ phase: 'warm-up', saw: '60 calls a round', why: 'exact, sync' }];
  const baseline = JSON.parse(validBaseline);
  baseline.tests['a > b'].figures.allocated = { value: 'Infinity', source: 'sampled' };
  return [
    ['report', JSON.stringify(report), /^totals\.tests should be a finite number, got "6"$/],
    ['report', JSON.stringify(task), /^tasks\[3\]\.figures\.allocated\.value should be a finite number, got null$/],
    ['report', JSON.stringify(trace), /^tasks\[3\]\.trace\[0\]\.next should be a string, got nothing$/],
    ['baseline', JSON.stringify(baseline), /^tests\["a > b"\]\.figures\.allocated\.value should be a finite number, got "Infinity"$/],
  ];
}

/** The file's bytes, or for the sparse giant its size and time: reading 300 MiB to compare would be slow. */
async function fingerprint(path: string): Promise<unknown> {
  const info = await stat(path);
  if (info.isDirectory() || info.size > MAX_READ_BYTES) return { size: info.size, mtimeMs: info.mtimeMs, dir: info.isDirectory() };
  return readFile(path);
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (e: { code: string; message: string }) => e);
}

describe('a report file that cannot be one', () => {
  it.each(faults(validReport, 'report'))('%s: refused, naming the file and the problem', async (_label, content, problem) => {
    const path = join(dir, 'report.json');
    await place(path, content);
    const error = await errorOf(readRunReport(path));
    expect(error.code).toBe('ERR_MEMSCOPE_REPORT_INVALID');
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message.slice(path.length + 2)).toMatch(problem);
  });
});

describe('a baseline file that cannot be one', () => {
  const finishWith = (update: boolean) => finishRun({
    records: sampleFiles(), expectedFiles: [], options: resolveReporterOptions({ html: false, baseline: 'memscope.baseline.json', update }),
    runner: { name: 'jest', version: '30.0.0' }, rootDir: dir, colors: createColors(false), env: {},
  });

  it.each(faults(validBaseline, 'baseline'))('%s: refused, and an update run leaves it as it was', async (_label, content, problem) => {
    const path = join(dir, 'memscope.baseline.json');
    await place(path, content);
    const before = await fingerprint(path);
    for (const update of [false, true]) {
      const error = await errorOf(finishWith(update));
      expect(error.code).toBe('ERR_MEMSCOPE_BASELINE_INVALID');
      expect(error.message.slice(0, path.length + 2)).toBe(`${path}: `);
      expect(error.message.slice(path.length + 2)).toMatch(problem);
    }
    expect(await fingerprint(path)).toEqual(before);
    // Neither the baseline nor a report was written: the run stopped before writing anything.
    expect(await readdir(dir)).toEqual(['memscope.baseline.json']);
  });

});

describe('memscope merge --update with a baseline it cannot read', () => {
  it('exits 2 naming the baseline, and leaves it and the output directory untouched', async () => {
    const report = join(dir, 'shard.json');
    await writeFile(report, validReport);
    const baseline = join(dir, 'memscope.baseline.json');
    const cut = validBaseline.slice(0, 40);
    await writeFile(baseline, cut);
    const err: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: {} };
    expect(await main(['merge', report, '-o', join(dir, 'merged'), '--baseline', baseline, '--update'], io)).toBe(2);
    expect(err.join('')).toMatch(new RegExp(`^memscope merge: ${baseline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`));
    expect(await readFile(baseline, 'utf8')).toBe(cut);
    expect((await readdir(dir)).sort()).toEqual(['memscope.baseline.json', 'shard.json']);
  });
});

describe('a file edited by hand', () => {
  it.each(wrongTypes())('a hand-edited %s with a wrong type names the field', async (kind, text, problem) => {
    const path = join(dir, `${kind}.json`);
    await writeFile(path, text);
    const error = await errorOf(kind === 'report' ? readRunReport(path) : loadBaseline(path, { mode: 'sampled' }));
    expect(error.message.slice(path.length + 2)).toMatch(problem);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('reads a file saved with a byte-order mark, as some editors do', async () => {
    const path = join(dir, 'memscope.baseline.json');
    await writeFile(path, `\uFEFF${validBaseline}`);
    expect(Object.keys((await loadBaseline(path, { mode: 'sampled' })).data!.tests)).toEqual(['a > b']);
  });

  it('checks the size before reading: a file one byte over the limit is refused, one at the limit is read', async () => {
    const path = join(dir, 'small.json');
    await writeFile(path, '{"a":1}');
    await expect(readTextFile(path, { code: 'ERR_MEMSCOPE_REPORT_INVALID', what: 'report', maxBytes: 6 }))
      .rejects.toThrow(`${path}: is 7 B, more than the 6 B memscope reads; this is not a report memscope wrote`);
    expect(await readTextFile(path, { code: 'ERR_MEMSCOPE_REPORT_INVALID', what: 'report', maxBytes: 7 })).toBe('{"a":1}');
  });
});
