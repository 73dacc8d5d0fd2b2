import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemscopeError } from '../errors.js';
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
export const RUN_DIR_ENV = 'MEMSCOPE_RUN_DIR';

export interface RunSettings {
  schemaVersion: 1;
  /** Project root; test file paths in records are relative to it. */
  rootDir: string;
  mode: MeasureMode;
}

const SETTINGS_FILE = 'run.json';

export interface RunChannel {
  dir: string;
  settings: RunSettings;
  /** Removes the directory; call once the run's records have been read. */
  close(): void;
}

/** Reporter side: creates the directory, writes the settings and exports MEMSCOPE_RUN_DIR to the workers. */
export function openRunChannel(settings: Omit<RunSettings, 'schemaVersion'>, env: NodeJS.ProcessEnv = process.env): RunChannel {
  const dir = mkdtempSync(join(tmpdir(), 'memscope-run-'));
  const full: RunSettings = { schemaVersion: 1, ...settings };
  writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify(full));
  env[RUN_DIR_ENV] = dir;
  return {
    dir,
    settings: full,
    close: () => {
      if (env[RUN_DIR_ENV] === dir) delete env[RUN_DIR_ENV];
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Worker side: the run directory and settings, or null when no memscope reporter runs. */
export function joinRunChannel(env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): { dir: string; settings: RunSettings } | null {
  const dir = env[RUN_DIR_ENV];
  if (!dir) return null;
  let text: string;
  try {
    text = readFileSync(join(dir, SETTINGS_FILE), 'utf8');
  } catch (error) {
    // A stale variable from an earlier run whose directory is gone: run without figures.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const settings = JSON.parse(text) as RunSettings;
  if (settings.schemaVersion !== 1 || (settings.mode !== 'sampled' && settings.mode !== 'settled')) {
    throw new MemscopeError('ERR_MEMSCOPE_USAGE', `${join(dir, SETTINGS_FILE)}: run settings written by another memscope version.`);
  }
  return { dir, settings };
}
