import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { captureFactories as paths } from '../support/capture-factories.js';

/**
 * An array that keeps what each call hands it grows by its elements, not by
 * the objects inside them: a request log's entry and the headers object it
 * holds are one element. The title's count is the array's.
 */
describe.each(paths)('an array that keeps nested objects, %s capture', (path, factory) => {
  it('counts the elements a call adds (two), not the plain objects inside them (four)', async () => {
    const capture = await factory();
    const seen: object[] = [];
    let n = 0;
    const result = await checkLeak(() => {
      seen.push({ url: `/a/${n}`, headers: { host: 'a', accept: '*/*' } }, { url: `/b/${n++}`, headers: { host: 'b', accept: '*/*' } });
    }, {}, { capture });
    expect(result.capture).toBe(path);
    expect(result.leaked).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.title).toMatch(/^elements of Array seen: \+2 per call \(/);
  });
});
