import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/cli/doctor.js';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(coreDir, 'bin', 'memscope.js');

async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Runs the built CLI, as a user would: `npm test` builds first.
describe('memscope doctor (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(join(coreDir, 'dist', 'cli', 'main.js'))) {
      throw new Error('packages/core/dist is missing: run `npm run build` before these tests');
    }
  });

  it('reports versions, the capture in use and a timed heap graph on each available path', async () => {
    const { code, stdout } = await runCli(['doctor', '--json']);
    const report = JSON.parse(stdout) as DoctorReport;
    expect(code).toBe(0);
    expect(report.node).toBe(process.version);
    expect(report.abi).toBe(process.versions.modules);
    expect(report.flagFreeGc.works).toBe(true);
    expect(report.selected === 'native' || report.selected === 'js').toBe(true);
    const js = report.paths.find((check) => check.path === 'js')!;
    expect(js.failure).toBeNull();
    expect(js.heapGraphNodes).toBeGreaterThan(1000);
    expect(js.heapGraphMs).toBeGreaterThan(0);
    expect(js.snapshot?.fits).toBe(true);
    const native = report.paths.find((check) => check.path === 'native')!;
    // Either it works and was timed, or it says why not; and the selection
    // follows, unless MEMSCOPE_CAPTURE chose a path.
    expect(native.failure === null ? native.heapGraphNodes! > 1000 : native.failure.length > 0).toBe(true);
    const chosen = process.env.MEMSCOPE_CAPTURE === 'js' || process.env.MEMSCOPE_CAPTURE === 'native' ? process.env.MEMSCOPE_CAPTURE : undefined;
    expect(report.selected).toBe(chosen ?? (native.failure === null ? 'native' : 'js'));
  });

  it('prints a readable report', async () => {
    const { code, stdout } = await runCli(['doctor']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Node ${process.version}, V8 ${process.versions.v8}, ABI ${process.versions.modules}`);
    expect(stdout).toMatch(/Flag-free GC: works \(\d+\.\d ms\)/);
    expect(stdout).toMatch(/js {5}available; gc fast \d+\.\d ms, thorough \d+\.\d ms/);
    expect(stdout).toMatch(/heap graph: \d+\.\d ms for \d+ nodes/);
    expect(stdout).toMatch(/snapshot guard: needs ~\d+\.\d MB.*: fits/);
  });

  it('says which addon file loaded and from which package', async () => {
    const { stdout } = await runCli(['doctor', '--json']);
    const report = JSON.parse(stdout) as DoctorReport;
    // In the repository the platform package is the workspace native/platforms/linux-x64-gnu.
    expect(report.native).toMatchObject({ loaded: true, source: 'prebuilt', packageName: '@memscope/native-linux-x64-gnu' });
    const text = (await runCli(['doctor'])).stdout;
    expect(text).toContain('Native addon: prebuilt binary from @memscope/native-linux-x64-gnu');
    expect(text).toMatch(/ {2}file: .*prebuilds\/abi-\d+\/memscope\.node/);
  });

  it('exits 1 and explains when MEMSCOPE_CAPTURE is not a known path', async () => {
    const { code, stdout } = await runCli(['doctor'], { MEMSCOPE_CAPTURE: 'wasm' });
    expect(code).toBe(1);
    expect(stdout).toContain('Capture in use: none — MEMSCOPE_CAPTURE must be "native" or "js"');
  });
});
