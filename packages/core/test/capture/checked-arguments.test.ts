import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { captureFactories } from '../support/capture-factories.js';

/** The message a call throws, or a note that it did not throw. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  return 'did not throw';
}

const BAD_CALLS: Array<[string, (capture: Capture) => unknown, string]> = [
  ['gc mode', (c) => c.gc('full' as never), `ERR_MEMSCOPE_INVALID_OPTION: gc(mode): mode must be 'fast', 'thorough' or 'young', received "full"`],
  ['objectId of a number', (c) => c.objectId(42 as never), 'ERR_MEMSCOPE_NOT_TRACKABLE: objectId(value): value must be an object or function, received number'],
  ['objectId of null', (c) => c.objectId(null as never), 'ERR_MEMSCOPE_NOT_TRACKABLE: objectId(value): value must be an object or function, received null'],
  ['sampling interval 0', (c) => c.startSampling(0), 'ERR_MEMSCOPE_INVALID_OPTION: startSampling(intervalBytes) must be an integer from 1 to 1099511627776, received 0'],
  ['stack depth 1.5', (c) => c.startSampling(1024, 1.5), 'ERR_MEMSCOPE_INVALID_OPTION: startSampling(intervalBytes, stackDepth) must be an integer from 1 to 1024, received 1.5'],
];

describe.each(captureFactories)('the %s capture refuses bad arguments', (_path, create) => {
  it.each(BAD_CALLS)('%s, in the words both paths share', async (_what, call, expected) => {
    const capture = await create();
    expect(refusal(() => call(capture))).toBe(expected);
  });
});
