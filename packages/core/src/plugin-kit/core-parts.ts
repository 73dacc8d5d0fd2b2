import { dirname, join } from 'node:path';

/** What the loaders may name: the plugin kit's entry, the one list of what plugins use. */
type Core = typeof import('./index.js');

/**
 * Loaders for parts of `@memscope/core`, each from its own module of core's
 * build on first use, for the runners' reporters.
 *
 * Jest and Vitest create reporters before any test runs, on the run's
 * critical path, and core's entry loads all of core (the verdict, analyzers,
 * both capture paths…): ~140 modules, ~70 ms of CPU on every run. A reporter
 * needs its options and the stale-snapshot sweep at the start and the
 * report code at the end. The plugins ship in lockstep with core (an exact
 * version), so its build layout is known; the plugin-kit entry stays the
 * types' source of truth. This module loads nothing of core itself.
 *
 * @example
 * const fromCore = coreParts('@memscope/jest');
 * export const reportColors = fromCore('report/colors.js', ['colorsFor']);
 */
export function coreParts(plugin: string) {
  // This file is dist/plugin-kit/core-parts.js: core's build is one level up.
  const coreDist = dirname(__dirname);
  return function fromCore<K extends keyof Core>(file: string, names: readonly K[]): () => Pick<Core, K> {
    let loaded: Pick<Core, K> | undefined;
    return () => {
      if (!loaded) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require(join(coreDist, file)) as Pick<Core, K>;
        for (const name of names) {
          if (typeof module[name] === 'undefined') throw new Error(`@memscope/core build: ${file} has no ${String(name)}; reinstall matching versions of @memscope/core and ${plugin}`);
        }
        loaded = module;
      }
      return loaded;
    };
  };
}

/**
 * The parts of core the two reporters use, each loaded on first use, in the
 * order a run needs them: options, the run channel and the stale-snapshot
 * sweep when the reporter is created; the records, the report and the end
 * of run once the run is complete; the task-id format and task nodes to add
 * the tests no worker recorded.
 *
 * @example
 * export const { reporterOptions, runFinish } = reporterParts('@memscope/vitest');
 */
export function reporterParts(plugin: string) {
  const fromCore = coreParts(plugin);
  return {
    reporterOptions: fromCore('plugin-kit/options.js', ['resolveReporterOptions']),
    runChannel: fromCore('plugin-kit/run-channel.js', ['openRunChannel']),
    snapshotTemp: fromCore('capture/snapshot/snapshot-temp.js', ['sweepStaleSnapshotDirs', 'endBySignalIfUnhandled']),
    fileRecords: fromCore('tasks/records.js', ['readFileRecords']),
    // finish-run as one packed file (scripts/pack-setup-entries.mjs).
    runFinish: fromCore('plugin-kit/finish-run.packed.js', ['finishRun', 'reportDirectory']),
    reportColors: fromCore('report/colors.js', ['colorsFor']),
    reportBuild: fromCore('report/build.js', ['buildRunReport']),
    coreErrors: fromCore('errors.js', ['MemscopeError']),
    taskIds: fromCore('tasks/ids.js', ['TaskIdRegistry', 'relativeFile', 'firstFreeId', 'taskPathId', 'emptyTaskNode', 'endedTaskNode']),
  };
}
