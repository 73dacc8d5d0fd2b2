'use strict';
// Finds, checks and loads the addon. `loadStatus()` never throws and says
// which file was loaded, from where, or why none was; `loadBinding()` throws
// one error with that reason and the ways out.
//
// Where it looks, in order:
//   1. the prebuilt platform package (@memscope/native-linux-x64-gnu, …), an
//      optionalDependency that npm installs only on the platform it fits;
//   2. a build from source in this package (`npx memscope build-native`).
// Either holds prebuilds/abi-<NODE_MODULE_VERSION>/memscope.node. The
// recorded ABI is checked before the file is opened: a build for another
// Node major can dlopen into this one without complaint and crash later, in
// the middle of a test run.

const fs = require('node:fs');
const path = require('node:path');
const { addonFile, buildInfoFile, failureLogFile, platformPackagesFor } = require('./paths.js');

const REBUILD_HINTS = [
  'Build it from source for this Node: npx memscope build-native',
  '(in the memscope repository: npm run build:native)',
  'The build needs node-gyp (bundled with npm), Python 3, make and a C++17 compiler, and Node headers (npm config get nodedir).',
  'memscope keeps working without it: the pure-JS capture takes over, with slower heap graphs.',
];

class NativeLoadError extends Error {
  constructor(status) {
    super(
      `${status.message}\n\nPossible solutions:\n${REBUILD_HINTS.map((hint) => `- ${hint}`).join('\n')}`,
    );
    this.name = 'NativeLoadError';
    this.code = 'ERR_MEMSCOPE_NATIVE_UNAVAILABLE';
    this.status = status;
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function describeNode(abi, nodeVersion) {
  return `ABI ${abi}${nodeVersion ? ` (Node ${nodeVersion})` : ''}`;
}

// Builds for other ABIs under a root, for a message that says what is there.
function otherBuilds(root, abi) {
  let entries = [];
  try {
    entries = fs.readdirSync(path.join(root, 'prebuilds'));
  } catch {
    return [];
  }
  return entries
    .map((entry) => /^abi-(\d+)$/.exec(entry)?.[1])
    .filter((found) => found !== undefined && found !== abi && fs.existsSync(addonFile(root, found)))
    .map((found) => describeNode(found, readJson(buildInfoFile(root, found))?.node));
}

// The line of a build log most likely to say what went wrong: a compiler
// error, else make's summary, else node-gyp's own error.
function lastErrorLine(log) {
  const lines = log.split('\n').map((line) => line.trim()).filter(Boolean);
  const patterns = [/\berror\b:/i, /^make: \*\*\*/, /^gyp ERR! stack Error:/, /error/i];
  for (const pattern of patterns) {
    const found = lines.find((line) => pattern.test(line));
    if (found) return found;
  }
  return lines.at(-1) ?? '(empty build log)';
}

function failure(reason, message, tried) {
  return { loaded: false, reason, message, tried };
}

// The prebuilt packages installed for this platform, then this package's own
// builds from source.
function defaultCandidates() {
  const candidates = [];
  for (const name of platformPackagesFor()) {
    try {
      const root = path.dirname(require.resolve(`${name}/package.json`));
      candidates.push({ source: 'prebuilt', packageName: name, root });
    } catch {
      // Not installed: another platform, or optional dependencies omitted.
    }
  }
  candidates.push({ source: 'built-from-source', packageName: '@memscope/native', root: __dirname });
  return candidates;
}

function candidatesFrom(options) {
  if (options.root === undefined && options.prebuiltRoot === undefined) return defaultCandidates();
  const candidates = [];
  if (options.prebuiltRoot !== undefined) {
    candidates.push({ source: 'prebuilt', packageName: 'prebuilt package', root: options.prebuiltRoot });
  }
  if (options.root !== undefined) {
    candidates.push({ source: 'built-from-source', packageName: '@memscope/native', root: options.root });
  }
  return candidates;
}

// One candidate: loaded, or a failure when it holds a file for this ABI that
// cannot be used; undefined when it holds none.
function tryCandidate(candidate, abi, here) {
  const file = addonFile(candidate.root, abi);
  if (!fs.existsSync(file)) return undefined;
  const info = readJson(buildInfoFile(candidate.root, abi));
  if (info === undefined || typeof info.abi !== 'string') {
    return failure('abi-mismatch', `@memscope/native at ${file} has no readable build record (${buildInfoFile(candidate.root, abi)}), so its ABI is unknown; ${here}.`, [file]);
  }
  if (info.abi !== abi) {
    return failure('abi-mismatch', `@memscope/native at ${file} was built for ${describeNode(info.abi, info.node)} but ${here}.`, [file]);
  }
  let binding;
  try {
    binding = require(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure('dlopen-failed', `@memscope/native at ${file} failed to load (dlopen): ${detail}`, [file]);
  }
  // The record could have been copied next to the wrong file.
  if (String(binding.abi) !== abi) {
    return failure('abi-mismatch', `@memscope/native at ${file} reports ${describeNode(binding.abi, binding.nodeVersion)} but ${here}.`, [file]);
  }
  return {
    loaded: true,
    path: file,
    source: candidate.source,
    packageName: candidate.packageName,
    abi,
    nodeVersion: binding.nodeVersion,
    binding,
  };
}

// Why no candidate had a usable file for this ABI: a failed build from
// source, builds for other Nodes, or nothing at all.
function explainMissing(candidates, abi, here, tried) {
  for (const candidate of candidates) {
    const failureLog = failureLogFile(candidate.root, abi);
    if (fs.existsSync(failureLog)) {
      const detail = lastErrorLine(fs.readFileSync(failureLog, 'utf8'));
      return failure('build-failed', `@memscope/native failed to build (${here}): ${detail}\nBuild log: ${failureLog}`, tried);
    }
  }
  const where = (candidate) => (candidates.length > 1 ? ` in ${candidate.packageName}` : '');
  const others = candidates.flatMap((candidate) => otherBuilds(candidate.root, abi).map((build) => `${build}${where(candidate)}`));
  if (others.length > 0) {
    return failure('abi-mismatch', `@memscope/native is built for ${others.join(', ')} but ${here}; no build at ${tried.join(' or ')}.`, tried);
  }
  const prebuilt = candidates.some((candidate) => candidate.source === 'prebuilt');
  const expected = platformPackagesFor();
  const why = prebuilt
    ? 'the prebuilt package has no binary for this Node'
    : expected.length > 0
      ? `the prebuilt package ${expected.join(' or ')} is not installed (npm leaves optional dependencies out with --omit=optional)`
      : `no prebuilt binary is published for ${process.platform}-${process.arch}`;
  return failure('not-built', `@memscope/native is not built: ${why}, and there is no build from source at ${tried.at(-1)} (${here}).`, tried);
}

function probe(options) {
  const abi = options.abi ?? process.versions.modules;
  const nodeVersion = options.nodeVersion ?? process.versions.node;
  const here = `this Node is ${describeNode(abi, nodeVersion)} on ${process.platform}-${process.arch}`;
  const candidates = candidatesFrom(options);
  const tried = candidates.map((candidate) => addonFile(candidate.root, abi));
  let firstFailure;
  for (const candidate of candidates) {
    const status = tryCandidate(candidate, abi, here);
    if (status?.loaded) return status;
    firstFailure ??= status;
  }
  // A file that is there but unusable says more than one that is missing.
  if (firstFailure !== undefined) return { ...firstFailure, tried };
  return explainMissing(candidates, abi, here, tried);
}

let defaultStatus;

/**
 * Which addon file loaded and from where, or why none did; never throws.
 * The default lookup is done once per module instance.
 * @param {{ root?: string, prebuiltRoot?: string, abi?: string, nodeVersion?: string }} [options]
 *   root: a folder holding builds from source; prebuiltRoot: a platform
 *   package folder (either given: only those are searched; default: the
 *   installed platform package, then this package); abi / nodeVersion: the
 *   running Node's (default: process.versions), overridable for tests.
 */
function loadStatus(options) {
  if (options !== undefined) return probe(options);
  defaultStatus ??= probe({});
  return defaultStatus;
}

/** The binding, or one NativeLoadError saying why not and what to do. */
function loadBinding(options) {
  const status = loadStatus(options);
  if (!status.loaded) throw new NativeLoadError(status);
  return status.binding;
}

module.exports = { loadStatus, loadBinding, NativeLoadError };
