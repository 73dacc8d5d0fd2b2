import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The packed entries (scripts/pack-setup-entries.mjs) against the plain
// build they carry, each in a fresh Node process (a fresh require cache).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ENTRIES = [
  { packed: 'packages/vitest-plugin/dist/index.packed.js', plain: 'packages/vitest-plugin/dist/index.js', carried: 'packages/core/dist/worker.js' },
  { packed: 'packages/jest-plugin/dist/setup/install.packed.js', plain: 'packages/jest-plugin/dist/setup/install.js', carried: 'packages/core/dist/tasks/recorder.js' },
  { packed: 'packages/core/dist/plugin-kit/finish-run.packed.js', plain: 'packages/core/dist/plugin-kit/finish-run.js', carried: 'packages/core/dist/report/build.js' },
];

interface Loaded {
  names: string[];
  plainNames: string[];
  sameAsPlain: boolean;
  carriedFromPack: boolean;
  carriedSameOnRequire: boolean;
}

/** How a stale module file differs from what the packed file carries. */
type Change = 'newer' | 'resized';

/** Loads `packed` in a child, `staleFile` (if any) reading as rebuilt after the packed file. */
function load(entry: (typeof ENTRIES)[number], staleFile?: string, change: Change = 'newer'): Loaded {
  const script = `
    const fs = require('node:fs');
    const path = require('node:path');
    const [stale, change] = process.argv.slice(4);
    if (stale) {
      const statSync = fs.statSync;
      fs.statSync = (file, options) => {
        const stat = statSync(file, options);
        return stat && file === stale ? Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, change === 'resized' ? { size: stat.size + 1 } : { mtimeMs: statSync(process.argv[1]).mtimeMs + 60000 }) : stat;
      };
    }
    const [packed, plain, carried] = process.argv.slice(1, 4);
    const exported = require(packed);
    const carriedModule = require.cache[carried];
    process.stdout.write(JSON.stringify({
      names: Object.keys(exported).sort(),
      plainNames: Object.keys(require(plain)).sort(),
      sameAsPlain: require(plain) === exported,
      carriedFromPack: carriedModule !== undefined && Object.prototype.hasOwnProperty.call(carriedModule, 'require'),
      carriedSameOnRequire: carriedModule !== undefined && require(carried) === carriedModule.exports,
    }));
  `;
  const args = [entry.packed, entry.plain, entry.carried].map((file) => path.join(root, file));
  const output = execFileSync(process.execPath, ['-e', script, ...args, ...(staleFile ? [path.join(root, staleFile), change] : [])], { encoding: 'utf8' });
  return JSON.parse(output) as Loaded;
}

describe.each(ENTRIES)('packed entry $packed', (entry) => {
  test('exports the plain entry itself, and its modules are the ones a later require gets', () => {
    const loaded = load(entry);
    expect(loaded.names.length).toBeGreaterThan(0);
    expect(loaded.names).toEqual(loaded.plainNames);
    expect(loaded.sameAsPlain).toBe(true);
    expect(loaded.carriedFromPack).toBe(true);
    expect(loaded.carriedSameOnRequire).toBe(true);
  });

  test.each<Change>(['newer', 'resized'])('falls back to the plain build when a carried module was rebuilt after it (%s)', (change) => {
    const loaded = load(entry, entry.carried, change);
    expect(loaded.names).toEqual(loaded.plainNames);
    expect(loaded.sameAsPlain).toBe(true);
    expect(loaded.carriedFromPack).toBe(false);
    expect(loaded.carriedSameOnRequire).toBe(true);
  });
});
