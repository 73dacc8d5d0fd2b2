// Each package is compiled once, to CommonJS. Its ESM entry points are thin
// re-exports of that one build, so module state (the task registry, the GC
// accounting) exists once even when a process loads both flavours.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['packages/core', 'packages/jest-plugin', 'packages/vitest-plugin'];

for (const pkgDir of packages) {
  const manifest = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const require = createRequire(join(root, pkgDir, 'package.json'));
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target.import || !target.require) continue;
    const cjsPath = join(root, pkgDir, target.require);
    const mjsPath = join(root, pkgDir, target.import);
    const names = Object.keys(require(cjsPath)).filter((name) => name !== 'default' && name !== '__esModule');
    const specifier = './' + relative(dirname(mjsPath), cjsPath).split('\\').join('/');
    const lines = [
      `import cjs from '${specifier}';`,
      ...names.map((name) => `export const ${name} = cjs.${name};`),
      'export default cjs;',
      '',
    ];
    writeFileSync(mjsPath + '.tmp', lines.join('\n'));
    renameSync(mjsPath + '.tmp', mjsPath);
  }
}
