import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, runVitestIn, vitestConfig, VITEST_VERSIONS, type VitestRun } from './run-vitest.js';

describe.each(VITEST_VERSIONS)('Vitest %i: browser mode', (version) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, {
      'page.spec.ts': "import { test } from 'vitest';\ntest('renders', () => {});\n",
      'vitest.config.mjs': vitestConfig({ test: { browser: { enabled: true, instances: [{ browser: 'chromium' }] } } }),
    });
    run = await runVitestIn(project, version);
  });
  afterAll(() => project?.cleanup());

  test('is refused at start-up with the reason and what to do instead', () => {
    expect(run.exitCode).not.toBe(0);
    if (version === 5) {
      // Vitest 5 refuses a browser config without a provider before any
      // reporter starts, so its own message is the one the user sees.
      expect(run.output).toContain('Browser Mode was enabled, but provider was not specified');
      expect(run.output).not.toContain('renders');
      return;
    }
    expect(run.output).toContain('memscope cannot measure tests that run in browser mode');
    expect(run.output).toContain('Run memory tests in a Node pool');
    expect(run.output).not.toContain('renders');
  });
});
