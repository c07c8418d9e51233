#!/usr/bin/env bash
# The long versions of the resilience tests (tests/NewsWire.Api.Tests/Resilience): 30 s of 8 writers and
# 32 readers, 10,000 generated searches, 600 searches past the search budget, a kill after 20 import batches,
# 250 generated feeds, and the feed memory check (peak resident memory of the service, from /proc, while it
# imports an item with a 100 MB attribute, a feed of 100,000 items and one of 400 items near the article
# limit); then the same with two other seeds.
# The hostile-input tests run alongside at every seed: every route, method (HEAD included) and hostile body
# (compressed, bombs, unknown codings, byte-order marks, the feeds of issue 9) on real Kestrel, and the text
# log of a real process (forged lines, ANSI escapes, abandoned uploads).
# The short versions run in every `dotnet test`. Usage: bench/resilience.sh [SEED...]
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSWIRE_RESILIENCE_SECONDS=${NEWSWIRE_RESILIENCE_SECONDS:-30}
export NEWSWIRE_HOSTILE_SEARCHES=${NEWSWIRE_HOSTILE_SEARCHES:-10000}
export NEWSWIRE_BROAD_SEARCHES=${NEWSWIRE_BROAD_SEARCHES:-600}
export NEWSWIRE_CRASH_AFTER_BATCHES=${NEWSWIRE_CRASH_AFTER_BATCHES:-20}
export NEWSWIRE_GENERATED_FEEDS=${NEWSWIRE_GENERATED_FEEDS:-250}
export NEWSWIRE_FEED_ATTRIBUTE_MB=${NEWSWIRE_FEED_ATTRIBUTE_MB:-100}
export NEWSWIRE_LARGE_FEED_ITEMS=${NEWSWIRE_LARGE_FEED_ITEMS:-100000}
export NEWSWIRE_LONG_FEED_ITEMS=${NEWSWIRE_LONG_FEED_ITEMS:-400}
seeds=("$@")
(( ${#seeds[@]} )) || seeds=(20261129 1 2)
dotnet build -c Release tests/NewsWire.Api.Tests --nologo -v q -clp:ErrorsOnly
failed=0
for seed in "${seeds[@]}"; do
  echo "== seed $seed"
  # The detailed log keeps each test's counts; only the lines that say what happened are shown.
  NEWSWIRE_RESILIENCE_SEED=$seed dotnet test tests/NewsWire.Api.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~Resilience" --logger "console;verbosity=detailed" > "/tmp/newswire-resilience-$seed.log" || failed=1
  grep -E "^\s+(Passed|Failed|Skipped) |broke the contract|acknowledged|survived|stored once|Resident memory|responded 499|^Total|Passed:|Failed:|→" "/tmp/newswire-resilience-$seed.log" | cut -c1-400
done
exit $failed
