#!/usr/bin/env bash
# Import rate per provider on one corpus, in one run: the CLI import into a fresh SQLite file and into a fresh
# PostgreSQL database, for this checkout and, with --baseline REF, for another commit built beside it (git
# archive into bench/results/, so the two are measured on the same machine at the same time).
#
#   bench/import.sh --size 100000 --baseline main     articles/s of main and of this checkout, SQLite and PostgreSQL
#   bench/import.sh --size 5000 --rounds 3            three imports per provider; every round is printed
#   bench/import.sh --size 40000 --into bench/results/search-1m/newswire.db --baseline main --rounds 2
#                                                     the marginal rate at 1M: 40,000 new articles (seed 7, not the
#                                                     1M corpus's 1987) into a fresh copy of that file and its index
#                                                     for each run, the builds alternating (SQLite only; ADR 32)
#
# PostgreSQL: NEWSWIRE_BENCH_POSTGRES (default Host=127.0.0.1;Username=newswire;Password=newswire, a role that may
# create databases). Figures are written to bench/results/import-LABEL/rates.tsv (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZE=5000 ROUNDS=1 BASELINE="" PROVIDERS="Sqlite Postgres" INTO=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --size) SIZE=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    --providers) PROVIDERS=$2; shift ;;
    --into) INTO=$(realpath "$2"); PROVIDERS=Sqlite; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
OUT=$ROOT/bench/results/import-$SIZE${INTO:+-into}
[[ -z $INTO || -f $INTO ]] || { echo "--into: no such file: $INTO" >&2; exit 2; }
mkdir -p "$OUT"
PG=${NEWSWIRE_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=newswire;Password=newswire}
pg_admin() { PGPASSWORD=newswire psql -q -h 127.0.0.1 -U newswire -d postgres -v ON_ERROR_STOP=1 -c "$1"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/NewsWire.Bench --nologo -v q -clp:ErrorsOnly
dotnet build -c Release src/NewsWire.Api --nologo -v q -clp:ErrorsOnly
builds=("this=$ROOT/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll")
if [[ -n $BASELINE ]]; then
  tree=$OUT/baseline-src
  rm -rf "$tree" && mkdir -p "$tree"
  git archive "$BASELINE" | tar -x -C "$tree"
  ln -sfn "$ROOT/../shared" "$tree/../shared" 2>/dev/null || true
  dotnet build -c Release "$tree/src/NewsWire.Api" --nologo -v q -clp:ErrorsOnly
  builds=("$BASELINE=$tree/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll" "${builds[@]}")
fi

if [[ ! -s $OUT/corpus.ndjson ]]; then
  dotnet "$ROOT/bench/NewsWire.Bench/bin/Release/net10.0/NewsWire.Bench.dll" generate --size "$SIZE" \
    --seed "$([[ -n $INTO ]] && echo 7 || echo 1987)" --out "$OUT/corpus.ndjson" --info "$OUT/corpus.json"
fi

printf 'build\tprovider\tround\tarticles\tseconds\tarticles_per_s\tcommand_s\tcomplete_per_s\n' > "$OUT/rates.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${builds[@]}"; do
    name=${entry%%=*} api=${entry#*=}
    for provider in $PROVIDERS; do
      if [[ $provider == Sqlite ]]; then
        db=$OUT/import.db
        rm -f "$db" "$db-wal" "$db-shm"
        rm -rf "$OUT/import.index" # the index beside the file: a stale one would claim positions the new file never had
        if [[ -n $INTO ]]; then
          # With its WAL, if it has one (committed pages may still be there), and its index where the service
          # keeps it (Path.ChangeExtension(file, ".index")).
          cp "$INTO" "$db"
          if [[ -f $INTO-wal ]]; then cp "$INTO-wal" "$db-wal"; fi
          if [[ -d ${INTO%.*}.index ]]; then cp -r "${INTO%.*}.index" "$OUT/import.index"; fi
          sync # the copy's dirty pages are written before the clock starts, not during the import
        fi
        settings=(--ConnectionStrings:NewsWire="Data Source=$db")
      else
        db=newswire_bench_import
        pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
        pg_admin "CREATE DATABASE $db"
        settings=(--NewsWire:Provider=Postgres --ConnectionStrings:NewsWire="$PG;Database=$db"
          --NewsWire:Search:IndexPath="$OUT/index")
        rm -rf "$OUT/index"
      fi
      # The summary line: "Imported N articles in S s (R/s): ..."; the clock starts after migration and seed.
      # command_s is the whole command: start-up, migration and the search index's final catch-up, so
      # complete_per_s (articles / command_s) is issue 10's "import at 1M, store and index complete" figure.
      started=$(date +%s.%N)
      line=$(dotnet "$api" import "${settings[@]}" "$OUT/corpus.ndjson" 2> "$OUT/import.err" | grep '^Imported')
      command_s=$(echo "$(date +%s.%N) - $started" | bc)
      read -r articles seconds rate <<< "$(sed -E 's/^Imported ([0-9,]+) articles in ([0-9.,]+) s \(([0-9,]+)\/s\).*/\1 \2 \3/; s/,//g' <<< "$line")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%.0f\n' "$name" "$provider" "$round" "$articles" "$seconds" "$rate" "$command_s" \
        "$(echo "$articles / $command_s" | bc -l)" | tee -a "$OUT/rates.tsv"
    done
  done
done
[[ -n $BASELINE ]] && rm -rf "$OUT/baseline-src"
column -t "$OUT/rates.tsv"
