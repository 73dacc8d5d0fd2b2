#!/usr/bin/env node
'use strict';
// Prints the build-failure notice, if the last build for this Node failed.
// npm hides the output of an install script that succeeds, and the install
// script succeeds on purpose when the build fails (the pure-JS capture takes
// over), so the project root's postinstall, whose output npm shows, calls
// this to make the failure visible once.
const fs = require('node:fs');
const path = require('node:path');
const { addonFile, failureLogFile } = require('../paths.js');

const root = path.resolve(__dirname, '..');
const abi = process.versions.modules;
if (!fs.existsSync(addonFile(root, abi)) && fs.existsSync(failureLogFile(root, abi))) {
  console.warn(
    `@memscope/native: the native addon could not be built for Node ${process.versions.node} ` +
      `(ABI ${abi}); memscope will use its pure-JS capture. Build log: ${failureLogFile(root, abi)}. ` +
      'Retry with: npm rebuild @memscope/native',
  );
}
