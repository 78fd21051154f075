#!/usr/bin/env bash
# Builds the package, lints its exports, packs it, installs the tarball into test/consumer
# (a user's project) and runs that project's type tests, Vitest suite and Jest suite.
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

step "attw (node16 profile)"
npx attw --pack . --profile node16

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
for specifier in gradcheck gradcheck/vitest gradcheck/jest gradcheck/tfjs gradcheck/report-v1.schema.json; do
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

step "package test passed"
