import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** A file under test/analyzers/fixtures/, and the line of each mark in it. */
export function analyzerFixture(name: string): { file: string; lineOf: (mark: string) => number } {
  const file = fileURLToPath(new URL(`../analyzers/fixtures/${name}`, import.meta.url));
  return { file, lineOf: (mark) => markedLine(file, mark) };
}

/**
 * Runs a fixture that leaks one listener per call on one capture path and
 * returns its one finding, checked to be a storm (listeners or closures
 * gained by one holder) sited at `site` (file:line).
 */
export function onlyStormFinding(fixture: string, capture: 'native' | 'js', site: string): PrintedFinding {
  const run = runFixtureChild<PrintedFinding[]>(fixture, capture);
  expect(run.printed, run.output).toBeDefined();
  expect(run.printed, run.output).toHaveLength(1);
  const [finding] = run.printed! as [PrintedFinding];
  expect(finding.kind).toBe('storm');
  expect(finding.site).toBe(site);
  return finding;
}
