#!/usr/bin/env bash
# Two Sahay nodes behind nginx, sharing one PostgreSQL (and one master keyset and data directory,
# as two machines would share a mounted volume), with the load driver playing a day at the sites
# through nginx; in the middle of the run one node is killed outright (kill -9, mid-request), and
# started again a little later. The driver's phones send every unanswered write again with the same
# idempotency key, through nginx, so to the other node; at the end the driver looks up every write
# it saw acknowledged: none may be missing, none may be there twice.
# Usage: docs/bench/nodes.sh [seconds] [clients] [collectives]   (default 600 50 10)
#   (build first: ./mvnw -DskipTests package test-compile; save the test classpath as in scale.sh)
# Needs nginx (Debian: apt-get install nginx-light) and the PostgreSQL set up as for scale.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
clients=${2:-50}
collectives=${3:-10}
work=$(mktemp -d)
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS sahay_nodes WITH (FORCE)' -c 'CREATE DATABASE sahay_nodes OWNER sahay_ci'" >/dev/null 2>&1

cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream sahay {
    server 127.0.0.1:18301 max_fails=1 fail_timeout=3s;
    server 127.0.0.1:18302 max_fails=1 fail_timeout=3s;
    keepalive 64;
  }
  server {
    listen 18300;
    client_max_body_size 30m;
    location / {
      proxy_pass http://sahay;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      # A request not yet sent (the node refused the connection) goes to the other node; a POST
      # already sent is never sent twice by nginx: the phone sends it again, with its key.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
    }
  }
}
NGINX

start() {
  local port=$1
  SAHAY_DB_URL=jdbc:postgresql://localhost:5432/sahay_nodes SAHAY_DB_USER=sahay_ci \
    SAHAY_DB_PASSWORD=sahay-ci-only SAHAY_DATA_DIR="$work/data" \
    SAHAY_MASTER_KEYSET="$work/keys/master-keyset.json" SAHAY_PORT=$port \
    SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
    java ${BENCH_JAVA_OPTS:-} -jar target/sahay.jar >>"$work/node-$port.log" 2>&1 &
  echo $! >"$work/node-$port.pid"
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.5; done
}
cleanup() {
  for f in "$work"/node-*.pid; do kill "$(cat "$f")" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/keys" "$work/body" "$work/proxy"
# The first node makes the master keyset and migrates the database; the second then joins.
start 18301
start 18302
nginx -c "$work/nginx.conf"
echo "== two nodes behind nginx; a day at $collectives collectives, $clients clients, ${seconds} s"

java -cp "$cp" org.sahay.load.SiteDay --base http://localhost:18300 --scenario day \
  --collectives "$collectives" --members 500 --clients "$clients" --seconds "$seconds" \
  --node-pids "$(cat "$work/node-18301.pid"),$(cat "$work/node-18302.pid")" >"$work/driver.log" 2>&1 &
driver=$!
until grep -q "set up" "$work/driver.log" 2>/dev/null; do sleep 1; done
sleep $((seconds / 2))
echo "== $(date +%T) kill -9 of the node on 18301, mid-run"
kill -9 "$(cat "$work/node-18301.pid")"
wait "$(cat "$work/node-18301.pid")" 2>/dev/null || true
sleep 30
echo "== $(date +%T) the node on 18301 starts again"
start 18301
wait $driver
cat "$work/driver.log"
grep -c "ERROR" "$work"/node-*.log | sed 's/^/errors logged: /' || true
