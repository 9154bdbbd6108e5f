#!/usr/bin/env bash
# Runs the benchmarks.
#
#   scripts/bench.sh [BenchmarkDotNet arguments]
#       The micro-benchmarks (BenchmarkDotNet, Release), e.g. --filter '*Rollup*'. Results (tables with time and
#       allocations) land in BenchmarkDotNet.Artifacts/results.
#
#   scripts/bench.sh enterprise [--scale S|M|L] [--runs N] [--big-runs N]
#       The enterprise-scale benchmark (benchmarks/Okr.Bench.Enterprise): starts a throwaway PostgreSQL on
#       127.0.0.1 (port $OKR_BENCH_PG_PORT, default 55440), lets the API create the schema, bulk-inserts an
#       organisation (S = 100 units, M = 1,000, L = 10,000 units / 40,000 objectives / 160,000 key results /
#       ~2 M check-ins) with binary COPY, runs `Okr.Api rebuild-rollups` when the API has that command, starts the
#       API (Release, Production, on 127.0.0.1:$OKR_BENCH_API_PORT, default 5098) and prints a table per query:
#       API median, floor median (hand-written SQL, interleaved), ratio, SQL statements per request, the API's
#       peak memory; then concurrent division trees, check-in latency and 200 concurrent check-ins.
#       The table is also written to .tmp/bench-enterprise-<scale>.md. Stops everything it started.
#       OKR_BENCH_API_ARGS adds settings to the API's command line, e.g. "--GraphQL:ExecutionTimeout=00:02:00".
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [ "${1:-}" != "enterprise" ]; then
  if [ "$#" -eq 0 ]; then set -- --filter '*'; fi
  exec dotnet run -c Release --project benchmarks/Okr.Benchmarks -- "$@"
fi
shift

scale=S
runner_args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --scale) scale="$(echo "${2:-}" | tr '[:lower:]' '[:upper:]')"; shift 2 ;;
    --runs|--big-runs) runner_args+=("$1" "${2:?$1 needs a number}"); shift 2 ;;
    *) echo "unknown argument: $1 (usage: $0 enterprise [--scale S|M|L] [--runs N] [--big-runs N])" >&2; exit 2 ;;
  esac
done
case "$scale" in S|M|L) ;; *) echo "--scale is S, M or L" >&2; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="$(mktemp -d "${TMPDIR:-/tmp}/okr-bench.XXXXXX")"
chmod 755 "$work" # the PostgreSQL server runs as the postgres user and must reach its folder
export OKR_PG_DIR="$work/postgres" OKR_PG_PORT="${OKR_BENCH_PG_PORT:-55440}"
api_port="${OKR_BENCH_API_PORT:-5098}"
api_url="http://127.0.0.1:$api_port"
api_dll="$repo/src/Okr.Api/bin/Release/net10.0/Okr.Api.dll"
bench_dll="$repo/benchmarks/Okr.Bench.Enterprise/bin/Release/net10.0/Okr.Bench.Enterprise.dll"
password="Bench-Okr-2026"
api_pid=""
started_pg=""

log() { printf '==> %s\n' "$*" >&2; }

stop_api() {
  if [ -n "$api_pid" ]; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
  fi
}
cleanup() {
  stop_api
  if [ -n "$started_pg" ]; then "$repo/scripts/postgres.sh" stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "Building the API and the benchmark (Release)"
dotnet build src/Okr.Api -c Release -nologo -v quiet >"$work/build.log" 2>&1 &&
  dotnet build benchmarks/Okr.Bench.Enterprise -c Release -nologo -v quiet >>"$work/build.log" 2>&1 ||
  { grep -E "error|warn" "$work/build.log" | sort -u | head -40 >&2; exit 1; }

log "Starting a throwaway PostgreSQL on 127.0.0.1:$OKR_PG_PORT"
admin_conn="$("$repo/scripts/postgres.sh" start)"
started_pg=1
conn="${admin_conn/Database=postgres/Database=okr_bench}"
# The API's own pool (Npgsql's default, 100) is kept: the benchmark measures the product as configured.
db_args=(--Database:Provider=Postgres "--ConnectionStrings:Okr=$conn")

# The scheduler (outbox dispatch, reminders) is off: its polling would land in the statements counted for a request, and
# nothing here enqueues work for it. Sending reminders at scale is a benchmark of its own.
start_api() {
  ASPNETCORE_ENVIRONMENT=Production dotnet "$api_dll" --urls "$api_url" "${db_args[@]}" --Scheduler:Enabled=false \
    --Demo:Seed=false --DataProtection:KeysPath="$work/keys" --Logging:LogLevel:Default=Warning ${OKR_BENCH_API_ARGS:-} >>"$work/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS "$api_url/health" >/dev/null 2>&1 && return 0
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "The API did not become healthy:" >&2
  tail -40 "$work/api.log" >&2
  exit 1
}

log "Creating the schema (the API applies its migrations at start-up)"
start_api
stop_api

log "Generating scale $scale (binary COPY)"
gen_start=$(date +%s)
dotnet "$bench_dll" generate --connection "$conn" --scale "$scale" --password "$password" --fixtures "$work/fixtures.json"
gen_end=$(date +%s)

# The maintained rollup columns are filled by `Okr.Api rebuild-rollups` once the API has it. Without the command
# the API would just start serving, so look for the command's name in the API's assemblies first.
rebuild_note="rebuild-rollups: not available in this build (skipped)"
if grep -a -q -P 'r\x00e\x00b\x00u\x00i\x00l\x00d\x00-\x00r\x00o\x00l\x00l\x00u\x00p\x00s\x00' "$(dirname "$api_dll")"/Okr.*.dll 2>/dev/null; then
  log "Rebuilding rollups (Okr.Api rebuild-rollups)"
  rb_start=$(date +%s)
  if ASPNETCORE_ENVIRONMENT=Production timeout 900 dotnet "$api_dll" rebuild-rollups "${db_args[@]}" \
      --Demo:Seed=false --DataProtection:KeysPath="$work/keys" >"$work/rebuild.log" 2>&1; then
    rebuild_note="rebuild-rollups: $(( $(date +%s) - rb_start )) s"
  else
    tail -20 "$work/rebuild.log" >&2
    echo "rebuild-rollups failed" >&2
    exit 1
  fi
else
  log "Note: the API has no rebuild-rollups command yet; skipping it"
fi
log "Generation took $((gen_end - gen_start)) s; $rebuild_note"

log "Starting the API on $api_url (Release, Production, PostgreSQL)"
start_api

mkdir -p "$repo/.tmp"
out="$repo/.tmp/bench-enterprise-$scale.md"
dotnet "$bench_dll" run --connection "$conn" --api "$api_url" --api-pid "$api_pid" --fixtures "$work/fixtures.json" \
  --pg-log "$OKR_PG_DIR/server.log" --markdown "$out" "${runner_args[@]}"
{
  echo
  echo "Generation (bulk insert + VACUUM ANALYZE): $((gen_end - gen_start)) s; $rebuild_note."
} | tee -a "$out"
echo "Written to $out" >&2
