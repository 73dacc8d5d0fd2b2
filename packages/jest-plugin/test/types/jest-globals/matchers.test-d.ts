// Type test: the matchers on `expect` imported from @jest/globals (no @types/jest in this program).
import { expect } from '@jest/globals';
import { track } from '@memscope/jest';

export async function checks(): Promise<void> {
  await expect(() => 1).not.toLeak();
  await expect(async () => 1).toLeak({ rounds: 8, kinds: ['heap', 'handle'], gc: 'thorough' });
  await expect(() => 1).toAllocateAtMost(1024, { calls: 10, warmup: 2 });
  await expect(() => 1).not.toRetainAtMost(1024, { calls: 3 });
  const session = track({ id: 1 }, 'session');
  session.id satisfies number;
  await expect('session').toBeCollected();
  const result: Promise<void> = expect(() => 1).not.toLeak();
  await result;
  // @ts-expect-error an option that does not exist
  await expect(() => 1).not.toLeak({ roundz: 3 });
  // @ts-expect-error the budget is a number of bytes
  await expect(() => 1).toAllocateAtMost('1kb');
  // @ts-expect-error toBeCollected takes no argument
  await expect('session').toBeCollected(1);
}
