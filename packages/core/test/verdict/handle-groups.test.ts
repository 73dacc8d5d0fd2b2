import { describe, expect, it } from 'vitest';
import { groupsLeftOpen, type OpenHandle } from '../../src/verdict/handles/handle-groups.js';
import { creationStack } from '../../src/verdict/handles/creation-stack.js';

const SITE = 'at open (/app/src/pool.js:12:5)';
const handle = (call: number, round = 0, site = SITE): OpenHandle => ({ type: 'TCPWRAP', stack: [site], key: `TCPWRAP\u0000${site}`, call, round, outsideTheCalls: false });
const calls = (from: number, to: number, round = 0) => Array.from({ length: to - from + 1 }, (_, i) => handle(from + i, round));
const none = new Map<string, number>();

describe('which open handles grew with the calls', () => {
  it('one per call up to a cap of 5, in the warm-up: one group, +1 per call over calls 1–5', () => {
    const [group, ...others] = groupsLeftOpen(calls(1, 5), none, false);
    expect(others).toEqual([]);
    expect(group).toMatchObject({ type: 'TCPWRAP', open: 5, firstCall: 1, lastCall: 5, perCall: 1 });
  });

  it('every handle of a lazy singleton comes from its first call: none', () => {
    expect(groupsLeftOpen([handle(1), handle(1), handle(1)], none, false)).toEqual([]);
  });

  it('a shared connection opened again once (a reconnect) is two calls, not a pattern: none', () => {
    expect(groupsLeftOpen([handle(1), handle(40)], none, true)).toEqual([]);
  });

  it('a bounded set renewed each call (it closed 980, keeps 20) is not a leak, unless it grew over the rounds', () => {
    const renewed = new Map([[`TCPWRAP\u0000${SITE}`, 980]]);
    const lastRounds = [...calls(981, 990, 2), ...calls(991, 995, 3), ...calls(996, 1000, 4)];
    expect(groupsLeftOpen(lastRounds, renewed, false)).toEqual([]);
    expect(groupsLeftOpen(lastRounds, renewed, true)).toHaveLength(1);
  });

  it('one left open every other call, the rest closed: found when the rounds saw the count grow', () => {
    const everyOther = Array.from({ length: 50 }, (_, i) => handle(2 * i + 1, 1 + Math.floor(i / 10)));
    const closedHalf = new Map([[`TCPWRAP\u0000${SITE}`, 60]]);
    const [group] = groupsLeftOpen(everyOther, closedHalf, true);
    expect(group?.perCall).toBeCloseTo(0.5, 1);
  });

  it("a renewed set is not charged with another group's growth over the rounds", () => {
    const renewed = new Map([[`TCPWRAP\u0000${SITE}`, 980]]);
    expect(groupsLeftOpen(calls(981, 1000, 6), renewed, true)).toEqual([]);
  });

  it('two lines of code leaving handles open are two groups, the larger first', () => {
    const other = 'at watch (/app/src/watch.js:3:1)';
    const handles = [...calls(1, 3), ...[1, 2, 3, 4].map((call) => handle(call, 0, other))];
    expect(groupsLeftOpen(handles, none, false).map((group) => [group.stack[0], group.open])).toEqual([
      [other, 4],
      [SITE, 3],
    ]);
  });

  it('timers armed outside the calls count only when they keep pace with the calls, not with the clock', () => {
    const outside = (call: number) => ({ ...handle(call, 1), outsideTheCalls: true });
    expect(groupsLeftOpen([1, 2, 3, 4].map(outside), none, true)[0]?.perCall).toBe(1);
    expect(groupsLeftOpen([1, 100, 200, 300].map(outside), none, true)).toEqual([]);
  });

  it('copes with hundreds of thousands of handles in one group', () => {
    expect(groupsLeftOpen(calls(1, 300_000, 1), none, true)[0]?.open).toBe(300_000);
  });
});

describe('a creation stack as a reader needs it', () => {
  const raw = [
    'Error',
    '    at AsyncHook.init (/repo/packages/core/dist/verdict/handle-tracker.js:10:3)',
    '    at new Timeout (node:internal/timers:186:17)',
    '    at setTimeout (node:timers:142:19)',
    '    at arm (/app/node_modules/.pnpm/lib@1.0.0/node_modules/lib/timer.js:4:17)',
    '    at Client.send (/app/node_modules/lib/index.js:20:5)',
    '    at sendTwice (/app/src/user.js:7:10)',
    '    at /app/test/user.test.js:3:1',
  ].join('\n');

  it("names the library's line first, as node_modules/<pkg>/…, with the user's call right below", () => {
    const stack = creationStack(raw);
    expect(stack.slice(0, 4)).toEqual([
      'at arm (node_modules/lib/timer.js:4:17)',
      'at sendTwice (/app/src/user.js:7:10)',
      'at Client.send (node_modules/lib/index.js:20:5)',
      'at /app/test/user.test.js:3:1',
    ]);
  });

  it("keeps Node's, the runner's and memscope's frames last, with their paths", () => {
    expect(creationStack(raw).slice(4)).toEqual([
      'at AsyncHook.init (/repo/packages/core/dist/verdict/handle-tracker.js:10:3)',
      'at new Timeout (node:internal/timers:186:17)',
      'at setTimeout (node:timers:142:19)',
    ]);
  });

  it("leaves a stack whose first frame is the user's in its order", () => {
    const own = ['Error', '    at setTimeout (node:timers:142:19)', '    at poll (/app/src/poll.js:8:3)', '    at /app/node_modules/lib/run.js:2:1'].join('\n');
    expect(creationStack(own)).toEqual(['at poll (/app/src/poll.js:8:3)', 'at node_modules/lib/run.js:2:1', 'at setTimeout (node:timers:142:19)']);
  });
});
