import { dirname, join } from 'node:path';

type Core = typeof import('@memscope/core');

/**
 * The parts of `@memscope/core` the reporter uses, each loaded from its own
 * module of core's build when first asked for (as @memscope/jest's reporter
 * does).
 *
 * Vitest loads reporters before any test file runs, in the main process,
 * and core's entry loads all of core (the verdict, analyzers, both capture
 * paths…): ~140 modules, ~70 ms of CPU on every run, 3% of a 2-second
 * suite. The reporter needs its options and the stale-snapshot sweep at the
 * start and the report code at the end. Core ships in lockstep with this
 * package (an exact version), so its build layout is known; the entry stays
 * the types' source of truth.
 */
const coreDist = dirname(require.resolve('@memscope/core'));

function fromCore<K extends keyof Core>(file: string, names: readonly K[]): () => Pick<Core, K> {
  let loaded: Pick<Core, K> | undefined;
  return () => {
    if (!loaded) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(coreDist, file)) as Pick<Core, K>;
      for (const name of names) {
        if (typeof module[name] === 'undefined') throw new Error(`@memscope/core build: ${file} has no ${String(name)}; reinstall matching versions of @memscope/core and @memscope/vitest`);
      }
      loaded = module;
    }
    return loaded;
  };
}

/** Needed when the reporter is created. */
export const reporterOptions = fromCore('plugin-kit/options.js', ['resolveReporterOptions']);
export const snapshotTemp = fromCore('capture/snapshot-temp.js', ['sweepStaleSnapshotDirs']);
/** Needed once the run is complete, or when it ends early; finish-run as one packed file (scripts/pack-setup-entries.mjs). */
export const runFinish = fromCore('plugin-kit/finish-run.packed.js', ['finishRun', 'reportDirectory']);
export const reportColors = fromCore('report/colors.js', ['colorsFor']);
export const reportBuild = fromCore('report/build.js', ['buildRunReport']);
export const coreErrors = fromCore('errors.js', ['MemscopeError']);
