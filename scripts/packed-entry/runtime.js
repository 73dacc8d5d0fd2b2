// The code of every packed entry, after its generated constants (see
// scripts/pack-setup-entries.mjs): MODULES, SOURCES_FILE, PACK_ID,
// OWN_PACKAGE, OTHER_PACKAGES, PACKAGE_VERSIONS, OWN_ROOT_FROM_HERE and
// PLAIN_ENTRY are defined above.
const { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const ownRoot = path.resolve(__dirname, OWN_ROOT_FROM_HERE);

/**
 * Where `require('<name>/package.json')` from `fromDir` finds the package, as
 * a real path (the name Node gives its modules): the node_modules folders
 * from `fromDir` up, as Node looks them up. Node's resolver costs ~0.4 ms on
 * its first call in a process, once per test file with isolation; it still
 * answers for installs this walk does not find (NODE_PATH).
 */
function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      if (statSync(path.join(candidate, 'package.json'), { throwIfNoEntry: false })) return realpathSync.native(candidate);
    }
    if (path.dirname(dir) === dir) return path.dirname(require.resolve(name + '/package.json', { paths: [fromDir] }));
  }
}

function packageRoots() {
  const roots = { [OWN_PACKAGE]: ownRoot };
  for (const [name, parent] of OTHER_PACKAGES) roots[name] = findPackage(name, roots[parent]);
  return roots;
}

/**
 * Whether every carried package other than this one has the version the pack
 * was made from. A package manager writes a package's files together, this
 * packed file among them: in an install, only the versions of the packages
 * beside it can differ from what the pack carries.
 */
function sameVersions(roots) {
  for (const [name, version] of PACKAGE_VERSIONS) {
    if (name === OWN_PACKAGE) continue;
    try {
      if (JSON.parse(readFileSync(path.join(roots[name], 'package.json'), 'utf8')).version !== version) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const isInstalled = (dir) => dir.split(path.sep).includes('node_modules');

/**
 * A module rebuilt after this file was written. Package managers that do not
 * keep the tarball's times write each file when they extract it, a moment
 * apart: only a file newer by more than that, or of another size, counts.
 */
const REBUILT_AFTER_MS = 5000;

/**
 * The packed modules' file names, or null when this file runs inside a vm
 * context (Vitest's vmThreads and vmForks pools load CommonJS through their
 * own loader, in the test file's context; Node's Module compiles into the
 * main one), or when the modules may differ from what the pack carries: in a
 * build (a workspace, a linked checkout) when one is missing or was rebuilt
 * after this file; in an install (every package under node_modules) when a
 * package beside this one has another version. Checking each module's file
 * in an install cost ~0.6 ms per test file with isolation.
 */
function packedFiles() {
  if (vm.runInThisContext('globalThis') !== globalThis) return null;
  let roots;
  try {
    roots = packageRoots();
  } catch {
    return null;
  }
  // Joined by hand: path.join, run cold for each module, cost ~0.2 ms.
  const files = MODULES.map(([pkg, rel]) => roots[pkg] + path.sep + (path.sep === '/' ? rel : rel.split('/').join(path.sep)));
  if (Object.values(roots).every(isInstalled)) return sameVersions(roots) ? files : null;
  const packedAt = statSync(__filename).mtimeMs;
  for (const [index, [, , , , size]] of MODULES.entries()) {
    const stat = statSync(files[index], { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs > packedAt + REBUILT_AFTER_MS) return null;
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
 * carries a key of both (see v8CacheKey). It also keeps the file names the code was
 * compiled under, whatever name the cache is loaded with, so stack frames
 * would name the files of wherever the cache was made: the header lists
 * them, with this pack's id, and a cache made for other files is not used.
 *
 * File: "MSV8" | uint32 header length | JSON header | each module's data.
 * Header: { pack, key, files, modules: [[offset, length] | null, …] }.
 */
const CACHE_MAGIC = 'MSV8';

/** Code given with `-e` or `-p` is the program, not an option: it would give every such script a cache of its own. */
const EVAL_OPTIONS = new Set(['-e', '--eval', '-p', '--print', '-pe']);

function startOptions() {
  const options = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    if (EVAL_OPTIONS.has(args[i])) i++;
    else if (!/^--(eval|print)=/.test(args[i])) options.push(args[i]);
  }
  return options;
}

/**
 * The cache file's key: V8 accepts a cache only from its own version and
 * flags, so the key is made of V8's version and the options the process
 * started with (its command line and NODE_OPTIONS), where V8 flags come
 * from. V8 still checks each cache itself: one made under flags set at run
 * time is rejected, compiled afresh and written again. (Reading V8's own
 * hashes from a probe script's cache cost ~0.3 ms per process.)
 */
function v8CacheKey() {
  const text = [process.versions.v8, process.arch, ...startOptions(), process.env.NODE_OPTIONS ?? ''].join('\0');
  // Two 32-bit FNV-1a hashes of the text, one of it reversed: 16 hex digits.
  let forward = 0x811c9dc5;
  let backward = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    forward = Math.imul(forward ^ text.charCodeAt(i), 0x01000193) >>> 0;
    backward = Math.imul(backward ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return forward.toString(16).padStart(8, '0') + backward.toString(16).padStart(8, '0');
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
function loadPacked(files, sources, compiler) {
  const loaded = new Array(MODULES.length);
  const load = (index) => {
    if (loaded[index]) return loaded[index].exports;
    const filename = files[index];
    const inCache = require.cache[filename];
    if (inCache) return (loaded[index] = inCache).exports;
    const [, , deps, offset, size, encoding] = MODULES[index];
    const source = sources.toString(encoding, offset, offset + size);
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

/** The packed modules' sources, read once the modules are found usable; missing, the plain build loads. */
function readSources() {
  try {
    return readFileSync(path.join(__dirname, SOURCES_FILE));
  } catch {
    return null;
  }
}

const files = packedFiles();
const sources = files && readSources();
module.exports = sources ? loadPacked(files, sources, process.sourceMapsEnabled ? nodeCompiler : compilerWithCodeCache(files)) : require(PLAIN_ENTRY);
