import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

// The type files are checked as a user's project sees them: through the
// built package (`npm run build` first). Each program holds @memscope/jest
// and one flavour of Jest types; the @ts-expect-error lines make sure wrong
// calls are still errors.
describe.each(['jest-globals', 'types-jest'])('types with %s', (flavour) => {
  it('type-check with tsc', async () => {
    expect(existsSync(join(root, 'packages/jest-plugin/dist/index.d.ts'))).toBe(true);
    const project = join(__dirname, 'types', flavour, 'tsconfig.json');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', project], { cwd: root }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);
});
