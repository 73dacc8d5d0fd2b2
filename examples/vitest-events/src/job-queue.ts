import { setImmediate as nextTurn } from 'node:timers/promises';
import { demoLeak } from './demo-leak.js';
import { EventBus } from './event-bus.js';

export interface JobResult {
  id: number;
  bytes: number;
  checksum: number;
}

type QueueEvents = { progress: { id: number }; done: JobResult };

/**
 * Runs jobs that render a buffer of `size` bytes, one turn of the event loop
 * per job, reporting progress on a timer while a job runs.
 */
export class JobQueue {
  readonly events = new EventBus<QueueEvents>();
  /** Demo bug: every rendered output kept "for debugging", never trimmed. */
  private readonly outputs: Buffer[] = [];
  private nextId = 1;

  constructor(private readonly progressIntervalMs = 5_000) {}

  async run(size: number): Promise<JobResult> {
    const id = this.nextId++;
    // unref'd so a forgotten timer never keeps the process alive, which is
    // exactly why nobody notices when it is forgotten.
    const progress = setInterval(() => this.events.emit('progress', { id }), this.progressIntervalMs).unref();
    try {
      await nextTurn();
      const output = render(id, size);
      if (demoLeak) this.outputs.push(output);
      const result = { id, bytes: output.length, checksum: checksum(output) };
      this.events.emit('done', result);
      return result;
    } finally {
      // Demo bug: the progress timer is never cleared.
      if (!demoLeak) clearInterval(progress);
    }
  }
}

function render(id: number, size: number): Buffer {
  const output = Buffer.allocUnsafe(size);
  output.fill(id & 0xff);
  return output;
}

function checksum(buffer: Buffer): number {
  let sum = 0;
  for (let i = 0; i < buffer.length; i += 4096) sum = (sum + buffer[i]!) & 0xffff;
  return sum;
}
