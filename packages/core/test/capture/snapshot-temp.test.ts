import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSnapshotDir, sweepStaleSnapshotDirs } from '../../src/capture/snapshot/snapshot-temp.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-temp-test-'));
  dirs.push(dir);
  return dir;
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('snapshot temp directories', () => {
  it('names them after memscope and the owning pid', () => {
    const dir = createSnapshotDir();
    dirs.push(dir);
    expect(dir).toContain(`memscope-snapshot-${process.pid}-`);
  });

  it('sweeps the directories of dead processes only, and nothing else', () => {
    const root = scratch();
    const dead = join(root, `memscope-snapshot-${deadPid()}-abc123`);
    const mine = join(root, `memscope-snapshot-${process.pid}-def456`);
    const live = join(root, `memscope-snapshot-${process.ppid}-ghi789`);
    const other = join(root, 'memscope-run-xyz');
    for (const dir of [dead, mine, live, other]) mkdirSync(dir);
    expect(sweepStaleSnapshotDirs(root)).toEqual([dead]);
    expect(readdirSync(root).sort()).toEqual(['memscope-run-xyz', `memscope-snapshot-${process.ppid}-ghi789`, `memscope-snapshot-${process.pid}-def456`].sort());
  });

  it('takes a snapshot through a file on this Node and leaves nothing in the temp directory', () => {
    const tmp = scratch();
    const script = `
      const { createJsCapture } = require('./dist/capture/js/js.js');
      const graph = createJsCapture().heapGraph();
      process.stdout.write(String(graph.nodeCount));`;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(Number(child.stdout)).toBeGreaterThan(1000);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('leaves nothing behind when the process is killed right after V8 wrote the snapshot', () => {
    const tmp = scratch();
    const script = `
      const v8 = require('node:v8');
      const write = v8.writeHeapSnapshot;
      v8.writeHeapSnapshot = (file) => { write.call(v8, file); process.kill(process.pid, 'SIGKILL'); };
      require('./dist/capture/js/js.js').createJsCapture().heapGraph();`;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp },
    });
    expect(child.signal).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
