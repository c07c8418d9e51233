#!/usr/bin/env bash
# Issue 10's search targets on a PostgreSQL store that bench/providers.sh imported (its database and the index
# the CLI import fed), so that a 1M figure exists where a SQLite import of 1M did not finish in time:
#
#   bench/search-postgres.sh --from bench/results/providers-1m [--database newswire_bench_1m] [--rounds R] [--label L]
#
# As bench/search-scale.sh steps 2-6, without FTS5 (there is none on PostgreSQL): the instance started on the
# imported database and index timed to its first search; the mix one request at a time, the instance over
# HTTP interleaved with the service's search in process on a copy of the index; wrk sends the mix at 1, 8, 32
# connections (peak RSS); `reindex` timed. Report: NewsWire.Bench scale-report, label search-postgres-LABEL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FROM="" DATABASE="" ROUNDS=20 WARMUP=10 DURATION=10 LABEL="" PORT=${BENCH_PORT:-5591}
COMMAND="bench/search-postgres.sh $*"
while [[ $# -gt 0 ]]; do
  case $1 in
    --from) FROM=$(cd "$2" && pwd); shift ;;
    --database) DATABASE=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --label) LABEL=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
[[ -d $FROM/pg-a.index && -s $FROM/pg-import.time ]] || { echo "--from must be a bench/providers.sh folder with pg-a.index and pg-import.time" >&2; exit 2; }
LABEL=${LABEL:-${FROM##*/providers-}}
DATABASE=${DATABASE:-newswire_bench_${LABEL//[^a-z0-9]/_}}
OUT=$ROOT/bench/results/search-postgres-$LABEL
source "$ROOT/bench/lib.sh"
rm -rf "$OUT" && mkdir -p "$OUT"
printf '{"command":"%s","commit":"%s","started":"%s"}\n' "$COMMAND" "$(commit)" "$(date -u +%FT%TZ)" > "$OUT/run.json"
cp "$FROM/corpus.json" "$OUT/corpus.json"; cp "$FROM/pg-import.time" "$OUT/import.time"
[[ -s $FROM/run.json ]] && cp "$FROM/run.json" "$OUT/import-run.json"
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-newswire} PGPASSWORD=${PGPASSWORD:-newswire}
CONNECTION="Host=$PGHOST;Database=$DATABASE;Username=$PGUSER;Password=$PGPASSWORD"
INDEX=$FROM/pg-a.index
PG=(NewsWire__Provider=Postgres ConnectionStrings__NewsWire="$CONNECTION" NewsWire__Search__IndexPath="$INDEX")
tools

step "2. the instance on the imported database and index"
start postgres "$PORT" "${PG[@]}"
SERVICE=$LAST_PID
ready "http://127.0.0.1:$PORT/api/search?q=said&limit=1" "$SERVICE"
echo "{\"serviceStartToFirstSearchSeconds\":$(seconds "$STARTED" "$(now)"),\"peak\":$(rss "$SERVICE"),\"indexBytes\":$(du -sb "$INDEX" | cut -f1)}" > "$OUT/catchup.json"
cat "$OUT/catchup.json"; echo
reset_peak "$SERVICE"

step "3. the mix: over HTTP and in process (interleaved, $ROUNDS rounds)"
cp -r "$INDEX" "$OUT/in-process.index"
bench compare --http "lucene-http=http://127.0.0.1:$PORT" \
  --inprocess lucene-in-process --settings "NewsWire:Provider=Postgres|ConnectionStrings:NewsWire=$CONNECTION|NewsWire:Search:IndexPath=$OUT/in-process.index" \
  --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/compare.json"
rm -rf "$OUT/in-process.index"

step "4. the search load"
bench mix-paths --out "$OUT/paths-search.txt"
wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$OUT/paths-search.txt" > /dev/null
for c in 1 8 32; do
  settle "$SERVICE"
  wrkrun "$OUT/wrk-search-c$c.txt" "$PORT" "$OUT/paths-search.txt" "$c" "$DURATION"
done
rss "$SERVICE" > "$OUT/search-load-rss.json"
stop "$SERVICE"

step "5. reindex"
# Bounded (REINDEX_LIMIT seconds, default 900), so that a loaded machine cannot hold the report back for ever.
if ! timeout "${REINDEX_LIMIT:-900}" /usr/bin/time -v -o "$OUT/reindex.time" env "${PG[@]}" dotnet "$API" reindex > "$OUT/reindex.out" 2> "$OUT/reindex.err"; then
  rm -f "$OUT/reindex.time"; echo "${REINDEX_LIMIT:-900}" > "$OUT/reindex.timeout"
fi
cat "$OUT/reindex.out"

step "6. report"
bench scale-report --folder "$OUT" --label "postgres-$LABEL" --doc docs/benchmarks.md --summary "bench/results/summary-search-postgres-$LABEL.json"
