#!/usr/bin/env bash
# Builds the package, lints its exports, packs it, installs the tarball into test/consumer
# (a user's project) and runs that project's type tests, Vitest suite and Jest suite; then one
# project per TypeScript resolution mode and a node:test project (test/consumer/*/), which share
# that install: each type-checks, passes its correct test and fails its buggy one naming the entry.
# Any failing step fails the script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
consumer="test/consumer"
installed="$consumer/node_modules/gradcheck"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "build (tsdown)"
npx tsdown

step "publint"
npx publint

step "attw (every resolution mode: node10, node16 CJS and ESM, bundler)"
# The report schema is a JSON asset, not a module: node10 has no exports map and reaches it as gradcheck/schema/report-v1.schema.json.
npx attw --pack . --exclude-entrypoints ./report-v1.schema.json

step "npm pack"
mkdir -p .tmp
rm -f .tmp/gradcheck-*.tgz
tarball="$(npm pack --pack-destination .tmp --silent | tail -n 1)"
tarball=".tmp/$(basename "$tarball")"
[[ -f "$tarball" ]] || { echo "npm pack did not produce $tarball" >&2; exit 1; }
echo "packed $tarball"

step "install the tarball into $consumer"
rm -rf "$installed"
mkdir -p "$installed"
tar -xzf "$tarball" -C "$installed" --strip-components=1
# The consumer must see the tarball, not the repository: check where Node resolves it from.
for specifier in gradcheck gradcheck/vitest gradcheck/jest gradcheck/expect gradcheck/tfjs gradcheck/report-v1.schema.json; do
  resolved="$(cd "$consumer" && node -p "require.resolve('$specifier')")"
  case "$resolved" in
    "$root/$installed"/*) echo "$specifier -> ${resolved#"$root"/}" ;;
    *) echo "$specifier resolved to $resolved, not to the extracted tarball" >&2; exit 1 ;;
  esac
done

# TensorFlow.js is an optional peer: only gradcheck/tfjs may load it.
(cd "$consumer" && node -e "require('gradcheck'); if (Object.keys(require.cache).some((f) => f.includes('@tensorflow'))) { console.error('gradcheck loads @tensorflow'); process.exit(1); }")

step "type tests (tsc, skipLibCheck false)"
npx tsc -p "$consumer/tsconfig.vitest.json"
npx tsc -p "$consumer/tsconfig.jest.json"
npx tsc -p "$consumer/tsconfig.tfjs-vitest.json"
npx tsc -p "$consumer/tsconfig.tfjs-jest.json"

reports="$root/.tmp/consumer-reports"
rm -rf "$reports"

step "vitest in the consumer (JSON reports into $reports)"
GRADCHECK_REPORT_DIR="$reports" npx vitest run --root "$consumer"

step "jest in the consumer (JSON reports into $reports)"
GRADCHECK_REPORT_DIR="$reports" npx jest --ci --config "$consumer/jest.config.mjs" --rootDir "$consumer"

step "npx gradcheck report (the package's bin, linked as npm links it)"
mkdir -p "$consumer/node_modules/.bin"
bin="$(node -p "require('./$installed/package.json').bin.gradcheck")"
chmod +x "$installed/$bin"
ln -sf "../gradcheck/$bin" "$consumer/node_modules/.bin/gradcheck"
(cd "$consumer" && npx --no gradcheck report "$reports")
ls "$reports" | grep -q '^grad\.vitest\.test--.*correct-gradients-pass-' || { echo "no report named after the Vitest test" >&2; exit 1; }
ls "$reports" | grep -q '^grad\.jest\.test--.*correct-gradients-pass-' || { echo "no report named after the Jest test" >&2; exit 1; }
grep -q 'class="cell fail' "$reports/index.html" || { echo "index.html outlines no failing entry" >&2; exit 1; }

# Runs a profile's suite, which must fail exactly its buggy test: the summary must match
# $summary and the failure must print the wrong entry as a diff line.
one_failure() {
  local name="$1" summary="$2"
  shift 2
  local output status=0
  output="$(NO_COLOR=1 FORCE_COLOR=0 CI=true "$@" 2>&1)" || status=$?
  if [[ $status -eq 0 ]] || ! grep -Eq "$summary" <<<"$output" || ! grep -Eq '\+ W2\[0,1\] +analytic' <<<"$output"; then
    printf '%s\n' "$output" >&2
    echo "$name: expected the correct test to pass and the buggy one to fail naming W2[0,1] (exit $status)" >&2
    exit 1
  fi
  echo "$name: the correct test passed; the buggy one failed naming W2[0,1]"
}

for profile in node10-ts-jest nodenext-esm nodenext-cjs node-test; do
  step "$profile: type test (tsc, skipLibCheck false)"
  npx tsc -p "$consumer/$profile/tsconfig.json"
done

step "node10-ts-jest: without the matcher's types, tsc fails (the type test can fail)"
if npx tsc -p "$consumer/node10-ts-jest/tsconfig.json" --types node >/dev/null; then
  echo "tsc passed without gradcheck/jest in types: the type test proves nothing" >&2
  exit 1
fi
echo "tsc failed as it should"

step "node10-ts-jest: Jest with ts-jest (CommonJS, type-checked)"
one_failure node10-ts-jest 'Tests: +1 failed, 1 passed, 2 total' \
  npx jest --ci --config "$consumer/node10-ts-jest/jest.config.js" --rootDir "$consumer/node10-ts-jest"

step "nodenext-esm: Vitest"
one_failure nodenext-esm 'Tests +1 failed \| 1 passed \(2\)' npx vitest run --root "$consumer/nodenext-esm"

step "nodenext-cjs: Jest with @swc/jest"
one_failure nodenext-cjs 'Tests: +1 failed, 1 passed, 2 total' \
  npx jest --ci --config "$consumer/nodenext-cjs/jest.config.js" --rootDir "$consumer/nodenext-cjs"

step "node-test: node:test with the standalone expect and gradcheck/expect"
one_failure node-test '# pass 3' node --import tsx --test "$consumer/node-test/gradients.test.ts"

step "package test passed"
