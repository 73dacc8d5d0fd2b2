#!/usr/bin/env node
'use strict';
// Where a build from source is filed by default: where the loader looks
// first. In the repository that is the platform package folder for this
// machine (platforms/linux-x64-gnu, linked into node_modules as
// @memscope/native-linux-x64-gnu by the workspace); an installed
// @memscope/native has no platforms/ folder and keeps its builds itself.
//
//   node scripts/target.js   prints the folder (scripts/with-node.sh uses it)

const fs = require('node:fs');
const path = require('node:path');
const { platformKey } = require('../paths.js');

const nativeRoot = path.resolve(__dirname, '..');

function defaultTarget() {
  const platformPackage = path.join(nativeRoot, 'platforms', platformKey());
  return fs.existsSync(path.join(platformPackage, 'package.json')) ? platformPackage : nativeRoot;
}

/** The Node majors a release ships prebuilt, with their NODE_MODULE_VERSION. */
const RELEASE_ABIS = { 20: '115', 22: '127', 24: '137' };

if (require.main === module) process.stdout.write(`${defaultTarget()}\n`);

module.exports = { defaultTarget, RELEASE_ABIS };
