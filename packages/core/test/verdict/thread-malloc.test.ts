import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Malloc is one figure for the whole process. In a worker thread other
 * threads allocate into it at the same time, so the verdict must not judge
 * it there; on the main thread a steady rise is still a finding.
 */
const screenModule = fileURLToPath(new URL('../../dist/verdict/screen/screen.js', import.meta.url));

// Twelve rounds whose malloc rises 200 KB a round, every other figure flat.
const JUDGE_SOURCE = `
  const { judgeAll } = require(${JSON.stringify(screenModule)});
  const measurements = Array.from({ length: 13 }, (_, i) => ({
    heapUsed: 8e6, external: 0, arrayBuffers: 0, malloc: 4e7 + i * 200_000, handles: 0, fds: 0, allocated: i * 1e6,
  }));
  const judged = judgeAll(measurements, { callsPerRound: 2000, threshold: 8 });
  module.exports = judged.has('malloc') ? judged.get('malloc').call : 'not judged';
`;

function judgeMallocIn(thread: 'main' | 'worker'): Promise<string> {
  const source = `const module = { exports: null }; ${JUDGE_SOURCE}`;
  if (thread === 'main') {
    const require = createRequire(import.meta.url);
    const module = { exports: null as unknown };
    new Function('require', 'module', JUDGE_SOURCE)(require, module);
    return Promise.resolve(String(module.exports));
  }
  const worker = new Worker(`${source}; require('node:worker_threads').parentPort.postMessage(module.exports);`, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (call: string) => void worker.terminate().then(() => resolve(call)));
    worker.once('error', reject);
  });
}

describe('malloc growth', () => {
  it('is a finding on the main thread', async () => {
    expect(await judgeMallocIn('main')).toBe('grows');
  });

  it('is not judged in a worker thread, where other threads share it', async () => {
    expect(await judgeMallocIn('worker')).toBe('not judged');
  });
});
