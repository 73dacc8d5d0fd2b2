import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixtureChild } from '../support/fixture-child.js';

const fixture = fileURLToPath(new URL('./fixtures/weakmap-proxy-leak.cjs', import.meta.url));

interface Verdict {
  capture: string;
  leaked: boolean;
  findings: Array<{ kind: string; title: string }>;
}

function runFixture(capture: 'native' | 'js'): { output: string; verdict?: Verdict } {
  const { output, printed } = runFixtureChild<Verdict>(fixture, capture);
  return { output, verdict: printed };
}

describe('WeakMap entries kept by a leaked listener', () => {
  it.each(['native', 'js'] as const)('read as part of the listener leak on the %s capture, not as a second finding', (capture) => {
    const run = runFixture(capture);
    expect(run.verdict, run.output).toBeDefined();
    expect(run.verdict!.capture).toBe(capture);
    expect(run.verdict!.leaked).toBe(true);
    // A WeakMap's value lives as long as its key: the listener that keeps the
    // key is the one leak, whatever WeakMap files a proxy of it.
    expect(run.verdict!.findings.map((finding) => finding.title), run.output).toEqual([expect.stringMatching(/listeners of 'keydown'.*onKeydown/)]);
  });
});
