#!/usr/bin/env bash
# Regenerates src/schema.d.ts from the OpenAPI document of the built service (re-run it after any change
# to the API). With --check it writes nothing and fails when the checked-in types are stale (CI).
# Needs `npm ci` in clients/typescript and a built service (CONFIGURATION, default Release).
set -euo pipefail
client_dir="$(cd "$(dirname "$0")/.." && pwd)"
source "$client_dir/scripts/service.sh"

mode="${1:-write}"
if [[ "$mode" != "write" && "$mode" != "--check" ]]; then
    echo "usage: scripts/generate.sh [--check]" >&2
    exit 2
fi

start_newswire
work="$(mktemp -d)"
trap 'stop_newswire; rm -rf "$work"' EXIT

curl -fsS "$NEWSWIRE_URL/swagger/v1/swagger.json" -o "$work/openapi.json"
"$client_dir/node_modules/.bin/openapi-typescript" "$work/openapi.json" -o "$work/schema.d.ts" --silent

if [[ "$mode" == "--check" ]]; then
    if ! diff -u "$client_dir/src/schema.d.ts" "$work/schema.d.ts"; then
        echo "clients/typescript/src/schema.d.ts is stale: run clients/typescript/scripts/generate.sh and commit it." >&2
        exit 1
    fi
    echo "clients/typescript/src/schema.d.ts matches the service's OpenAPI document."
else
    cp "$work/schema.d.ts" "$client_dir/src/schema.d.ts"
    echo "Wrote clients/typescript/src/schema.d.ts."
fi
