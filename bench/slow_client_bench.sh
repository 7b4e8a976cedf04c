#!/usr/bin/env bash
# Issue 16's figures for the event-driven front door, beside nginx in the
# same run (nginx serves the very same page bytes as static files):
#   1. the login page for a well-behaved client (4 connections, 10 s) while
#      200 slow clients hang on (bench/slow_clients.py: half silent, half
#      dripping a header line every 2 s, reconnecting when cut) —
#      target p99 ≤ 100 ms;
#   2. the logged-in dashboard at 256 connections — target p99 ≤ 50 ms and
#      no time-outs.
#
#   bench/slow_client_bench.sh [path/to/medbcp] [seconds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/medbcp}")
seconds=${2:-10}
source "$root/bench/lib.sh"
require_tools slow_client_bench wrk nginx curl python3

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

db="$work/clinic.db"
"$bin" --db "$db" init --demo >/dev/null
printf 'kiku-sakura-ume-7\n' | "$bin" --db "$db" user add --name bench --role admin --password-stdin >/dev/null
port=$(free_port)
"$bin" --db "$db" serve --port "$port" 2>"$work/serve.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/login" >/dev/null && break
  sleep 0.1
done
jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" |
  grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
  --data-urlencode "name=bench" --data-urlencode "password=kiku-sakura-ume-7" "http://127.0.0.1:$port/login"
cookie="medbcp_session=$(awk '$6 == "medbcp_session" {print $7}' "$jar")"

# nginx: the same bytes as static files, in this run.
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$port/login" -o "$work/www/login"
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/" -o "$work/www/index.html"
grep -q readiness-chart "$work/www/index.html" || { echo "slow_client_bench: not the dashboard" >&2; exit 1; }
start_static_nginx "$work" auto login
pids+=("$nginx_pid")

# wrk: prints "requests/s p99-ms timeouts non-2xx".
measure() {
  local connections=$1 url=$2 header=${3:-} out
  if [[ -n "$header" ]]; then
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" "$url")
  else
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
  fi
  echo "$out" >>"$work/wrk.log"
  awk '/Requests\/sec/ {rps = $2}
       $1 == "99%" { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
                     ms = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : v }
       /Socket errors/ { for (i = 1; i <= NF; i++) if ($i == "timeout") t = $(i - 1) }
       /Non-2xx/ { bad = $NF }
       END { printf "%.0f %.2f %d %d\n", rps, ms, t + 0, bad + 0 }' <<<"$out"
}
# Runs `measure` while 200 slow clients hang on the server at `target`.
under_attack() {
  local target=$1 url=$2 holder result
  python3 "$root/bench/slow_clients.py" "$target" 200 >"$work/cut-$target" &
  holder=$!
  sleep 3  # every slow connection open and dripping
  result=$(measure 4 "$url")
  kill -TERM "$holder"
  wait "$holder" 2>/dev/null || true
  echo "$result $(cat "$work/cut-$target")"
}

read -r m_rps m_p99 m_to m_bad m_cut < <(under_attack "$port" "http://127.0.0.1:$port/login")
read -r n_rps n_p99 n_to n_bad n_cut < <(under_attack "$nginx_port" "http://127.0.0.1:$nginx_port/login")
read -r d_rps d_p99 d_to d_bad < <(measure 256 "http://127.0.0.1:$port/" "Cookie: $cookie")
read -r s_rps s_p99 s_to s_bad < <(measure 256 "http://127.0.0.1:$nginx_port/index.html")

verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL; }
echo
echo "| login page, 4 connections, 200 slow clients hanging on | requests/s | p99 | time-outs | slow connections cut |"
echo "|---|---:|---:|---:|---:|"
echo "| medbcp | $m_rps | $m_p99 ms | $m_to | $m_cut |"
echo "| nginx, same bytes static | $n_rps | $n_p99 ms | $n_to | $n_cut |"
echo
echo "| 256 connections | requests/s | p99 | time-outs | non-2xx |"
echo "|---|---:|---:|---:|---:|"
echo "| medbcp, logged-in dashboard | $d_rps | $d_p99 ms | $d_to | $d_bad |"
echo "| nginx, same bytes static | $s_rps | $s_p99 ms | $s_to | $s_bad |"
echo
echo "login p99 ≤ 100 ms under slow clients: $(verdict "$m_p99 <= 100"); dashboard p99 ≤ 50 ms at 256: $(verdict "$d_p99 <= 50"), no time-outs: $(verdict "$d_to == 0")"
echo "wrk -t2 -d${seconds}s --latency; medbcp serve with its defaults; nginx worker_processes auto"
