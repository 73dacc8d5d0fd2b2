import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { JEST_VERSIONS } from '../support/index.js';
import { failureOf, jestFixture } from './fixture.js';

// CommonJS, ESM (--experimental-vm-modules), TypeScript through babel-jest
// and through ts-jest (type-checked) in one run per version; then the same
// project split in two shards, and one run each with --detectLeaks and
// --detectOpenHandles (together they take Jest 30 over a minute on two files).
const ESM = ['--experimental-vm-modules'];
interface Runs {
  project: FixtureProject;
  full: JestRun;
  shards: JestRun[];
  detect: JestRun[];
}
const all = new Map<number, Runs>();

beforeAll(async () => {
  await Promise.all(JEST_VERSIONS.map(async (version) => {
    const project = await jestFixture(version, 'flavours');
    const full = await runJestIn(project, version, { nodeFlags: ESM, args: ['--maxWorkers=2'] });
    const shards = [];
    for (const shard of ['1/2', '2/2']) shards.push(await runJestIn(project, version, { args: [`--shard=${shard}`, 'plain', 'babel'] }));
    // plain.spec.js alone: run by itself, a file whose toLeak ran its function
    // hot kept its environment past Jest's one collection every time (V8's
    // retained maps, see releaseDeadContextsPromptly); beside another file only now and then.
    // With both cores busy it still did about once in ten runs: a TurboFan job
    // for one of the file's functions, still compiling on a waiting background
    // thread, held the context (see finishBackgroundOptimization). One run, no retry.
    const leaks = await runJestIn(project, version, { args: ['--detectLeaks', 'plain.spec'] });
    const detect = [leaks, await runJestIn(project, version, { args: ['--detectOpenHandles', 'plain', 'babel'] })];
    all.set(version, { project, full, shards, detect });
  }));
}, 300_000);

afterAll(async () => {
  for (const { project } of all.values()) await project.cleanup();
});

function testStates(report: RunReport | null): Record<string, string> {
  return Object.fromEntries((report?.tasks ?? []).filter((t) => t.kind === 'test').map((t) => [t.id, t.state]));
}

describe.each(JEST_VERSIONS)('Jest %i: module systems and transforms', (version) => {
  const get = () => all.get(version)!;

  it('runs the matchers in CommonJS, ESM, babel TypeScript and type-checked ts-jest files', async () => {
    const { full } = get();
    expect(testStates(full.report)).toEqual({
      'plain.spec.js > commonjs: a clean function passes': 'passed',
      'plain.spec.js > commonjs: a released object is collected': 'passed',
      'module.spec.mjs > esm: a clean function passes': 'passed',
      'module.spec.mjs > esm: a held object is reported with its retainer path': 'failed',
      'babel.spec.ts > babel typescript: allocation budget': 'passed',
      'babel.spec.ts > babel typescript: a released object is collected': 'passed',
      'typed.tsjest.spec.ts > ts-jest: matchers type-check and run': 'passed',
    });
    expect(full.exitCode).toBe(1);
  });

  it('shows the retainer path of an object held in an ESM test file', () => {
    const failure = failureOf(get().full.output, 'esm: a held object is reported with its retainer path');
    expect(failure).toContain('Expected "esm-object" to be garbage-collected');
    expect(failure).toMatch(/retained by\s+.*held.*Array.*Object/);
  });

  it('writes one report per shard, and together they hold every test once', async () => {
    const { shards } = get();
    const ids: string[] = [];
    for (const [i, shard] of shards.entries()) {
      expect(shard.exitCode, shard.output).toBe(0);
      const report = await shard.readReport(`memscope-report/shard-${i + 1}-of-2/report.json`);
      expect(report?.run.shard).toEqual({ index: i + 1, count: 2 });
      ids.push(...Object.keys(testStates(report)));
    }
    expect(ids.sort()).toEqual([
      'babel.spec.ts > babel typescript: a released object is collected',
      'babel.spec.ts > babel typescript: allocation budget',
      'plain.spec.js > commonjs: a clean function passes',
      'plain.spec.js > commonjs: a released object is collected',
    ]);
  });

  it('does not break --detectLeaks or --detectOpenHandles: no environment leak, no open handle reported', async () => {
    const testsRun = [2, 4];
    for (const [i, detect] of get().detect.entries()) {
      expect(detect.exitCode, detect.output).toBe(0);
      expect(detect.output).not.toMatch(/EnvironmentLeakError|leaking memory|open handle/i);
      expect(Object.keys(testStates(detect.report))).toHaveLength(testsRun[i]!);
    }
  });
});
