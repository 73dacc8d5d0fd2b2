#!/usr/bin/env bash
# Runs end-to-end suites on Node 22 and 24 and prints one cell per
# (runner × capture path × Node) combination: pass/FAIL and seconds.
# Node 20 is covered by `npm test`; run this after it (it needs the build).
#
#   scripts/ci-matrix.sh                 every default file (about 5 minutes on 2 cores)
#   MEMSCOPE_MATRIX_NODES="24" scripts/ci-matrix.sh   one Node only
#   scripts/ci-matrix.sh --prepare       only the set-up: Node installs, addon
#                                        builds, Vitest 5 install (downloads and
#                                        a one-core compile, which CI runs beside
#                                        its demo); the next run reuses them
#
# Every suite on every cell does not fit the CI budget (the Jest suite alone
# takes 2 minutes per Node), so the cells run:
#   Vitest 4 and 5, native capture: the whole Vitest suite (diagnosis of
#     every finding kind, pools, crash, baseline, shard, browser refusal)
#   Vitest 4 and 5, pure-JS capture: diagnosis (heap snapshots written by
#     v8.writeHeapSnapshot and parsed in JS, on Node 22 and later)
#   Jest 29 and 30 (one cell), native capture: baseline and crash
#   Jest 29 and 30 (one cell), pure-JS capture: baseline (per-test figures
#     from the JS GC accounting in Jest's workers; Jest's diagnosis suite,
#     test/jest/verdicts.test.ts, takes about 2 minutes per Node on this path)
# MEMSCOPE_MATRIX_VITEST_FILES, MEMSCOPE_MATRIX_JS_FILES,
# MEMSCOPE_MATRIX_JEST_FILES and MEMSCOPE_MATRIX_JEST_JS_FILES replace those
# lists (space-separated paths). Each cell's full output is kept in
# test/output/ci-matrix/. The exit code is 1 when any cell failed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
with_node="$repo_root/scripts/with-node.sh"
log_dir="$repo_root/test/output/ci-matrix"
cell_timeout="${MEMSCOPE_MATRIX_CELL_TIMEOUT:-300}"

case "${1-}" in
  "") prepare_only=0 ;;
  --prepare) prepare_only=1 ;;
  *) echo "ci-matrix.sh: unknown argument \"$1\"; expected none or --prepare" >&2; exit 2 ;;
esac

read -r -a nodes <<<"${MEMSCOPE_MATRIX_NODES:-22 24}"
read -r -a vitest_files <<<"${MEMSCOPE_MATRIX_VITEST_FILES:-test/vitest/diagnosis.test.ts test/vitest/pools.test.ts test/vitest/crash.test.ts test/vitest/baseline.test.ts test/vitest/shard.test.ts test/vitest/browser.test.ts}"
read -r -a js_files <<<"${MEMSCOPE_MATRIX_JS_FILES:-test/vitest/diagnosis.test.ts}"
read -r -a jest_files <<<"${MEMSCOPE_MATRIX_JEST_FILES:-test/jest/baseline.test.ts test/jest/crash.test.ts}"
read -r -a jest_js_files <<<"${MEMSCOPE_MATRIX_JEST_JS_FILES:-test/jest/baseline.test.ts}"

for node in "${nodes[@]}"; do
  [[ "$node" =~ ^[0-9]+$ && "$node" -ge 22 ]] ||
    { echo "ci-matrix.sh: MEMSCOPE_MATRIX_NODES must list Node majors >= 22 (Node 20 runs in npm test), got \"$node\"" >&2; exit 2; }
done
[[ -f packages/vitest-plugin/dist/index.mjs && -f packages/jest-plugin/dist/index.js ]] ||
  { echo "ci-matrix.sh: the plugins are not built; run npm run build (or npm test) first" >&2; exit 2; }

rm -rf "$log_dir"
mkdir -p "$log_dir"
started=$(date +%s.%N)

# Node installs, addon builds and the Vitest 5 install happen first, so cell
# times measure the tests only.
for node in "${nodes[@]}"; do
  "$with_node" "$node" node -e 'process.exit(0)'
done
if [[ ! -f test/vitest/v5/node_modules/vitest/package.json ||
  test/vitest/v5/package-lock.json -nt test/vitest/v5/node_modules/.package-lock.json ]]; then
  echo "ci-matrix.sh: installing Vitest 5 into test/vitest/v5" >&2
  flock /tmp/memscope-npm.lock "$with_node" "${nodes[0]}" \
    npm ci --prefix test/vitest/v5 --no-audit --no-fund --loglevel=error >&2
fi
[[ "$prepare_only" == 0 ]] || exit 0

declare -A cells=()
rows=()
failed=0

# run_cell <row label> <node> <env assignments…> -- <test files…>
run_cell() {
  local row="$1" node="$2"
  shift 2
  local env_vars=()
  while [[ "$1" != "--" ]]; do env_vars+=("$1"); shift; done
  shift
  local log="$log_dir/node$node-${row// /_}.log"
  local begin end seconds summary
  [[ " ${rows[*]-} " == *" $row "* ]] || rows+=("$row")
  echo "ci-matrix.sh: Node $node, $row: $*" >&2
  begin=$(date +%s.%N)
  if env "${env_vars[@]}" timeout "$cell_timeout" "$with_node" "$node" \
    npx vitest run --config scripts/ci-matrix.config.mts "$@" >"$log" 2>&1; then
    summary="pass"
  else
    summary="FAIL"
    failed=1
  fi
  end=$(date +%s.%N)
  seconds=$(awk -v a="$begin" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  # Vitest's own count, e.g. "Tests  2 failed | 19 passed (21)".
  local counts
  counts=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests +' | tail -1 | sed -E 's/^ +Tests +//; s/ \| /, /')
  cells["$row|$node"]="$summary ${seconds}s${counts:+ ($counts)}"
}

for node in "${nodes[@]}"; do
  run_cell "vitest 4 native" "$node" MEMSCOPE_CAPTURE=native MEMSCOPE_E2E_VITEST=4 -- "${vitest_files[@]}"
  run_cell "vitest 5 native" "$node" MEMSCOPE_CAPTURE=native MEMSCOPE_E2E_VITEST=5 -- "${vitest_files[@]}"
  run_cell "vitest 4 js" "$node" MEMSCOPE_CAPTURE=js MEMSCOPE_E2E_VITEST=4 -- "${js_files[@]}"
  run_cell "vitest 5 js" "$node" MEMSCOPE_CAPTURE=js MEMSCOPE_E2E_VITEST=5 -- "${js_files[@]}"
  run_cell "jest 29+30 native" "$node" MEMSCOPE_CAPTURE=native -- "${jest_files[@]}"
  run_cell "jest 29+30 js" "$node" MEMSCOPE_CAPTURE=js -- "${jest_js_files[@]}"
done

total=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
versions=()
for node in "${nodes[@]}"; do versions+=("$("$with_node" "$node" node -p process.version)"); done

# The matrix: one row per runner and capture path, one column per Node.
{
  printf '\nmemscope e2e matrix (logs: test/output/ci-matrix/)\n'
  printf '%-20s' "runner / capture"
  for version in "${versions[@]}"; do printf ' | %-40s' "Node $version"; done
  printf '\n'
  for row in "${rows[@]}"; do
    printf '%-20s' "$row"
    for node in "${nodes[@]}"; do printf ' | %-40s' "${cells["$row|$node"]:-not run}"; done
    printf '\n'
  done
  printf 'total %ss (Node installs and addon builds included)\n' "$total"
} | tee "$log_dir/matrix.txt"

exit "$failed"
