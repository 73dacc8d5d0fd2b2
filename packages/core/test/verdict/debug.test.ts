import { it } from 'vitest';
import { createJsCapture } from '../../src/capture/js.js';
import { explainGrowth } from '../../src/verdict/explain.js';
import { CallRunner } from '../../src/verdict/call-runner.js';
import { HandleTracker } from '../../src/verdict/handle-tracker.js';
import { allocationCandidates } from '../../src/analyzers/allocation-site.js';
class Session { constructor(public id: number, public user = { name: 'u' + id }) {} }
const sessions = new Map<number, Session>();
let n = 0;
it('debug', async () => {
  const capture = createJsCapture();
  const tracker = new HandleTracker();
  const runner = new CallRunner(() => { n++; sessions.set(n, new Session(n)); }, 1000);
  await runner.run(100);
  const e = await explainGrowth({ capture, runner, tracker, gcMode: 'fast', callsPerInterval: 300, threshold: 8 });
  console.log('samples', e.samples.length, JSON.stringify(e.samples.map(s => s.stack[0]).slice(0, 30)));
  console.log(JSON.stringify(allocationCandidates(e.samples).slice(0,3)));
});
