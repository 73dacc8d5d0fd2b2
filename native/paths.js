'use strict';
// Where builds live. A package folder (the prebuilt platform package, or
// @memscope/native itself for a build from source) holds one folder per Node
// ABI (process.versions.modules), so builds for several Node majors sit side
// by side: <root>/prebuilds/abi-<abi>/memscope.node plus build-info.json.
const path = require('node:path');

const abiDirectory = (root, abi) => path.join(root, 'prebuilds', `abi-${abi}`);
const addonFile = (root, abi) => path.join(abiDirectory(root, abi), 'memscope.node');
const buildInfoFile = (root, abi) => path.join(abiDirectory(root, abi), 'build-info.json');
const failureLogFile = (root, abi) => path.join(abiDirectory(root, abi), 'build-failure.log');

// The platforms a prebuilt package is published for, keyed by
// <platform>-<arch>[-<libc>]. Each is an optionalDependency of
// @memscope/native whose os/cpu/libc fields let npm install only the one
// that fits the machine.
const PLATFORM_PACKAGES = {
  'linux-x64-gnu': '@memscope/native-linux-x64-gnu',
};

// glibc or musl: a glibc build does not load on Alpine. Node's diagnostic
// report names the glibc it runs on, and has no such field on musl.
function libcOf(platform) {
  if (platform !== 'linux') return undefined;
  const header = process.report?.getReport?.().header;
  return header?.glibcVersionRuntime ? 'gnu' : 'musl';
}

/** e.g. "linux-x64-gnu" or "darwin-arm64": the key of PLATFORM_PACKAGES for this machine. */
function platformKey(platform = process.platform, arch = process.arch) {
  const libc = libcOf(platform);
  return [platform, arch, libc].filter(Boolean).join('-');
}

/**
 * The platform packages that may fit this platform and arch. The libc is not
 * checked here (Node's report that names it takes ~20 ms): npm's libc field
 * kept a glibc package off a musl machine, and a wrong one fails to dlopen.
 */
function platformPackagesFor(platform = process.platform, arch = process.arch) {
  const prefix = `${platform}-${arch}`;
  return Object.entries(PLATFORM_PACKAGES)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}-`))
    .map(([, name]) => name);
}

module.exports = {
  abiDirectory,
  addonFile,
  buildInfoFile,
  failureLogFile,
  PLATFORM_PACKAGES,
  platformKey,
  platformPackagesFor,
};
