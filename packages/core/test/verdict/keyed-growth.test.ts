import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verdictInChild } from './fixtures/run-case-child.js';

/**
 * Growth with no new object of the user's (a plain object memoising every
 * key, Symbol.for per call) is found and named after its holder; bounded
 * caches that fill during the verdict and then turn over stay clean. Each
 * case runs the built checkLeak in a fresh process on each capture path.
 */
const runner = fileURLToPath(new URL('./fixtures/run-keyed-case.cjs', import.meta.url));
const built = existsSync(new URL('../../dist/index.js', import.meta.url));
const caseLines = readFileSync(new URL('./fixtures/keyed-cases.cjs', import.meta.url), 'utf8').split('\n');
/** The 1-based line of the fixture that holds `text`. */
const lineOf = (text: string) => caseLines.findIndex((line) => line.includes(text)) + 1;

interface CaseOutcome {
  leaked: boolean;
  capture: string;
  reason: string;
  calls: number;
  findings: Array<{ kind: string; title: string; retainerPathText?: string; file?: string; line?: number; perCall: { count: number; bytes: number } }>;
}

const judge = (name: string, capture: 'native' | 'js') => verdictInChild<CaseOutcome>(runner, name, capture);

const seen = (outcome: CaseOutcome) => `${outcome.reason}; ${outcome.findings.map((f) => `${f.kind}: ${f.title} | ${f.retainerPathText}`).join('; ')}`;

function expectOneHeapFinding(outcome: CaseOutcome): CaseOutcome['findings'][number] {
  expect(outcome.leaked, seen(outcome)).toBe(true);
  expect(outcome.findings.map((f) => f.kind), seen(outcome)).toEqual(['heap']);
  const [finding] = outcome.findings;
  // Keys and symbols are made in old space, where a few inherit a dead object's (older) id.
  expect(finding!.perCall.count, seen(outcome)).toBeGreaterThan(0.8);
  expect(finding!.perCall.count, seen(outcome)).toBeLessThan(1.2);
  return finding!;
}

describe.each(['native', 'js'] as const)('keyed growth, %s capture', (capture) => {
  it('runs on the built package', () => {
    expect(built, 'run `npm run build` first').toBe(true);
  });

  it('a plain object memoising every key: the object gains properties, held by its owner', async () => {
    const outcome = await judge('object-memo', capture);
    const finding = expectOneHeapFinding(outcome);
    expect(finding.title).toMatch(/^Object cache gains properties: \+(1|0\.9\d?) per call \(~\d+ B per call\)$/);
    expect(finding.retainerPathText).toMatch(/Ring → cache → Object$/);
    expect(finding.file).toMatch(/keyed-cases\.cjs$/);
    expect(finding.line).toBe(lineOf('return (this.cache[key] ='));
  }, 120_000);

  it('a Map memo with primitive values: the Map gains entries', async () => {
    const outcome = await judge('map-memo-primitive-values', capture);
    const finding = expectOneHeapFinding(outcome);
    expect(finding.title).toMatch(/^entries of Map memo: \+1 per call/);
  }, 120_000);

  it('Symbol.for per call: the registry gains symbols', async () => {
    const outcome = await judge('symbol-for', capture);
    const finding = expectOneHeapFinding(outcome);
    expect(finding.title).toMatch(/^Symbol\.for registry gains symbols: \+(1|0\.\d+) per call \(~\d+ B per call\)$/);
    expect(finding.file).toMatch(/keyed-cases\.cjs$/);
    expect(finding.line).toBe(lineOf('Symbol.for('));
  }, 120_000);

  for (const name of ['lru-5000', 'lru-200']) {
    it(`${name}: a bounded cache that fills and turns over is clean`, async () => {
      const outcome = await judge(name, capture);
      expect(outcome.leaked, seen(outcome)).toBe(false);
    }, 120_000);
  }
});
