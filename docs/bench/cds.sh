#!/usr/bin/env bash
# Start-up of the fat jar, the extracted jar, and the extracted jar with a class-data-sharing
# archive, alternated in one run so that the machine's noise hits all three alike.
# Usage: docs/bench/cds.sh [rounds]    (build first: ./mvnw -DskipTests package)
#
# JDK 17 checks an archive against the class path it was made with, as written: the training run
# and every run that uses the archive must name the jar the same way from the same directory
# (here: `-jar sahay.jar` inside the extracted folder). Started from elsewhere, the JVM logs
# "Required classpath entry does not exist", maps nothing and runs as without the archive; an
# earlier version of this script did exactly that. The script therefore counts, once, how many
# classes came from the archive, and fails when none did.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=$(pwd)/target/sahay.jar
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
# Training run: start, refresh the context, exit, and write the archive.
(cd "$work/app" && SAHAY_DATA_DIR="$work/train" java -XX:ArchiveClassesAtExit=app.jsa \
  -Dspring.context.exit=onRefresh -jar sahay.jar >"$work/train.log" 2>&1)
shared=$(cd "$work/app" && SAHAY_DATA_DIR="$work/check" java -XX:SharedArchiveFile=app.jsa \
  -Xlog:class+load=info -Dspring.context.exit=onRefresh -jar sahay.jar 2>&1 |
  grep -c "source: shared objects file" || true)
total=$(cd "$work/app" && SAHAY_DATA_DIR="$work/check2" java -Xshare:off -Xlog:class+load=info \
  -Dspring.context.exit=onRefresh -jar sahay.jar 2>&1 | grep -c "source:" || true)
echo "classes loaded from the archive: $shared of about $total"
if [ "$shared" -lt 1000 ]; then
  echo "the archive was not used: see $work/train.log" >&2
  exit 1
fi

run() {
  local label=$1 dir=$2; shift 2
  rm -rf "$work/data"
  local s; s=$(date +%s%N)
  (cd "$dir" && SAHAY_DATA_DIR="$work/data" SAHAY_PORT=18082 exec "$@") >"$work/run.log" 2>&1 &
  local pid=$!
  until curl -sf localhost:18082/actuator/health 2>/dev/null | grep -q UP; do sleep 0.05; done
  echo "$label health UP after $(( ($(date +%s%N) - s) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true; sleep 1
}
for i in $(seq 1 "$rounds"); do
  run "fat jar:          " . java -jar "$jar"
  run "extracted:        " "$work/app" java -jar sahay.jar
  run "extracted + CDS:  " "$work/app" java -XX:SharedArchiveFile=app.jsa -jar sahay.jar
done
