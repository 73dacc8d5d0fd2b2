// Puts one suite on disk: the repository at its commit under
// bench/.work/real-suites/<name>/repo, the packages its tests import and
// memscope (packed) under bench/.work/real-suites/<name>/node_modules, and
// two wrapper configs beside the repository's own: without memscope and
// with it as a user adds it. Node resolves from the repository up through
// that node_modules to the workspace's (Vitest, Jest, ts-jest, TypeScript).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installPackedMemscope, workspaceRoot } from '../lib/packed-memscope.mjs';

export const suitesDir = path.join(workspaceRoot, 'bench/.work/real-suites');

/**
 * The repository's files at `commit`: from a local mirror
 * (MEMSCOPE_BENCH_MIRRORS/<owner>+<name>/repo, a bare git directory) when
 * there is one, else cloned from GitHub.
 */
function checkout(suite, target) {
  const mirrors = process.env.MEMSCOPE_BENCH_MIRRORS ?? '/work/.mirror';
  const mirror = path.join(mirrors, suite.repo.replace('/', '+'), 'repo');
  mkdirSync(target, { recursive: true });
  let gitDir = mirror;
  if (!existsSync(mirror)) {
    gitDir = path.join(target, '..', 'clone.git');
    rmSync(gitDir, { recursive: true, force: true });
    execFileSync('git', ['clone', '--bare', '--filter=blob:none', `https://github.com/${suite.repo}.git`, gitDir], { stdio: 'inherit' });
  }
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', suite.commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', target], { input: archive });
}

function declaredRange(repoDir, name) {
  const manifest = JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
  const range = manifest.devDependencies?.[name] ?? manifest.dependencies?.[name];
  if (!range) throw new Error(`${name} is not declared in ${path.join(repoDir, 'package.json')}`);
  return range;
}

/**
 * Where a wrapper takes memscope from: null for none, else the directory
 * whose node_modules/@memscope holds it (the suite's own, or the copy of
 * another build with --compare), named by absolute paths.
 */
function memscopeEntries(runner, from) {
  const pkg = (name) => path.join(from, 'node_modules/@memscope', name);
  return runner === 'vitest'
    ? { setup: path.join(pkg('vitest'), 'dist/index.mjs'), reporter: path.join(pkg('vitest'), 'dist/reporter.mjs') }
    : { setup: path.join(pkg('jest'), 'dist/index.js'), reporter: path.join(pkg('jest'), 'dist/reporter/index.js') };
}

function vitestWrapper(suite, from) {
  const base = suite.config ? `import base from './${suite.config}';` : 'const base = {};';
  const entries = from && memscopeEntries('vitest', from);
  const memscope = entries
    ? `setupFiles: [${JSON.stringify(entries.setup)}],
    reporters: ['json', [${JSON.stringify(entries.reporter)}, { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]],`
    : `reporters: ['json'],`;
  return `// ${from ? `The suite with memscope (from ${from}) as a user adds it` : 'The suite as it is'}; only the JSON reporter added, to count results.
import { mergeConfig } from 'vitest/config';
${base}

export default mergeConfig(base, {
  test: {
    ${memscope}
    outputFile: { json: process.env.BENCH_JSON },
    coverage: { enabled: false },
  },
});
`;
}

function jestWrapper(suite, from) {
  const base = suite.config === 'package.json' ? `require('./package.json').jest` : `require('./${suite.config}')`;
  const entries = from && memscopeEntries('jest', from);
  const memscope = entries
    ? `setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), ${JSON.stringify(entries.setup)}],
  reporters: ['default', [${JSON.stringify(entries.reporter)}, { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]],`
    : '';
  return `// ${from ? `The suite with memscope (from ${from}) as a user adds it` : 'The suite as it is'}.
const base = ${base};
module.exports = {
  ...base,
  rootDir: __dirname,
  ${memscope}
};
`;
}

/** The wrapper config of one variant: 'without', 'memscope', or 'compare' (memscope of --compare DIR). */
export function wrapperName(suite, variant) {
  return suite.runner === 'vitest' ? `bench.${variant}.vitest.config.mjs` : `bench.${variant}.jest.config.cjs`;
}

/** Makes the suite's directory ready to run; with `fresh`, from scratch. */
export function prepareSuite(suite, { fresh = false, compareRoot = null } = {}) {
  const dir = path.join(suitesDir, suite.name);
  const repoDir = path.join(dir, 'repo');
  if (fresh) rmSync(dir, { recursive: true, force: true });
  // Written once the checkout and the install have both succeeded.
  const ready = path.join(dir, 'prepared.json');
  if (!existsSync(ready)) {
    rmSync(dir, { recursive: true, force: true });
    checkout(suite, repoDir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, description: `test dependencies of ${suite.repo}` }, null, 2));
    if (suite.deps.length > 0) {
      const specs = suite.deps.map((name) => `${name}@${declaredRange(repoDir, name)}`);
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir, stdio: 'inherit' });
    }
    writeFileSync(ready, JSON.stringify({ repo: suite.repo, commit: suite.commit, deps: suite.deps }));
  }
  // memscope is packed afresh every time: the figures are of the current build.
  installPackedMemscope(dir);
  const variants = { without: null, memscope: dir };
  if (compareRoot) {
    const compareDir = path.join(dir, 'compare');
    installPackedMemscope(compareDir, compareRoot);
    variants.compare = compareDir;
  }
  for (const [variant, from] of Object.entries(variants)) {
    const text = suite.runner === 'vitest' ? vitestWrapper(suite, from) : jestWrapper(suite, from);
    writeFileSync(path.join(repoDir, wrapperName(suite, variant)), text);
  }
  return repoDir;
}
