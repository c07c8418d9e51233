#!/usr/bin/env bash
# Runs the client's tests (node's test runner) against a NewsWire started here with a fresh database.
# Needs `npm ci` in clients/typescript and a built service (CONFIGURATION, default Release).
set -euo pipefail
client_dir="$(cd "$(dirname "$0")/.." && pwd)"
source "$client_dir/scripts/service.sh"

cd "$client_dir"
npm run --silent build
start_newswire
node --test dist/test/*.test.js
