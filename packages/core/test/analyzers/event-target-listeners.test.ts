import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/event-target-leak.cjs', import.meta.url));

describe("listeners left on Node's EventTargets", () => {
  it.each(['native', 'js'] as const)('are named by event and target on the %s capture', (capture) => {
    const child = spawnSync(process.execPath, ['--no-warnings', fixture], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MEMSCOPE_CAPTURE: capture },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.status, `${child.stdout}\n${child.stderr}`).toBe(0);
    const titles = JSON.parse(child.stdout) as Record<string, string[]>;
    // Node makes an AbortSignal as an EventTarget; the title says which it is, and the event comes from the listeners' Map.
    expect(titles.request).toEqual([expect.stringMatching(/^listeners of 'abort' on AbortSignal: \+1 per call .*closures of onAbort/)]);
    expect(titles.subscribe).toEqual([expect.stringMatching(/^listeners of 'message' on EventTarget: \+1 per call .*closures of onMessage/)]);
  });
});
