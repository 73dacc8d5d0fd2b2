import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/build.js';
import { parseRunReport, serializeRunReport } from '../../src/report/files/write.js';
// @ts-expect-error plain JS module shared with the benchmark
import { syntheticFiles } from '../../../../bench/report-fixture.mjs';
import { RUN } from './fixtures.js';

/**
 * Two shards configured with the same report path finish at the same time:
 * two processes write one file at once. Each writes a whole temporary file
 * and renames it, so a reader sees one shard's report or the other's, whole,
 * and never a mix. The writers are real processes running the real source,
 * compiled here with TypeScript so the test needs no build.
 */
const SOURCES = ['errors.ts', 'report/files/atomic.ts', 'report/files/owned.ts', 'report/schema.ts'];
const WRITES_EACH = 25;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'memscope-concurrent-'));
  for (const file of SOURCES) {
    const source = await readFile(join(__dirname, '../../src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const out = join(dir, 'lib', file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const WRITER = `
const { readFileSync } = require('node:fs');
// With -e, the arguments start at argv[1].
const [lib, input, target, times] = process.argv.slice(1);
const { replaceOwnFile } = require(lib);
const data = readFileSync(input, 'utf8');
(async () => { for (let i = 0; i < Number(times); i++) await replaceOwnFile(target, data, 'report'); })()
  .catch((error) => { console.error(error); process.exit(1); });
`;

function writer(input: string, target: string): Promise<number | null> {
  const child = spawn(process.execPath, ['-e', WRITER, join(dir, 'lib/report/files/owned.js'), input, target, String(WRITES_EACH)], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('two processes writing the same report path', () => {
  it('leave one complete, valid report, and every read in between sees a whole one', async () => {
    const shardA = serializeRunReport(buildRunReport({ files: syntheticFiles(1500), run: { ...RUN, shard: { index: 1, count: 2 } } }));
    const shardB = serializeRunReport(buildRunReport({ files: syntheticFiles(1600), run: { ...RUN, shard: { index: 2, count: 2 } } }));
    await mkdir(join(dir, 'inputs'));
    await writeFile(join(dir, 'inputs/a.json'), shardA);
    await writeFile(join(dir, 'inputs/b.json'), shardB);
    const out = join(dir, 'out');
    const target = join(out, 'report.json');

    let running = true;
    const both = Promise.all([writer(join(dir, 'inputs/a.json'), target), writer(join(dir, 'inputs/b.json'), target)]).finally(() => { running = false; });
    const seen = { a: 0, b: 0, absent: 0 };
    while (running) {
      const text = await readFile(target, 'utf8').catch(() => null);
      if (text === null) seen.absent++;
      else if (text === shardA) seen.a++;
      else if (text === shardB) seen.b++;
      else throw new Error(`a reader saw a mixed or partial report of ${text.length} characters`);
    }
    expect(await both).toEqual([0, 0]);
    expect(seen.a + seen.b).toBeGreaterThan(0);
    const final = await readFile(target, 'utf8');
    expect([shardA, shardB]).toContain(final);
    expect(parseRunReport(final, target).tasks.length).toBeGreaterThan(1500);
    // No temporary file of either writer is left behind.
    expect(await readdir(out)).toEqual(['report.json']);
  });
});
