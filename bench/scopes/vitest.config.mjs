// The suite under Vitest, with memscope as a user adds it: the plugin as a
// setup file and its reporter (which hands the workers the mode).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import options from './reporter-options.cjs';

const mode = process.env.MEMSCOPE_BENCH_MODE;
const withMemscope = mode === 'sampled' || mode === 'settled';
const resolved = (specifier) => fileURLToPath(import.meta.resolve(specifier));

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('./suite', import.meta.url)),
    include: ['tests/*.test.cjs'],
    globals: true,
    setupFiles: withMemscope ? [resolved('@memscope/vitest')] : [],
    reporters: withMemscope ? ['json', [resolved('@memscope/vitest/reporter'), options.reporterOptions(mode)]] : ['json'],
    outputFile: { json: process.env.MEMSCOPE_BENCH_JSON },
    // For profiling the workers: MEMSCOPE_BENCH_EXEC_ARGV='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    execArgv: process.env.MEMSCOPE_BENCH_EXEC_ARGV?.split(' ') ?? [],
  },
});
