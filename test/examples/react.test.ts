import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../packages/core/src/verdict/types.js';
import { repoRoot, runNode } from '../support/index.js';
import { findingsOf, JEST, runExample, VITEST, type ExampleRun } from './run-example.js';

// The React examples: one cart badge, tested with Testing Library under
// jsdom, in Jest and in Vitest. Their configs give tests a minute: a
// verdict on a jsdom heap takes seconds on a busy machine (the runners'
// default 5 s is covered in test/components).

const LEAK_TEST = 'an unmounted badge leaves nothing behind';

/** Everything a finding says, for matching names that may sit in its title, path or preview. */
const textOf = (finding: Finding) => JSON.stringify(finding);

/**
 * Two bugs, two findings, in both runners: the store subscription is held
 * by the store's listener Set even where the shortest path to it runs
 * through the leaked window listener (under Vitest, whose module graph puts
 * the store's module deeper than the window).
 */
function describeReactExample(name: string, command: readonly string[], testFile: string, source: RegExp) {
  describe(`examples/${name}`, () => {
    let clean: ExampleRun;
    let leaky: ExampleRun;
    beforeAll(async () => {
      clean = await runExample(name, command, false);
      leaky = await runExample(name, command, true);
    }, 600_000);

    test('as shipped, its suite passes with no leak', () => {
      expect(clean.exitCode, clean.output).toBe(0);
      expect(clean.report?.totals).toMatchObject({ tests: 3, failed: 0, leakingTests: 0 });
    });

    test("with the demo bug, the badge's resize listener is a finding named in the window's terms, added in the badge", () => {
      expect(leaky.exitCode, leaky.output).toBe(1);
      expect(leaky.output).not.toMatch(/timed out|Exceeded timeout/i);
      const findings = findingsOf(leaky, `${testFile} > ${LEAK_TEST}`);
      const resize = findings.find((f) => /window gains 'resize' listeners/.test(f.title));
      expect(resize, leaky.output).toMatchObject({ kind: 'storm', perCall: { count: 1 } });
      expect(textOf(resize!)).toContain('onResize');
      expect(resize?.allocationSite?.file).toMatch(source);
      expect(leaky.output).toMatch(/window gains 'resize' listeners: \+1 per call/);
    });

    test("with the demo bug, the badge's store subscription is a finding held by the store's listener Set, and nothing else is", () => {
      const findings = findingsOf(leaky, `${testFile} > ${LEAK_TEST}`);
      const subscription = findings.find((f) => /listeners → Set\b.*onCartChange/.test(f.retainerPathText ?? ''));
      expect(subscription, leaky.output).toMatchObject({ kind: 'storm', holder: 'Set', perCall: { count: 1 } });
      expect(subscription?.title).toMatch(/^closures of onCartChange \(src\/CartBadge\.[jt]sx:17\): \+1 per call .*held by Set listeners$/);
      expect(subscription?.allocationSite?.file).toMatch(source);
      // Nothing of jsdom's, React's or Testing Library's own.
      expect(findings.map((f) => f.title), leaky.output).toHaveLength(2);
      expect(leaky.report?.totals).toMatchObject({ tests: 3, failed: 1 });
    });
  });
}

describeReactExample('react-vitest', VITEST, 'test/CartBadge.test.tsx', /examples\/react-vitest\/src\/CartBadge\.tsx$/);
describeReactExample('react-jest', JEST, 'test/CartBadge.test.jsx', /examples\/react-jest\/src\/CartBadge\.jsx$/);

test('the Vitest example type-checks, JSX and matchers included', async () => {
  const tsc = await runNode([join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'examples/react-vitest'], { cwd: repoRoot });
  expect(tsc.exitCode, tsc.output).toBe(0);
});
