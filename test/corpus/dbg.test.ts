import { it, vi } from 'vitest';
vi.mock('../../packages/core/src/capture/index.js', async () => { const { createJsCapture } = await import('../../packages/core/src/capture/js.js'); const c = createJsCapture(); return { getCapture: () => c }; });
import { createRequire } from 'node:module';
import { checkLeak } from '../../packages/core/src/verdict/check-leak.js';
const require = createRequire(import.meta.url);
const leaks = require('./leaks.cjs');
it('dbg', async () => {
  for (const name of (process.env.CASES ?? '').split(',')) {
    const c = leaks.find((x: any) => x.name === name);
    const { fn, cleanup } = c.create();
    const r = await checkLeak(fn, process.env.GCM ? { gc: process.env.GCM as any } : {});
    await cleanup?.();
    console.log(name, r.leaked, r.stats.reason, r.stats.callsPerRound, r.stats.rounds, JSON.stringify(r.stats.growth.filter((g: any) => g.figure === 'heapUsed' || g.grew)), JSON.stringify(r.stats.timeMs));
  }
});
