# Shared by bench/search-scale.sh and bench/providers.sh (sourced, not run): tools, build, the service's
# start and the waits around it. Expects ROOT and OUT; sets API, PIDS and the helpers below.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Rate limits off (NewsWire__RateLimits__Enabled=false), as the README says to for load tests: one wrk
# client from loopback would otherwise get 429 after its first 1,200 reads a minute.
export NewsWire__RateLimits__Enabled=false Serilog__MinimumLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%T)"; }

tools() { # what the run needs, installed with apt-get when missing; arguments: COMMAND or COMMAND:PACKAGE
  local need=() tool
  command -v wrk >/dev/null || need+=(wrk)
  command -v curl >/dev/null || need+=(curl)
  [[ -x /usr/bin/time ]] || need+=(time)
  for tool in "$@"; do command -v "${tool%%:*}" >/dev/null || [[ -x /usr/sbin/${tool%%:*} ]] || need+=("${tool#*:}"); done
  if (( ${#need[@]} )); then
    local sudo; sudo=$([[ $(id -u) == 0 ]] || echo sudo)
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
  fi
  dotnet build -c Release "$ROOT/bench/NewsWire.Bench" --nologo -v q -clp:ErrorsOnly
  API=$ROOT/src/NewsWire.Api/bin/Release/net10.0/NewsWire.Api.dll
}

bench() { dotnet "$ROOT/bench/NewsWire.Bench/bin/Release/net10.0/NewsWire.Bench.dll" "$@"; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap cleanup EXIT

# The code measured: HEAD, marked when src/ differs from it (read-only git queries).
commit() { echo "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"; }

now() { date +%s.%N; }

# start NAME PORT [VAR=VALUE...]: the service in Release in the background with these settings; sets
# STARTED (the start time) and LAST_PID; its output goes to OUT/NAME.log.
start() {
  local name=$1 port=$2; shift 2
  STARTED=$(now)
  env "$@" dotnet "$API" --urls "http://127.0.0.1:$port" > "$OUT/$name.log" 2>&1 &
  LAST_PID=$!; PIDS+=("$LAST_PID")
}

# ready URL PID [SECONDS]: polls URL until it answers 2xx (default 1,800 s); fails when the process exits first.
ready() {
  local deadline=$(( $(date +%s) + ${3:-1800} ))
  until curl -sf -o /dev/null -m 600 "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "the service exited before $1 answered (see its log)" >&2; return 1; }
    (( $(date +%s) < deadline )) || { echo "no answer from $1" >&2; return 1; }
    sleep 0.1
  done
}

# stop PID: SIGTERM, and wait for it to exit.
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# settle PID: until the process has used under 5% of a core for half a second (queued requests finished).
settle() {
  local last now
  last=$(awk '{print $14 + $15}' "/proc/$1/stat")
  for _ in $(seq 240); do
    sleep 0.5
    now=$(awk '{print $14 + $15}' "/proc/$1/stat")
    (( now - last <= 2 )) && return 0
    last=$now
  done
}

# rss PID: VmHWM (peak since start or since reset_peak) and VmRSS in kB, as JSON.
rss() { awk '/VmHWM/{h=$2} /VmRSS/{r=$2} END{printf "{\"hwmKB\":%d,\"rssKB\":%d}", h, r}' "/proc/$1/status"; }
# reset_peak PID: start VmHWM again from the current RSS (Linux's clear_refs, value 5).
reset_peak() { echo 5 > "/proc/$1/clear_refs"; }

# wrkrun FILE PORT PATHS CONNECTIONS DURATION: one wrk run, its JSON line (bench/wrk/paths.lua) in FILE.
wrkrun() {
  wrk -t1 -c"$4" -d"$5s" --timeout 10s -s "$ROOT/bench/wrk/paths.lua" "http://127.0.0.1:$2" -- "$3" > "$1"
  printf '%-40s %s\n' "$(basename "$1" .txt)" "$(tail -n 1 "$1")"
}

# seconds START END
seconds() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b - a}'; }
