import { describe, expect, it } from 'vitest';
// By package name, as a user's test file imports it (needs `npm run build`):
// Vitest inlines a workspace-linked package's ESM wrapper, which must still
// hand out the one CommonJS build's functions.
import * as built from '@memscope/core';
import { checkLeak, track, createMatchers } from '@memscope/core';
import * as fromSource from '../src/index.js';
import * as kit from '@memscope/core/plugin-kit';
import * as worker from '@memscope/core/worker';
import * as kitFromSource from '../src/plugin-kit/index.js';

describe('@memscope/core imported by name inside Vitest', () => {
  it('gives functions, not undefined', () => {
    expect(typeof checkLeak).toBe('function');
    expect(typeof track).toBe('function');
    expect(typeof createMatchers).toBe('function');
  });

  it('exports every name the sources export', () => {
    const names = Object.keys(fromSource).filter((name) => name !== 'default');
    expect(names.length).toBeGreaterThan(20);
    const missing = names.filter((name) => (built as Record<string, unknown>)[name] === undefined);
    expect(missing).toEqual([]);
  });
});

/** Names the plugins use and a user's test never calls: only the plugin kit exports them. */
const PLUGIN_ONLY = [
  'endBySignalIfUnhandled',
  'sweepStaleSnapshotDirs',
  'openRunChannel',
  'joinRunChannel',
  'finishRun',
  'finishBackgroundOptimization',
  'createFileRecorder',
  'readFileRecords',
  'createMatchersOnDemand',
  'resolveReporterOptions',
];

describe('@memscope/core/plugin-kit imported by name', () => {
  it('exports every name the sources export, as the same functions as the worker entry', () => {
    const names = Object.keys(kitFromSource).filter((name) => name !== 'default');
    const missing = names.filter((name) => (kit as Record<string, unknown>)[name] === undefined);
    expect(missing).toEqual([]);
    expect(kit.createFileRecorder).toBe(worker.createFileRecorder);
  });

  it('holds the plugin-only names, which the main entry no longer exports', () => {
    for (const name of PLUGIN_ONLY) expect(typeof (kit as Record<string, unknown>)[name], name).toBe('function');
    expect(PLUGIN_ONLY.filter((name) => name in fromSource)).toEqual([]);
  });
});
