#!/usr/bin/env bash
# Alternates jars on a fresh PostgreSQL database each, 100,000 rows: docs/bench/import-ab.sh old.jar new.jar old.jar new.jar
# (needs the sahay_ci role of .ci/run; run as root).
set -u
cd "$(dirname "$0")/../.."
for jar in "$@"; do
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS sahay_bench' -c 'CREATE DATABASE sahay_bench OWNER sahay_ci'"
  echo "=== $jar $(date +%T)"
  BENCH_SKIP_H2=1 BENCH_JAR=$jar BENCH_PG_URL=jdbc:postgresql://localhost:5432/sahay_bench \
    BENCH_PG_USER=sahay_ci BENCH_PG_PASSWORD=sahay-ci-only docs/bench/registry.sh 100000 200
done
echo "=== end $(date +%T)"
