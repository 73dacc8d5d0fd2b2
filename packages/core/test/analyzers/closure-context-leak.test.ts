import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/closure-context-leak.cjs', import.meta.url));
const builtCore = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

interface Verdict {
  capture: string;
  leaked: boolean;
  findings: Array<{ kind: string; title: string; preview?: unknown }>;
}

/** The fixture in a process of its own: a V8 fatal error ends that process, not this worker. */
function runFixture(capture: 'native' | 'js') {
  if (!existsSync(builtCore)) throw new Error(`${builtCore} is missing: the fixture loads the built package, run \`npm run build\` first.`);
  const child = spawnSync(process.execPath, [fixture], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MEMSCOPE_CAPTURE: capture },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { signal: child.signal, status: child.status, output: `${child.stdout}\n${child.stderr}`, verdict: child.status === 0 ? (JSON.parse(child.stdout) as Verdict) : undefined };
}

describe('a leak whose largest group is closure contexts', () => {
  it.each(['native', 'js'] as const)('is found on the %s capture, the process lives, and the context is described, not printed', (capture) => {
    const run = runFixture(capture);
    expect(run.signal, run.output).toBeNull();
    expect(run.status, run.output).toBe(0);
    const verdict = run.verdict!;
    expect(verdict.capture).toBe(capture);
    expect(verdict.leaked).toBe(true);
    for (const finding of verdict.findings) expect(['string', 'undefined']).toContain(typeof finding.preview);
    // The contexts fold into the listener that owns them: one finding, the
    // listener previewed as a function, never a V8 context handed to the
    // formatter (snapshot-description.test.ts covers the described context).
    expect(verdict.findings.map((finding) => finding.title)).toEqual([expect.stringMatching(/onError/)]);
    expect(verdict.findings[0]!.title).not.toMatch(/system \/|\(closure\)|Node \//);
    expect(verdict.findings[0]!.preview).toMatch(/^\[Function onError\] function onError\(error\) \{$|^closure context of onError, \d+ variables?: (.*, )?request\b/);
  });
});
