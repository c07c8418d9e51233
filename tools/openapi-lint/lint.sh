#!/usr/bin/env bash
# Lints NewsWire's OpenAPI document as the built service serves it: starts the Release build on a scratch
# database, saves /swagger/v1/swagger.json, and runs Spectral (spectral:oas) and Redocly (recommended) on it.
# Any error or warning from either fails the run. Build first (dotnet build -c Release); .ci/run does both.
#
#   tools/openapi-lint/lint.sh [path/to/NewsWire.Api.dll]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DLL=${1:-$ROOT/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll}
# Neither linter may report usage: Redocly's telemetry, and Scarf's install analytics in Spectral's packages.
export REDOCLY_TELEMETRY=off SCARF_ANALYTICS=false DO_NOT_TRACK=1

[[ -f $DLL ]] || { echo "no $DLL: run dotnet build -c Release first" >&2; exit 2; }
cd "$HERE"
[[ -x node_modules/.bin/spectral && -x node_modules/.bin/redocly ]] || npm ci --ignore-scripts --no-audit --no-fund

WORK=$(mktemp -d)
SERVICE=""
cleanup() { [[ -n $SERVICE ]] && kill "$SERVICE" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

PORT=$(node free-port.mjs)
ConnectionStrings__NewsWire="Data Source=$WORK/openapi.db" NewsWire__RateLimits__Enabled=false \
  Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$DLL" --urls "http://127.0.0.1:$PORT" > "$WORK/service.log" 2>&1 &
SERVICE=$!
node fetch-document.mjs "http://127.0.0.1:$PORT/swagger/v1/swagger.json" "$WORK/openapi.json" || { cat "$WORK/service.log" >&2; exit 1; }
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""

echo "== Spectral (spectral:oas)"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity warn "$WORK/openapi.json"
echo "== Redocly (recommended)"
# Redocly exits non-zero on errors only; its summary lists warnings too, and any of either fails here.
status=0
node_modules/.bin/redocly lint --config redocly.yaml --format summary "$WORK/openapi.json" > "$WORK/redocly.txt" 2>&1 || status=$?
grep -v -e '[║╔╚]' -e '^[[:space:]]*$' "$WORK/redocly.txt" || true
if (( status != 0 )) || grep -qE '^(error|warning) ' "$WORK/redocly.txt"; then
  node_modules/.bin/redocly lint --config redocly.yaml --max-problems 1000 "$WORK/openapi.json" 2>&1 | grep -v -e '[║╔╚]' >&2 || true
  echo "OpenAPI lint: Redocly found problems (warnings count)" >&2
  exit 1
fi
echo "OpenAPI lint: clean"
