#!/usr/bin/env bash
# Name search over a large registry: one collective of N members (default 1,000,000) imported in
# files of 100,000 through the import pages (so the import rate at that size is measured too),
# then the load driver's search scenario at C clients for S seconds against that collective, and
# the plan of one search, EXPLAIN (ANALYZE, BUFFERS), on PostgreSQL.
# Usage: docs/bench/search.sh [members] [clients] [seconds]   (default 1000000 50 120)
#   BENCH_JARS="old.jar target/sahay.jar": the search phases for each build, same database.
#   (build first: ./mvnw -DskipTests package test-compile; save the test classpath as in scale.sh;
#    PostgreSQL set up as for scale.sh: role sahay_ci, password sahay-ci-only; run as root)
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-1000000}
clients=${2:-50}
seconds=${3:-120}
port=18095
base="http://localhost:$port"
db=sahay_search
work=$(mktemp -d)
chmod a+rx "$work"
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
psql_db() { su postgres -c "psql -q -d $db -At -c \"$1\""; }
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $db WITH (FORCE)' -c 'CREATE DATABASE $db OWNER sahay_ci'" >/dev/null

SAHAY_DB_URL="jdbc:postgresql://localhost:5432/$db" SAHAY_DB_USER=sahay_ci SAHAY_DB_PASSWORD=sahay-ci-only \
  SAHAY_DATA_DIR="$work/data" SAHAY_PORT=$port SAHAY_LOGIN_SECOND_FACTOR=optional SAHAY_BOOTSTRAP_ADMIN_USERNAME=bench.admin \
  SAHAY_BOOTSTRAP_ADMIN_PASSWORD='bench admin pass 42' \
  java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/sahay.jar}" >"$work/node.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "$base/actuator/health" >/dev/null 2>&1; do sleep 0.5; done

admin=$(curl -sf -X POST -u 'bench.admin:bench admin pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
org=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"Search bench collective","kind":"COLLECTIVE","state":"West Bengal","district":"Nadia","shortCode":"SRCH","defaultLanguage":"bn"}' \
  "$base/api/v1/organisations" | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"username":"search.leader","password":"search leader pass 42","roles":["LEADER"]}' \
  "$base/api/v1/organisations/$org/users" >/dev/null
leader=$(curl -sf -X POST -u 'search.leader:search leader pass 42' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=search.leader" \
  --data-urlencode "password=search leader pass 42" --data-urlencode "_csrf=$csrf" "$base/login"

echo "== importing $members members into one collective, 100,000 a file"
total_ms=0
for ((from = 0; from < members; from += 100000)); do
  python3 - "$from" "$(( members - from < 100000 ? members - from : 100000 ))" > "$work/members.csv" <<'PY'
import random, sys
start, count = int(sys.argv[1]), int(sys.argv[2])
random.seed(start)
first = ["Lakshmi", "Durga", "Rekha", "Parvati", "Padma", "Radha", "Kamala", "Sunita", "Anjali",
         "Savitri", "Meena", "Roja", "Salma", "Ayesha", "Rani", "Gita", "Pushpa", "Mamata"]
second = ["Devi", "Kumari", "Reddy", "Naidu", "Das", "Mondal", "Bibi", "Khatun", "Rao", "Sheikh",
          "Murmu", "Paul", "Ghosh", "Varma", "Shaik", "Bai"]
villages = ["Kothapeta", "Ramapuram", "Gandhinagar", "Islampur", "Nayapara", "Bhimavaram"]
print("Name,Gender,Age,District,Village,Phone")
for i in range(start, start + count):
    print(f"{random.choice(first)} {random.choice(second)},F,{random.randint(18, 70)},Nadia,"
          f"{random.choice(villages)},{'9%09d' % i}")
PY
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/members/import" | sed -n 's/.*_csrf=\([^"&]*\)".*/\1/p' | head -1)
  start=$(date +%s%N)
  location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    -F "file=@$work/members.csv" "$base/members/import?_csrf=$csrf")
  path=${location#"$base"}
  csrf=$(curl -s -c "$jar" -b "$jar" "$base$path" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&field[NAME]=0&field[GENDER]=1&field[AGE]=2&field[DISTRICT]=3&field[VILLAGE]=4&field[PHONE]=5" "$base$path/mapping"
  checked=$(date +%s%N)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data "_csrf=$csrf&mode=VALID_ROWS" "$base$path/run"
  until curl -s -c "$jar" -b "$jar" "$base$path" | grep -q 'id="import-done"\|id="import-failed"'; do sleep 1; done
  done_at=$(date +%s%N)
  run_ms=$(( (done_at - checked) / 1000000 ))
  total_ms=$(( total_ms + run_ms ))
  echo "rows $from-$(( from + 100000 )): upload + mapping + validation $(( (checked - start) / 1000000 )) ms, import run ${run_ms} ms = $(( 100000 * 1000 / (run_ms > 0 ? run_ms : 1) )) rows/s"
done
echo "members in the collective: $(psql_db "select count(*) from member where organisation_id = '$org'")"
psql_db "vacuum analyze member" >/dev/null
psql_db "vacuum analyze member_token" >/dev/null

echo "== the plan of one search for the commonest name word (its keyed token, page 1 of 25)"
token=$(psql_db "select token from member_token where organisation_id = '$org' group by token order by count(*) desc limit 1")
echo "members with that token: $(psql_db "select count(*) from member_token where organisation_id = '$org' and token = '$token'")"
psql_db "explain (analyze, buffers) select m.id, m.code, m.personal, m.gender, m.birth_year, m.district, m.status from member_token t0 join member m on m.id = t0.member_id where m.organisation_id = '$org' and m.status not in ('ERASED', 'MERGED') and t0.organisation_id = '$org' and t0.token = '$token' order by t0.code limit 25 offset 0"

# The search phases, for each build in BENCH_JARS (default: the jar that imported) in turn, each
# node started afresh on the same database: as fast as answered on page 1 (the figures before
# issue 19's key cache), on one of the first 40 pages (many more members than the node keeps keys
# of), and at an offered rate (SEARCH_RATE a second, default 200) on page 1.
kill $pid
wait $pid 2>/dev/null || true
for jar in ${BENCH_JARS:-${BENCH_JAR:-target/sahay.jar}}; do
  SAHAY_DB_URL="jdbc:postgresql://localhost:5432/$db" SAHAY_DB_USER=sahay_ci SAHAY_DB_PASSWORD=sahay-ci-only \
    SAHAY_DATA_DIR="$work/data" SAHAY_PORT=$port \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" >>"$work/node.log" 2>&1 &
  pid=$!
  until curl -sf "$base/actuator/health" >/dev/null 2>&1; do sleep 0.5; done
  search() {
    java -cp "$cp" org.sahay.load.SiteDay --base "$base" --token "$leader" --scenario search \
      --node-pids "$pid" "$@"
  }
  echo "== $jar: warm-up, search at $clients clients for 30 s"
  search --clients "$clients" --seconds 30 >/dev/null
  echo "== $jar: search at $clients clients for $seconds s, page 1"
  search --clients "$clients" --seconds "$seconds"
  echo "== $jar: search at $clients clients for 60 s, one of the first 40 pages"
  search --clients "$clients" --seconds 60 --pages 40
  echo "== $jar: search at an offered ${SEARCH_RATE:-200} a second ($clients clients) for 60 s, page 1"
  search --clients "$clients" --seconds 60 --rate "${SEARCH_RATE:-200}"
  kill $pid
  wait $pid 2>/dev/null || true
done
