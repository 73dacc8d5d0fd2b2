import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatchersOnDemand } from '../src/matchers/on-demand.js';
import { MATCHER_NAMES } from '../src/matchers/names.js';

// The per-test-file path is what the plugins load from the build, so these
// tests load the build too (`npm run build` first, as for the end-to-end tests).
const dist = path.resolve(__dirname, '../dist');
const requireFromHere = createRequire(__filename);

/** core's modules a fresh Node process has loaded after `script`, relative to dist. */
function modulesLoadedBy(script: string): string[] {
  const probe = `${script}; console.log(JSON.stringify(Object.keys(require.cache)))`;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: dist, encoding: 'utf8', env: { ...process.env, MEMSCOPE_CAPTURE: 'js' } })) as string[];
  return loaded.filter((file) => file.startsWith(dist + path.sep)).map((file) => path.relative(dist, file).split(path.sep).join('/'));
}

const HEAVY = /^(verdict|analyzers\/(?!stack-frames)|report|baseline|capture\/(js|snapshot-parser|native)|matchers\/(index|to-))/;

describe('@memscope/core/worker', () => {
  it('loads the recorder and the run channel, none of the verdict, analyzers, pure-JS capture or report code', () => {
    const loaded = modulesLoadedBy(`require('./worker.js')`);
    expect(loaded).toContain('tasks/recorder.js');
    expect(loaded).toContain('plugin-kit/run-channel.js');
    expect(loaded.filter((file) => HEAVY.test(file))).toEqual([]);
  });

  it('loads the matchers and the capture on first use', () => {
    const loaded = modulesLoadedBy(
      `const w = require('./worker.js'); w.getCapture(); w.createMatchersOnDemand().toBeCollected.call({}, 'x').catch(() => {})`,
    );
    expect(loaded).toContain('capture/js/js.js');
    expect(loaded).toContain('matchers/index.js');
    expect(loaded).toContain('verdict/check-leak.js');
  });

  it('exports the same recorder and capture as the full entry and the plugin kit', () => {
    const worker = requireFromHere(path.join(dist, 'worker.js'));
    const full = requireFromHere(path.join(dist, 'index.js'));
    const kit = requireFromHere(path.join(dist, 'plugin-kit/index.js'));
    expect(worker.createFileRecorder).toBe(kit.createFileRecorder);
    expect(worker.joinRunChannel).toBe(kit.joinRunChannel);
    expect(worker.track).toBe(full.track);
    expect(worker.MATCHER_NAMES).toEqual(full.MATCHER_NAMES);
    expect(worker.getCapture()).toBe(full.getCapture());
  });
});

describe('createMatchersOnDemand', () => {
  it('has every matcher, each named after itself', () => {
    const matchers = createMatchersOnDemand();
    expect(Object.keys(matchers)).toEqual([...MATCHER_NAMES]);
    for (const name of MATCHER_NAMES) expect(matchers[name].name).toBe(name);
  });

  it('runs the real matcher once loaded: its own validation answers (from the sources)', async () => {
    const matchers = createMatchersOnDemand();
    await expect(matchers.toBeCollected.call({ isNot: false } as never, 42)).rejects.toThrow(/toBeCollected: expect\(\) takes the name given to track\(\), got number/);
  });

  it('runs the real matcher once loaded (from the build)', async () => {
    const worker = requireFromHere(path.join(dist, 'worker.js'));
    const matchers = worker.createMatchersOnDemand();
    await expect(matchers.toBeCollected.call({ isNot: false }, null)).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_USAGE' });
  });
});
