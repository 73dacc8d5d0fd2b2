import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const captureModule = fileURLToPath(new URL('../../dist/capture/index.js', import.meta.url));

/**
 * A child whose live heap fills 84% of a 48 MB old generation forces six
 * thorough collections through the capture, then six of its own.
 */
function nearTheLimit(capturePath: 'native' | 'js') {
  const script = `
    const v8 = require('node:v8');
    const vm = require('node:vm');
    const { getCapture } = require(${JSON.stringify(captureModule)});
    const capture = getCapture();
    const ballast = [];
    capture.gc('fast');
    while (v8.getHeapStatistics().used_heap_size < 0.84 * 48 * 1024 * 1024) ballast.push(Array.from({ length: 2000 }, (_, j) => ({ j })));
    for (let i = 0; i < 6; i++) capture.gc('thorough');
    console.log('survived ' + capture.path);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    for (let i = 0; i < 12; i++) gc();
    console.log('survived its own collections');
  `;
  return spawnSync(process.execPath, ['--max-old-space-size=48', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, MEMSCOPE_CAPTURE: capturePath },
  });
}

describe.each(['native', 'js'] as const)('%s capture: forced collections near the heap limit', (capturePath) => {
  it("do not trip V8's ineffective-GC check, which is back on afterwards", () => {
    const child = nearTheLimit(capturePath);
    // memscope's own back-to-back collections leave the process alive...
    expect(child.stdout).toContain(`survived ${capturePath}`);
    // ...and the check guards the program's own ones again, as V8 does by default.
    expect(child.stderr).toContain('Ineffective mark-compacts near heap limit');
    expect(child.stdout).not.toContain('survived its own collections');
  });
});
