#!/usr/bin/env bash
# Cold start to health UP, alternated in one run so that the machine's noise hits all alike:
#   reference  the smallest Spring Boot web app with actuator (docs/bench/minimal-app), fat jar;
#   fat jar    java -jar target/sahay.jar;
#   bin/sahay  the jar extracted, AOT-processed at build time, classes from a CDS archive.
# Sahay starts twice per round: on an empty data directory (Flyway makes the database), then again
# on that data (a restart). H2 throughout.
# Usage: docs/bench/cds.sh [rounds]    (build first: ./mvnw -DskipTests package)
#
# JDK 17 uses an archive only with the class path it was made with, as written; bin/sahay makes
# and uses it with absolute paths, and makes it again when the jar or the JDK changes. The script
# counts, once, how many classes come from the archive, and fails when none did (an earlier
# version of it timed the extracted jar without the archive and called it "with CDS").
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd docs/bench/minimal-app && "$root/mvnw" -B -q -DskipTests package)
reference=$root/docs/bench/minimal-app/target/minimal-app.jar

# prepare WHAT [JAVA_HOME]: the first bin/sahay after a build makes the archive (a CDS archive on
# JDK 17, an AOT cache on 25 or later); then count the classes it maps, and fail if it maps none.
prepare() {
  local what=$1 home=${2:-}
  (cd "$work" && env ${home:+JAVA_HOME=$home} SAHAY_DATA_DIR="$work/train${home:+25}" \
    SAHAY_JAVA_OPTS="-Dspring.context.exit=onRefresh" "$root/bin/sahay" >/dev/null 2>&1 || true)
  local mapped
  mapped=$(cd "$work" && env ${home:+JAVA_HOME=$home} SAHAY_DATA_DIR="$work/check${home:+25}" \
    SAHAY_JAVA_OPTS="-Xlog:class+load=info -Dspring.context.exit=onRefresh" "$root/bin/sahay" 2>&1 |
    grep -c "source: shared objects file" || true)
  echo "classes loaded from the $what: $mapped"
  if [ "$mapped" -lt 1000 ]; then
    echo "the $what was not used" >&2
    exit 1
  fi
}
prepare archive
java25=${BENCH_JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
[ -z "$java25" ] || prepare "AOT cache on $java25" "$java25"

# run LABEL DATA-DIR COMMAND...: milliseconds from exec to health UP, then stop.
run() {
  local label=$1 data=$2; shift 2
  local s; s=$(date +%s%N)
  (cd "$work" && SAHAY_DATA_DIR="$data" SAHAY_PORT=18082 SERVER_PORT=18082 exec "$@") \
    >"$work/run.log" 2>&1 &
  local pid=$!
  until curl -sf localhost:18082/actuator/health 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { cat "$work/run.log" >&2; exit 1; }
    sleep 0.05
  done
  printf '%-28s %6d ms\n' "$label" $(( ($(date +%s%N) - s) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true; sleep 1
}
for i in $(seq 1 "$rounds"); do
  echo "-- round $i"
  rm -rf "$work"/d*
  run "reference (minimal app)" "$work/d0" java -jar "$reference"
  run "fat jar, first start" "$work/d1" java -jar "$root/target/sahay.jar"
  run "fat jar, restart" "$work/d1" java -jar "$root/target/sahay.jar"
  run "bin/sahay, first start" "$work/d2" "$root/bin/sahay"
  run "bin/sahay, restart" "$work/d2" "$root/bin/sahay"
  if [ -n "$java25" ]; then
    run "bin/sahay JDK 25, first start" "$work/d3" env JAVA_HOME="$java25" "$root/bin/sahay"
    run "bin/sahay JDK 25, restart" "$work/d3" env JAVA_HOME="$java25" "$root/bin/sahay"
  fi
done
