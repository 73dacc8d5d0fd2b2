import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type FixtureFiles } from '../support/index.js';

/**
 * A Jest fixture's spec as a Vitest spec, so a fixture both runners share
 * is written once (in test/jest/fixtures): its `const x = require('y')`
 * lines become imports, and Vitest's `test` and `expect` are imported where
 * Jest has globals.
 */
export function vitestSpecOf(jestSource: string): string {
  const body = jestSource.replace(/^const (\{[^}\n]*\}|\w+) = require\('([^']+)'\);$/gm, (_line, names: string, from: string) => `import ${names} from '${from}';`);
  if (/\brequire\(/.test(body)) throw new Error('vitestSpecOf: a require() other than `const x = require(\'y\');` at the start of a line is left; write it so');
  return `import { expect, test } from 'vitest';\n${body}`;
}

/** Every spec of a Jest fixture (`name.spec.js`), as Vitest specs of the same names (`name.spec.mjs`). */
export function specsFromJestFixture(name: string): FixtureFiles {
  const dir = join(repoRoot, 'test/jest/fixtures', name);
  const files: FixtureFiles = {};
  for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.spec.js'))) {
    files[file.replace(/\.js$/, '.mjs')] = vitestSpecOf(readFileSync(join(dir, file), 'utf8'));
  }
  return files;
}
