#!/usr/bin/env bash
# Benchmark of the web application: wrk against the logged-in dashboard of
# the demo plan (32 connections, 10 s), beside nginx serving the very same
# page bytes as a static file in the same run, plus the server's idle
# resident memory. Prints a Markdown table (the figures of bench/README.md).
#
#   bench/web_bench.sh path/to/medbcp [seconds] [connections]
set -euo pipefail
bin="${1:?usage: web_bench.sh path/to/medbcp [seconds] [connections]}"
seconds="${2:-10}"
connections="${3:-32}"
threads=2
source "$(dirname "$0")/lib.sh"
require_tools web_bench wrk nginx curl python3

work="$(mktemp -d)"
server_pid=""
nginx_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT


db="$work/bench.db"
"$bin" --db "$db" init --demo >/dev/null
printf 'kiku-sakura-ume-7\n' | "$bin" --db "$db" user add --name bench --role admin --password-stdin >/dev/null

port="$(free_port)"
"$bin" --db "$db" serve --port "$port" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/assets/app.css" >/dev/null && break
  sleep 0.05
done
sleep 1
idle_rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")"

# Sign in as a browser would: the login form's CSRF token, then the session cookie.
jar="$work/cookies"
token="$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" |
  grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
  --data-urlencode "name=bench" --data-urlencode "password=kiku-sakura-ume-7" \
  "http://127.0.0.1:$port/login"
session="$(awk '$6 == "medbcp_session" {print $7}' "$jar")"
[[ -n "$session" ]] || { echo "web_bench: could not sign in" >&2; exit 1; }
cookie="medbcp_session=$session"

mkdir -p "$work/www"
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/" -o "$work/www/index.html"
grep -q 'readiness-chart' "$work/www/index.html" || { echo "web_bench: not the dashboard" >&2; exit 1; }
page_bytes="$(stat -c %s "$work/www/index.html")"

start_static_nginx "$work" 1 index.html

run_wrk() {  # url [header]
  if [[ -n "${2:-}" ]]; then
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "$2" "$1"
  else
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$1"
  fi
}
rps() { awk '/^Requests\/sec/ {print $2}'; }
p99() { awk '$1 == "99%" {print $2}'; }

medbcp_out="$(run_wrk "http://127.0.0.1:$port/" "Cookie: $cookie")"
nginx_out="$(run_wrk "http://127.0.0.1:$nginx_port/index.html")"
sleep 2
after_rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")"

m_rps="$(rps <<<"$medbcp_out")"
n_rps="$(rps <<<"$nginx_out")"
ratio="$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.0f", 100 * a / b }')"
non2xx="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$medbcp_out" || true)"

echo "| | requests/s | p99 latency |"
echo "|---|---:|---:|"
echo "| medbcp, logged-in dashboard | $m_rps | $(p99 <<<"$medbcp_out") |"
echo "| nginx, same $page_bytes bytes as a static file | $n_rps | $(p99 <<<"$nginx_out") |"
echo
echo "medbcp/nginx: ${ratio}%; idle RSS after start: $((idle_rss_kb / 1024)) MB ($idle_rss_kb kB), after the run: $((after_rss_kb / 1024)) MB"
[[ -n "$non2xx" ]] && echo "medbcp: $non2xx"
echo
echo "wrk -t$threads -c$connections -d${seconds}s --latency, $(nproc) CPUs"
