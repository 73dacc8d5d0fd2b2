import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunReport } from '../../packages/core/src/report/files/write.js';
import { runNode, type ProcessResult } from '../support/index.js';
import { lockedVersion, packAll, PLATFORM_PACKAGE, PUBLISHED } from './packages.js';
import { installProject, type InstalledProject } from './project.js';

// memscope as a user installs it: every published package packed with
// `npm pack`, installed from the tarballs into a project outside the
// workspace next to Jest and Vitest from the registry, then a leaking and a
// clean test run by each runner.

const NOTICE = 'memscope: the native addon @memscope/native did not load';
const INSTALL_TIMEOUT_MS = 600_000;
const RUN_TIMEOUT_MS = 240_000;

const work = mkdtempSync(join(tmpdir(), 'memscope-packed-'));
const seconds: Record<string, number> = {};
let newer: InstalledProject;
let older: InstalledProject;

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await action();
  } finally {
    seconds[label] = (performance.now() - started) / 1000;
  }
}

type Runner = 'jest' | 'vitest';
const BINS: Record<Runner, string[]> = {
  jest: ['node_modules/jest/bin/jest.js', '--ci'],
  vitest: ['node_modules/vitest/vitest.mjs', 'run'],
};

function runRunner(project: InstalledProject, runner: Runner): Promise<ProcessResult> {
  return timed(`${runner} ${project.versions[runner]}`, () => runNode(BINS[runner], { cwd: project.dir, timeoutMs: RUN_TIMEOUT_MS }));
}

function memscopeCli(project: InstalledProject, args: string[]): Promise<ProcessResult> {
  return runNode([join(project.dir, 'node_modules/@memscope/core/bin/memscope.js'), ...args], { cwd: project.dir, timeoutMs: RUN_TIMEOUT_MS });
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

beforeAll(async () => {
  const tarballs = await timed('npm pack', () => packAll(work));
  const versions = {
    newer: { jest: lockedVersion('package-lock.json', 'node_modules/jest'), vitest: lockedVersion('package-lock.json', 'node_modules/vitest') },
    older: {
      jest: lockedVersion('package-lock.json', 'test/jest/jest29/node_modules/jest'),
      vitest: lockedVersion('test/vitest/v3/package-lock.json', 'node_modules/vitest'),
    },
  };
  // The two installs share npm's cache and run side by side.
  [newer, older] = await timed('npm install (2 projects)', () =>
    Promise.all([
      installProject(work, 'project-newer', versions.newer, tarballs),
      installProject(work, 'project-older', versions.older, tarballs),
    ]),
  );
  for (const project of [newer, older]) {
    console.log(`npm install, Jest ${project.versions.jest} + Vitest ${project.versions.vitest} (${project.installSeconds.toFixed(1)} s), last lines:\n${project.installLog.trim().split('\n').slice(-6).join('\n')}`);
  }
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  console.log(`packed-install seconds: ${Object.entries(seconds).map(([label, s]) => `${label} ${s.toFixed(1)}`).join(', ')}`);
  rmSync(work, { recursive: true, force: true });
});

describe('memscope installed from its packed tarballs', () => {
  it('installs with no install script and no compiler run, and loads the prebuilt addon', async () => {
    for (const project of [newer, older]) {
      const lines = project.installLog.split('\n');
      const scriptWarnings = lines.filter((line) => /install-scripts/.test(line));
      expect(scriptWarnings.filter((line) => /@memscope/.test(line))).toEqual([]);
      // Jest 30's @parcel/watcher may be named in npm's warning; nothing else may speak of a compiler.
      expect(lines.filter((line) => !scriptWarnings.includes(line) && /\bgyp\b|node-gyp|\bg\+\+|\bc\+\+|cc1plus/i.test(line))).toEqual([]);
      // node-gyp leaves a build/ folder behind, and npm runs no script a package does not declare.
      expect(existsSync(join(project.dir, 'node_modules/@memscope/native/build'))).toBe(false);
      for (const name of Object.keys(PUBLISHED)) {
        const manifest = JSON.parse(readFileSync(join(project.dir, 'node_modules', name, 'package.json'), 'utf8')) as {
          scripts?: Record<string, string>;
          gypfile?: boolean;
        };
        expect(Object.keys(manifest.scripts ?? {}).filter((script) => /install/.test(script)), name).toEqual([]);
        if (existsSync(join(project.dir, 'node_modules', name, 'binding.gyp'))) expect(manifest.gypfile, name).toBe(false);
      }
      const doctor = await memscopeCli(project, ['doctor', '--json']);
      const native = (JSON.parse(doctor.stdout) as { native: { source?: string; path?: string } }).native;
      expect(native.source).toBe('prebuilt');
      expect(native.path).toContain(join(project.dir, 'node_modules', PLATFORM_PACKAGE, 'prebuilds'));
    }
  });

  // newer: Jest 30 and Vitest 4; older: Jest 29 and Vitest 3 (the versions the repository's lock files pin).
  const cases = [
    { runner: 'jest', label: 'newer', project: () => newer },
    { runner: 'vitest', label: 'newer', project: () => newer },
    { runner: 'jest', label: 'older', project: () => older },
    { runner: 'vitest', label: 'older', project: () => older },
  ] as const;

  it.each(cases)('$runner, $label: the leak fails with its finding, the clean test passes, the report is written', async ({ runner, project }) => {
    const installed = project();
    const run = await runRunner(installed, runner);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain('The function leaked: 1 finding, growing with every call.');
    expect(run.output).toMatch(/Order objects: \+1 per call \(\d+ B per call\), held by Array placed/);
    // Paths relative to the project root, as the runner prints its own.
    expect(run.output).toMatch(/allocated at {2}place \(src\/orders\.js:\d+:\d+\)/);
    expect(run.output).not.toContain(join(installed.dir, 'src'));
    expect(run.output).toMatch(/✓ quoting keeps nothing/);
    expect(run.output).not.toContain(NOTICE);

    const report = await readRunReport(join(installed.dir, 'memscope-report/report.json'));
    expect(report.run.runner).toEqual({ name: runner, version: installed.versions[runner] });
    expect(report.run.capture).toBe('native');
    expect(report.totals).toMatchObject({ tests: 2, passed: 1, failed: 1, leakingTests: 1 });
    expect(existsSync(join(installed.dir, 'memscope-report/index.html'))).toBe(true);
  });

  it.each(['newer', 'older'] as const)("%s: the matchers and task() type-check with the README's tsconfig types line", async (label) => {
    const installed = label === 'newer' ? newer : older;
    for (const config of ['tsconfig.jest.json', 'tsconfig.vitest.json']) {
      const run = await runNode([join(installed.dir, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: installed.dir, timeoutMs: RUN_TIMEOUT_MS });
      expect(run.exitCode, `${config}: ${run.output}`).toBe(0);
    }
  });

  it('without the platform package: the pure-JS capture runs with one notice; build-native builds the addon from source', async () => {
    renameSync(join(newer.dir, 'node_modules', PLATFORM_PACKAGE), join(work, 'platform-package-removed'));
    const run = await timed('vitest, pure-JS', () => runNode(BINS.vitest, { cwd: newer.dir, timeoutMs: RUN_TIMEOUT_MS }));
    expect(run.exitCode, run.output).toBe(1);
    expect(occurrences(run.output, NOTICE)).toBe(1);
    expect(run.output).toContain('npx memscope build-native');
    expect(run.output).toContain('The function leaked: 1 finding, growing with every call.');
    expect((await readRunReport(join(newer.dir, 'memscope-report/report.json'))).run.capture).toBe('js');

    const build = await timed('memscope build-native', () => memscopeCli(newer, ['build-native']));
    expect(build.exitCode, build.output).toBe(0);
    expect(build.stdout).toContain('memscope build-native: the addon loads (built-from-source)');
    const doctor = await memscopeCli(newer, ['doctor', '--json']);
    expect((JSON.parse(doctor.stdout) as { native: { source?: string } }).native.source).toBe('built-from-source');
  });
});
