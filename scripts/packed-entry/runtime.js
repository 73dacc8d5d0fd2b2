// The code of every packed entry, after its generated constants (see
// scripts/pack-setup-entries.mjs): MODULES, SOURCES_FILE, PACK_ID,
// OWN_PACKAGE, OTHER_PACKAGES, OWN_ROOT_FROM_HERE and PLAIN_ENTRY are
// defined above.
const { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const ownRoot = path.resolve(__dirname, OWN_ROOT_FROM_HERE);

function packageRoots() {
  const roots = { [OWN_PACKAGE]: ownRoot };
  const from = { [OWN_PACKAGE]: path.join(ownRoot, 'package.json') };
  for (const [name, parent] of OTHER_PACKAGES) {
    const manifest = require.resolve(name + '/package.json', { paths: [path.dirname(from[parent])] });
    roots[name] = path.dirname(manifest);
    from[name] = manifest;
  }
  return roots;
}

/**
 * A module rebuilt after this file was written. Package managers that do not
 * keep the tarball's times write each file when they extract it, a moment
 * apart: only a file newer by more than that, or of another size, counts.
 */
const REBUILT_AFTER_MS = 5000;

/**
 * The packed modules' file names, or null when one is missing or was rebuilt
 * after this file, or when this file runs inside a vm context (Vitest's
 * vmThreads and vmForks pools load CommonJS through their own loader, in the
 * test file's context; Node's Module compiles into the main one).
 */
function packedFiles() {
  if (vm.runInThisContext('globalThis') !== globalThis) return null;
  let roots;
  try {
    roots = packageRoots();
  } catch {
    return null;
  }
  if (!statSync(path.join(__dirname, SOURCES_FILE), { throwIfNoEntry: false })) return null;
  const packedAt = statSync(__filename).mtimeMs;
  const files = [];
  for (const [pkg, rel, , , size] of MODULES) {
    const file = path.join(roots[pkg], rel);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs > packedAt + REBUILT_AFTER_MS) return null;
    files.push(file);
  }
  return files;
}

/**
 * V8's code cache for the packed modules: their compiled code, so a fresh
 * process (Vitest starts one per test file with `isolate: true`) neither
 * parses nor compiles them again, including the functions the first test
 * runs. The first process without one writes it beside this file (after its
 * first test, or at its exit); where the package is read-only, none is kept.
 *
 * V8 accepts a cache only from its own version and flags: the file name
 * carries both (see v8CacheKey). It also keeps the file names the code was
 * compiled under, whatever name the cache is loaded with, so stack frames
 * would name the files of wherever the cache was made: the header lists
 * them, with this pack's id, and a cache made for other files is not used.
 *
 * File: "MSV8" | uint32 header length | JSON header | each module's data.
 * Header: { pack, key, files, modules: [[offset, length] | null, …] }.
 */
const CACHE_MAGIC = 'MSV8';

/**
 * What V8 checks a cache against, read from the header of the cache of a
 * one-character script: its version hash (bytes 4–7) and the hash of the
 * V8 flags in effect (bytes 12–15; options given on the command line, in
 * NODE_OPTIONS or set at run time). Bytes 8–11 hash the source, the rest is
 * the data. Runs with other V8 options get their own cache file.
 */
function v8CacheKey() {
  const probe = new vm.Script('0', { filename: 'memscope-code-cache-probe' }).createCachedData();
  return probe.toString('hex', 4, 8) + probe.toString('hex', 12, 16);
}

/** The cached data of each module by index, or an empty list when there is no cache for this pack and these options. */
function readCodeCache(cacheFile, cacheKey, files) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return [];
  }
  try {
    if (bytes.toString('latin1', 0, 4) !== CACHE_MAGIC) return [];
    const headerLength = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength));
    if (header.pack !== PACK_ID || header.key !== cacheKey || header.modules.length !== MODULES.length) return [];
    if (header.files.length !== files.length || header.files.some((file, index) => file !== files[index])) return [];
    const start = 8 + headerLength;
    return header.modules.map((at) => (at ? bytes.subarray(start + at[0], start + at[0] + at[1]) : undefined));
  } catch {
    return [];
  }
}

/** Writes the code of the modules compiled so far, once; silently skipped where the package is read-only. */
function writeCodeCache(cacheFile, cacheKey, files, scripts, cached) {
  // A module this process did not load keeps the code an earlier one cached.
  const blobs = MODULES.map((_, index) => (scripts[index] ? scripts[index].createCachedData() : (cached[index] ?? null)));
  const modules = [];
  let offset = 0;
  for (const blob of blobs) {
    modules.push(blob ? [offset, blob.length] : null);
    offset += blob ? blob.length : 0;
  }
  const header = Buffer.from(JSON.stringify({ pack: PACK_ID, key: cacheKey, files, modules }));
  const prefix = Buffer.alloc(8);
  prefix.write(CACHE_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 4);
  const temporary = `${cacheFile}.${process.pid}.${require('node:worker_threads').threadId}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([prefix, header, ...blobs.filter(Boolean)]));
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/**
 * Where the Vitest plugin asks for the code cache to be written, after its
 * first test: by then it holds the code of everything a test file runs.
 * Otherwise it is written when the process exits.
 */
const CACHE_WRITERS = Symbol.for('memscope.packed-code-cache');

function offerCodeCache(write) {
  const writers = (globalThis[CACHE_WRITERS] ??= []);
  writers.push(write);
  process.once('exit', () => {
    const at = writers.indexOf(write);
    if (at !== -1) writers.splice(at, 1)[0]();
  });
}

const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/** The `require` a module's code receives, as Node's makeRequireFunction builds it. */
function requireFor(child) {
  const requireFn = (specifier) => child.require(specifier);
  requireFn.resolve = (request, options) => Module._resolveFilename(request, child, false, options);
  requireFn.resolve.paths = (request) => Module._resolveLookupPaths(request, child);
  requireFn.main = process.mainModule;
  requireFn.extensions = Module._extensions;
  requireFn.cache = Module._cache;
  return requireFn;
}

/**
 * Compiles each module as Node compiles a CommonJS module (the same wrapper
 * and file name, so stack frames and line numbers are the module's own),
 * through a vm.Script, which takes and makes V8's code cache.
 */
function compilerWithCodeCache(files) {
  const cacheKey = v8CacheKey();
  const cacheFile = __filename.replace(/\.js$/, `.${cacheKey}.v8cache`);
  const cached = readCodeCache(cacheFile, cacheKey, files);
  const scripts = new Array(MODULES.length);
  let complete = cached.length === MODULES.length;
  return {
    compile(child, index, source, filename) {
      const script = new vm.Script(Module.wrap(source), { filename, cachedData: cached[index], importModuleDynamically });
      if (!cached[index] || script.cachedDataRejected) complete = false;
      scripts[index] = script;
      script.runInThisContext({ displayErrors: true }).call(child.exports, child.exports, requireFor(child), child, filename, path.dirname(filename));
    },
    loaded() {
      if (!complete) offerCodeCache(() => writeCodeCache(cacheFile, cacheKey, files, scripts, cached));
    },
  };
}

/**
 * With source maps on, Node maps a module's frames only when it compiles the
 * module itself (Module#_compile registers the map): no code cache then.
 */
const nodeCompiler = {
  compile: (child, index, source, filename) => child._compile(source, filename),
  loaded() {},
};

/**
 * Evaluates the entry (module 0) and, as they are required, the modules it
 * needs, each under its own file name and registered in require.cache, so a
 * module loaded later from the plain build shares their instances.
 */
function loadPacked(files, compiler) {
  const loaded = new Array(MODULES.length);
  let sources;
  const load = (index) => {
    if (loaded[index]) return loaded[index].exports;
    const filename = files[index];
    const inCache = require.cache[filename];
    if (inCache) return (loaded[index] = inCache).exports;
    const [, , deps, offset, size, encoding] = MODULES[index];
    const source = (sources ??= readFileSync(path.join(__dirname, SOURCES_FILE))).toString(encoding, offset, offset + size);
    const child = new Module(filename, module);
    child.filename = filename;
    // Needed only to resolve a package a module requires outside the pack.
    let paths;
    Object.defineProperty(child, 'paths', {
      configurable: true,
      enumerable: true,
      get: () => (paths ??= Module._nodeModulePaths(path.dirname(filename))),
      set: (value) => {
        paths = value;
      },
    });
    child.require = function requirePacked(specifier) {
      const at = deps[specifier];
      return at === undefined ? Module.prototype.require.call(this, specifier) : load(at);
    };
    require.cache[filename] = loaded[index] = child;
    try {
      compiler.compile(child, index, source, filename);
    } catch (error) {
      delete require.cache[filename];
      loaded[index] = undefined;
      throw error;
    }
    child.loaded = true;
    return child.exports;
  };
  const exported = load(0);
  compiler.loaded();
  return exported;
}

const files = packedFiles();
module.exports = files ? loadPacked(files, process.sourceMapsEnabled ? nodeCompiler : compilerWithCodeCache(files)) : require(PLAIN_ENTRY);
