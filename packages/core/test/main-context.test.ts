import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Loads the build, in a fresh process per case: the cases change V8 flags.
const mainContext = path.resolve(__dirname, '../dist/main-context.js');

/**
 * A vm context whose function ran hot enough to be queued for TurboFan, then
 * dropped; whether one GC frees it. `--concurrent-recompilation-delay` keeps
 * the background compile job in flight, as a busy machine does now and then.
 */
const CONTEXT_AFTER_ONE_GC = `
const vm = require('node:vm');
const { finishBackgroundOptimization } = require(${JSON.stringify(mainContext)});
let ref;
(() => {
  const context = vm.createContext({});
  vm.runInContext('function hot(i) { return { id: i }; } for (let i = 0; i < 2e5; i++) hot(i);', context);
  ref = new WeakRef(context);
})();
if (process.argv[1] === 'finish') finishBackgroundOptimization();
// A WeakRef answers at once after the GC (a FinalizationRegistry's callback
// is a task of its own, late on a busy machine); it keeps its target only
// until the end of the job that made it, hence the GC one task later.
setImmediate(() => {
  gc();
  console.log(JSON.stringify({ freed: ref.deref() === undefined }));
});
`;

function freedAfterOneGc(finish: boolean): boolean {
  const flags = ['--expose-gc', '--concurrent-recompilation-delay=1000'];
  const out = execFileSync(process.execPath, [...flags, '-e', CONTEXT_AFTER_ONE_GC, finish ? 'finish' : 'keep'], { encoding: 'utf8' });
  return (JSON.parse(out) as { freed: boolean }).freed;
}

describe('finishBackgroundOptimization', () => {
  it('lets one GC free a context whose function is still being optimized in the background', () => {
    expect(freedAfterOneGc(false)).toBe(false);
    expect(freedAfterOneGc(true)).toBe(true);
  });

  it('leaves the natives syntax off, and can be called again', () => {
    const script = `
const { finishBackgroundOptimization } = require(${JSON.stringify(mainContext)});
finishBackgroundOptimization();
finishBackgroundOptimization();
let natives = true;
try { new Function('%FinalizeOptimization()'); } catch { natives = false; }
console.log(JSON.stringify({ natives }));
`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual({ natives: false });
  });
});
