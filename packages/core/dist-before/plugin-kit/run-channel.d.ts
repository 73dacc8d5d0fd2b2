import type { MeasureMode } from '../tasks/types.js';
/**
 * How a run's reporter (main process) and its workers find each other.
 *
 * The reporter is created before any worker starts: it makes a private
 * directory, writes the run's settings there and names the directory in
 * MEMSCOPE_RUN_DIR. Workers inherit the variable (Jest's and Vitest's
 * child processes copy the parent's environment; in-band runs share it),
 * read the settings, and write one file record per test file into the same
 * directory, which the reporter reads as results come in. Without the
 * variable (no reporter configured) the matchers still work; no figures are
 * written.
 */
export declare const RUN_DIR_ENV = "MEMSCOPE_RUN_DIR";
export interface RunSettings {
    schemaVersion: 1;
    /** Project root; test file paths in records are relative to it. */
    rootDir: string;
    mode: MeasureMode;
}
export interface RunChannel {
    dir: string;
    settings: RunSettings;
    /** Removes the directory; call once the run's records have been read. */
    close(): void;
}
/** Reporter side: creates the directory, writes the settings and exports MEMSCOPE_RUN_DIR to the workers. */
export declare function openRunChannel(settings: Omit<RunSettings, 'schemaVersion'>, env?: NodeJS.ProcessEnv): RunChannel;
/** Worker side: the run directory and settings, or null when no memscope reporter runs. */
export declare function joinRunChannel(env?: NodeJS.ProcessEnv | Record<string, string | undefined>): {
    dir: string;
    settings: RunSettings;
} | null;
//# sourceMappingURL=run-channel.d.ts.map