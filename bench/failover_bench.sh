#!/usr/bin/env bash
# Losing the primary loses nothing (issue 15): a PostgreSQL 15 primary with
# a synchronous standby (streaming replication, synchronous_commit=on,
# fsync on), medbcp serving one facility through a multi-host URL
# (target_session_attrs=read-write), several clients writing timeline
# entries through the web app. The primary is killed with SIGKILL mid-run
# and the standby promoted at once (detecting the death is the operator's
# tool's job: Patroni, pg_auto_failover …, not timed here). Then:
#   - every entry the app acknowledged (303 to the incident page) is on
#     the promoted standby,
#   - the timeline's chain verifies,
#   - medbcp reconnected by itself, without a restart,
# and the seconds from the primary's death to the first acknowledged write
# (target ≤ 10 s). Bounded: every wait has a limit. Prints PASS or FAIL;
# KEEP=1 keeps the clusters' folder and logs for a look afterwards.
#
#   bench/failover_bench.sh [path/to/medbcp] [writers] [seconds before the kill]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/medbcp}")
writers=${2:-4}
before=${3:-5}
after=8
pg=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
for tool in curl "$pg/initdb" "$pg/pg_ctl" "$pg/pg_basebackup" "$pg/psql"; do
  command -v "$tool" >/dev/null || { echo "failover_bench: $tool is missing" >&2; exit 2; }
done

as_owner=()
if [[ "$(id -u)" -eq 0 ]]; then as_owner=(runuser -u postgres --); fi
work=$(mktemp -d /tmp/medbcp-failover.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/a" "$work/b" "$work/w"
if [[ ${#as_owner[@]} -gt 0 ]]; then chown postgres:postgres "$work/a" "$work/b"; fi
server_pid=""
writer_pids=()
cleanup() {
  for p in "${writer_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  for d in a b; do
    "${as_owner[@]}" "$pg/pg_ctl" -D "$work/$d/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  done
  wait 2>/dev/null || true
  if [[ -n "${KEEP:-}" ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
now() { date +%s.%N; }

# The primary, in a; the standby, a base backup of it, in b. Each listens
# on a Unix socket in its own folder only.
"${as_owner[@]}" "$pg/initdb" -D "$work/a/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C >"$work/a/initdb.log" 2>&1
cat >>"$work/a/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$work/a'
synchronous_standby_names = 'standby1'
synchronous_commit = on
fsync = on
max_connections = 200
CONF
"${as_owner[@]}" "$pg/pg_ctl" -D "$work/a/data" -l "$work/a/server.log" -w -t 60 start >/dev/null
"${as_owner[@]}" "$pg/pg_basebackup" -h "$work/a" -U postgres -D "$work/b/data" -R -X stream \
  >"$work/b/basebackup.log" 2>&1
echo "unix_socket_directories = '$work/b'" >>"$work/b/data/postgresql.conf"
# After the line pg_basebackup -R wrote: the later setting counts.
echo "primary_conninfo = 'host=$work/a user=postgres application_name=standby1'" \
  >>"$work/b/data/postgresql.auto.conf"
"${as_owner[@]}" "$pg/pg_ctl" -D "$work/b/data" -l "$work/b/server.log" -w -t 60 start >/dev/null
for _ in $(seq 100); do
  state=$("$pg/psql" -h "$work/a" -U postgres -Atc \
    "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'" 2>/dev/null || true)
  [[ "$state" == sync ]] && break
  sleep 0.2
done
[[ "$state" == sync ]] || { echo "failover_bench: the standby is not synchronous" >&2; exit 1; }

url="postgresql:///postgres?host=$work/a,$work/b&user=postgres&target_session_attrs=read-write&connect_timeout=2"
m() { "$bin" --db "$url" "$@"; }
m facility add aoba --name あおば内科 >/dev/null
m --facility-code aoba incident start --title 停電後の不審な通信 --threat malware --discoverer 中村 \
  --how-found 始業時 --situation 画面に脅迫文 --actions 抜線 --no-leak >/dev/null
printf 'kiku-sakura-ume-7\n' | m --facility-code aoba user add --name writer --role staff \
  --password-stdin >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The program itself in the background (not the function `m`, whose
# subshell's pid would be killed and leave the server running).
"$bin" --db "$url" --facility-code aoba serve --port "$port" --threads 16 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/login" >/dev/null && break
  sleep 0.1
done

# One writer: its own session, then entries "wK-N" until told to stop;
# each acknowledged one is written down with the time it was.
writer() {
  local k=$1 jar="$work/w/$1.jar" token n=0 status
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" |
    grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
    --data-urlencode "name=writer" --data-urlencode "password=kiku-sakura-ume-7" \
    "http://127.0.0.1:$port/login"
  token=$(curl -fs -b "$jar" "http://127.0.0.1:$port/incidents/1" |
    grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
  while [[ ! -f "$work/stop" ]]; do
    n=$((n + 1))
    sent=$(now)
    status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 10 -b "$jar" \
      -H "X-CSRF-Token: $token" --data-urlencode "kind=fact" --data-urlencode "text=w$k-$n" \
      "http://127.0.0.1:$port/incidents/1/log" || echo "000")
    if [[ "$status" == "303 "*notice=added* ]]; then
      echo "$(now) w$k-$n $sent" >>"$work/w/$k.acked"
    else
      echo "$(now) w$k-$n ${status%% *}" >>"$work/w/$k.refused"
      sleep 0.1
    fi
  done
}
for k in $(seq "$writers"); do
  writer "$k" &
  writer_pids+=($!)
done

sleep "$before"
primary_pid=$(head -1 "$work/a/data/postmaster.pid")
killed_at=$(now)
kill -KILL "$primary_pid"
"${as_owner[@]}" "$pg/pg_ctl" -D "$work/b/data" -w -t 30 promote >/dev/null
# The new primary has no standby of its own until one is rebuilt: it must
# stop waiting for one, or every commit would wait for ever (what a
# failover tool does as part of the promotion).
"$pg/psql" -h "$work/b" -U postgres -qAtc "ALTER SYSTEM SET synchronous_standby_names = ''" \
  -c "SELECT pg_reload_conf()" >/dev/null
promoted_at=$(now)
sleep "$after"
touch "$work/stop"
for p in "${writer_pids[@]}"; do wait "$p" || true; done
writer_pids=()

# What the app acknowledged, and what the promoted standby holds.
cat "$work"/w/*.acked | sort -n >"$work/acked"
acked=$(wc -l <"$work/acked")
acked_before=$(awk -v t="$killed_at" '$1 < t' "$work/acked" | wc -l)
# The first write sent after the death and acknowledged (one sent before and
# answered just after it is no proof of anything).
first_after=$(awk -v t="$killed_at" '$3 >= t {print $1; exit}' "$work/acked")
refused=$(cat "$work"/w/*.refused 2>/dev/null | wc -l)
"$bin" --db "postgresql:///postgres?host=$work/b&user=postgres" --facility-code aoba \
  incident export 1 --format json --out "$work/timeline.json" >/dev/null
missing=0
while read -r _ marker _; do
  grep -q "\"$marker\"" "$work/timeline.json" || { missing=$((missing + 1)); echo "lost: $marker"; }
done <"$work/acked"
verify_rc=0
"$bin" --db "postgresql:///postgres?host=$work/b&user=postgres" --facility-code aoba \
  incident verify 1 >"$work/verify.log" 2>&1 || verify_rc=$?
server_alive=no
kill -0 "$server_pid" 2>/dev/null && server_alive=yes

awk -v k="$killed_at" -v p="$promoted_at" -v f="${first_after:-0}" 'BEGIN {
  printf "promote issued %.2f s after the kill\n", p - k
  if (f > 0) printf "first acknowledged write %.2f s after the kill\n", f - k
}'
echo "writers: $writers; acknowledged: $acked ($acked_before before the kill); refused (503 and the like, nothing saved): $refused"
echo "acknowledged but missing on the promoted standby: $missing"
echo "chain verification on the promoted standby: $([[ $verify_rc -eq 0 ]] && echo ok || echo FAILED) ($(grep -o '最終ハッシュ: [0-9a-f]\{12\}' "$work/verify.log" || true)…)"
echo "server still the same process (no restart): $server_alive"
result=PASS
[[ $missing -eq 0 && $verify_rc -eq 0 && $server_alive == yes && -n "$first_after" ]] || result=FAIL
if [[ -n "$first_after" ]] && awk -v k="$killed_at" -v f="$first_after" 'BEGIN { exit !(f - k > 10) }'; then
  result=FAIL
fi
echo "$result"
[[ $result == PASS ]]
