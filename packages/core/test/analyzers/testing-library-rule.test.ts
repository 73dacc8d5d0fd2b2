import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixtureChild } from '../support/fixture-child.js';

// Svelte Testing Library's render() keeps a task per call in a module Set,
// and its container in the body, until cleanup(); unmount() does not take
// them back. The shipped rule
// testing-library-containers knows the library's own files: the same code in
// a user's file is the user's leak.

const fixture = fileURLToPath(new URL('./fixtures/testing-library-tasks.cjs', import.meta.url));

interface Verdict {
  capture: string;
  leaked: boolean;
  findings: Array<{ kind: string; title: string }>;
}

function runFixture(capture: 'native' | 'js', where: 'library' | 'elsewhere'): { output: string; verdict?: Verdict } {
  const { output, printed } = runFixtureChild<Verdict>(fixture, capture, [where]);
  return { output, verdict: printed };
}

describe("Svelte Testing Library's cleanup tasks", () => {
  it.each(['native', 'js'] as const)('are no finding when the library keeps them (%s capture)', (capture) => {
    const run = runFixture(capture, 'library');
    expect(run.verdict, run.output).toBeDefined();
    expect(run.verdict!.capture).toBe(capture);
    expect(run.verdict!.findings, run.output).toEqual([]);
    expect(run.verdict!.leaked).toBe(false);
  });

  it.each(['native', 'js'] as const)('are the leak when the same code is the user’s (%s capture)', (capture) => {
    const run = runFixture(capture, 'elsewhere');
    expect(run.verdict, run.output).toBeDefined();
    expect(run.verdict!.leaked).toBe(true);
    const titles = run.verdict!.findings.map((finding) => finding.title);
    expect(titles, run.output).toContainEqual(expect.stringMatching(/closures \(.*cleanup\.js:\d+\).*held by Set cleanupTasks/));
    expect(titles, run.output).toContainEqual(expect.stringMatching(/elements of Array childNodes/));
  });
});
