import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const corePackage = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a fixture script that prints a verdict's JSON, in a fresh Node on one
 * capture path (a heap of its own, nothing of the test runner's in it), from
 * the core package's folder. `printed` is the parsed output when it exited
 * cleanly; `output` is everything it wrote, for the assertion's message.
 */
export function runFixtureChild<T>(fixture: string, capture: 'native' | 'js', args: readonly string[] = []): { output: string; printed?: T } {
  const child = spawnSync(process.execPath, ['--no-warnings', fixture, ...args], {
    cwd: corePackage,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MEMSCOPE_CAPTURE: capture },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${child.stdout}\n${child.stderr}`;
  return { output, printed: child.status === 0 ? (JSON.parse(child.stdout) as T) : undefined };
}
