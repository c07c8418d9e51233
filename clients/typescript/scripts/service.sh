# Sourced by generate.sh and test.sh: starts the built NewsWire on a free loopback port with a fresh
# database, as an operator would (Production, key from the environment), and stops it on exit.
# Sets NEWSWIRE_URL and NEWSWIRE_API_KEY.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
configuration="${CONFIGURATION:-Release}"
service_dll="$repo_root/src/NewsWire.Api/bin/$configuration/net10.0/NewsWire.Api.dll"

start_newswire() {
    if [[ ! -f "$service_dll" ]]; then
        echo "Building NewsWire ($configuration): $service_dll is missing." >&2
        dotnet build "$repo_root/src/NewsWire.Api" -c "$configuration" --nologo >&2
    fi

    service_dir="$(mktemp -d)"
    local port
    port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
    export NEWSWIRE_URL="http://127.0.0.1:$port"
    export NEWSWIRE_API_KEY="client-test-key"

    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__NewsWire="Data Source=$service_dir/newswire.db" \
    NewsWire__ApiKeys__0="$NEWSWIRE_API_KEY" \
        dotnet "$service_dll" --urls "$NEWSWIRE_URL" >"$service_dir/service.log" 2>&1 &
    service_pid=$!
    trap stop_newswire EXIT

    for _ in $(seq 1 300); do
        if curl -fsS "$NEWSWIRE_URL/health" >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$service_pid" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "NewsWire did not become healthy at $NEWSWIRE_URL:" >&2
    cat "$service_dir/service.log" >&2
    return 1
}

stop_newswire() {
    if [[ -n "${service_pid:-}" ]]; then
        kill "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
        service_pid=""
    fi
    if [[ -n "${service_dir:-}" ]]; then
        rm -rf "$service_dir"
    fi
}
