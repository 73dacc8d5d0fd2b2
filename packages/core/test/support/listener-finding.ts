import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runFixtureChild } from './fixture-child.js';

/** A finding as the listener fixtures print it. */
export interface PrintedFinding {
  kind: string;
  title: string;
  site?: string;
  path?: string;
  preview?: string;
}

/** The 1-based line of `file` that holds `mark` (a comment such as `// @listener`); 0 when none does. */
export function markedLine(file: string, mark: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(mark)) + 1;
}

/**
 * Runs a fixture that leaks one listener per call on one capture path and
 * returns its one finding, checked to be a storm (listeners or closures
 * gained by one holder).
 */
export function onlyStormFinding(fixture: string, capture: 'native' | 'js'): PrintedFinding {
  const run = runFixtureChild<PrintedFinding[]>(fixture, capture);
  expect(run.printed, run.output).toBeDefined();
  expect(run.printed, run.output).toHaveLength(1);
  const [finding] = run.printed! as [PrintedFinding];
  expect(finding.kind).toBe('storm');
  return finding;
}
