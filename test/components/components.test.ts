import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { createJestProject, repoRoot, runJestIn, type FixtureProject, type JestVersion } from '../support/index.js';
import { createVitestProject, runVitestIn, type VitestVersion } from '../vitest/run-vitest.js';

// Component tests as their authors write them: a widget that adds a window
// listener on mount, tested under jsdom and happy-dom in Jest and Vitest,
// under the runners' default 5 s test timeout (no `testTimeout` set). The
// leaking widget fails with one finding in DOM terms and the fixed one
// passes, each with and without fake timers, every verdict before the
// timeout. `test/components/repeat.mjs` runs the cells many times under load
// (MEMSCOPE_COMPONENT_CELLS picks cells, MEMSCOPE_COMPONENT_TIMES names a
// JSON file for each cell's verdict times).
const here = join(repoRoot, 'test/components');
const source = (name: string) => readFileSync(join(here, name), 'utf8');
/** One cell's runner process: its verdicts, the detached-DOM one with its snapshot, on a loaded machine. */
const CELL_RUN_MS = 1_200_000;

type Setup = { runner: 'jest'; version: JestVersion; environment: 'jsdom' } | { runner: 'vitest'; version: VitestVersion; environment: 'jsdom' | 'happy-dom' };

const ALL_SETUPS: Setup[] = [
  { runner: 'jest', version: 30, environment: 'jsdom' },
  { runner: 'jest', version: 29, environment: 'jsdom' },
  { runner: 'vitest', version: 4, environment: 'jsdom' },
  { runner: 'vitest', version: 4, environment: 'happy-dom' },
  { runner: 'vitest', version: 3, environment: 'jsdom' },
  { runner: 'vitest', version: 3, environment: 'happy-dom' },
];

const label = (s: Setup) => `${s.runner} ${s.version} + ${s.environment}`;

function selectSetups(requested: string | undefined): Setup[] {
  if (requested === undefined || requested.trim() === '') return ALL_SETUPS;
  return requested.split(',').map((entry) => {
    const setup = ALL_SETUPS.find((s) => label(s) === entry.trim());
    if (!setup) throw new Error(`MEMSCOPE_COMPONENT_CELLS must list cells among ${ALL_SETUPS.map((s) => `"${label(s)}"`).join(', ')}, got "${entry}".`);
    return setup;
  });
}

const SETUPS = selectSetups(process.env.MEMSCOPE_COMPONENT_CELLS);
/** Two cells at a time: each is one runner process measuring its own heap, and CI has 2 cores. */
const CONCURRENT_CELLS = 2;

function jestFiles(): Record<string, string> {
  const config = {
    testEnvironment: 'jsdom',
    testMatch: ['**/*.spec.cjs'],
    setupFilesAfterEnv: ['@memscope/jest'],
    reporters: ['default', ['@memscope/jest/reporter', { baseline: false }]],
    // As installed from the registry, memscope's packages are under
    // node_modules and Jest loads them as they are; here they resolve to
    // packages/, which babel-jest would transform on every first load
    // (1.7 s of the first verdict's test under load).
    transformIgnorePatterns: ['/node_modules/', '/packages/'],
  };
  return { 'jest.config.js': `module.exports = ${JSON.stringify(config, null, 2)};\n`, 'widget.cjs': source('widget.cjs'), 'widget.spec.cjs': source('widget.spec.cjs') };
}

function vitestFiles(environment: string): Record<string, string> {
  const test = {
    include: ['**/*.spec.mjs'],
    environment,
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', { baseline: false }]],
  };
  return { 'vitest.config.mjs': `export default { test: ${JSON.stringify(test, null, 2)} };\n`, 'widget.cjs': source('widget.cjs'), 'widget.spec.mjs': source('widget.spec.mjs') };
}

interface Outcome {
  output: string;
  report: RunReport | null;
}

const projects: FixtureProject[] = [];
const outcomes = new Map<string, Outcome>();

async function run(setup: Setup): Promise<Outcome> {
  if (setup.runner === 'jest') {
    const project = await createJestProject(setup.version, jestFiles());
    projects.push(project);
    const result = await runJestIn(project, setup.version, { timeoutMs: CELL_RUN_MS });
    return { output: result.stdout + result.stderr, report: result.report };
  }
  const project = await createVitestProject(setup.version, vitestFiles(setup.environment));
  projects.push(project);
  const result = await runVitestIn(project, setup.version, [], {}, CELL_RUN_MS);
  return { output: result.stdout + result.stderr, report: await result.report() };
}

const test = (outcome: Outcome, name: string) => outcome.report?.tasks.find((t) => t.kind === 'test' && t.name === name);

/** Each test's duration (its verdict's, nearly all of it), by name. */
const verdictTimes = (outcome: Outcome) => Object.fromEntries((outcome.report?.tasks ?? []).filter((t) => t.kind === 'test').map((t) => [t.name, t.figures.durationMs?.value ?? null]));

beforeAll(async () => {
  const queue = [...SETUPS];
  const worker = async () => {
    for (let setup = queue.shift(); setup; setup = queue.shift()) outcomes.set(label(setup), await run(setup));
  };
  await Promise.all(Array.from({ length: CONCURRENT_CELLS }, worker));
}, 3_600_000);

afterAll(async () => {
  await Promise.all(projects.map((p) => p.cleanup()));
  const timesFile = process.env.MEMSCOPE_COMPONENT_TIMES;
  if (timesFile) writeFileSync(timesFile, JSON.stringify(Object.fromEntries([...outcomes].map(([name, o]) => [name, { times: verdictTimes(o), output: o.output }]))));
});

describe.each(SETUPS.map((s) => [label(s)]))('%s', (name) => {
  it('ends every verdict before the default 5 s timeout: none timed out, none ran on into the next test', () => {
    const outcome = outcomes.get(name)!;
    expect(outcome.output).not.toMatch(/timed out in 5000ms|Exceeded timeout of 5000 ms/);
    expect(outcome.output).not.toMatch(/No verdict/);
    expect(outcome.output).not.toMatch(/setImmediate is not defined/);
  });

  it.each(['leaking widget', 'leaking widget under fake timers'])('fails the %s with one finding: the window gains its resize listeners', (testName) => {
    const outcome = outcomes.get(name)!;
    const leaking = test(outcome, testName);
    expect(leaking?.state, outcome.output).toBe('failed');
    expect(leaking!.findings.map((f) => f.title), outcome.output).toEqual([expect.stringMatching(/^window gains 'resize' listeners: \+1 per call \(.+ per call\), closures of onResize \(widget\.cjs:6\)$/)]);
    expect(leaking!.findings[0]!.kind).toBe('storm');
    expect(leaking!.findings[0]!.allocationSite).toMatchObject({ file: expect.stringMatching(/widget\.cjs$/), line: 6 });
    expect(leaking!.findings[0]!.retainerPathText).toMatch(/^window → /);
    expect(outcome.output).toContain("window gains 'resize' listeners");
  });

  it.each(['fixed widget', 'fixed widget under fake timers'])('passes the %s', (testName) => {
    const outcome = outcomes.get(name)!;
    const fixed = test(outcome, testName);
    expect(fixed?.state, outcome.output).toBe('passed');
    expect(fixed!.findings).toEqual([]);
  });
});

// Detached DOM: the Vitest setups carry the case (jsdom's and happy-dom's node models).
describe.each(SETUPS.filter((s) => s.runner === 'vitest').map((s) => [label(s)]))('%s', (name) => {
  it('names detached DOM: the closed panels a list keeps, with their nodes', () => {
    const outcome = outcomes.get(name)!;
    const panels = test(outcome, 'closed panels kept in a list');
    expect(panels?.state, outcome.output).toBe('failed');
    expect(panels!.findings.map((f) => f.title), outcome.output).toEqual([expect.stringMatching(/^detached <section> subtrees: \+1 per call \(.+ per call, 5 nodes each\), held by Array closedPanels$/)]);
  });
});
