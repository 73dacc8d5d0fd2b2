import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verdictInChild } from './fixtures/run-case-child.js';

/**
 * Handles opened per call and never closed, capped or not, and their clean
 * twins, each judged by the built checkLeak in a fresh process on each
 * capture path, as a user's test file would run it.
 */
const runner = fileURLToPath(new URL('./fixtures/run-handle-case.cjs', import.meta.url));
const built = existsSync(new URL('../../dist/index.js', import.meta.url));

interface CaseOutcome {
  leaked: boolean;
  capture: string;
  reason: string;
  /** The line the case marks with `@site`. */
  site: number;
  findings: Array<{ kind: string; title: string; resourceType?: string; creationStack?: string[]; perCall: { count: number } }>;
}

const judge = (name: string, capture: 'native' | 'js') => verdictInChild<CaseOutcome>(runner, name, capture);

const seen = (outcome: CaseOutcome) => `${outcome.reason}; ${outcome.findings.map((f) => `${f.kind}: ${f.title}`).join('; ')}`;

/** One finding, a handle of `type`, one per call, created on the case's marked line (or a library's line, then it). */
function expectOneHandlePerCall(outcome: CaseOutcome, type: string): string[] {
  expect(outcome.leaked, seen(outcome)).toBe(true);
  expect(outcome.findings.map((f) => f.kind), seen(outcome)).toEqual(['handle']);
  const [finding] = outcome.findings;
  expect(finding!.resourceType).toBe(type);
  expect(finding!.perCall.count).toBeCloseTo(1, 1);
  return finding!.creationStack ?? [];
}

const capped = [
  { name: 'server-per-call-capped', type: 'TCPSERVERWRAP', cap: 5 },
  { name: 'socket-per-call-capped', type: 'TCPWRAP', cap: 5 },
  { name: 'watcher-per-call-capped', type: 'FSEVENTWRAP', cap: 3 },
];
const libraryTimers = ['library-timer-per-call', 'library-unref-timer-per-call'];
const clean = ['lazy-singleton-server', 'keep-alive-agent', 'timer-that-fires', 'timers-renewed-in-a-bounded-set', 'timers-renewed-in-a-bounded-set-few-calls'];

describe.each(['native', 'js'] as const)('handles left open, %s capture', (capture) => {
  it('runs on the built package', () => {
    expect(built, 'run `npm run build` first').toBe(true);
  });

  for (const { name, type, cap } of capped) {
    it(`${name}: found though the cap of ${cap} is reached in the warm-up`, async () => {
      const outcome = await judge(name, capture);
      const stack = expectOneHandlePerCall(outcome, type);
      expect(stack[0]).toContain(`handle-cases.cjs:${outcome.site}:`);
      expect(outcome.findings[0]!.title).toContain(`over calls 1–${cap} (${cap} open, then no more)`);
    }, 120_000);
  }

  for (const name of libraryTimers) {
    it(`${name}: a handle finding naming the library's line, then the user's call; no heap finding`, async () => {
      const outcome = await judge(name, capture);
      const stack = expectOneHandlePerCall(outcome, 'Timeout');
      expect(stack[0]).toMatch(/^at .*\(node_modules\/fake-timer-lib\/index\.js:4:\d+\)$/);
      expect(stack[1]).toContain(`handle-cases.cjs:${outcome.site}:`);
    }, 120_000);
  }

  it('library-timer-per-reply-outside-the-call: a handle finding naming the library, not heap growth of Timeout objects', async () => {
    const outcome = await judge('library-timer-per-reply-outside-the-call', capture);
    const stack = expectOneHandlePerCall(outcome, 'Timeout');
    expect(stack[0]).toMatch(/^at .*\(node_modules\/fake-client-lib\/index\.js:9:\d+\)$/);
  }, 120_000);

  for (const name of clean) {
    it(`${name}: clean`, async () => {
      const outcome = await judge(name, capture);
      expect(outcome.leaked, seen(outcome)).toBe(false);
    }, 120_000);
  }
});
