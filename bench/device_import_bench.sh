#!/usr/bin/env bash
# Benchmark of issue 5: import a 100,000-row device ledger (別紙２) saved by
# Excel as CP932 CSV with `medbcp devices import`, and beside it, in the same
# run on the same rows, the sqlite3 shell's `.import` of the file as UTF-8
# into a bare table (no types, no checks, no history): the floor for "read a
# CSV into SQLite".
#
# Target: medbcp <= 1.5 s, and >= 40% of sqlite3's speed, i.e.
#         sqlite3 time / medbcp time >= 0.40.
#
#   bench/device_import_bench.sh [ROWS]
#     MEDBCP=path/to/medbcp (default: build/medbcp; use a Release build)
#     RUNS=5                (runs of each; the median is reported)
set -euo pipefail

rows=${1:-100000}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
medbcp=${MEDBCP:-$root/build/medbcp}
[[ -x "$medbcp" ]] || { echo "medbcp not found at $medbcp (set MEDBCP)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 shell not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/make_device_rows.py" "$rows" "$work/ledger-cp932.csv"
iconv -f CP932 -t UTF-8 "$work/ledger-cp932.csv" >"$work/ledger-utf8.csv"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Runs a command and prints "WALL CPU" in seconds (CPU = user + system). On a
# busy machine wall time mostly measures the queue; CPU time is the work.
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}

medbcp_wall=() medbcp_cpu=() sqlite_wall=() sqlite_cpu=()
for ((i = 1; i <= runs; i++)); do
  # medbcp: a fresh plan each run, so every run adds all rows.
  rm -f "$work/plan.db"*
  "$medbcp" --db "$work/plan.db" init --facility ベンチマーク医院 >/dev/null
  read -r wall cpu < <(measure "$medbcp" --db "$work/plan.db" devices import "$work/ledger-cp932.csv")
  medbcp_wall+=("$wall") medbcp_cpu+=("$cpu")

  # sqlite3: a fresh database; .import creates the table from the header.
  rm -f "$work/bare.db"
  read -r wall cpu < <(measure sqlite3 "$work/bare.db" ".import --csv $work/ledger-utf8.csv devices")
  sqlite_wall+=("$wall") sqlite_cpu+=("$cpu")
done

stored=$(sqlite3 "$work/bare.db" "SELECT count(*) FROM devices")
[[ "$stored" == "$rows" ]] || { echo "sqlite3 stored $stored rows, expected $rows" >&2; exit 1; }

m_wall=$(printf '%s\n' "${medbcp_wall[@]}" | median)
m_cpu=$(printf '%s\n' "${medbcp_cpu[@]}" | median)
s_wall=$(printf '%s\n' "${sqlite_wall[@]}" | median)
s_cpu=$(printf '%s\n' "${sqlite_cpu[@]}" | median)
ratio_wall=$(echo "scale=3; $s_wall / $m_wall" | bc)
ratio_cpu=$(echo "scale=3; $s_cpu / $m_cpu" | bc)
size=$(du -k "$work/ledger-cp932.csv" | cut -f1)

echo "rows:                     $rows (CP932 file ${size} KiB), $runs runs each, medians"
echo "machine:                  $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "                          wall s   CPU s"
echo "medbcp devices import:    $m_wall   $m_cpu"
echo "sqlite3 .import (UTF-8):  $s_wall   $s_cpu"
echo "medbcp speed / sqlite3:   $ratio_wall    $ratio_cpu   (target >= 0.40)"
ok=1
(($(echo "$m_wall <= 1.5" | bc))) || { echo "FAIL: medbcp took more than 1.5 s (wall)"; ok=0; }
(($(echo "$ratio_wall >= 0.40" | bc))) || { echo "FAIL: below 40% of sqlite3's speed (wall)"; ok=0; }
((ok)) && echo "PASS"
((ok))
