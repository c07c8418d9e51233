#!/usr/bin/env bash
# NewsWire's benchmark suite: one command, from corpus to docs/benchmarks.md.
#
#   bench/run.sh                 100,000 articles, 10 s per load level, then the long resilience tests
#   bench/run.sh --quick         10,000 articles, 2 s per load level, no resilience tests (under two minutes)
#   bench/run.sh --size 1000000  any N (label 1m); --duration S, --rounds R, --label L, --no-resilience
#   bench/run.sh --size 1000000 --reuse   keep LABEL's corpus, databases and import figures; redo steps 4-7
#   bench/run.sh --size 1000000 --reuse-corpus   keep LABEL's corpus and sqlite3 INSERTs (both deterministic
#                                but slow to make: valid while the generator and ArticleWriter's SQL are unchanged); redo the rest
#
# Steps (each writes into bench/results/LABEL/, which git ignores; only summary-LABEL.json is committed):
#  1. generate N articles from the Reuters stories (NewsWire.Bench generate: deterministic, seed 1987)
#  2. migrate an empty database with the service (the CLI import of an empty file) and dump its schema
#  3. import: the CLI import (timed and its peak RSS taken by GNU time) against sqlite3 running the same
#     rows as INSERTs in one transaction on the dumped schema, triggers included
#  4. search baseline: FTS5 (what NewsWire searched with before Lucene) built on a copy of the imported file,
#     the mix's statements in one process (NewsWire.Bench engine)
#  5. start-up time on the imported database (3 starts, to the first answered GET /health)
#  6. catalogue, related stories and feeds one request at a time (NewsWire.Bench features: features.json);
#     the service (Release, Serilog at Warning, rate limits off: wrk is one client far over any sane budget)
#     and bench/BareEndpoint under wrk at 1, 8 and 32 connections: the search mix, get by id, list first page,
#     second and deep page by cursor; then the service's peak RSS; then get by id and the first and deep
#     pages again on a service started with the output cache off (what they cost read from the database)
#  7. NewsWire.Bench report: bench/results/summary-LABEL.json and LABEL's tables in docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZE=100000 DURATION=10 ROUNDS=30 LABEL="" RESILIENCE=1 REUSE=0 REUSE_CORPUS=0 PORT=${BENCH_PORT:-5091} BARE_PORT=${BENCH_BARE_PORT:-5092}
COMMAND="bench/run.sh $*"
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) SIZE=10000 DURATION=2 ROUNDS=10 LABEL=${LABEL:-quick} RESILIENCE=0 ;;
    --size) SIZE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --no-resilience) RESILIENCE=0 ;;
    --reuse) REUSE=1 ;;
    --reuse-corpus) REUSE_CORPUS=1 ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $LABEL ]]; then
  if (( SIZE % 1000000 == 0 )); then LABEL="$((SIZE / 1000000))m"; elif (( SIZE % 1000 == 0 )); then LABEL="$((SIZE / 1000))k"; else LABEL=$SIZE; fi
fi
OUT=$ROOT/bench/results/$LABEL
if (( REUSE )) && [[ -f $OUT/newswire.db && -f $OUT/sqlite3.db && -s $OUT/import-sqlite3.time ]]; then
  echo "reusing the corpus, databases and import figures in $OUT"
elif (( REUSE_CORPUS )) && [[ -s $OUT/corpus.ndjson && -s $OUT/corpus.json && -s $OUT/inserts.sql ]]; then
  REUSE=0
  echo "reusing the corpus and the sqlite3 INSERTs in $OUT; everything else is redone"
  find "$OUT" -mindepth 1 -maxdepth 1 ! -name corpus.ndjson ! -name corpus.json ! -name inserts.sql -exec rm -rf {} +
else
  REUSE=0 REUSE_CORPUS=0
  rm -rf "$OUT" && mkdir -p "$OUT"
fi
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "tools"
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
[[ -x /usr/bin/time ]] || need+=(time)
if (( ${#need[@]} )); then
  SUDO=$([[ $(id -u) == 0 ]] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/NewsWire.Bench --nologo -v q -clp:ErrorsOnly
dotnet build -c Release bench/BareEndpoint --nologo -v q -clp:ErrorsOnly
API=$ROOT/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll
BARE=$ROOT/bench/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll
bench() { dotnet "$ROOT/bench/NewsWire.Bench/bin/Release/net10.0/NewsWire.Bench.dll" "$@"; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if (( ! REUSE )); then
if (( ! REUSE_CORPUS )); then
step "1. corpus: $SIZE articles"
bench generate --size "$SIZE" --out "$OUT/corpus.ndjson" --info "$OUT/corpus.json"
fi

step "2. schema: migrate an empty database with the service, dump it"
: > "$OUT/empty.ndjson"
dotnet "$API" import --ConnectionStrings:NewsWire="Data Source=$OUT/template.db" "$OUT/empty.ndjson" > /dev/null 2>&1
sqlite3 "$OUT/template.db" .dump > "$OUT/schema.sql"
if (( ! REUSE_CORPUS )); then
bench sql --ndjson "$OUT/corpus.ndjson" --db "$OUT/template.db" --scratch "$OUT/scratch.db" --out "$OUT/inserts.sql"
rm -f "$OUT"/scratch.db*
fi

step "3. import: NewsWire CLI"
cp "$OUT/template.db" "$OUT/newswire.db"
/usr/bin/time -v -o "$OUT/import-newswire.time" \
  dotnet "$API" import --ConnectionStrings:NewsWire="Data Source=$OUT/newswire.db" "$OUT/corpus.ndjson" \
  > "$OUT/import-newswire.out" 2> "$OUT/import-newswire.err"
cat "$OUT/import-newswire.out"
step "3. import: sqlite3 tool"
sqlite3 "$OUT/sqlite3.db" "PRAGMA journal_mode = WAL;" > /dev/null   # as the service's file
sqlite3 "$OUT/sqlite3.db" < "$OUT/schema.sql"
/usr/bin/time -v -o "$OUT/import-sqlite3.time" sqlite3 "$OUT/sqlite3.db" < "$OUT/inserts.sql" > /dev/null  # RETURNING prints ids
grep -E "Elapsed|Maximum resident" "$OUT/import-newswire.time" "$OUT/import-sqlite3.time"
fi

step "4. search: the FTS5 baseline alone, $ROUNDS rounds of the mix"
bench engine --db "$OUT/newswire.db" --rounds "$ROUNDS" --out "$OUT/engine.json"

step "5. start-up on the existing database"
bench startup --dll "$API" --db "$OUT/newswire.db" --port "$PORT" --runs 3 --out "$OUT/startup.json"
cat "$OUT/startup.json"; echo

step "6. load: the service and the bare endpoint under wrk"
wait_for() { for _ in $(seq 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
# Rate limits off (NewsWire__RateLimits__Enabled=false), as the README says to for load tests: one wrk
# client from loopback would otherwise get 429 after its first 1,200 reads a minute.
export NewsWire__RateLimits__Enabled=false
ConnectionStrings__NewsWire="Data Source=$OUT/newswire.db" Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$API" --urls "http://127.0.0.1:$PORT" > "$OUT/service.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
dotnet "$BARE" --urls "http://127.0.0.1:$BARE_PORT" > "$OUT/bare.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PORT/health"
wait_for "http://127.0.0.1:$BARE_PORT/json/100"
bench targets --db "$OUT/newswire.db" --url "http://127.0.0.1:$PORT" --folder "$OUT"
bench probe --url "http://127.0.0.1:$PORT" --rounds "$ROUNDS" --out "$OUT/probe.json"
bench features --url "http://127.0.0.1:$PORT" --db "$OUT/newswire.db" --out "$OUT/features.json"   # catalogue, related, feeds
cat "$OUT/features.json"; echo
settle() { # until the service has used under 5% of a core for half a second: wrk stops sending when its time is
  # up, but the requests still queued (32 searches of up to 2 s at 1M) would otherwise run into the next measurement
  local ticks last now
  last=$(awk '{print $14 + $15}' "/proc/$SERVICE/stat")
  for _ in $(seq 240); do
    sleep 0.5
    now=$(awk '{print $14 + $15}' "/proc/$SERVICE/stat"); ticks=$((now - last)); last=$now
    (( ticks <= 2 )) && return 0
  done
  return 0
}
load() { # name port paths-file: a 1 s warm-up, then one run per concurrency level, each from an idle service
  wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$2" -- "$3" > /dev/null
  for c in 1 8 32; do
    settle
    wrk -t1 -c"$c" -d"${DURATION}s" --timeout 10s -s bench/wrk/paths.lua "http://127.0.0.1:$2" -- "$3" > "$OUT/wrk-$1-c$c.txt"
    printf '%-12s c=%-3s %s\n' "$1" "$c" "$(tail -n 1 "$OUT/wrk-$1-c$c.txt")"
  done
}
READS="get first second deep"; [[ -s $OUT/paths-feed.txt ]] && READS+=" feed"   # feeds: in builds that have them
for name in search $READS; do load "$name" "$PORT" "$OUT/paths-$name.txt"; done
for name in $READS; do load "bare-$name" "$BARE_PORT" "$OUT/paths-bare-$name.txt"; done
grep -E "VmHWM|VmRSS" "/proc/$SERVICE/status" > "$OUT/service-status.txt"
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
# The same ids and pages again with the output cache off (ADR 9, ADR 15): what a read costs when it is not in memory.
NewsWire__Cache__Megabytes=0 ConnectionStrings__NewsWire="Data Source=$OUT/newswire.db" Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$API" --urls "http://127.0.0.1:$PORT" > "$OUT/service-uncached.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
wait_for "http://127.0.0.1:$PORT/health"
load get-uncached "$PORT" "$OUT/paths-get.txt"
load first-uncached "$PORT" "$OUT/paths-first.txt"
load deep-uncached "$PORT" "$OUT/paths-deep.txt"
cleanup; PIDS=()

step "7. report"
# The code measured: HEAD, marked when src/ differs from it (read-only git queries).
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"
bench report --folder "$OUT" --label "$LABEL" --command "$COMMAND" --newswire-db "$OUT/newswire.db" --sqlite-db "$OUT/sqlite3.db" \
  --doc docs/benchmarks.md --summary "bench/results/summary-$LABEL.json" --commit "$COMMIT"

if (( RESILIENCE )); then
  step "8. resilience: the long versions of the load, crash and hostile-input tests"
  bench/resilience.sh
fi
step "done: docs/benchmarks.md, bench/results/summary-$LABEL.json"
