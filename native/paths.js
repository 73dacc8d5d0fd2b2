'use strict';
// Where builds live: one folder per Node ABI (process.versions.modules), so
// builds for several Node majors sit side by side.
const path = require('node:path');

const abiDirectory = (root, abi) => path.join(root, 'prebuilds', `abi-${abi}`);
const addonFile = (root, abi) => path.join(abiDirectory(root, abi), 'memscope.node');
const buildInfoFile = (root, abi) => path.join(abiDirectory(root, abi), 'build-info.json');
const failureLogFile = (root, abi) => path.join(abiDirectory(root, abi), 'build-failure.log');

module.exports = { abiDirectory, addonFile, buildInfoFile, failureLogFile };
