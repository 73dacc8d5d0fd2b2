import type { MatcherContextLike, MatcherDeps } from '../../src/matchers/types.js';
import type { Finding, LeakResult } from '../../src/verdict/types.js';
import { SESSION_LEAK } from '../support/session-finding.js';

/** A matcher context like Jest's, colours off, recording what the matcher asked for. */
export function context(isNot = false, colored = false): MatcherContextLike {
  return {
    isNot,
    utils: {
      matcherHint: (name, received = 'received', expected = '', options) =>
        `expect(${received})${options?.isNot ? '.not' : ''}.${name}(${expected})`,
      printReceived: (value) => String(value),
      printExpected: (value) => String(value),
      RECEIVED_COLOR: colored ? (text) => `\u001b[31m${text}\u001b[39m` : (text) => text,
    },
  };
}

export const sessionFinding: Finding = SESSION_LEAK;

export function leakResult(leaked: boolean, findings: Finding[] = leaked ? [sessionFinding] : []): LeakResult {
  return {
    leaked,
    findings,
    capture: 'native',
    stats: {
      warmupCalls: 20, rounds: 6, callsPerRound: 50, totalCalls: 320, threshold: 8, snapshots: leaked ? 1 : 0, exactRounds: 0, trace: [],
      timeMs: { warmup: 5, screen: 80, explain: leaked ? 300 : 0, total: leaked ? 385 : 85 },
      reason: leaked ? 'heapUsed grew by 48 B per call in every round' : 'no figure grew beyond the noise floor',
      growth: [{ figure: 'heapUsed', perCall: leaked ? 48.2 : 0.3, medianPerCall: 48, fit: leaked ? 0.99 : 0.1, noise: 120, grew: leaked }],
    },
  };
}

export function deps(overrides: Partial<MatcherDeps> = {}): MatcherDeps {
  return {
    checkLeak: async () => leakResult(false),
    capture: () => {
      throw new Error('no capture in this test');
    },
    checkTracked: async () => [],
    ...overrides,
  };
}
