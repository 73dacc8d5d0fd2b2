import { dirname, join } from 'node:path';

type Core = typeof import('@memscope/core');

/**
 * The parts of `@memscope/core` the reporter uses, each loaded from its own
 * module of core's build when first asked for.
 *
 * Jest creates reporters before it runs any test, on the run's critical
 * path, and core's entry loads all of core (the verdict, analyzers, both
 * capture paths…): about a hundred modules, twice what a reporter needs.
 * Core ships in lockstep with this package (an exact version), so its build
 * layout is known; the entry stays the types' source of truth.
 */
const coreDist = dirname(require.resolve('@memscope/core'));

function fromCore<K extends keyof Core>(file: string, names: readonly K[]): () => Pick<Core, K> {
  let loaded: Pick<Core, K> | undefined;
  return () => {
    if (!loaded) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(coreDist, file)) as Pick<Core, K>;
      for (const name of names) {
        if (typeof module[name] === 'undefined') throw new Error(`@memscope/core build: ${file} has no ${String(name)}; reinstall matching versions of @memscope/core and @memscope/jest`);
      }
      loaded = module;
    }
    return loaded;
  };
}

/** Needed when the reporter is created. */
export const reporterOptions = fromCore('plugin-kit/options.js', ['resolveReporterOptions']);
export const runChannel = fromCore('plugin-kit/run-channel.js', ['openRunChannel']);
export const snapshotTemp = fromCore('capture/snapshot-temp.js', ['sweepStaleSnapshotDirs', 'endBySignalIfUnhandled']);
/** Needed once the run is complete; finish-run as one packed file (scripts/pack-setup-entries.mjs). */
export const fileRecords = fromCore('tasks/records.js', ['readFileRecords']);
export const runFinish = fromCore('plugin-kit/finish-run.packed.js', ['finishRun']);
export const reportColors = fromCore('report/colors.js', ['colorsFor']);
