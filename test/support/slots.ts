/**
 * A queue that runs at most `slots` tasks at a time, in the order they were
 * handed in: each task starts as soon as a slot frees, not when a whole batch
 * has ended. Children that measure their own heap are run through one, two
 * slots on CI's 2 cores: both cores stay busy while the slower child of a
 * pair finishes, and never more than two verdicts share the machine.
 *
 * @example
 * const run = slotQueue(2);
 * const [a, b, c] = await Promise.all([run(() => child('a')), run(() => child('b')), run(() => child('c'))]);
 */
export function slotQueue(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`slotQueue needs a whole number of slots ≥ 1, got ${slots}`);
  const waiting: Array<() => void> = [];
  let busy = 0;
  const release = () => {
    busy--;
    const next = waiting.shift();
    if (next) next();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        busy++;
        // A task that throws before its first await still frees its slot.
        Promise.resolve().then(task).then(resolve, reject).finally(release);
      };
      if (busy < slots) start();
      else waiting.push(start);
    });
}
