// Type test: the matchers on @types/jest's global `expect`.
import { task, track } from '@memscope/jest';

export async function checks(): Promise<void> {
  await expect(() => 1).not.toLeak();
  await expect(async () => 1).toLeak({ threshold: 16, ignore: [{ constructor: 'Cache' }] });
  await expect(() => 1).toAllocateAtMost(1024);
  await expect(() => 1).toRetainAtMost(1024, { gc: 'fast' });
  track({ id: 1 }, 'session');
  const rows: number = await task('parse rows', () => 42);
  void rows;
  // @ts-expect-error a task runs a function
  await task('parse rows', 42);
  await expect('session').not.toBeCollected();
  // @ts-expect-error an option that does not exist
  await expect(() => 1).not.toLeak({ roundz: 3 });
  // @ts-expect-error the budget is a number of bytes
  await expect(() => 1).toRetainAtMost('1kb');
}
