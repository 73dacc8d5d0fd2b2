// Running a test runner as a child process and measuring it: wall time, and
// the CPU time of the child and every process it waited for (its workers),
// read from the kernel's accounting of this process's reaped children.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU milliseconds (user + system) of this process's children that have
 * exited and been waited for, from /proc/self/stat (fields cutime and
 * cstime, in clock ticks of 10 ms). A runner's workers count once the
 * runner has waited for them, which Vitest and Jest both do before exiting.
 */
export function reapedChildrenCpuMs() {
  let stat;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch (error) {
    throw new Error(`CPU time of child processes is read from /proc/self/stat, which this system lacks (${error.code ?? error.message}); run the benchmark on Linux.`);
  }
  // The command name (field 2) may contain spaces; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks * 10;
}

/**
 * Runs `command args` in `cwd` with `env` added, and resolves with its wall
 * and CPU time and its output; rejects with the output's tail when it exits
 * otherwise than with one of `okCodes`.
 */
export function runMeasured(command, args, { cwd, env = {}, okCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const cpuBefore = reapedChildrenCpuMs();
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => (output = (output + chunk).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - start;
      const cpuMs = reapedChildrenCpuMs() - cpuBefore;
      if (!okCodes.includes(code)) {
        reject(new Error(`${[command, ...args].join(' ')} (in ${cwd}) exited with ${signal ?? code}:\n${output}`));
        return;
      }
      resolve({ wallMs, cpuMs, code, output });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
