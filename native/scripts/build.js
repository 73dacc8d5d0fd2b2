#!/usr/bin/env node
'use strict';
// Builds the addon from source with node-gyp for the running Node and files
// it under <target>/prebuilds/abi-<NODE_MODULE_VERSION>/, next to a
// build-info.json that records which Node it was built for. The loader
// refuses a file whose record does not match the running Node: a build for
// another major can load without error and crash later.
//
//   node scripts/build.js                 build or fail (`npx memscope build-native`)
//   node scripts/build.js --if-possible   a failed build leaves a log and one
//                                         notice and exits 0 (memscope falls
//                                         back to its pure-JS capture)
//   node scripts/build.js --target <dir>  file the build under <dir>/prebuilds
//
// The default target is where the loader looks first (scripts/target.js):
// in the repository, the platform package folder for this machine; in an
// installed @memscope/native, the package itself.
//
// MEMSCOPE_NATIVE_REQUIRED=1 turns --if-possible back into "build or fail",
// for CI machines where the addon must exist.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { abiDirectory, buildInfoFile, failureLogFile, addonFile } = require('../paths.js');
const { defaultTarget } = require('./target.js');

const nativeRoot = path.resolve(__dirname, '..');
const ifPossible =
  process.argv.includes('--if-possible') && process.env.MEMSCOPE_NATIVE_REQUIRED !== '1';

function targetFromArgs(argv) {
  const at = argv.indexOf('--target');
  if (at === -1) return defaultTarget();
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error('build.js: --target needs a folder, e.g. --target platforms/linux-x64-gnu');
    process.exit(2);
  }
  return path.resolve(value);
}

const targetRoot = targetFromArgs(process.argv);

// npm hands its bundled node-gyp to scripts as npm_config_node_gyp; `npx
// node-gyp` is refused by npm 11 and a global node-gyp may be missing.
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  if (process.env.npm_execpath) {
    candidates.push(
      path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    );
  }
  candidates.push(
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

// Without a nodedir node-gyp downloads headers; the running Node's own
// install usually has them (<prefix>/include/node), so builds stay offline.
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [`--nodedir=${process.env.npm_config_nodedir}`];
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? [`--nodedir=${prefix}`] : [];
}

function runNodeGyp() {
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    return { ok: false, output: 'node-gyp was not found (not run by npm, and no npm next to this node).' };
  }
  const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', ...nodedirArgs()], {
    cwd: nativeRoot,
    encoding: 'utf8',
    // Captured either way: the log is what the loader quotes later.
    stdio: 'pipe',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output };
}

// Loads the fresh file in a child process: a build that links but cannot
// load should count as a failed build, not surface later in a test run.
function smokeTest(file) {
  const result = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(file)}).abi))`], {
    encoding: 'utf8',
  });
  if (result.status === 0 && result.stdout === process.versions.modules) return { ok: true, output: '' };
  return { ok: false, output: `built file failed to load: ${result.stderr || result.stdout}` };
}

function install() {
  const built = path.join(nativeRoot, 'build', 'Release', 'memscope.node');
  const target = addonFile(targetRoot, process.versions.modules);
  fs.mkdirSync(abiDirectory(targetRoot, process.versions.modules), { recursive: true });
  fs.copyFileSync(built, target);
  const info = {
    abi: process.versions.modules,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
  };
  fs.writeFileSync(buildInfoFile(targetRoot, process.versions.modules), `${JSON.stringify(info, null, 2)}\n`);
  return target;
}

function main() {
  const failureLog = failureLogFile(targetRoot, process.versions.modules);
  fs.rmSync(failureLog, { force: true });
  let step = runNodeGyp();
  let target;
  if (step.ok) {
    target = install();
    step = smokeTest(target);
  }
  if (step.ok) {
    console.log(`@memscope/native: built ${path.relative(process.cwd(), target)} for Node ${process.versions.node} (ABI ${process.versions.modules}).`);
    return 0;
  }
  if (target) fs.rmSync(path.dirname(target), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(failureLog), { recursive: true });
  fs.writeFileSync(failureLog, step.output);
  if (!ifPossible) process.stderr.write(step.output);
  const notice =
    `@memscope/native: the native addon could not be built for Node ${process.versions.node} ` +
    `(ABI ${process.versions.modules}); memscope will use its pure-JS capture. ` +
    `Build log: ${failureLog}. Retry with: npx memscope build-native`;
  console.error(notice);
  return ifPossible ? 0 : 1;
}

process.exitCode = main();
