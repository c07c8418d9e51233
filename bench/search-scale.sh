#!/usr/bin/env bash
# Issue 10's targets at scale, on SQLite with the Lucene engine, in one command:
#
#   bench/search-scale.sh --size 1000000   1M articles (label 1m; default 100,000); --rounds R (30), --warmup W (10),
#                                          --duration S per wrk load level (10), --label L, --reuse-corpus,
#                                          --reuse: keep LABEL's corpus, database, index and import figures; redo 3-6
#
# Steps (everything under bench/results/search-LABEL/, which git ignores; summary-search-LABEL.json is committed):
#  1. corpus: N articles from the Reuters stories (NewsWire.Bench generate, seed 1987, as bench/run.sh)
#  2. import with the CLI (GNU time: wall clock, peak RSS), then the service started on the imported file: the
#     time until its first search answers is the time until the index has caught up with the store (a search
#     reflects every write acknowledged before it, ADR 21). Import complete = N / (import + catch-up).
#  3. the mix one request at a time, interleaved case by case: the service over HTTP, the service's own search
#     in this process (its composition root, no HTTP) on a copy of the index, and FTS5 (the engine before ADR 23,
#     the bench's baseline: its index built on a copy of the database, its statements in process); facets over
#     `trade` (~30% of the articles) with and without facets. Peak RSS is reset once the index has caught up.
#  4. the search load: wrk sends the mix at 1, 8 and 32 connections; the service's peak RSS under it
#  5. reindex: `dotnet NewsWire.Api.dll reindex` timed when the build has that command; without it the index is
#     built the way the service builds it, on start from an empty folder, which is step 2's catch-up
#  6. NewsWire.Bench scale-report: bench/results/summary-search-LABEL.json and LABEL's section of docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZE=100000 ROUNDS=30 WARMUP=10 DURATION=10 LABEL="" REUSE_CORPUS=0 REUSE=0 PORT=${BENCH_PORT:-5291}
COMMAND="bench/search-scale.sh $*"
while [[ $# -gt 0 ]]; do
  case $1 in
    --size) SIZE=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --reuse-corpus) REUSE_CORPUS=1 ;;
    --reuse) REUSE=1 ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $LABEL ]]; then
  if (( SIZE % 1000000 == 0 )); then LABEL="$((SIZE / 1000000))m"; elif (( SIZE % 1000 == 0 )); then LABEL="$((SIZE / 1000))k"; else LABEL=$SIZE; fi
fi
OUT=$ROOT/bench/results/search-$LABEL
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"
if (( REUSE )) && [[ -s $OUT/import.time && -s $OUT/catchup.json && -d $OUT/newswire.index ]]; then
  echo "reusing the corpus, database, index and import figures in $OUT (import run: $(cat "$OUT/import-run.json" 2>/dev/null || cat "$OUT/run.json"))"
  [[ -s $OUT/import-run.json ]] || cp "$OUT/run.json" "$OUT/import-run.json"
  rm -f "$OUT"/reindex.* "$OUT"/restart.json
elif (( REUSE_CORPUS )) && [[ -s $OUT/corpus.ndjson && -s $OUT/corpus.json ]]; then
  REUSE=0
  echo "reusing the corpus in $OUT; everything else is redone"
  find "$OUT" -mindepth 1 -maxdepth 1 ! -name corpus.ndjson ! -name corpus.json -exec rm -rf {} +
else
  REUSE=0 REUSE_CORPUS=0
  rm -rf "${OUT:?}"/*
fi
rm -f "$OUT/done"   # written at the end: bench/providers.sh --sqlite waits for it before it opens the index
printf '{"command":"%s","commit":"%s","started":"%s"}\n' "$COMMAND" "$(commit)" "$(date -u +%FT%TZ)" > "$OUT/run.json"

step "tools"
tools
DB=$OUT/newswire.db INDEX=$OUT/newswire.index
LUCENE=(ConnectionStrings__NewsWire="Data Source=$DB" NewsWire__Search__IndexPath="$INDEX")

if (( ! REUSE && ! REUSE_CORPUS )); then
  step "1. corpus: $SIZE articles"
  bench generate --size "$SIZE" --out "$OUT/corpus.ndjson" --info "$OUT/corpus.json"
fi

if (( ! REUSE )); then
step "2. import: the CLI, then the index catching up on the service's start"
/usr/bin/time -v -o "$OUT/import.time" env "${LUCENE[@]}" dotnet "$API" import "$OUT/corpus.ndjson" > "$OUT/import.out" 2> "$OUT/import.err"
IMPORTED=$(now)
cat "$OUT/import.out"
start lucene "$PORT" "${LUCENE[@]}"
SERVICE=$LAST_PID
ready "http://127.0.0.1:$PORT/api/search?q=said&limit=1" "$SERVICE"
CAUGHT_UP=$(now)
echo "{\"serviceStartToFirstSearchSeconds\":$(seconds "$STARTED" "$CAUGHT_UP"),\"importEndToFirstSearchSeconds\":$(seconds "$IMPORTED" "$CAUGHT_UP"),\"peak\":$(rss "$SERVICE"),\"indexBytes\":$(du -sb "$INDEX" | cut -f1)}" > "$OUT/catchup.json"
cat "$OUT/catchup.json"; echo
cp "$OUT/run.json" "$OUT/import-run.json"
else
step "2. the service on the existing database and index"
start lucene "$PORT" "${LUCENE[@]}"
SERVICE=$LAST_PID
ready "http://127.0.0.1:$PORT/api/search?q=said&limit=1" "$SERVICE"
echo "{\"serviceStartToFirstSearchSeconds\":$(seconds "$STARTED" "$(now)")}" > "$OUT/restart.json"
cat "$OUT/restart.json"; echo
fi
reset_peak "$SERVICE"

step "3. the mix: Lucene over HTTP, Lucene in process, FTS5 in process (interleaved, $ROUNDS rounds)"
# The in-process host gets an index of its own (one writer per folder): a copy of the caught-up one. FTS5, the
# engine before Lucene (ADR 23), is the bench's: its index built on a copy of the database, its statements in process.
cp -r "$INDEX" "$OUT/in-process.index"
bench compare --http "lucene-http=http://127.0.0.1:$PORT" --fts5 "$DB" --light fts5-in-process \
  --inprocess lucene-in-process --settings "ConnectionStrings:NewsWire=Data Source=$DB|NewsWire:Search:IndexPath=$OUT/in-process.index" \
  --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/compare.json"
rm -f "${DB%.db}.fts5.db"
rm -rf "$OUT/in-process.index"

step "4. the search load: wrk, the mix at 1, 8 and 32 connections"
bench targets --db "$DB" --url "http://127.0.0.1:$PORT" --folder "$OUT" > /dev/null
wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$OUT/paths-search.txt" > /dev/null
for c in 1 8 32; do
  settle "$SERVICE"
  wrkrun "$OUT/wrk-search-c$c.txt" "$PORT" "$OUT/paths-search.txt" "$c" "$DURATION"
done
rss "$SERVICE" > "$OUT/search-load-rss.json"
cat "$OUT/search-load-rss.json"; echo
stop "$SERVICE"

step "5. reindex"
if grep -q '"reindex"' "$ROOT/src/NewsWire.Api/Program.cs"; then
  /usr/bin/time -v -o "$OUT/reindex.time" env "${LUCENE[@]}" dotnet "$API" reindex > "$OUT/reindex.out" 2> "$OUT/reindex.err"
  grep -E "Elapsed|Maximum resident" "$OUT/reindex.time"
else
  echo "no reindex command in this build: the index build is step 2's (the service indexes the store on start)"
fi

step "6. report"
bench scale-report --folder "$OUT" --label "$LABEL" --doc docs/benchmarks.md --summary "bench/results/summary-search-$LABEL.json"
touch "$OUT/done"
step "done: docs/benchmarks.md, bench/results/summary-search-$LABEL.json"
