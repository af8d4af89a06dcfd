#!/usr/bin/env bash
# Start-up of the fat jar, the extracted jar, and the extracted jar with a class-data-sharing
# archive, alternated in one run so that the machine's noise hits all three alike.
# Usage: docs/bench/cds.sh [rounds]    (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
work=$(mktemp -d)
java -Djarmode=tools -jar target/sahay.jar extract --destination "$work/app" >/dev/null
# Training run: start, refresh the context, exit, and write the archive.
(cd "$work/app" && SAHAY_DATA_DIR="$work/train" java -XX:ArchiveClassesAtExit=app.jsa \
  -Dspring.context.exit=onRefresh -jar sahay.jar >"$work/train.log" 2>&1)

run() {
  local label=$1; shift
  rm -rf "$work/data"
  local s; s=$(date +%s%N)
  SAHAY_DATA_DIR="$work/data" SAHAY_PORT=18082 "$@" >"$work/run.log" 2>&1 &
  local pid=$!
  until curl -sf localhost:18082/actuator/health 2>/dev/null | grep -q UP; do sleep 0.05; done
  echo "$label health UP after $(( ($(date +%s%N) - s) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true; sleep 1
}
for i in $(seq 1 "$rounds"); do
  run "fat jar:          " java -jar target/sahay.jar
  run "extracted:        " java -jar "$work/app/sahay.jar"
  run "extracted + CDS:  " java -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$work/app/sahay.jar"
done
rm -rf "$work"
