// A setup entry as one file: the modules a test file loads at its start,
// read from one file and compiled without Node's per-module resolution (and
// the same for the report code the reporters load at the end of a run).
//
// Vitest with `isolate: true` (its default) starts every test file in a new
// process or worker thread, so memscope's setup entry loads afresh for every
// file. As ~30 separate CommonJS modules that cost ~13 ms of CPU per file,
// most of it Node resolving and reading each module. The packed file
// (`<entry>.packed.js`, its module table, and `<entry>.packed.sources`,
// their built sources) evaluates each module as Node would (its CommonJS
// wrapper, under its own file name, so stack frames and `__dirname` are
// unchanged) with V8's code cache, and registers it in require.cache under
// that name: a module loaded later from dist (the verdict, on a matcher's
// first call) that requires one of them gets the same instance. A module a
// test file already loaded is taken from the cache. The runtime, code cache
// included, is scripts/packed-entry/runtime.js.
//
// The packed entry falls back to the plain entry inside a vm context, in a
// build when a module's file is missing, of another size or newer than the
// packed file (a `tsc` run without this step), and in an install when a
// carried package beside it has another version than the one packed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const here = path.dirname(fileURLToPath(import.meta.url));
/** What every packed file runs after its generated constants. */
const RUNTIME = readFileSync(path.join(here, 'packed-entry/runtime.js'), 'utf8');

/** Packages whose files a packed entry may carry, found at run time from the entry's location. */
const PACKAGES = {
  '@memscope/vitest': 'packages/vitest-plugin',
  '@memscope/jest': 'packages/jest-plugin',
  '@memscope/core': 'packages/core',
  '@memscope/native': 'native',
};

/**
 * Each packed entry: its own package and file, the modules its first test
 * needs beyond the entry's static imports (the capture is built then), and
 * where the packed file goes.
 */
const ENTRIES = [
  {
    pkg: '@memscope/vitest',
    entry: 'dist/index.js',
    firstTest: [['@memscope/core', 'dist/capture/native.js']],
    out: 'dist/index.packed.js',
  },
  {
    pkg: '@memscope/jest',
    entry: 'dist/setup/install.js',
    firstTest: [['@memscope/core', 'dist/capture/native.js']],
    out: 'dist/setup/install.packed.js',
  },
  {
    // Both reporters load it once the run is complete, on the run's critical path.
    pkg: '@memscope/core',
    entry: 'dist/plugin-kit/finish-run.js',
    firstTest: [],
    out: 'dist/plugin-kit/finish-run.packed.js',
  },
];

const dirOf = (pkg) => path.join(root, PACKAGES[pkg]);

/** The package and package-relative path of an absolute file inside one of PACKAGES, or null. */
function locate(file) {
  for (const [pkg, dir] of Object.entries(PACKAGES)) {
    const relative = path.relative(path.join(root, dir), file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return { pkg, rel: relative.split(path.sep).join('/') };
  }
  return null;
}

/** Every `require("…")` or `require('…')` with a literal specifier, and whether it runs when the module loads. */
function requiresOf(source) {
  const found = [];
  for (const line of source.split('\n')) {
    for (const match of line.matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
      // tsc writes a top-level import at column 0; a require inside a function is indented.
      found.push({ specifier: match[2], atLoad: !/^\s/.test(line) });
    }
  }
  return found;
}

function resolveFrom(file, specifier) {
  if (specifier.startsWith('node:')) return null;
  let resolved;
  try {
    resolved = createRequire(file).resolve(specifier);
  } catch {
    return null;
  }
  return resolved.endsWith('.js') ? locate(resolved) : null;
}

function pack({ pkg, entry, firstTest, out }) {
  const modules = [];
  const indexOf = new Map();
  const pending = [[pkg, entry], ...firstTest];
  // The modules loaded at the entry's load and its first test's: their load-time requires, transitively.
  while (pending.length > 0) {
    const [modulePkg, rel] = pending.shift();
    const key = `${modulePkg}/${rel}`;
    if (indexOf.has(key)) continue;
    const file = path.join(dirOf(modulePkg), rel);
    const source = readFileSync(file, 'utf8');
    const requires = requiresOf(source).map((found) => ({ ...found, target: resolveFrom(file, found.specifier) }));
    indexOf.set(key, modules.length);
    modules.push({ pkg: modulePkg, rel, source, requires });
    for (const found of requires) if (found.atLoad && found.target) pending.push([found.target.pkg, found.target.rel]);
  }
  // Every literal require of a packed module, at load or later, is served from the pack.
  let offset = 0;
  const rows = modules.map(({ pkg: modulePkg, rel, source, requires }) => {
    const deps = {};
    for (const { specifier, target } of requires) {
      const at = target ? indexOf.get(`${target.pkg}/${target.rel}`) : undefined;
      if (at !== undefined) deps[specifier] = at;
    }
    // The source map comment stays: Node finds the map beside the module's own file name.
    const size = Buffer.byteLength(source);
    // An ASCII source decodes as latin1, ~10× faster than as UTF-8.
    const row = [modulePkg, rel, deps, offset, size, size === source.length ? 'latin1' : 'utf8'];
    offset += size;
    return row;
  });
  // The sources sit in a file of their own: V8 would otherwise parse ~150 KB
  // of string literals (~1 ms) every time the packed file loads.
  const sources = modules.map((module) => module.source).join('');
  const outFile = path.join(dirOf(pkg), out);
  const packageDirs = [...new Set(modules.map((module) => module.pkg))];
  const otherPackages = packageDirs.filter((name) => name !== pkg).map((name) => [name, name === '@memscope/native' ? '@memscope/core' : pkg]);
  const plainEntry = './' + path.relative(path.dirname(outFile), path.join(dirOf(pkg), entry)).split(path.sep).join('/');
  const constants = [
    `const OWN_PACKAGE = ${JSON.stringify(pkg)};`,
    `const OWN_ROOT_FROM_HERE = ${JSON.stringify(path.relative(path.dirname(outFile), dirOf(pkg)) || '.')};`,
    '// [package, the package it resolves from]',
    `const OTHER_PACKAGES = ${JSON.stringify(otherPackages)};`,
    '// [package, its version when packed]',
    `const PACKAGE_VERSIONS = ${JSON.stringify(packageDirs.map((name) => [name, JSON.parse(readFileSync(path.join(dirOf(name), 'package.json'), 'utf8')).version]))};`,
    `const PLAIN_ENTRY = ${JSON.stringify(plainEntry)};`,
    `const SOURCES_FILE = ${JSON.stringify('./' + path.basename(out, '.js') + '.sources')};`,
    '// [package, file in the package, packed modules by specifier, byte offset of its source in SOURCES_FILE, its size in bytes, its encoding]',
    `const MODULES = ${JSON.stringify(rows)};`,
  ].join('\n');
  // The id a code cache must carry: it changes with any packed source or the runtime.
  const packId = createHash('sha256').update(constants).update(sources).update(RUNTIME).digest('hex').slice(0, 16);
  const text = `'use strict';
// Generated by scripts/pack-setup-entries.mjs from ${pkg}/${entry} and the modules it loads; see that script.
${constants}
const PACK_ID = ${JSON.stringify(packId)};

${RUNTIME}`;
  const sourcesFile = path.join(path.dirname(outFile), path.basename(out, '.js') + '.sources');
  writeFileSync(sourcesFile + '.tmp', sources);
  renameSync(sourcesFile + '.tmp', sourcesFile);
  writeFileSync(outFile + '.tmp', text);
  renameSync(outFile + '.tmp', outFile);
  return { outFile, modules: modules.length, bytes: text.length };
}

/** Code caches of an earlier pack (scripts/packed-entry/runtime.js); each process that lacks one writes it. */
function removeCodeCaches(outFile) {
  const dir = path.dirname(outFile);
  const base = path.basename(outFile, '.js');
  for (const name of readdirSync(dir)) if (name.startsWith(`${base}.`) && name.endsWith('.v8cache')) rmSync(path.join(dir, name));
}

for (const spec of ENTRIES) {
  const { outFile, modules, bytes } = pack(spec);
  removeCodeCaches(outFile);
  console.log(`${path.relative(root, outFile)}: ${modules} modules, ${(bytes / 1024).toFixed(0)} KiB`);
}
