#!/usr/bin/env bash
# Issue 14's bench in one command: PostgreSQL beside SQLite on the same corpus, then two instances behind nginx.
#
#   bench/providers.sh --size 1000000   1M articles (label 1m; default 100,000); --duration S per wrk run (10),
#                                       --rounds R of the search mix (20), --label L, --reuse-corpus,
#                                       --sqlite DIR: take the SQLite side (corpus, database, index and import
#                                       figures) from a bench/search-scale.sh folder instead of importing again
#
# PostgreSQL: the local server (Host=localhost, role newswire, which may CREATEDB; PGHOST/PGUSER/PGPASSWORD
# override); the run drops and creates the database newswire_bench_LABEL. nginx: Debian's /usr/sbin/nginx, with
# a configuration this script writes (README's "Running several instances", worker_processes auto).
#
# Steps (under bench/results/providers-LABEL/, ignored by git; summary-providers-LABEL.json is committed):
#  1. corpus (NewsWire.Bench generate, seed 1987)
#  2. import with the CLI into SQLite and into PostgreSQL (GNU time); each service then started on its store, the
#     time until its first search answers being the time until its index has caught up
#  3. get by id and the first listing page, wrk at 32 connections, SQLite and PostgreSQL alternating, two rounds
#  4. the search mix one request at a time, SQLite and PostgreSQL interleaved case by case
#  5. two instances on the one PostgreSQL database (the second with a copy of the first's index) behind nginx:
#     one instance directly, one behind nginx, two behind nginx, alternating, two rounds
#  6. the log-head check on a cached read: get by id on an instance that reads the change log's head on every
#     request (the default) against one with NewsWire:ReadStalenessMs=1000 (reuses the head for up to 1 s),
#     alternating, at 1 and 32 connections
#  7. NewsWire.Bench providers-report: bench/results/summary-providers-LABEL.json and docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZE=100000 ROUNDS=20 WARMUP=10 DURATION=10 LABEL="" REUSE_CORPUS=0 SQLITE_FROM=""
BASE_PORT=${BENCH_PORT:-5391}
COMMAND="bench/providers.sh $*"
while [[ $# -gt 0 ]]; do
  case $1 in
    --size) SIZE=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --reuse-corpus) REUSE_CORPUS=1 ;;
    --sqlite) SQLITE_FROM=$(cd "$2" && pwd); shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z $LABEL ]]; then
  if (( SIZE % 1000000 == 0 )); then LABEL="$((SIZE / 1000000))m"; elif (( SIZE % 1000 == 0 )); then LABEL="$((SIZE / 1000))k"; else LABEL=$SIZE; fi
fi
OUT=$ROOT/bench/results/providers-$LABEL
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"
if (( REUSE_CORPUS )) && [[ -s $OUT/corpus.ndjson && -s $OUT/corpus.json ]]; then
  echo "reusing the corpus in $OUT; everything else is redone"
  find "$OUT" -mindepth 1 -maxdepth 1 ! -name corpus.ndjson ! -name corpus.json -exec rm -rf {} +
else
  REUSE_CORPUS=0
  rm -rf "${OUT:?}"/*
fi
printf '{"command":"%s","commit":"%s","started":"%s","sqliteFrom":"%s"}\n' "$COMMAND" "$(commit)" "$(date -u +%FT%TZ)" "$SQLITE_FROM" > "$OUT/run.json"

SQLITE_PORT=$BASE_PORT PG_A_PORT=$((BASE_PORT + 1)) PG_B_PORT=$((BASE_PORT + 2)) NGINX_ONE_PORT=$((BASE_PORT + 3)) NGINX_TWO_PORT=$((BASE_PORT + 4))
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-newswire} PGPASSWORD=${PGPASSWORD:-newswire}
PGDB=newswire_bench_${LABEL//[^a-z0-9]/_}
if [[ -n $SQLITE_FROM ]]; then
  CORPUS=$SQLITE_FROM/corpus.ndjson SQLITE_DB=$SQLITE_FROM/newswire.db SQLITE_INDEX=$SQLITE_FROM/newswire.index
  cp "$SQLITE_FROM/corpus.json" "$OUT/corpus.json"
else
  CORPUS=$OUT/corpus.ndjson SQLITE_DB=$OUT/sqlite.db SQLITE_INDEX=$OUT/sqlite.index
fi
SQLITE=(ConnectionStrings__NewsWire="Data Source=$SQLITE_DB" NewsWire__Search__IndexPath="$SQLITE_INDEX")
PG=(NewsWire__Provider=Postgres ConnectionStrings__NewsWire="Host=$PGHOST;Database=$PGDB;Username=$PGUSER;Password=$PGPASSWORD")

step "tools"
tools psql:postgresql-client nginx
NGINX=/usr/sbin/nginx

if [[ -z $SQLITE_FROM ]] && (( ! REUSE_CORPUS )); then
  step "1. corpus: $SIZE articles"
  bench generate --size "$SIZE" --out "$OUT/corpus.ndjson" --info "$OUT/corpus.json"
fi

step "2. import: SQLite, then PostgreSQL"
if [[ -z $SQLITE_FROM ]]; then
  /usr/bin/time -v -o "$OUT/sqlite-import.time" env "${SQLITE[@]}" dotnet "$API" import "$CORPUS" > "$OUT/sqlite-import.out" 2> "$OUT/sqlite-import.err"
  cat "$OUT/sqlite-import.out"
else
  echo "SQLite: the database and import figures of $SQLITE_FROM (taken once that run is over, below)"
fi
psql -d postgres -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" -c "CREATE DATABASE $PGDB"
/usr/bin/time -v -o "$OUT/pg-import.time" env "${PG[@]}" NewsWire__Search__IndexPath="$OUT/pg-a.index" dotnet "$API" import "$CORPUS" > "$OUT/pg-import.out" 2> "$OUT/pg-import.err"
cat "$OUT/pg-import.out"
psql -d "$PGDB" -Atc "SELECT json_build_object('databaseBytes', pg_database_size(current_database()), 'server', current_setting('server_version'))" > "$OUT/pg-database.json"

catch_up() { # NAME PORT VAR=VALUE...: start a service and time it to its first answered search
  local name=$1 port=$2; shift 2
  start "$name" "$port" "$@"
  ready "http://127.0.0.1:$port/api/search?q=said&limit=1" "$LAST_PID"
  echo "{\"serviceStartToFirstSearchSeconds\":$(seconds "$STARTED" "$(now)")}" > "$OUT/$name-catchup.json"
  printf '%s: first search after %s\n' "$name" "$(cat "$OUT/$name-catchup.json")"
}
if [[ -n $SQLITE_FROM ]]; then # one process at a time holds an index folder: the search-scale run must be over
  until [[ -e $SQLITE_FROM/done ]]; do echo "waiting for the search-scale run in $SQLITE_FROM to finish"; sleep 15; done
  cp "$SQLITE_FROM/import.time" "$OUT/sqlite-import.time"; cp "$SQLITE_FROM/import.out" "$OUT/sqlite-import.out"
fi
catch_up sqlite "$SQLITE_PORT" "${SQLITE[@]}"; SQLITE_PID=$LAST_PID
catch_up pg-a "$PG_A_PORT" "${PG[@]}" NewsWire__Search__IndexPath="$OUT/pg-a.index"; PG_A_PID=$LAST_PID

step "3. get by id and the first page, wrk at 32 connections, alternating"
bench targets --db "$SQLITE_DB" --url "http://127.0.0.1:$SQLITE_PORT" --folder "$OUT" > /dev/null
for port in "$SQLITE_PORT" "$PG_A_PORT"; do
  for what in get first; do wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$port" -- "$OUT/paths-$what.txt" > /dev/null; done
done
for round in 1 2; do
  for what in get first; do
    for side in sqlite pg; do
      port=$([[ $side == sqlite ]] && echo "$SQLITE_PORT" || echo "$PG_A_PORT")
      settle "$SQLITE_PID"; settle "$PG_A_PID"
      wrkrun "$OUT/wrk-$what-$side-r$round.txt" "$port" "$OUT/paths-$what.txt" 32 "$DURATION"
    done
  done
done

step "4. the search mix, SQLite and PostgreSQL interleaved ($ROUNDS rounds)"
bench compare --http "sqlite=http://127.0.0.1:$SQLITE_PORT,postgres=http://127.0.0.1:$PG_A_PORT" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/compare.json"
stop "$SQLITE_PID"

step "5. two instances on PostgreSQL behind nginx"
cp -r "$OUT/pg-a.index" "$OUT/pg-b.index"
catch_up pg-b "$PG_B_PORT" "${PG[@]}" NewsWire__Search__IndexPath="$OUT/pg-b.index"; PG_B_PID=$LAST_PID
mkdir -p "$OUT/nginx"
cat > "$OUT/nginx/nginx.conf" <<EOF
# Written by bench/providers.sh: README's "Running several instances", one upstream of one instance and one of two.
daemon off;
worker_processes auto;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $OUT/nginx/body;
    proxy_temp_path $OUT/nginx/proxy;
    client_max_body_size 0;
    upstream newswire_one { server 127.0.0.1:$PG_A_PORT; keepalive 32; }
    upstream newswire_two { server 127.0.0.1:$PG_A_PORT; server 127.0.0.1:$PG_B_PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$NGINX_ONE_PORT;
        location / { proxy_pass http://newswire_one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme; }
    }
    server {
        listen 127.0.0.1:$NGINX_TWO_PORT;
        location / { proxy_pass http://newswire_two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme; }
    }
}
EOF
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" > "$OUT/nginx/stdout.log" 2>&1 &
NGINX_PID=$!; PIDS+=("$NGINX_PID")
ready "http://127.0.0.1:$NGINX_TWO_PORT/health" "$NGINX_PID" 30
"$NGINX" -v 2> "$OUT/nginx/version.txt"
for port in "$NGINX_ONE_PORT" "$NGINX_TWO_PORT" "$PG_B_PORT"; do
  for what in get first; do wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$port" -- "$OUT/paths-$what.txt" > /dev/null; done
done
for round in 1 2; do
  for what in get first; do
    for side in direct nginx-one nginx-two; do
      case $side in direct) port=$PG_A_PORT ;; nginx-one) port=$NGINX_ONE_PORT ;; nginx-two) port=$NGINX_TWO_PORT ;; esac
      settle "$PG_A_PID"; settle "$PG_B_PID"
      wrkrun "$OUT/wrk-$what-$side-r$round.txt" "$port" "$OUT/paths-$what.txt" 32 "$DURATION"
    done
  done
done
stop "$NGINX_PID"; stop "$PG_B_PID"

step "6. the log-head check on a cached read: ReadStalenessMs 0 (instance A) against 1000 (instance B)"
catch_up pg-b-stale "$PG_B_PORT" "${PG[@]}" NewsWire__Search__IndexPath="$OUT/pg-b.index" NewsWire__ReadStalenessMs=1000; PG_B_PID=$LAST_PID
wrk -t1 -c8 -d1s -s bench/wrk/paths.lua "http://127.0.0.1:$PG_B_PORT" -- "$OUT/paths-get.txt" > /dev/null
for round in 1 2; do
  for c in 1 32; do
    for side in check stale; do
      port=$([[ $side == check ]] && echo "$PG_A_PORT" || echo "$PG_B_PORT")
      settle "$PG_A_PID"; settle "$PG_B_PID"
      wrkrun "$OUT/wrk-head-$side-c$c-r$round.txt" "$port" "$OUT/paths-get.txt" "$c" "$DURATION"
    done
  done
done
cleanup

step "7. report"
bench providers-report --folder "$OUT" --label "$LABEL" --doc docs/benchmarks.md --summary "bench/results/summary-providers-$LABEL.json"
step "done: docs/benchmarks.md, bench/results/summary-providers-$LABEL.json"
