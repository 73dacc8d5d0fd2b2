import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

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

/**
 * A private install of @memscope/vitest, core and native's loader (their
 * package.json and built files), so that no other test's run writes the
 * caches this one reads: the e2e suites load the workspace's packed entry.
 */
function privateInstall(): { dir: string; packed: string; ownFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memscope-code-cache-'));
  const copy = (from: string, name: string, parts: string[]) => {
    for (const part of parts) cpSync(path.join(root, from, part), path.join(dir, 'node_modules/@memscope', name, part), { recursive: true });
  };
  copy('packages/vitest-plugin', 'vitest', ['package.json', 'dist']);
  copy('packages/core', 'core', ['package.json', 'dist']);
  copy('native', 'native', ['package.json', 'index.js', 'loader.js', 'paths.js']);
  const vitestDir = path.join(dir, 'node_modules/@memscope/vitest');
  for (const name of readdirSync(path.join(vitestDir, 'dist'))) if (name.endsWith('.v8cache')) rmSync(path.join(vitestDir, 'dist', name));
  return { dir, packed: path.join(vitestDir, 'dist/index.packed.js'), ownFile: path.join(vitestDir, 'dist/index.js') };
}

/** The code caches beside a packed file (scripts/packed-entry/runtime.js). */
function codeCaches(packed: string): string[] {
  const dir = path.dirname(packed);
  const base = path.basename(packed, '.js');
  return readdirSync(dir).filter((name) => name.startsWith(`${base}.`) && name.endsWith('.v8cache')).map((name) => path.join(dir, name));
}

interface CacheUse {
  /** Modules compiled from the code cache, and compiled without one. */
  fromCache: number;
  compiled: number;
  /** Where the entry's own code threw from: the first frame of the stack. */
  thrownAt: string;
}

/** Loads a Vitest packed entry in a fresh process (outside Vitest, so its first export throws), counting V8's use of the cache. */
function loadVitestEntry(packed: string): CacheUse {
  const script = `
    const vm = require('node:vm');
    const Script = vm.Script;
    let fromCache = 0, compiled = 0;
    vm.Script = function (source, options) {
      const script = new Script(source, options);
      if (options?.filename?.endsWith('.js')) (options.cachedData && !script.cachedDataRejected ? fromCache++ : compiled++);
      return script;
    };
    const entry = require(process.argv[1]);
    let thrownAt = '';
    try { entry.installMemscope(); } catch (error) { thrownAt = error.stack.split('\\n').find((line) => line.trim().startsWith('at ')).trim(); }
    process.stdout.write(JSON.stringify({ fromCache, compiled, thrownAt }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, packed], { encoding: 'utf8' })) as CacheUse;
}

describe("the packed entries' V8 code cache", () => {
  let install: ReturnType<typeof privateInstall>;
  beforeAll(() => {
    install = privateInstall();
  });
  afterAll(() => rmSync(install.dir, { recursive: true, force: true }));

  test("the first process writes it at its exit, the next compiles nothing, and stack frames name each module's own file", () => {
    const first = loadVitestEntry(install.packed);
    expect(first.fromCache).toBe(0);
    expect(first.compiled).toBeGreaterThan(10);
    expect(codeCaches(install.packed)).toHaveLength(1);

    const second = loadVitestEntry(install.packed);
    expect(second.compiled).toBe(0);
    expect(second.fromCache).toBe(first.compiled);
    expect(second.thrownAt).toContain(`(${install.ownFile}:`);
  });

  test('a cache made for the same modules at other paths is not used (V8 would keep those paths in stack frames)', () => {
    loadVitestEntry(install.packed);
    const [cacheFile] = codeCaches(install.packed);
    // "MSV8" | uint32 header length | JSON header | data: the header names the files it was made for.
    const bytes = readFileSync(cacheFile!);
    const headerLength = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as { files: string[] };
    const moved = Buffer.from(JSON.stringify({ ...header, files: header.files.map((file) => file.replace(install.dir, '/elsewhere')) }));
    const prefix = Buffer.alloc(8);
    prefix.write('MSV8', 0, 'latin1');
    prefix.writeUInt32LE(moved.length, 4);
    writeFileSync(cacheFile!, Buffer.concat([prefix, moved, bytes.subarray(8 + headerLength)]));

    const loaded = loadVitestEntry(install.packed);
    expect(loaded.fromCache).toBe(0);
    expect(loaded.compiled).toBeGreaterThan(10);
    expect(loaded.thrownAt).toContain(`(${install.ownFile}:`);
    // It wrote its own at exit: the next process uses that.
    expect(loadVitestEntry(install.packed).compiled).toBe(0);
  });
});

/** Whether the packed entry of an install served core's worker module from the pack (a fresh Node process). */
function servedFromPack(install: ReturnType<typeof privateInstall>): boolean {
  const carried = path.join(install.dir, 'node_modules/@memscope/core/dist/worker.js');
  const script = `
    require(process.argv[1]);
    const carried = require.cache[process.argv[2]];
    process.stdout.write(String(carried !== undefined && Object.prototype.hasOwnProperty.call(carried, 'require')));
  `;
  return execFileSync(process.execPath, ['-e', script, install.packed, carried], { encoding: 'utf8' }) === 'true';
}

describe('a packed entry in an install (every package under node_modules)', () => {
  let install: ReturnType<typeof privateInstall>;
  beforeAll(() => {
    install = privateInstall();
  });
  afterAll(() => rmSync(install.dir, { recursive: true, force: true }));

  test('serves the carried modules from the pack while the packages beside it have the versions packed', () => {
    expect(servedFromPack(install)).toBe(true);
  });

  test('falls back to the plain build when a package beside it has another version', () => {
    const manifestFile = path.join(install.dir, 'node_modules/@memscope/core/package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: `${manifest.version}-other` }));
    expect(servedFromPack(install)).toBe(false);
  });
});
