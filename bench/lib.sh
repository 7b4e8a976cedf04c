# Shared by the bench scripts (source it): tool checks, a free port, and
# nginx serving a folder of static files as the reference server of a run.

# Exits 2 naming the first missing tool: `require_tools NAME tool…`.
require_tools() {
  local name=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$name: $tool is missing (scripts/install-deps --bench)" >&2; exit 2; }
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Serves WORK/www on a free port with WORKERS worker processes (nginx's
# "auto" or a number); sets nginx_port and nginx_pid, and waits for PROBE
# (a path under www) to answer.
start_static_nginx() {
  local work=$1 workers=$2 probe=$3
  nginx_port=$(free_port)
  mkdir -p "$work/tmp"
  cat >"$work/nginx.conf" <<CONF
worker_processes $workers;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
$([[ $EUID -eq 0 ]] && echo "user root;")
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp;
  proxy_temp_path $work/tmp;
  fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp;
  scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { default_type "text/html; charset=utf-8"; }
  }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work" &
  nginx_pid=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$nginx_port/$probe" >/dev/null && break
    sleep 0.05
  done
}
