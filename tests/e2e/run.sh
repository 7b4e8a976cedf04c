#!/usr/bin/env bash
# Browser tests of the web application. `make test` calls this with the
# path of the built medbcp binary:   tests/e2e/run.sh path/to/medbcp
# Installs the locked npm packages when missing, then runs every test in
# tests/ with node's test runner; screenshots go to tests/e2e/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:?usage: run.sh path/to/medbcp}"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
cd "$here"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf artifacts
mkdir -p artifacts
MEDBCP_BIN="$bin" node --test --test-concurrency=1 --test-reporter=spec tests/
