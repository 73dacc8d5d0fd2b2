import { describe, expect, it } from 'vitest';
import { traceLine, tracePath } from '../../src/verdict/trace.js';
import { formatStatistics } from '../../src/matchers/diagnosis.js';
import type { TraceStep, VerdictStats } from '../../src/verdict/types.js';

const trace: TraceStep[] = [
  { phase: 'warm-up', saw: '60 calls a round', why: 'exact, sync', next: 'quick window' },
  { phase: 'quick window', saw: 'kept 46.9 KiB', why: 'not clean', next: 'rounds (exact)' },
  { phase: 'rounds (exact)', saw: '6 × 60 calls, heapUsed +79 B/call, fit 0.94', why: 'grew', next: 'second window' },
  { phase: 'second window', saw: '12 × 60 calls, heapUsed +80 B/call, fit 0.99', why: 'done', next: 'judge' },
  { phase: 'judge', saw: 'heapUsed grows +80 B/call, fit 0.99', why: 'moved', next: 'explain' },
  { phase: 'explain', saw: '2 snapshot(s), 1 finding(s)', why: 'a population grows', next: 'leaked' },
];

const stats: VerdictStats = {
  warmupCalls: 20, rounds: 12, callsPerRound: 60, totalCalls: 800, threshold: 8, snapshots: 2, exactRounds: 12,
  timeMs: { warmup: 5, screen: 80, explain: 300, total: 385 },
  reason: 'memory grew with every call; 1 finding(s)',
  growth: [{ figure: 'heapUsed', perCall: 80, medianPerCall: 80, fit: 0.99, noise: 120, grew: true }],
  trace,
};

describe('the verdict trace', () => {
  it('reads as one line per decision', () => {
    expect(traceLine(trace[2]!)).toBe('rounds (exact): 6 × 60 calls, heapUsed +79 B/call, fit 0.94; grew → second window');
    expect(traceLine({ phase: 'judge', saw: '', why: 'flat', next: 'passed' })).toBe('judge: flat → passed');
  });

  it('ends the statistics line as the path the verdict took', () => {
    expect(tracePath(trace)).toBe('warm-up → quick window → rounds (exact) → second window → judge → explain → leaked');
    expect(formatStatistics(stats, 'native')).toMatch(/ · native capture · warm-up → quick window → rounds \(exact\) → second window → judge → explain → leaked$/);
  });

  it('leaves the statistics line as it was without a trace', () => {
    expect(tracePath([])).toBe('');
    expect(formatStatistics({ ...stats, trace: [] }, 'js')).toMatch(/ · pure-JS capture$/);
  });
});
