#!/usr/bin/env bash
# Benchmark of issue 8: append 100,000 durable timeline entries (each its own
# committed transaction) and verify a 1,000,000-entry chain; beside it, in
# the same run, sha256sum over exactly the bytes verification hashes.
# Target: verification >= 50% of sha256sum's throughput.
#
#   bench/timeline_bench.sh [APPEND] [VERIFY]
#     BENCH=path/to/medbcp_timeline_bench (default: build/medbcp_timeline_bench)
#     RUNS=5   (verification runs; the median is reported)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH:-$root/build/medbcp_timeline_bench}
[[ -x "$bench" ]] || { echo "$bench not found (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); database in $(df --output=fstype "$work" | tail -1)"
"$bench" --append "${1:-100000}" --verify "${2:-1000000}" --runs "${RUNS:-5}" --dir "$work"
