#!/usr/bin/env node
'use strict';
// Refuses to publish a platform package that lacks a build for one of the
// Node majors a release supports, or holds one whose record does not match
// its folder (the platform package's prepublishOnly; `npm pack` for tests
// may pack fewer builds).
//
//   node scripts/check-prebuilds.js <platform package folder>

const fs = require('node:fs');
const path = require('node:path');
const { addonFile, buildInfoFile } = require('../paths.js');
const { RELEASE_ABIS } = require('./target.js');

function problemsIn(root) {
  const problems = [];
  for (const [major, abi] of Object.entries(RELEASE_ABIS)) {
    if (!fs.existsSync(addonFile(root, abi))) {
      problems.push(`no build for Node ${major} (ABI ${abi}) at ${addonFile(root, abi)}`);
      continue;
    }
    let info;
    try {
      info = JSON.parse(fs.readFileSync(buildInfoFile(root, abi), 'utf8'));
    } catch (error) {
      problems.push(`unreadable build record ${buildInfoFile(root, abi)}: ${error.message}`);
      continue;
    }
    if (info.abi !== abi) problems.push(`${buildInfoFile(root, abi)} records ABI ${info.abi}, expected ${abi}`);
  }
  return problems;
}

if (require.main === module) {
  const folder = process.argv[2];
  if (folder === undefined) {
    console.error('usage: node scripts/check-prebuilds.js <platform package folder>');
    process.exit(2);
  }
  const problems = problemsIn(path.resolve(folder));
  for (const problem of problems) console.error(`check-prebuilds: ${problem}`);
  if (problems.length > 0) console.error('Build them all with: node native/scripts/prebuild.js');
  process.exit(problems.length > 0 ? 1 : 0);
}

module.exports = { problemsIn };
