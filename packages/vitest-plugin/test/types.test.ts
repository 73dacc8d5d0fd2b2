import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

// The type tests (types/*.test-d.ts) compile against the built declarations,
// as a user's project would: the matchers on Vitest's Assertion, `track`,
// `installMemscope`, and the calls that must not compile.
test('the type tests compile', () => {
  const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(import.meta.dirname, 'types')], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});
