import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import type { FileRecord, ReporterOptions, ResolvedReporterOptions, RunChannel } from '@memscope/core/plugin-kit';
import { fileRecords, reportColors, reporterOptions, runChannel, runFinish, snapshotTemp } from './core-parts.js';
import { incompleteRecords } from './crashed-files.js';
import { reconcileWithJest, type JestAssertionResult } from './reconcile.js';

/** The parts of Jest's reporter arguments memscope reads; Jest 29 and 30 both pass these. */
interface JestGlobalConfigLike {
  rootDir: string;
  updateSnapshot?: 'all' | 'new' | 'none';
  shard?: { shardIndex: number; shardCount: number } | null;
}

interface JestTestResultLike {
  testFilePath: string;
  testResults: JestAssertionResult[];
  /** Set when the file could not run to its end: its worker crashed, or it failed to load. */
  testExecError?: unknown;
}

const CLEANUP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** The Jest that started this process (jest 29 or 30, wherever it is installed). */
function jestVersion(): string {
  const main = require.main?.filename;
  for (const name of ['jest/package.json', 'jest-cli/package.json', '@jest/core/package.json']) {
    try {
      const version = (createRequire(main ?? __filename)(name) as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // try the next package
    }
  }
  return 'unknown';
}

/**
 * The memscope reporter for Jest: gathers the figures each worker wrote,
 * builds the JSON and HTML reports, compares with the baseline and prints a
 * summary. A baseline regression fails the run (Jest asks every reporter for
 * `getLastError()` once the run is complete).
 *
 * @example
 * reporters: ['default', ['@memscope/jest/reporter', { baseline: 'memscope.baseline.json' }]]
 */
export default class MemscopeReporter {
  private readonly options: ResolvedReporterOptions;
  private readonly channel: RunChannel;
  private readonly results = new Map<string, JestAssertionResult[]>();
  /** Results of single tests as they finish, by file: all that is left of a file whose worker died. */
  private readonly caseResults = new Map<string, JestAssertionResult[]>();
  private readonly unfinished = new Set<string>();
  private readonly startedAt = new Date();
  private lastError: Error | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => this.cleanUpAndEnd(signal);

  constructor(private readonly globalConfig: JestGlobalConfigLike, options?: ReporterOptions) {
    this.options = reporterOptions().resolveReporterOptions(options);
    // Opened now: Jest creates reporters before it starts the workers, which inherit the variable.
    this.channel = runChannel().openRunChannel({ rootDir: globalConfig.rootDir, mode: this.options.mode });
    snapshotTemp().sweepStaleSnapshotDirs();
    for (const signal of CLEANUP_SIGNALS) process.on(signal, this.onSignal);
  }

  /** Jest 29 and 30 send each test's result as it finishes, from any worker. */
  onTestCaseResult(test: { path: string }, result: JestAssertionResult): void {
    const file = this.relativePath(test.path);
    const list = this.caseResults.get(file) ?? [];
    list.push(result);
    this.caseResults.set(file, list);
  }

  onTestResult(_test: unknown, testResult: JestTestResultLike): void {
    const file = this.relativePath(testResult.testFilePath);
    // A crashed worker's file comes back with no results: keep the ones its tests sent while it lived.
    const results = testResult.testResults.length > 0 ? testResult.testResults : (this.caseResults.get(file) ?? []);
    this.results.set(file, results);
    if (testResult.testExecError) this.unfinished.add(file);
  }

  async onRunComplete(): Promise<void> {
    try {
      const expectedFiles = [...this.results.keys()];
      const read = await fileRecords().readFileRecords(this.channel.dir, expectedFiles);
      const records = incompleteRecords(read.records, this.unfinished, this.options.mode);
      const reconciled: FileRecord[] = records.map((record) => reconcileWithJest(record, this.results.get(record.file) ?? []));
      const shard = this.globalConfig.shard;
      const finished = await runFinish().finishRun({
        records: reconciled,
        expectedFiles,
        options: this.options,
        runner: { name: 'jest', version: jestVersion() },
        rootDir: this.globalConfig.rootDir,
        runnerUpdate: this.globalConfig.updateSnapshot === 'all',
        ...(shard ? { shard: { index: shard.shardIndex, count: shard.shardCount } } : {}),
        startedAt: this.startedAt,
        colors: reportColors().colorsFor(process.stderr),
      });
      const colors = reportColors().colorsFor(process.stderr);
      if (finished.summary) process.stderr.write(`\n${finished.summary}\n`);
      // Jest fails the run on getLastError() but prints nothing about it: say why here.
      if (finished.failure) process.stderr.write(`\n${colors.red(finished.failure)}\n`);
      this.lastError = finished.failure ? new Error(finished.failure) : undefined;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      process.stderr.write(`\nmemscope: the report could not be completed: ${this.lastError.message}\n`);
    } finally {
      this.channel.close();
      // Snapshots a killed worker left in the temp directory.
      snapshotTemp().sweepStaleSnapshotDirs();
      for (const signal of CLEANUP_SIGNALS) process.removeListener(signal, this.onSignal);
    }
  }

  /**
   * Ctrl-C or a CI timeout: the report will not be written, but the run's
   * directory (and any snapshot a dead worker left) must not stay behind.
   * Then the signal ends the process as it would have without us.
   */
  private cleanUpAndEnd(signal: NodeJS.Signals): void {
    for (const s of CLEANUP_SIGNALS) process.removeListener(s, this.onSignal);
    this.channel.close();
    snapshotTemp().sweepStaleSnapshotDirs();
    snapshotTemp().endBySignalIfUnhandled(signal);
  }

  /** Jest fails the run when a reporter returns an error here. */
  getLastError(): Error | undefined {
    return this.lastError;
  }

  private relativePath(file: string): string {
    return relative(this.globalConfig.rootDir, file).split(sep).join('/');
  }
}

export { MemscopeReporter };
