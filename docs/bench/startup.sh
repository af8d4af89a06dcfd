#!/usr/bin/env bash
# Cold start (process start until /actuator/health answers UP) and heap in use at idle (after a
# full GC, 20 s after start-up), for the jar on H2 and, when SAHAY_DB_URL is given, on PostgreSQL.
# Usage: docs/bench/startup.sh [runs]    (build first: ./mvnw -DskipTests package)
# BENCH_JAVA_OPTS adds JVM options (for example a small heap); BENCH_PG_URL, BENCH_PG_USER and
# BENCH_PG_PASSWORD add a PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=target/sahay.jar
port=18080

measure() {
  local label=$1; shift
  for i in $(seq 1 "$runs"); do
    local dir; dir=$(mktemp -d)
    local start; start=$(date +%s%N)
    env -u SAHAY_DB_URL -u SAHAY_DB_USER -u SAHAY_DB_PASSWORD "$@" \
      SAHAY_DATA_DIR="$dir" SAHAY_PORT=$port java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$dir/log" 2>&1 &
    local pid=$!
    until curl -sf "localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
      if ! kill -0 $pid 2>/dev/null; then echo "$label: Sahay died, see $dir/log" >&2; exit 1; fi
      sleep 0.05
    done
    local ready; ready=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 20
    jcmd $pid GC.run >/dev/null
    # S0U + S1U + EU + OU, in KiB, whatever the collector
    local heap; heap=$(jstat -gc $pid | tail -1 | awk '{printf "%d", $3 + $4 + $6 + $8}')
    local rss; rss=$(ps -o rss= -p $pid | tr -d ' ')
    local started; started=$(sed -n 's/.*Started SahayApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 s (JVM up \2 s)/p' "$dir/log")
    echo "$label run $i: health UP after ${ready} ms; Spring reports started in $started;" \
      "heap used after GC $((heap / 1024)) MiB; RSS $((rss / 1024)) MiB"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$dir"
  done
}

measure H2 SAHAY_BENCH=h2
if [ -n "${BENCH_PG_URL:-}" ]; then
  measure PostgreSQL SAHAY_DB_URL="$BENCH_PG_URL" SAHAY_DB_USER="$BENCH_PG_USER" SAHAY_DB_PASSWORD="$BENCH_PG_PASSWORD"
fi
