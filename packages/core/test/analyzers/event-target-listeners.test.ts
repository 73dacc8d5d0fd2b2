import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixtureChild } from '../support/fixture-child.js';

const fixture = fileURLToPath(new URL('./fixtures/event-target-leak.cjs', import.meta.url));

describe("listeners left on Node's EventTargets", () => {
  it.each(['native', 'js'] as const)('are named by event and target on the %s capture', (capture) => {
    const run = runFixtureChild<Record<string, string[]>>(fixture, capture);
    expect(run.printed, run.output).toBeDefined();
    const titles = run.printed!;
    // Node makes an AbortSignal as an EventTarget; the title says which it is, and the event comes from the listeners' Map.
    expect(titles.request).toEqual([expect.stringMatching(/^listeners of 'abort' on AbortSignal: \+1 per call .*closures of onAbort/)]);
    expect(titles.subscribe).toEqual([expect.stringMatching(/^listeners of 'message' on EventTarget: \+1 per call .*closures of onMessage/)]);
  });
});
