#!/usr/bin/env bash
# Recorded distributions per second through the API, with 50 concurrent clients against one round
# of N households (default 100,000), and the p50/p95 latency of one recording; on H2 and, when
# BENCH_PG_URL/_USER/_PASSWORD are set, on PostgreSQL. Drives the real jar over HTTP: members come
# in through the CSV import (each member without a household counts as her own household for the
# round's once-per-household rule), then 50 clients record one hand-over each per member, each with
# its own Idempotency-Key, as phones at a site would. With a third argument only that many
# members (spread evenly over the whole registry) are recorded: the round still covers all N
# households, but a run at 100,000 does not take an hour at a few dozen recordings per second.
# Usage: docs/bench/relief.sh [households] [clients] [recordings]
#   (build first: ./mvnw -DskipTests package)
# BENCH_JAR picks another jar, BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
clients=${2:-50}
recordings=${3:-$rows}
port=18091
base="http://localhost:$port"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$rows" > "$work/members.csv" <<'PY'
import random, sys
random.seed(7)
names = ["Lakshmi", "Durga", "Rekha", "Parvati", "Padma", "Radha", "Kamala", "Sunita", "Anjali",
         "లక్ష్మి", "దుర్గ", "রেখা", "লক্ষ্মী", "लक्ष्मी", "दुर्गा"]
villages = ["Kothapeta", "Ramapuram", "Gandhinagar", "Islampur", "Nayapara", "Bhimavaram"]
print("Name,Gender,Age,District,Village,Phone")
for i in range(int(sys.argv[1])):
    print(f"{random.choice(names)} {i},F,{random.randint(18, 70)},Guntur,{random.choice(villages)},9{i:09d}")
PY

run() {
  local label=$1; shift
  local data="$work/data-$label"
  env -u SAHAY_DB_URL -u SAHAY_DB_USER -u SAHAY_DB_PASSWORD "$@" SAHAY_DATA_DIR="$data" \
    SAHAY_PORT=$port SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin \
    SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
    java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/sahay.jar}" >"$work/$label.log" 2>&1 &
  local pid=$!
  app=$pid
  trap 'kill ${app:-} 2>/dev/null || true; rm -rf "$work"' EXIT
  until curl -sf "$base/actuator/health" >/dev/null 2>&1; do sleep 0.5; done

  local admin code org leader jar="$work/$label.cookies"
  admin=$(curl -sf -X POST -u 'bench.admin:bench admin pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  code="R$(date +%s | tail -c 5)"
  org=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench collective\",\"kind\":\"COLLECTIVE\",\"state\":\"Andhra Pradesh\",\"district\":\"Guntur\",\"shortCode\":\"$code\",\"defaultLanguage\":\"te\"}" \
    "$base/api/v1/organisations" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"bench.leader","password":"bench leader pass 42","roles":["LEADER"]}' \
    "$base/api/v1/organisations/$org/users" >/dev/null
  leader=$(curl -sf -X POST -u 'bench.leader:bench leader pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

  # Members through the import pages, as in docs/bench/registry.sh.
  local csrf location path
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=bench.leader" \
    --data-urlencode "password=bench leader pass 42" --data-urlencode "_csrf=$csrf" "$base/login"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/members/import" | sed -n 's/.*_csrf=\([^"&]*\)".*/\1/p' | head -1)
  location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    -F "file=@$work/members.csv" "$base/members/import?_csrf=$csrf")
  path=${location#"$base"}
  csrf=$(curl -s -c "$jar" -b "$jar" "$base$path" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&field[NAME]=0&field[GENDER]=1&field[AGE]=2&field[DISTRICT]=3&field[VILLAGE]=4&field[PHONE]=5" "$base$path/mapping"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&mode=VALID_ROWS" "$base$path/run"
  until curl -s -c "$jar" -b "$jar" "$base$path" | grep -q 'id="import-done"\|id="import-failed"'; do
    kill -0 $pid 2>/dev/null || { echo "$label: the app stopped; see its log" >&2; tail -20 "$work/$label.log" >&2; exit 1; }
    sleep 2
  done

  python3 - "$base" "$leader" "$rows" "$clients" "$label" "$recordings" <<'PY'
import json, sys, threading, time, urllib.request, urllib.error, uuid
base, token, rows, clients, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
recordings = min(int(sys.argv[6]), rows)
def call(method, path, body=None, key=None):
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    if key: headers["Idempotency-Key"] = key
    req = urllib.request.Request(base + path, method=method, headers=headers,
                                 data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")
_, item = call("POST", "/api/v1/items", {"nameEn": "Ration kit", "nameTe": "రేషన్ కిట్", "unit": "KIT", "category": "FOOD"})
_, place = call("POST", "/api/v1/stock-locations", {"name": "Office"})
status, _ = call("POST", "/api/v1/stock-receipts", {"locationId": place["id"], "itemId": item["id"], "quantity": rows, "source": "GOVERNMENT"})
assert status == 201, status
_, rnd = call("POST", "/api/v1/distribution-rounds", {"name": "Bench round", "startsOn": "2026-05-01", "endsOn": "2026-05-31",
    "locationId": place["id"], "lines": [{"item": item["id"], "quantity": 1}], "eligibility": "ALL_MEMBERS", "rule": "ONCE_PER_HOUSEHOLD"})
members, page = [], 0
while len(members) < rows:
    _, found = call("GET", f"/api/v1/members?size=100&page={page}")
    if not found: break
    members += [m["id"] for m in found]; page += 1
print(f"{label}: {len(members)} members (households of one) in round {rnd['id']}")
if recordings < len(members):
    step = len(members) / recordings
    members = [members[int(i * step)] for i in range(recordings)]
lock, times, statuses, nxt = threading.Lock(), [], {}, [0]
def worker():
    while True:
        with lock:
            i = nxt[0]; nxt[0] += 1
        if i >= len(members): return
        t = time.perf_counter()
        status, _ = call("POST", f"/api/v1/distribution-rounds/{rnd['id']}/distributions", {"memberId": members[i]}, str(uuid.uuid4()))
        ms = (time.perf_counter() - t) * 1000
        with lock:
            times.append(ms); statuses[status] = statuses.get(status, 0) + 1
start = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(clients)]
for th in threads: th.start()
for th in threads: th.join()
elapsed = time.perf_counter() - start
times.sort()
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{label}: {len(times)} recordings with {clients} clients in {elapsed:.1f} s = {len(times) / elapsed:.0f} per second; "
      f"p50 {p(0.50):.1f} ms, p95 {p(0.95):.1f} ms, max {times[-1]:.1f} ms; answers {statuses}")
_, summary = call("GET", f"/api/v1/distribution-rounds/{rnd['id']}/summary")
print(f"{label}: summary: {summary['distributions']} hand-overs, {summary['households']} households, left {summary['items'][0]['left']}")
t = time.perf_counter(); call("GET", f"/api/v1/distribution-rounds/{rnd['id']}/summary")
print(f"{label}: the summary takes {(time.perf_counter() - t) * 1000:.0f} ms")
again = call("POST", f"/api/v1/distribution-rounds/{rnd['id']}/distributions", {"memberId": members[0]})
print(f"{label}: a second hand-over to the first household answers {again[0]}")
PY
  kill $pid; wait $pid 2>/dev/null || true
}

[ -n "${BENCH_SKIP_H2:-}" ] || run H2 SAHAY_BENCH=h2
if [ -n "${BENCH_PG_URL:-}" ]; then
  run PostgreSQL SAHAY_DB_URL="$BENCH_PG_URL" SAHAY_DB_USER="$BENCH_PG_USER" SAHAY_DB_PASSWORD="$BENCH_PG_PASSWORD"
fi
