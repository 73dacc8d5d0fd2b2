import { spawn } from 'node:child_process';
import { cleanEnvironment } from '../support/index.js';

export interface NpmResult {
  exitCode: number | null;
  /** stdout and stderr interleaved, as a user sees them in a terminal. */
  log: string;
  seconds: number;
}

/**
 * The environment for an npm a user would type: the harness's npm run
 * (`npm test`) exports npm_config_* and npm_package_* variables that would
 * point a child npm back at this workspace.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = cleanEnvironment();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return env;
}

/** Runs `npm <args>` in `cwd`; never rejects on a non-zero exit (callers assert on it). */
export function runNpm(args: readonly string[], cwd: string, timeoutMs = 600_000): Promise<NpmResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: userEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, log, seconds: (performance.now() - started) / 1000 });
    });
  });
}
