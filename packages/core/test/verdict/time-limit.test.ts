import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { unexplainedGrowth } from '../../src/verdict/explain/unexplained-growth.js';
import type { ScreenResult } from '../../src/verdict/screen/screen.js';
import type { GrowthJudgement } from '../../src/verdict/screen/stats.js';

const kept: unknown[] = [];
afterEach(() => {
  kept.length = 0;
  vi.useRealTimers();
});

/** A function slow enough that only a few rounds fit in a short limit. */
function slowLeak(): void {
  const until = performance.now() + 2;
  while (performance.now() < until);
  kept.push({ at: kept.length, payload: new Array(16).fill(kept.length) });
}

describe('checkLeak with a time limit', () => {
  it('stops before the limit and gives no verdict when too few rounds fit', async () => {
    // Four rounds of 60 calls of 2 ms cannot fit in 300 ms.
    const result = await checkLeak(slowLeak, { timeLimit: 300 });
    expect(result.undecided).toBe(true);
    expect(result.stats.rounds).toBeLessThan(4);
    expect(result.leaked).toBe(false);
    expect(result.stats.cutShort?.step).toBe('screen');
    expect(result.stats.reason).toMatch(/of the 4 rounds a verdict needs fit in the time limit/);
  });

  it('refuses a limit that is not a positive number of milliseconds', async () => {
    await expect(checkLeak(() => 1, { timeLimit: 0 })).rejects.toThrow(/option `timeLimit` must be a positive number of milliseconds, got 0/);
    await expect(checkLeak(() => 1, { timeLimit: '5s' as unknown as number })).rejects.toThrow(/`timeLimit`/);
  });

  it('reaches a verdict with fake timers on: its own waits use Node timers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'Date', 'performance', 'queueMicrotask'] });
    const result = await checkLeak(() => ({ n: 1 }), { timeLimit: 20_000 });
    expect(result.leaked).toBe(false);
    expect(result.undecided).toBeUndefined();
  });
});

const judgement = (perRound: number, r2: number, call: GrowthJudgement['call'] = 'grows'): GrowthJudgement => ({
  call, theilSenPerRound: perRound, leastSquaresPerRound: perRound, trendPerRound: perRound, r2, noise: 10, positiveShare: 1,
});
const screened = (heap: GrowthJudgement): ScreenResult => ({ measurements: [], judgements: new Map([['heapUsed', heap]]), rounds: 6, exact: true });
const cut = { step: 'explanation' as const, neededMs: 9000, leftMs: 1500, limitMs: 4250 };

describe('unexplainedGrowth', () => {
  it('reports growth no clean function shows, with what was left out and why', () => {
    const finding = unexplainedGrowth(screened(judgement(60 * 8400, 1)), 60, 8, cut)!;
    expect(finding.kind).toBe('heap');
    expect(finding.perCall.bytes).toBe(8400);
    expect(finding.title).toMatch(/^heap grows 8\.2 KiB per call \(fit 1\.00\); what grew and who holds it were not looked for/);
    expect(finding.title).toContain('about 9.0 s here) and 1.5 s of the 4.3 s limit were left');
  });

  it('names where the survivors were allocated when sampling them fitted, and says what is still missing', () => {
    const site = { file: '/app/src/session-store.ts', line: 20, column: 22, functionName: 'login', stack: ['login (/app/src/session-store.ts:20:22)'], source: 'sampled' as const };
    const finding = unexplainedGrowth(screened(judgement(60 * 8400, 1)), 60, 8, cut, site)!;
    expect(finding.title).toMatch(/^heap grows 8\.2 KiB per call \(fit 1\.00\), by objects allocated in login \(\/app\/src\/session-store\.ts:20\) \(sampled\); who holds them was not looked for/);
    expect(finding.allocationSite).toEqual(site);
  });

  it('lets pass what an explanation would have had to tell from noise: a bent line, a few bytes a call, no growth', () => {
    expect(unexplainedGrowth(screened(judgement(60 * 218, 0.84)), 60, 8, cut)).toBeUndefined();
    expect(unexplainedGrowth(screened(judgement(60 * 20, 0.99)), 60, 8, cut)).toBeUndefined();
    expect(unexplainedGrowth(screened(judgement(60 * 8400, 1, 'ambiguous')), 60, 8, cut)).toBeUndefined();
  });
});
