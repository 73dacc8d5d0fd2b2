'use strict';
// Finds, checks and loads the addon. `loadStatus()` never throws and says
// why the addon is unavailable; `loadBinding()` throws one error with that
// reason and the ways out.
//
// The recorded ABI is checked before the file is opened: a build for another
// Node major can dlopen into this one without complaint and crash later, in
// the middle of a test run.

const fs = require('node:fs');
const path = require('node:path');
const { addonFile, buildInfoFile, failureLogFile } = require('./paths.js');

const REBUILD_HINTS = [
  'Rebuild it for this Node: npm rebuild @memscope/native',
  '(in the memscope repository: npm run build --workspace native)',
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

// Other ABIs present in prebuilds/, for a message that says what is there.
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

function probe(options) {
  const root = options.root ?? __dirname;
  const abi = options.abi ?? process.versions.modules;
  const nodeVersion = options.nodeVersion ?? process.versions.node;
  const here = `this Node is ${describeNode(abi, nodeVersion)} on ${process.platform}-${process.arch}`;
  const file = addonFile(root, abi);
  const tried = [file];

  if (!fs.existsSync(file)) {
    const failureLog = failureLogFile(root, abi);
    if (fs.existsSync(failureLog)) {
      const detail = lastErrorLine(fs.readFileSync(failureLog, 'utf8'));
      return failure('build-failed', `@memscope/native failed to build at install (${here}): ${detail}\nBuild log: ${failureLog}`, tried);
    }
    const others = otherBuilds(root, abi);
    if (others.length > 0) {
      return failure('abi-mismatch', `@memscope/native is built for ${others.join(', ')} but ${here}; no build at ${file}.`, tried);
    }
    return failure('not-built', `@memscope/native is not built: no file at ${file} (${here}).`, tried);
  }

  const info = readJson(buildInfoFile(root, abi));
  if (info === undefined || typeof info.abi !== 'string') {
    return failure('abi-mismatch', `@memscope/native at ${file} has no readable build record (${buildInfoFile(root, abi)}), so its ABI is unknown; ${here}.`, tried);
  }
  if (info.abi !== abi) {
    return failure('abi-mismatch', `@memscope/native at ${file} was built for ${describeNode(info.abi, info.node)} but ${here}.`, tried);
  }

  let binding;
  try {
    binding = require(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure('dlopen-failed', `@memscope/native at ${file} failed to load (dlopen): ${detail}`, tried);
  }
  // The record could have been copied next to the wrong file.
  if (String(binding.abi) !== abi) {
    return failure('abi-mismatch', `@memscope/native at ${file} reports ${describeNode(binding.abi, binding.nodeVersion)} but ${here}.`, tried);
  }
  return { loaded: true, path: file, abi, nodeVersion: binding.nodeVersion, binding };
}

let defaultStatus;

/**
 * Why the addon is or is not available; never throws. The default lookup is
 * done once per module instance.
 * @param {{ root?: string, abi?: string, nodeVersion?: string }} [options]
 *   root: the package folder (default: this one); abi / nodeVersion: the
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
