// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { recordSnapshot } from '../../src/verdict/time-budget.js';
import { domGrowthGoesUnjudged, unjudgedDomGrowthReason } from '../../src/verdict/dom/unjudged-growth.js';

/** Keeps 2 KB of plain objects a call: heap growth only a snapshot could name. */
function keeper(): () => void {
  const kept: object[] = [];
  return () => {
    kept.push({ payload: `${'x'.repeat(2000)}${kept.length}` });
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('heap growth no snapshot explained', () => {
  it('is not judged in a DOM environment: the DOM counting decides, and the pass says the heap was not judged', async () => {
    // Snapshots priced at 100 s per MB of heap: none fits in the limit.
    recordSnapshot(100_000, 1024 * 1024);
    const result = await checkLeak(keeper(), { timeLimit: 30_000 });
    expect(result.leaked).toBe(false);
    expect(result.undecided).toBeUndefined();
    expect(result.stats).toMatchObject({ snapshots: 0, rounds: 1, callsPerRound: 30, cutShort: { step: 'explanation' } });
    expect(result.stats.reason).toMatch(/^no DOM listener list grew over \d+ calls and no handle was left open per call; the heap was not judged: in a DOM environment/);
    expect(result.stats.trace.at(-1)).toMatchObject({ phase: 'DOM listener lists', saw: 'none grew', next: 'passed' });
  }, 120_000);

  it('is not judged after rounds either: with the DOM counting left out, the pass names how much the heap grew', async () => {
    recordSnapshot(100_000, 1024 * 1024);
    const result = await checkLeak(keeper(), { timeLimit: 30_000, kinds: ['heap', 'handle', 'native'] });
    expect(result.leaked).toBe(false);
    expect(result.undecided).toBeUndefined();
    expect(result.stats.cutShort?.step).toBe('explanation');
    expect(result.stats.reason).toMatch(/^the heap grew .+ per call \(fit \d\.\d\d\), not judged: in a DOM environment/);
  }, 120_000);

  it('still fails a timer left armed per call when the heap goes unjudged: handles are judged from every call', async () => {
    recordSnapshot(100_000, 1024 * 1024);
    const armed: ReturnType<typeof setInterval>[] = [];
    try {
      const result = await checkLeak(() => void armed.push(setInterval(() => undefined, 60_000)), { timeLimit: 30_000 });
      expect(result.leaked).toBe(true);
      expect(result.findings.map((f) => f.kind)).toEqual(['handle']);
      expect(result.stats.trace.at(-1)).toMatchObject({ phase: 'DOM listener lists', saw: 'none grew', next: 'leaked' });
    } finally {
      for (const timer of armed) clearInterval(timer);
    }
  }, 120_000);

  it('fails as unexplained growth where there is no document: the same calls outside a DOM environment', async () => {
    recordSnapshot(100_000, 1024 * 1024);
    vi.stubGlobal('document', undefined);
    const result = await checkLeak(keeper(), { timeLimit: 30_000 });
    expect(result.leaked).toBe(true);
    expect(result.findings.map((f) => f.name)).toEqual(['(unexplained heap growth)']);
  }, 120_000);

  it('goes unjudged exactly where a document is', () => {
    expect(domGrowthGoesUnjudged({ document: {} })).toBe(true);
    expect(domGrowthGoesUnjudged({})).toBe(false);
  });

  it('names each figure left unjudged, with what would judge it', () => {
    const cut = { step: 'explanation' as const, neededMs: 9000, leftMs: 2400, limitMs: 4200 };
    const reason = unjudgedDomGrowthReason([{ what: 'the heap', perCall: 53, fit: 0.98 }, { what: 'malloc', perCall: 12083, fit: 0.981 }], cut);
    expect(reason).toBe(
      "the heap grew 53 B per call (fit 0.98) and malloc grew 11.8 KiB per call (fit 0.98), not judged: in a DOM environment the environment's own bookkeeping grows with every mount too, " +
        'and only the explanation (a heap snapshot) tells it from a leak (about 9.0 s here; 2.4 s of the 4.2 s limit were left). Give the test a longer timeout to judge it.',
    );
  });
});
