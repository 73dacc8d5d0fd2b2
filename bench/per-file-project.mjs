// The generated project bench/per-file.bench.mjs and
// bench/per-file-breakdown.bench.mjs run: many small test files (a few
// trivial tests each, so the fixed per-file cost dominates) for Vitest and
// Jest, with configs that pick memscope, an empty setup file or nothing from
// BENCH_* environment variables, and memscope installed from the `npm pack`
// tarballs of `source`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installPackedMemscope } from './lib/packed-memscope.mjs';

/**
 * `testsPerFile` beyond the three each file always has are trivial
 * synchronous tests: a few files of many tests show the per-test cost, as
 * many files of few tests show the per-file one.
 */
export function writePerFileProject(project, source, fileCount, testsPerFile = 3) {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'vitest'), { recursive: true });
  mkdirSync(path.join(project, 'jest'), { recursive: true });
  const extraTests = Array.from({ length: Math.max(0, testsPerFile - 3) }, (_, j) => `test('doubles ${j}', () => { expect([${j}, 2].map((x) => x * 2)).toEqual([${2 * j}, 4]); });\n`).join('');
  for (let i = 0; i < fileCount; i++) {
    const body = (imports) => `${imports}
const parse = (text) => text.split(',').map(Number);
test('parses ${i}', () => { expect(parse('${i},2,3')).toEqual([${i}, 2, 3]); });
test('sums ${i}', () => { expect(parse('1,${i}').reduce((a, b) => a + b, 0)).toBe(${i + 1}); });
test('waits ${i}', async () => { await new Promise((resolve) => setTimeout(resolve, 1)); expect(true).toBe(true); });
${extraTests}`;
    writeFileSync(path.join(project, `vitest/f${i}.test.mjs`), body(`import { test, expect } from 'vitest';`));
    writeFileSync(path.join(project, `jest/f${i}.test.js`), body(''));
  }
  writeFileSync(path.join(project, 'empty.setup.mjs'), '// A setup file that does nothing: what the runner charges for one.\n');
  writeFileSync(path.join(project, 'empty.setup.cjs'), '// A setup file that does nothing: what the runner charges for one.\n');
  writeFileSync(
    path.join(project, 'vitest.config.mjs'),
    `import { fileURLToPath } from 'node:url';
const variant = process.env.BENCH_VARIANT;
// 'memscope setup only': the setup file without the reporter, which splits the per-file cost in two.
const withSetup = variant === 'memscope' || variant === 'memscope setup only';
// Vitest would look a reporter's package up from its own install: name this project's copy.
const reporter = fileURLToPath(import.meta.resolve('@memscope/vitest/reporter'));
export default {
  test: {
    include: ['vitest/*.test.mjs'],
    pool: process.env.BENCH_POOL,
    isolate: process.env.BENCH_ISOLATE === 'true',
    setupFiles: withSetup ? ['@memscope/vitest'] : variant === 'empty setup' ? ['./empty.setup.mjs'] : [],
    reporters: variant === 'memscope' ? ['json', [reporter, { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]] : ['json'],
    outputFile: { json: process.env.BENCH_JSON },
    // For profiling the workers: BENCH_EXEC_ARGV='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    execArgv: process.env.BENCH_EXEC_ARGV ? process.env.BENCH_EXEC_ARGV.split(' ') : [],
  },
};
`,
  );
  writeFileSync(
    path.join(project, 'jest.config.cjs'),
    `const variant = process.env.BENCH_VARIANT;
const withSetup = variant === 'memscope' || variant === 'memscope setup only';
module.exports = {
  testMatch: ['<rootDir>/jest/*.test.js'],
  testEnvironment: 'node',
  setupFilesAfterEnv: withSetup ? ['@memscope/jest'] : variant === 'empty setup' ? ['<rootDir>/empty.setup.cjs'] : [],
  reporters: variant === 'memscope' ? ['default', ['@memscope/jest/reporter', { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]] : ['default'],
};
`,
  );
  installPackedMemscope(project, source);
}
