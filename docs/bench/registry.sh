#!/usr/bin/env bash
# Import rate for 100,000 members and search latency (p50, p95) over them, on H2 and, when
# BENCH_PG_URL/_USER/_PASSWORD are set, on PostgreSQL. Drives the real jar over HTTP, as a
# collective leader would: upload, map, validate, run, then search through the API.
# Usage: docs/bench/registry.sh [rows] [searches]   (build first: ./mvnw -DskipTests package)
# BENCH_JAR picks another jar (to compare two builds side by side), BENCH_JAVA_OPTS adds JVM options,
# BENCH_SKIP_H2 leaves H2 out. On PostgreSQL, psql's \copy of the same file into a plain table is
# timed before and after, as the reference (needs the postgres user, so run as root).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
searches=${2:-400}
port=18090
base="http://localhost:$port"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$rows" > "$work/members.csv" <<'PY'
import random, sys
random.seed(7)
names = ["Lakshmi", "Durga", "Rekha", "Parvati", "Padma", "Radha", "Kamala", "Sunita", "Anjali",
         "Meena", "Saraswati", "Geeta", "Bharati", "Rani", "Sita", "Uma", "Kavita", "Shanti",
         "లక్ష్మి", "దుర్గ", "రేఖ", "పార్వతి", "লক্ষ্মী", "দুর্গা", "রেখা", "लक्ष्मी", "दुर्गा", "रेखा"]
second = ["Devi", "Kumari", "Bai", "Rani", "Amma", ""]
villages = ["Kothapeta", "Ramapuram", "Gandhinagar", "Islampur", "Nayapara", "Bhimavaram"]
print("Name,Gender,Age,District,Village,Phone")
for i in range(int(sys.argv[1])):
    name = (random.choice(names) + " " + random.choice(second)).strip() + " " + str(i)
    phone = "9%09d" % i
    print(f"{name},F,{random.randint(18, 70)},Guntur,{random.choice(villages)},{phone}")
PY

run() {
  local label=$1; shift
  local data="$work/data-$label"
  env -u SAHAY_DB_URL -u SAHAY_DB_USER -u SAHAY_DB_PASSWORD "$@" SAHAY_DATA_DIR="$data" \
    SAHAY_PORT=$port SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin \
    SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
    java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/sahay.jar}" >"$work/$label.log" 2>&1 &
  local pid=$!
  until curl -sf "$base/actuator/health" >/dev/null 2>&1; do sleep 0.5; done

  local admin code leader jar="$work/$label.cookies"
  admin=$(curl -sf -X POST -u 'bench.admin:bench admin pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  code="B$(date +%s | tail -c 5)"
  local org
  org=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench collective\",\"kind\":\"COLLECTIVE\",\"state\":\"Andhra Pradesh\",\"district\":\"Guntur\",\"shortCode\":\"$code\",\"defaultLanguage\":\"te\"}" \
    "$base/api/v1/organisations" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"bench.leader","password":"bench leader pass 42","roles":["LEADER"]}' \
    "$base/api/v1/organisations/$org/users" >/dev/null
  leader=$(curl -sf -X POST -u 'bench.leader:bench leader pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

  # Sign in through the pages, as the import is a page flow.
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=bench.leader" \
    --data-urlencode "password=bench leader pass 42" --data-urlencode "_csrf=$csrf" "$base/login"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/members/import" | sed -n 's/.*_csrf=\([^"&]*\)".*/\1/p' | head -1)
  local start; start=$(date +%s%N)
  local location
  location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    -F "file=@$work/members.csv" "$base/members/import?_csrf=$csrf")
  local path=${location#"$base"}
  csrf=$(curl -s -c "$jar" -b "$jar" "$base$path" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&field[NAME]=0&field[GENDER]=1&field[AGE]=2&field[DISTRICT]=3&field[VILLAGE]=4&field[PHONE]=5" "$base$path/mapping"
  local checked; checked=$(date +%s%N)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&mode=VALID_ROWS" "$base$path/run"
  until curl -s -c "$jar" -b "$jar" "$base$path" | grep -q 'id="import-done"\|id="import-failed"'; do sleep 2; done
  local done_at; done_at=$(date +%s%N)
  local upload_ms=$(( (checked - start) / 1000000 )) run_ms=$(( (done_at - checked) / 1000000 ))
  echo "$label: upload + mapping + validation of $rows rows: ${upload_ms} ms"
  echo "$label: import run: ${run_ms} ms = $(( rows * 1000 / (run_ms > 0 ? run_ms : 1) )) rows/s"

  # Search latency: names in four scripts, codes, phone numbers; warm up first.
  python3 - "$base" "$leader" "$searches" "$code" <<'PY'
import json, random, statistics, sys, time, urllib.parse, urllib.request
base, token, n, code = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
random.seed(11)
queries = ["Lakshmi", "laxmi", "Durga", "Parvathi", "Rekha Devi", "లక్ష్మి", "দুর্গা", "रेखा",
           "Sunita Kumari", "Kamala"]
def one(q):
    url = base + "/api/v1/members?size=25&q=" + urllib.parse.quote(q)
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = r.read()
    return (time.perf_counter() - t) * 1000, len(json.loads(body))
def pick(i):
    kind = i % 3
    if kind == 0: return random.choice(queries)
    if kind == 1: return "%s-%06d" % (code, random.randint(1, 100000))
    return "9%09d" % random.randint(0, 99999)
for i in range(30): one(pick(i))
times, found = [], 0
for i in range(n):
    ms, hits = one(pick(i)); times.append(ms); found += hits > 0
times.sort()
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"search over the collective: {n} queries, p50 {p(0.50):.1f} ms, p95 {p(0.95):.1f} ms, "
      f"max {times[-1]:.1f} ms, {found} with results")
PY
  kill $pid; wait $pid 2>/dev/null || true
}

# The reference, in the same minutes: PostgreSQL's own \copy of the same CSV into a plain table
# of text columns (no validation, no sealing, no index), as the postgres user.
copy_reference() {
  chmod a+rx "$work" && chmod a+r "$work/members.csv"
  local start end
  su postgres -c "psql -q -d postgres -c 'create table if not exists bench_copy_reference (name text, gender text, age text, district text, village text, phone text)' -c 'truncate bench_copy_reference'"
  start=$(date +%s%N)
  su postgres -c "psql -q -d postgres -c '\\copy bench_copy_reference from $work/members.csv csv header'"
  end=$(date +%s%N)
  su postgres -c "psql -q -d postgres -c 'drop table bench_copy_reference'"
  local ms=$(( (end - start) / 1000000 ))
  echo "reference: psql \\copy of the same $rows rows into a plain table: ${ms} ms = $(( rows * 1000 / (ms > 0 ? ms : 1) )) rows/s"
}

if [ -z "${BENCH_SKIP_H2:-}" ]; then
  run H2 SAHAY_BENCH=h2
fi
if [ -n "${BENCH_PG_URL:-}" ]; then
  copy_reference
  run PostgreSQL SAHAY_DB_URL="$BENCH_PG_URL" SAHAY_DB_USER="$BENCH_PG_USER" SAHAY_DB_PASSWORD="$BENCH_PG_PASSWORD"
  copy_reference
fi
