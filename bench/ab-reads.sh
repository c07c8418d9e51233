#!/usr/bin/env bash
# Two builds of the service on the same corpus, read alternately by wrk: the "nothing slower than before" check
# with the baseline in the same run (issue 14), instead of against figures taken on another day.
#
#   bench/ab-reads.sh --before CHECKOUT --before-db FILE --after-db FILE [--duration S] [--rounds R] [--label L]
#   bench/ab-reads.sh --before CHECKOUT --postgres DATABASE --targets-db FILE [...]
#
# CHECKOUT is a built checkout of the baseline commit (its src/NewsWire.Api/bin/Release); "after" is this
# checkout's build. Each database is the one its own build imported from the same corpus (bench/run.sh, same
# seed, so ids and cursors agree); the after database is copied first (a newer build may migrate it). Both
# services run at once, as configured (caches on), engines as each build defaults; for each round, each read
# (get by id, first, second and deep page, the Atom feed, the search mix) at 1 and 32 connections on one side
# then the other, the order turning each round. Output: bench/results/ab-LABEL/ and a table on stdout
# (NewsWire.Bench ab-report).
#
# With --postgres, both builds run on PostgreSQL instead (the local server; PGHOST/PGUSER/PGPASSWORD as in
# bench/providers.sh), each on its own copy of DATABASE (CREATE DATABASE ... TEMPLATE, dropped afterwards) and
# its own search index, built as it starts; the ids and cursors come from --targets-db, a SQLite database
# imported from the same corpus (same seed). This is the before/after of PostgreSQL's cached reads (ADR 30).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=5 ROUNDS=3 LABEL=100k BEFORE="" BEFORE_DB="" AFTER_DB="" PG_DB="" TARGETS_DB="" PORT=${BENCH_PORT:-5491}
while [[ $# -gt 0 ]]; do
  case $1 in
    --before) BEFORE=$(cd "$2" && pwd); shift ;;
    --before-db) BEFORE_DB=$2; shift ;;
    --after-db) AFTER_DB=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --postgres) PG_DB=$2; shift ;;
    --targets-db) TARGETS_DB=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -n $PG_DB ]]; then
  [[ -n $BEFORE && -f $TARGETS_DB ]] || { echo "--before and --targets-db are required with --postgres (see the top of $0)" >&2; exit 2; }
else
  [[ -n $BEFORE && -f $BEFORE_DB && -f $AFTER_DB ]] || { echo "--before, --before-db and --after-db are required (see the top of $0)" >&2; exit 2; }
fi
OUT=$ROOT/bench/results/ab-$LABEL
source "$ROOT/bench/lib.sh"
rm -rf "$OUT" && mkdir -p "$OUT"
if [[ -n $PG_DB ]]; then
  tools psql:postgresql-client
  export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-newswire} PGPASSWORD=${PGPASSWORD:-newswire}
  for side in before after; do
    psql -d postgres -qc "DROP DATABASE IF EXISTS ${PG_DB}_$side WITH (FORCE)" -c "CREATE DATABASE ${PG_DB}_$side TEMPLATE $PG_DB"
  done
  trap 'cleanup; for side in before after; do psql -d postgres -qc "DROP DATABASE IF EXISTS ${PG_DB}_$side WITH (FORCE)"; done' EXIT
  pg="NewsWire__Provider=Postgres" connection="ConnectionStrings__NewsWire=Host=$PGHOST;Username=$PGUSER;Password=$PGPASSWORD;Database=$PG_DB"
  BEFORE_ENV=("$pg" "${connection}_before" NewsWire__Search__IndexPath="$OUT/before.index")
  AFTER_ENV=("$pg" "${connection}_after" NewsWire__Search__IndexPath="$OUT/after.index")
  TARGETS=$TARGETS_DB
else
  tools
  cp "$BEFORE_DB" "$OUT/before.db"; cp "$AFTER_DB" "$OUT/after.db"
  BEFORE_ENV=(ConnectionStrings__NewsWire="Data Source=$OUT/before.db") AFTER_ENV=(ConnectionStrings__NewsWire="Data Source=$OUT/after.db")
  TARGETS=$OUT/before.db
fi
echo "{\"before\":\"$(git -C "$BEFORE" rev-parse --short HEAD)\",\"after\":\"$(commit)\",\"started\":\"$(date -u +%FT%TZ)\"}" > "$OUT/run.json"

BEFORE_API=$BEFORE/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll
STARTED=$(now)
env "${BEFORE_ENV[@]}" dotnet "$BEFORE_API" --urls "http://127.0.0.1:$PORT" > "$OUT/before.log" 2>&1 &
BEFORE_PID=$!; PIDS+=("$BEFORE_PID")
start after $((PORT + 1)) "${AFTER_ENV[@]}"
AFTER_PID=$LAST_PID
ready "http://127.0.0.1:$PORT/api/search?q=said&limit=1" "$BEFORE_PID"
ready "http://127.0.0.1:$((PORT + 1))/api/search?q=said&limit=1" "$AFTER_PID"
bench targets --db "$TARGETS" --url "http://127.0.0.1:$PORT" --folder "$OUT" > /dev/null
READS="get first second deep search"; [[ -s $OUT/paths-feed.txt ]] && READS+=" feed"
for side in before after; do
  port=$([[ $side == before ]] && echo "$PORT" || echo $((PORT + 1)))
  for what in $READS; do wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$port" -- "$OUT/paths-$what.txt" > /dev/null; done
done
for round in $(seq "$ROUNDS"); do
  order="before after"; (( round % 2 == 0 )) && order="after before"
  for what in $READS; do
    for c in 1 32; do
      for side in $order; do
        port=$([[ $side == before ]] && echo "$PORT" || echo $((PORT + 1)))
        settle "$BEFORE_PID"; settle "$AFTER_PID"
        wrkrun "$OUT/wrk-$what-c$c-$side-r$round.txt" "$port" "$OUT/paths-$what.txt" "$c" "$DURATION"
      done
    done
  done
done
for side in before after; do
  pid=$([[ $side == before ]] && echo "$BEFORE_PID" || echo "$AFTER_PID")
  rss "$pid" > "$OUT/rss-$side.json"
done
cleanup
bench ab-report --folder "$OUT" --reads "$READS" | tee "$OUT/table.md"
