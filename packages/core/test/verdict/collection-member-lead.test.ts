import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { captureFactories as paths } from '../support/capture-factories.js';

/**
 * A store's Set of subscribers gains one closure per call; each closure
 * reaches, through a bound setter, a chain of plain objects that weighs more
 * than the closure (Solid's dev build: a signal's state, its owner record).
 * The finding names what the Set gains: one subscriber per call, a storm.
 */
function readSignal(this: { value: number }): number {
  return this.value;
}

describe.each(paths)('a Set whose members reach heavier plain objects, %s capture', (path, factory) => {
  it('names the Set members (closures, +1 per call), not the plain objects behind them', async () => {
    const capture = await factory();
    const listeners = new Set<(value: number) => number>();
    let n = 0;
    const result = await checkLeak(() => {
      const signal = { value: n, graph: { owner: { name: `owner-${n++}-${'x'.repeat(600)}` }, props: {} } };
      const read = readSignal.bind(signal);
      listeners.add(() => read());
    }, {}, { capture });
    expect(result.capture).toBe(path);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.kind).toBe('storm');
    expect(finding!.title).toMatch(/^anonymous closures \(.*collection-member-lead\.test\.ts:\d+\): \+1 per call \(.*\), held by Set listeners$/);
  });
});
