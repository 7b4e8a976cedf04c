#!/usr/bin/env bash
# Issue 15's figures, both engines in one run (the machine's speed varies
# from day to day; compare within a run):
#   1. the logged-in dashboard at 64 connections: PostgreSQL (a facility of
#      an association's server) against SQLite (a clinic's file), wrk 10 s
#      each — targets: PostgreSQL ≥ 50 % of SQLite's requests/s, p99 ≤ 20 ms;
#   2. the association's overview page with 1,000 facilities, p99 — target
#      ≤ 50 ms (and the first, cold request that counts them all);
#   3. 100,000 durable timeline appends on PostgreSQL, beside SQLite.
# PostgreSQL is a throw-away cluster with fsync on. The failover figure is
# bench/failover_bench.sh's.
#
#   bench/association_bench.sh [path/to/medbcp] [facilities] [appends]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/medbcp}")
facilities=${2:-1000}
appends=${3:-100000}
timeline_bench=${TIMELINE_BENCH:-$root/build/medbcp_timeline_bench}
pg=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
source "$root/bench/lib.sh"
require_tools association_bench wrk curl python3 "$pg/psql"

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/postgres-test-cluster" stop "$work/pg" || true
  if [[ -n "${KEEP:-}" ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
PG_FSYNC=on "$root/scripts/postgres-test-cluster" start "$work/pg"
server_url=$(cat "$work/pg/url")  # postgresql:///postgres?host=…&user=postgres
database() {                      # a new database on the cluster; prints its URL
  "$pg/psql" "$server_url" -qAtc "CREATE DATABASE $1" >/dev/null
  echo "${server_url/\/postgres\?//$1?}"
}
password=kiku-sakura-ume-7
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Serves `db` (with any further flags) on a free port, sets $port.
serve() {
  local db=$1
  shift
  port=$(free_port)
  "$bin" --db "$db" "$@" serve --port "$port" ${THREADS:+--threads "$THREADS"} >/dev/null 2>>"$work/serve.log" &
  pids+=($!)
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/login" >/dev/null && break
    sleep 0.1
  done
}
# Signs in (facility code, name) and prints the session cookie.
sign_in() {
  local port=$1 facility=$2 name=$3 jar="$work/jar-$1" token
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" |
    grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
    --data-urlencode "facility=$facility" --data-urlencode "name=$name" \
    --data-urlencode "password=$password" "http://127.0.0.1:$port/login"
  echo "medbcp_session=$(awk '$6 == "medbcp_session" {print $7}' "$jar")"
}
# wrk against one page: prints "requests/s p99-ms".
measure() {
  local port=$1 cookie=$2 path=$3 connections=$4 out
  out=$(wrk -t2 -c"$connections" -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")
  echo "$out" >>"$work/wrk.log"
  awk '/Requests\/sec/ {rps = $2}
       $1 == "99%" { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
                     ms = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : v }
       /Non-2xx/ { bad = $NF }
       END { printf "%.0f %.2f %s\n", rps, ms, bad + 0 }' <<<"$out"
}

# 1. The dashboard: the demo clinic on SQLite, and the same plan as a
#    facility of an association's PostgreSQL server.
sqlite_db="$work/clinic.db"
"$bin" --db "$sqlite_db" init --demo >/dev/null
"$bin" --db "$sqlite_db" export --out "$work/demo.json" >/dev/null
printf '%s\n' "$password" | "$bin" --db "$sqlite_db" user add --name bench --role admin --password-stdin >/dev/null
association=$(database association)
"$bin" --db "$association" facility add demo --name デモ診療所 >/dev/null
"$bin" --db "$association" --facility-code demo import "$work/demo.json" >/dev/null
printf '%s\n' "$password" | "$bin" --db "$association" --facility-code demo user add --name bench \
  --role admin --password-stdin >/dev/null

serve "$sqlite_db"
cookie=$(sign_in "$port" "" bench)
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/" | grep -q readiness-chart ||
  { echo "association_bench: not the dashboard (SQLite)" >&2; exit 1; }
read -r sqlite_rps sqlite_p99 sqlite_bad < <(measure "$port" "$cookie" / 64)
serve "$association"
cookie=$(sign_in "$port" demo bench)
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/" | grep -q readiness-chart ||
  { echo "association_bench: not the dashboard (PostgreSQL)" >&2; exit 1; }
read -r pg_rps pg_p99 pg_bad < <(measure "$port" "$cookie" / 64)
for p in "${pids[@]}"; do kill "$p"; done
wait 2>/dev/null || true
pids=()
echo
echo "| dashboard, 64 connections | requests/s | p99 | non-2xx |"
echo "|---|---|---|---|"
echo "| SQLite (clinic file) | $sqlite_rps | $sqlite_p99 ms | $sqlite_bad |"
echo "| PostgreSQL (facility of an association) | $pg_rps | $pg_p99 ms | $pg_bad |"
share=$(awk -v a="$pg_rps" -v b="$sqlite_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL; }
echo "PostgreSQL / SQLite: $share % (target ≥ 50 %: $(verdict "$share >= 50")); p99 ≤ 20 ms: $(verdict "$pg_p99 <= 20")"

# 2. The overview: the association's server with $facilities facilities.
start=$(date +%s.%N)
seq 2 "$facilities" | xargs -P 2 -I{} sh -c \
  "'$bin' --db '$association' facility add \"f\$(printf %04d {})\" --name \"会員施設{}\" >/dev/null"
made=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
printf '%s\n' "$password" | "$bin" --db "$association" --association user add --name kyokai \
  --role association-admin --password-stdin >/dev/null
serve "$association"
started=$(date +%s.%N)
cookie=$(sign_in "$port" "" kyokai)
cold=$(curl -fs -o "$work/overview.html" -w '%{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port/association")
# The server's keeper counts the facilities in the background; the page
# says 集計待ち until it is done (bounded: 30 minutes).
for _ in $(seq 3600); do
  curl -fs -o "$work/overview.html" -H "Cookie: $cookie" "http://127.0.0.1:$port/association"
  grep -q '集計待ち\|集計中です' "$work/overview.html" || break
  sleep 0.5
done
counted=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
rows=$(grep -o '<tr' "$work/overview.html" | wc -l)
read -r ov_rps ov_p99 ov_bad < <(measure "$port" "$cookie" /association 4)
read -r sorted_rps sorted_p99 sorted_bad < <(measure "$port" "$cookie" "/association?sort=gaps&dir=desc&page=5" 4)
echo
echo "| overview, $facilities facilities ($((rows - 1)) rows a page, $(($(stat -c %s "$work/overview.html") / 1024)) KiB) | |"
echo "|---|---|"
echo "| facilities added (facility add, 2 at a time) | $made s |"
echo "| first request (counts 8, the rest 集計待ち) | $(awk -v t="$cold" 'BEGIN { printf "%.2f s", t }') |"
echo "| every facility counted by the server's keeper | $counted s after start |"
echo "| then, 4 connections | $ov_rps requests/s, p99 $ov_p99 ms, non-2xx $ov_bad |"
echo "| sorted by 不備, page 5, 4 connections | $sorted_rps requests/s, p99 $sorted_p99 ms, non-2xx $sorted_bad |"
echo "overview p99 ≤ 50 ms: $(verdict "$ov_p99 <= 50")"
for p in "${pids[@]}"; do kill "$p"; done
wait 2>/dev/null || true
pids=()

# 3. Appends: each a committed, durable transaction.
echo
appends_db=$(database appends)
echo "PostgreSQL: $("$timeline_bench" --append "$appends" --verify 0 --db "$appends_db")"
mkdir -p "$work/sqlite-appends"
echo "SQLite:     $("$timeline_bench" --append "$appends" --verify 0 --dir "$work/sqlite-appends")"
