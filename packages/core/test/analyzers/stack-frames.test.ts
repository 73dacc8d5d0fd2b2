import { describe, expect, it } from 'vitest';
import { isInternalFrame, userFramesFirst } from '../../src/analyzers/stack-frames.js';

describe('stack frames', () => {
  it("reads memscope's frames as its own when a runner mapped them to the shipped sources", () => {
    // Jest maps every stack through source maps: core's build then reads as its sources.
    expect(isInternalFrame('at AsyncHook.init (/app/node_modules/@memscope/core/src/verdict/handle-tracker.ts:243:36)')).toBe(true);
    expect(isInternalFrame('at AsyncHook.init (/app/node_modules/@memscope/core/dist/verdict/handle-tracker.js:201:20)')).toBe(true);
    expect(isInternalFrame('at Object.toLeak (/app/node_modules/@memscope/jest/dist/setup/matchers.js:10:3)')).toBe(true);
  });

  it("keeps the user's frames, also inside a package of their own named like ours", () => {
    expect(isInternalFrame('at watch (/app/src/session-store.ts:31:16)')).toBe(false);
    expect(isInternalFrame('at watch (/app/node_modules/@memscope-fan/core/src/x.ts:1:1)')).toBe(false);
    expect(isInternalFrame('at Socket.<anonymous> (/app/x.js:1:2)')).toBe(false);
  });

  it('puts the user frame first in a handle stack the runner mapped', () => {
    const stack = [
      'Error',
      '    at AsyncHook.init (/app/node_modules/@memscope/core/src/verdict/handle-tracker.ts:243:36)',
      '    at emitInitNative (node:internal/async_hooks:200:43)',
      '    at setInterval (node:timers:212:10)',
      '    at watch (/app/src/session-store.ts:31:16)',
      '    at /app/test/session.test.ts:13:24',
    ].join('\n');
    expect(userFramesFirst(stack, 2)).toEqual(['at watch (/app/src/session-store.ts:31:16)', 'at /app/test/session.test.ts:13:24']);
  });
});
