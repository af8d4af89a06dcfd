#!/usr/bin/env bash
# Donations recorded per second through the API with N concurrent clients, and the time to
# produce the trial balance over many journal lines, on H2 and, when BENCH_PG_URL/_USER/_PASSWORD
# are set, on PostgreSQL. Drives the real jar over HTTP with an empty data directory (and an
# empty PostgreSQL database).
#
# The journal lines for the trial balance are inserted in bulk with SQL straight into the app's
# own tables (journal_line, journal_entry) while the app is stopped, through H2's RunScript tool
# or psql: each synthetic entry is a donation-like pair of lines (debit cash, credit the
# unrestricted fund) chained exactly as the app chains them, so the database's own balance checks
# accept them. The unrestricted fund's row is credited with their total, so the books stay
# consistent. Then the app is started again and GET /api/v1/ledger/trial-balance is timed.
#
# Usage: docs/bench/funds.sh [journal lines] [donations] [clients]
#   (build first: ./mvnw -DskipTests package; defaults 1000000 lines, 2000 donations, 8 clients)
# BENCH_JAR picks another jar, BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
donations=${2:-2000}
clients=${3:-8}
entries=$(( lines / 2 ))
port=18091
base="http://localhost:$port"
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
jar=${BENCH_JAR:-target/sahay.jar}
unzip -q -o -j "$jar" 'BOOT-INF/lib/h2-*.jar' -d "$work"
h2jar=$(ls "$work"/h2-*.jar)

start_app() {
  local label=$1; shift
  if curl -sf "$base/actuator/health" >/dev/null 2>&1; then
    echo "port $port is taken by another process; stop it first" >&2; exit 1
  fi
  env -u SAHAY_DB_URL -u SAHAY_DB_USER -u SAHAY_DB_PASSWORD "$@" SAHAY_DATA_DIR="$work/data-$label" \
    SAHAY_PORT=$port SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin \
    SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" >>"$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf "$base/actuator/health" >/dev/null 2>&1; do sleep 0.5; done
}

stop_app() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
}

# SQL that inserts $entries synthetic entries into the books of organisation $1 (portable to H2
# in PostgreSQL mode and to PostgreSQL: system_range / generate_series differ, the rest is shared).
bulk_sql() {
  local org=$1 series=$2
  cat <<SQL
insert into journal_line (id, entry_id, organisation_id, line_no, account_id, debit, credit,
  running_debit, running_credit, last_line, prev_line_no, prev_running_debit,
  prev_running_credit, prev_last_line)
select cast('00000000-0000-7001-8000-' || lpad(cast(x as varchar), 12, '0') as uuid),
  cast('00000000-0000-7003-8000-' || lpad(cast(x as varchar), 12, '0') as uuid),
  '$org', 1, (select id from ledger_account where organisation_id = '$org' and code = 'CASH'),
  100 + mod(x, 5000), 0, 100 + mod(x, 5000), 0, false, null, null, null, null
from $series;
insert into journal_line (id, entry_id, organisation_id, line_no, account_id, debit, credit,
  running_debit, running_credit, last_line, prev_line_no, prev_running_debit,
  prev_running_credit, prev_last_line)
select cast('00000000-0000-7002-8000-' || lpad(cast(x as varchar), 12, '0') as uuid),
  cast('00000000-0000-7003-8000-' || lpad(cast(x as varchar), 12, '0') as uuid),
  '$org', 2,
  (select id from ledger_account where organisation_id = '$org' and code = 'FUND:UNRESTRICTED'),
  0, 100 + mod(x, 5000), 100 + mod(x, 5000), 100 + mod(x, 5000), true, 1, 100 + mod(x, 5000),
  0, false
from $series;
insert into journal_entry (id, organisation_id, entry_date, kind, source_id, description,
  line_count, debit_total, credit_total, last_line, reverses_id, reason, posted_by, posted_at)
select cast('00000000-0000-7003-8000-' || lpad(cast(x as varchar), 12, '0') as uuid), '$org',
  date '2025-04-01' + mod(x, 365), 'DONATION', null, 'Bench donation', 2, 100 + mod(x, 5000),
  100 + mod(x, 5000), true, null, null, 'bench', timestamp with time zone '2025-04-01 00:00:00+00'
from $series;
update fund set raised = raised + (select coalesce(sum(l.debit), 0) from journal_line l
  join journal_entry e on e.id = l.entry_id
  where l.organisation_id = '$org' and e.organisation_id = '$org' and e.posted_by = 'bench')
where organisation_id = '$org' and kind = 'UNRESTRICTED';
SQL
}

run() {
  local label=$1; shift
  start_app "$label" "$@"
  local admin code org token
  admin=$(curl -sf -X POST -u 'bench.admin:bench admin pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  code="F$(date +%s | tail -c 5)"
  org=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench collective\",\"kind\":\"COLLECTIVE\",\"state\":\"Telangana\",\"district\":\"Hyderabad\",\"shortCode\":\"$code\",\"defaultLanguage\":\"te\"}" \
    "$base/api/v1/organisations" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -s -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"username":"bench.treasurer","password":"bench treasurer pass 42","roles":["ORG_ADMIN"]}' \
    "$base/api/v1/organisations/$org/users" >"$work/user.json" || { cat "$work/user.json"; stop_app; exit 1; }
  token=$(curl -sf -X POST -u 'bench.treasurer:bench treasurer pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  local campaign
  campaign=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench relief\",\"goal\":\"1,00,00,000\",\"startsOn\":\"2025-04-01\",\"channel\":\"SOCIAL_MEDIA\",\"slug\":\"bench-$(date +%s%N)\",\"transparency\":true}" \
    "$base/api/v1/campaigns" | sed 's/^{"id":"\([^"]*\)".*/\1/')

  # Donations through the API, $clients at once, each with its own idempotency key.
  python3 - "$base" "$token" "$campaign" "$donations" "$clients" "$label" <<'PY'
import concurrent.futures, json, sys, time, urllib.request, uuid
base, token, campaign, n, clients, label = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
def one(i):
    body = json.dumps({"amountPaise": 10000 + i, "receivedOn": "2025-05-10", "channel": "CASH",
                       "donorName": "Synthetic donor %d" % i, "reference": "BENCH%08d" % i}).encode()
    req = urllib.request.Request(base + "/api/v1/campaigns/" + campaign + "/donations", data=body,
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json",
                 "Idempotency-Key": str(uuid.uuid4())})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        assert r.status == 201, r.status
    return (time.perf_counter() - t) * 1000
for i in range(20): one(n + i)  # warm-up
t = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    times = sorted(pool.map(one, range(n)))
elapsed = time.perf_counter() - t
print(f"{label}: donations: {n} through the API with {clients} clients in {elapsed:.1f} s = "
      f"{n / elapsed:.0f}/s, p50 {times[len(times)//2]:.0f} ms, p95 {times[int(len(times)*.95)]:.0f} ms")
PY
  stop_app

  local t0 t1
  t0=$(date +%s%N)
  if [ "$label" = H2 ]; then
    bulk_sql "$org" "system_range(1, $entries) as s(x)" > "$work/bulk.sql"
    java -cp "$h2jar" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$work/data-$label/sahay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      -user sa -script "$work/bulk.sql"
  else
    bulk_sql "$org" "generate_series(1, $entries) as s(x)" > "$work/bulk.sql"
    local pghost pgdb
    pghost=$(echo "$BENCH_PG_URL" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
    pgdb=$(echo "$BENCH_PG_URL" | sed -E 's#.*/([^/?]+).*#\1#')
    PGPASSWORD="$BENCH_PG_PASSWORD" psql -q -v ON_ERROR_STOP=1 -h "$pghost" -U "$BENCH_PG_USER" -d "$pgdb" -f "$work/bulk.sql"
    PGPASSWORD="$BENCH_PG_PASSWORD" psql -q -h "$pghost" -U "$BENCH_PG_USER" -d "$pgdb" -c "analyze journal_line; analyze journal_entry;"
  fi
  t1=$(date +%s%N)
  echo "$label: bulk insert of $lines journal lines: $(( (t1 - t0) / 1000000 )) ms"

  start_app "$label" "$@"
  python3 - "$base" "$token" "$lines" "$label" <<'PY'
import json, statistics, sys, time, urllib.request
base, token, lines, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def once():
    req = urllib.request.Request(base + "/api/v1/ledger/trial-balance",
                                 headers={"Authorization": "Bearer " + token})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = json.loads(r.read())
    return (time.perf_counter() - t) * 1000, body
first, body = once()
assert body["debits"] == body["credits"], body
times = sorted(once()[0] for _ in range(5))
print(f"{label}: trial balance over {lines}+ journal lines: first {first:.0f} ms, then "
      f"median {statistics.median(times):.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f}); "
      f"debits = credits = {body['debits']} paise")
PY
  stop_app
}

run H2 SAHAY_BENCH=h2
if [ -n "${BENCH_PG_URL:-}" ]; then
  run PostgreSQL SAHAY_DB_URL="$BENCH_PG_URL" SAHAY_DB_USER="$BENCH_PG_USER" SAHAY_DB_PASSWORD="$BENCH_PG_PASSWORD"
fi
