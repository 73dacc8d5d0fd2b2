// Each package is compiled once, to CommonJS. Its ESM entry points are thin
// re-exports of that one build, so module state (the task registry, the GC
// accounting) exists once even when a process loads both flavours.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['packages/core', 'packages/jest-plugin', 'packages/vitest-plugin'];

// Vite (Vitest's module runner, in the workers and for reporters) inlines an
// ESM file that does not sit under node_modules, as a workspace-linked
// package does, and then transforms its `import … from './index.js'` as ESM,
// which a CommonJS build is not (a test file's `import { checkLeak } from
// '@memscope/core'` then got undefined). These packages' wrappers load the
// build with Node's own require instead, so it is never transformed and
// loads once.
const requireFromNode = new Set(['packages/core', 'packages/vitest-plugin']);

for (const pkgDir of packages) {
  const manifest = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const require = createRequire(join(root, pkgDir, 'package.json'));
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target.import || !target.require) continue;
    const cjsPath = join(root, pkgDir, target.require);
    const mjsPath = join(root, pkgDir, target.import);
    const loaded = require(cjsPath);
    const names = Object.keys(loaded).filter((name) => name !== 'default' && name !== '__esModule');
    // A TypeScript `export default` compiles to `exports.default`: re-export
    // that as the ESM default (a reporter class that Vitest loads as ESM).
    const defaultExport = loaded.__esModule && 'default' in loaded ? 'cjs.default' : 'cjs';
    const specifier = './' + relative(dirname(mjsPath), cjsPath).split('\\').join('/');
    const load = requireFromNode.has(pkgDir)
      ? [`import { createRequire } from 'node:module';`, `const cjs = createRequire(import.meta.url)('${specifier}');`]
      : [`import cjs from '${specifier}';`];
    const lines = [
      ...load,
      ...names.map((name) => `export const ${name} = cjs.${name};`),
      `export default ${defaultExport};`,
      '',
    ];
    writeFileSync(mjsPath + '.tmp', lines.join('\n'));
    renameSync(mjsPath + '.tmp', mjsPath);
  }
}
