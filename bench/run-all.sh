#!/usr/bin/env bash
# Every benchmark in one run (`make bench`); the figures go to bench/README.md
# by hand, with the date and the machine.
#
#   bench/run-all.sh path/to/medbcp
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-$here/../build/medbcp}")
echo "## render (issue 3)"
"$here/render_bench.sh" "$bin"
echo
echo "## web (issue 4)"
"$here/web_bench.sh" "$bin"
echo
echo "## slow clients (issue 16)"
"$here/slow_client_bench.sh" "$bin"
echo
echo "## device import (issue 5)"
MEDBCP="$bin" "$here/device_import_bench.sh"
echo
echo "## timeline (issue 8)"
BENCH="$(dirname "$bin")/medbcp_timeline_bench" "$here/timeline_bench.sh"
