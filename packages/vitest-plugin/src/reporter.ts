import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRecord, ReporterOptions, ResolvedReporterOptions, ShardInfo } from '@memscope/core/plugin-kit';
import { assertNoBrowserProjects, type ProjectLike } from './browser-check.js';
import { reportBuild, reportColors, reporterOptions, runFinish, snapshotTemp } from './core-parts.js';
import { fileRecordOf, relativeFile, type ReportedModule } from './records.js';
import { SETTINGS_KEY, type WorkerSettings } from './settings.js';

/** The part of the Vitest instance the reporter uses (Vitest 3 and 4). */
interface VitestLike {
  version: string;
  config: { root: string; shard?: { index: number; count: number }; update?: boolean | string };
  projects: ReadonlyArray<ProjectLike & { provide?(key: string, value: unknown): void }>;
}

export type { ReporterOptions };

/**
 * The memscope reporter for Vitest: gathers every test's figures from
 * `testCase.meta()`, writes `memscope-report/report.json` and `index.html`,
 * prints the summary and fails the run on a baseline regression.
 *
 * @example
 * // vitest.config.ts
 * reporters: ['default', ['@memscope/vitest/reporter', { baseline: 'memscope.baseline.json' }]]
 */
export default class MemscopeReporter {
  private readonly options: ResolvedReporterOptions;
  private vitest: VitestLike | null = null;
  private startedAt = new Date();
  private readonly modules = new Map<string, ReportedModule>();
  private finished = false;
  private readonly onExit = () => this.writeAfterCrash();

  constructor(options?: ReporterOptions) {
    this.options = reporterOptions().resolveReporterOptions(options);
  }

  onInit(vitest: VitestLike): void {
    this.vitest = vitest;
    this.startedAt = new Date();
    assertNoBrowserProjects(vitest.projects);
    snapshotTemp().sweepStaleSnapshotDirs();
    const settings: WorkerSettings = { mode: this.options.mode };
    for (const project of vitest.projects) project.provide?.(SETTINGS_KEY, settings);
    // First in line: Vitest's own exit listener calls process.exit(), which ends the listeners after it.
    process.prependOnceListener('exit', this.onExit);
  }

  // Each event may carry a newer view of the module (Vitest 3 replaces the
  // queued placeholder once the file is collected): keep the latest.
  onTestModuleQueued(module: ReportedModule): void {
    this.modules.set(module.moduleId, module);
  }

  onTestModuleCollected(module: ReportedModule): void {
    this.modules.set(module.moduleId, module);
  }

  onTestCaseResult(testCase: { module: ReportedModule }): void {
    this.modules.set(testCase.module.moduleId, testCase.module);
  }

  async onTestRunEnd(testModules: ReadonlyArray<ReportedModule>): Promise<void> {
    const vitest = this.vitest;
    if (!vitest) return;
    for (const module of testModules) this.modules.set(module.moduleId, module);
    const root = vitest.config.root;
    const shard = shardOf(vitest);
    let finished: Awaited<ReturnType<ReturnType<typeof runFinish>['finishRun']>>;
    try {
      finished = await runFinish().finishRun({
        records: this.records(),
        expectedFiles: [...this.modules.keys()].map((id) => relativeFile(root, id)),
        options: this.options,
        runner: { name: 'vitest', version: vitest.version },
        rootDir: root,
        runnerUpdate: vitest.config.update === true || vitest.config.update === 'all',
        ...(shard ? { shard } : {}),
        startedAt: this.startedAt,
        colors: reportColors().colorsFor(process.stdout),
      });
    } catch (error) {
      // An unreadable baseline or a refused path: one line that names the
      // file, a failed run, and no second report from the exit hook.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`memscope: the report could not be completed: ${message}\n`);
      process.exitCode = 1;
      return;
    } finally {
      this.finished = true;
      process.removeListener('exit', this.onExit);
      // Snapshots a killed worker left in the temp directory.
      snapshotTemp().sweepStaleSnapshotDirs();
    }
    const unmeasured = unmeasuredFiles(finished.report.tasks);
    if (unmeasured.length > 0) process.stderr.write(`${unmeasuredWarning(unmeasured)}\n`);
    if (finished.summary) process.stdout.write(`${finished.summary}\n`);
    if (finished.failure) {
      process.stderr.write(`${finished.failure}\n`);
      process.exitCode = 1;
    }
  }

  private records(): FileRecord[] {
    const root = this.vitest?.config.root ?? process.cwd();
    return [...this.modules.values()].map((module) => fileRecordOf(root, module, { capture: 'js', mode: this.options.mode }));
  }

  /**
   * Vitest 3 can die on a crashed fork (an unhandled "Channel closed") before
   * any reporter hears the end of the run. The figures of the tests that did
   * finish are still in hand: write them, synchronously, with the unfinished
   * files marked incomplete.
   */
  private writeAfterCrash(): void {
    if (this.finished || !this.vitest) return;
    const root = this.vitest.config.root;
    const shard = shardOf(this.vitest);
    const records = this.records();
    const report = reportBuild().buildRunReport({
      files: records,
      run: {
        node: process.version, v8: process.versions.v8, capture: records.every((r) => r.capture === 'native') && records.length > 0 ? 'native' : 'js',
        mode: this.options.mode, runner: { name: 'vitest', version: this.vitest.version }, root,
        ...(shard ? { shard } : {}),
      },
    });
    const dir = runFinish().reportDirectory(root, this.options.outputDir, shard);
    mkdirSync(dir, { recursive: true });
    // Compact JSON, as writeReports writes it.
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    snapshotTemp().sweepStaleSnapshotDirs();
    process.stderr.write(`memscope: the run ended before Vitest reported its end; wrote the figures gathered so far to ${join(dir, 'report.json')}.\n`);
  }
}

/** Files whose tests ran but sent no figures: memscope's hooks were not registered for them. */
function unmeasuredFiles(tasks: ReadonlyArray<{ kind: string; file: string; state: string; figures: object }>): string[] {
  const ran = new Set<string>();
  const measured = new Set<string>();
  for (const task of tasks) {
    if (task.kind !== 'test' || (task.state !== 'passed' && task.state !== 'failed')) continue;
    ran.add(task.file);
    if (Object.keys(task.figures).length > 0) measured.add(task.file);
  }
  return [...ran].filter((file) => !measured.has(file));
}

export function unmeasuredWarning(files: readonly string[]): string {
  const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
  return (
    `memscope: no per-test figures for ${files.length} test file${files.length === 1 ? '' : 's'} (${shown}). ` +
    'Vitest ran them in a worker it reused without isolation (`isolate: false`), where a setup file loaded from a package ' +
    'runs for the first test file only. Add a local setup file that calls `installMemscope()` from @memscope/vitest ' +
    'and list it in `setupFiles` instead of the package.'
  );
}

function shardOf(vitest: VitestLike): ShardInfo | undefined {
  const shard = vitest.config.shard;
  return shard && shard.count > 1 ? { index: shard.index, count: shard.count } : undefined;
}
