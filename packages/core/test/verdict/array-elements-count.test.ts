import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { captureFactories as paths } from '../support/capture-factories.js';

/**
 * An array that keeps what each call hands it grows by its elements, not by
 * the objects inside them: a request log's entry and the headers object it
 * holds are one element. The title's count is the array's.
 */
describe.each(paths)('an array that keeps nested objects, %s capture', (path, factory) => {
  it('counts one element per call when each element holds another plain object', async () => {
    const capture = await factory();
    const seen: object[] = [];
    let n = 0;
    const result = await checkLeak(() => {
      seen.push({ url: `/audit/${n++}`, headers: { host: 'localhost', accept: '*/*' }, body: 'x'.repeat(64) });
    }, {}, { capture });
    expect(result.capture).toBe(path);
    expect(result.leaked).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.title).toMatch(/^elements of Array seen: \+1 per call \(/);
  });

  it('counts two elements per call when each call pushes two', async () => {
    const capture = await factory();
    const seen: object[] = [];
    let n = 0;
    const result = await checkLeak(() => {
      seen.push({ url: `/a/${n}`, headers: { host: 'a' } }, { url: `/b/${n++}`, headers: { host: 'b' } });
    }, {}, { capture });
    expect(result.leaked).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.title).toMatch(/^elements of Array seen: \+2 per call \(/);
  });
});
