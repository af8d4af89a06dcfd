#!/usr/bin/env bash
# Issue 19's write figures with their reference in the same run, on the local PostgreSQL:
#   1. pgbench's TPC-B-like transaction, 50 clients, at scale 1 (one branch row every transaction
#      updates: the same shape as one round's stock row) and at scale 20 (twenty branches);
#   2. Sahay recording hand-overs with 50 clients (docs/bench: the load driver org.sahay.load.SiteDay)
#      at one round, then spread over 20 collectives each with its own round; each after a warm-up,
#      with the CPU seconds of the node, PostgreSQL and the driver per hand-over; then one round
#      at an offered rate (BENCH_RATE, 100 per second by default) for the latency of one.
# Usage: docs/bench/scale.sh   (build first: ./mvnw -DskipTests package test-compile, and save the
#   test classpath: ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt)
# BENCH_JARS="old.jar target/sahay.jar" measures several jars one after the other, same minutes;
# BENCH_JAVA=/path/to/bin/java runs the node (not the driver) on another JDK.
# Needs a PostgreSQL on localhost:5432 where `su postgres` may create databases (as .ci/run does),
# and the role sahay_ci (password sahay-ci-only) that .ci/run creates.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18201
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
export PGPASSWORD=sahay-ci-only
pgdb() { su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)' -c 'CREATE DATABASE $1 OWNER sahay_ci'" >/dev/null 2>&1; }

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for scale in 1 20; do
  pgdb sahay_pgbench
  pgbench -q -i -s "$scale" -h localhost -U sahay_ci sahay_pgbench >/dev/null 2>&1
  pgbench -n -c 50 -j 2 -T 30 -h localhost -U sahay_ci sahay_pgbench 2>/dev/null |
    grep -E "^(tps|latency average)" | sed "s/^/pgbench scale $scale, 50 clients: /"
done

for jar in ${BENCH_JARS:-target/sahay.jar}; do
  pgdb sahay_scale
  data=$(mktemp -d)
  SAHAY_DB_URL=jdbc:postgresql://localhost:5432/sahay_scale SAHAY_DB_USER=sahay_ci \
    SAHAY_DB_PASSWORD=sahay-ci-only SAHAY_DATA_DIR="$data" SAHAY_PORT=$port \
    SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
    ${BENCH_JAVA:-java} ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$data/node.log" 2>&1 &
  node=$!
  trap 'kill $node 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.5; done
  echo "== $jar"
  driver() { java -cp "$cp" org.sahay.load.SiteDay --base "http://localhost:$port" --node-pids "$node" "$@"; }
  echo "-- one round: 50 clients"
  driver --collectives 1 --members 8000 --clients 50 --scenario handovers --warmup 3000 --recordings 5000
  echo "-- twenty collectives, each its own round: 50 clients"
  driver --collectives 20 --members 400 --clients 50 --scenario spread --warmup 2000 --recordings 6000
  # 50 clients back to back wait on each other by construction (Little's law: at 250/s the mean
  # answer takes 50/250 s = 200 ms); phones at a site send one now and then. The latency of one
  # hand-over is measured at an offered rate well under the capacity found above.
  echo "-- one round: 50 clients offering ${BENCH_RATE:-100} hand-overs per second in all"
  driver --collectives 1 --members 6000 --clients 50 --scenario handovers --warmup 2000 \
    --recordings 4000 --rate "${BENCH_RATE:-100}"
  kill $node; wait $node 2>/dev/null || true
  rm -rf "$data"
done
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS sahay_pgbench' -c 'DROP DATABASE IF EXISTS sahay_scale'" >/dev/null 2>&1 || true
