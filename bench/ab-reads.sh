#!/usr/bin/env bash
# Two builds of the service on the same corpus, read alternately by wrk: the "nothing slower than before" check
# with the baseline in the same run (issue 14), instead of against figures taken on another day.
#
#   bench/ab-reads.sh --before CHECKOUT --before-db FILE --after-db FILE [--duration S] [--rounds R] [--label L]
#
# CHECKOUT is a built checkout of the baseline commit (its src/NewsWire.Api/bin/Release); "after" is this
# checkout's build. Each database is the one its own build imported from the same corpus (bench/run.sh, same
# seed, so ids and cursors agree); the after database is copied first (a newer build may migrate it). Both
# services run at once, as configured (caches on), engines as each build defaults; for each round, each read
# (get by id, first, second and deep page, the Atom feed, the search mix) at 1 and 32 connections on one side
# then the other, the order turning each round. Output: bench/results/ab-LABEL/ and a table on stdout
# (NewsWire.Bench ab-report).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=5 ROUNDS=3 LABEL=100k BEFORE="" BEFORE_DB="" AFTER_DB="" PORT=${BENCH_PORT:-5491}
while [[ $# -gt 0 ]]; do
  case $1 in
    --before) BEFORE=$(cd "$2" && pwd); shift ;;
    --before-db) BEFORE_DB=$2; shift ;;
    --after-db) AFTER_DB=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --label) LABEL=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
[[ -n $BEFORE && -f $BEFORE_DB && -f $AFTER_DB ]] || { echo "--before, --before-db and --after-db are required (see the top of $0)" >&2; exit 2; }
OUT=$ROOT/bench/results/ab-$LABEL
source "$ROOT/bench/lib.sh"
rm -rf "$OUT" && mkdir -p "$OUT"
tools
cp "$BEFORE_DB" "$OUT/before.db"; cp "$AFTER_DB" "$OUT/after.db"
echo "{\"before\":\"$(git -C "$BEFORE" rev-parse --short HEAD)\",\"after\":\"$(commit)\",\"started\":\"$(date -u +%FT%TZ)\"}" > "$OUT/run.json"

BEFORE_API=$BEFORE/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll
STARTED=$(now)
ConnectionStrings__NewsWire="Data Source=$OUT/before.db" dotnet "$BEFORE_API" --urls "http://127.0.0.1:$PORT" > "$OUT/before.log" 2>&1 &
BEFORE_PID=$!; PIDS+=("$BEFORE_PID")
start after $((PORT + 1)) ConnectionStrings__NewsWire="Data Source=$OUT/after.db"
AFTER_PID=$LAST_PID
ready "http://127.0.0.1:$PORT/api/search?q=said&limit=1" "$BEFORE_PID"
ready "http://127.0.0.1:$((PORT + 1))/api/search?q=said&limit=1" "$AFTER_PID"
bench targets --db "$OUT/before.db" --url "http://127.0.0.1:$PORT" --folder "$OUT" > /dev/null
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
