#!/usr/bin/env bash
# Runs every suite of the product on a fresh machine and ends with one line: "N passed, N failed".
#   .NET: domain unit tests; Application, Infrastructure and API integration tests on SQLite and PostgreSQL
#   client: contracts, type check and component tests (vitest), alongside the .NET tests
#   browser: playwright-core driving Debian's Chromium against the real API on a fresh database
# Installs what is missing (apt-get: PostgreSQL, Chromium, aiosmtpd; npm ci), starts a throwaway PostgreSQL, a real SMTP
# server (aiosmtpd, keeping what it receives in a maildir the email tests read) and the API on 127.0.0.1, and stops
# everything it started.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
work="$(mktemp -d "${TMPDIR:-/tmp}/okr-test.XXXXXX")"
chmod 755 "$work" # the PostgreSQL server runs as the postgres user and must reach its folder
artifacts="$repo/test-artifacts"
passed=0
failed=0
api_pid=""
smtp_pid=""
started_pg=""
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export OKR_PG_DIR="$work/postgres" OKR_PG_PORT="${OKR_PG_PORT:-55432}"
smtp_port="${OKR_SMTP_PORT:-55025}"

log() { printf '\n==> %s\n' "$*" >&2; }
# How long each phase took, printed before the totals: the whole script must stay well under 15 minutes on CI's
# two cores (README, "Test it"); test-artifacts/ keeps the figures and the .NET results of the last run.
timings=""
phase_started=$SECONDS
phase_done() { timings="$timings$(printf '%-44s %5d s' "$1" $((SECONDS - phase_started)))\n"; phase_started=$SECONDS; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

cleanup() {
  if [ -n "${client_pid:-}" ] && kill -0 "$client_pid" 2>/dev/null; then pkill -P "$client_pid" 2>/dev/null; kill "$client_pid" 2>/dev/null; fi
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  if [ -n "$smtp_pid" ]; then kill "$smtp_pid" 2>/dev/null; wait "$smtp_pid" 2>/dev/null; fi
  if [ -n "$started_pg" ]; then "$repo/scripts/postgres.sh" stop >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- what is missing
apt_install() {
  local packages=("$@")
  log "Installing ${packages[*]} (apt-get)"
  local sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 2; }
command -v node >/dev/null || { echo "Node.js 20.19+ with npm is required." >&2; exit 2; }
pg_bin_found() { ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null; }
pg_bin_found || apt_install postgresql
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || apt_install chromium
export CHROMIUM_PATH="$chromium"
# Debian's python3 (a python3 earlier on PATH, such as pyenv's, does not see Debian's modules).
smtp_python=/usr/bin/python3
"$smtp_python" -c "import aiosmtpd" 2>/dev/null || apt_install python3-aiosmtpd

log "Client dependencies (npm ci)"
if [ ! -f client/node_modules/.package-lock.json ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
  (cd client && npm ci --no-audit --no-fund --loglevel=error) >&2 || { echo "npm ci failed" >&2; exit 2; }
fi
# The webhook tests' receiver verifies signatures with the npm standardwebhooks package (ADR 0030).
if [ ! -f tests/webhook-receiver/node_modules/.package-lock.json ] || [ tests/webhook-receiver/package-lock.json -nt tests/webhook-receiver/node_modules/.package-lock.json ]; then
  (cd tests/webhook-receiver && npm ci --no-audit --no-fund --loglevel=error) >&2 || { echo "npm ci (webhook receiver) failed" >&2; exit 2; }
fi

phase_done "Installing what is missing (apt-get, npm ci)"

# ---------------------------------------------------------------- PostgreSQL
log "Starting a throwaway PostgreSQL on 127.0.0.1:$OKR_PG_PORT"
if OKR_TEST_POSTGRES="$("$repo/scripts/postgres.sh" start)"; then
  started_pg=1
  export OKR_TEST_POSTGRES
else
  echo "PostgreSQL did not start; see $OKR_PG_DIR/server.log" >&2
  count 0 1
fi

# ---------------------------------------------------------------- SMTP
log "Starting a real SMTP server (aiosmtpd) on 127.0.0.1:$smtp_port"
export OKR_TEST_SMTP_MAILDIR="$work/maildir"
"$smtp_python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$OKR_TEST_SMTP_MAILDIR" >"$work/smtp.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
  kill -0 "$smtp_pid" 2>/dev/null || break
  sleep 0.2
done
if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then
  export OKR_TEST_SMTP="127.0.0.1:$smtp_port"
else
  # The email tests then start one of their own (and say why when they cannot).
  echo "The SMTP server did not start; see $work/smtp.log" >&2
  smtp_pid=""
fi

# ---------------------------------------------------------------- .NET
rm -rf "$artifacts" && mkdir -p "$artifacts"
log "Building"
if ! dotnet build Okr.sln -c Release -nologo -v quiet >"$work/build.log" 2>&1; then
  grep -E "error|warn" "$work/build.log" | sort -u | head -40 >&2
  count 0 1
  echo "$passed passed, $failed failed"
  exit 1
fi

phase_done "Starting PostgreSQL and SMTP, building"

# ---------------------------------------------------------------- client (alongside the .NET tests)
# The client's checks need neither the API nor the database: they run while the .NET tests do (mostly waiting on
# PostgreSQL and HTTP), which takes minutes off the suite on a two-core machine. Their output is shown afterwards.
client_checks() {
  log "Client contracts: typed GraphQL documents current with schema.graphql"
  if (cd client && node codegen.mjs --check); then r="1 0"; else r="0 1"; fi
  echo "contracts $r" >>"$work/client.counts"
  log "Client type check"
  if (cd client && npx tsc -b); then r="1 0"; else r="0 1"; fi
  echo "tsc $r" >>"$work/client.counts"
  log "Client component tests (vitest)"
  local started=$SECONDS
  (cd client && npx vitest run --reporter=default --reporter=json --outputFile="$work/vitest.json")
  echo "$((SECONDS - started))" >"$work/vitest.seconds"
  python3 - "$work/vitest.json" <<'PY' >>"$work/client.counts"
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    print("vitest", d.get("numPassedTests", 0), d.get("numFailedTests", 0) + (0 if d.get("success", False) or d.get("numFailedTests", 0) else 1))
except Exception:
    print("vitest 0 1")
PY
}
: >"$work/client.counts"
client_checks >"$work/client.log" 2>&1 &
client_pid=$!

log ".NET tests"
dotnet test Okr.sln -c Release --no-build -nologo --logger "trx" --results-directory "$work/trx" 2>&1 | tee "$work/dotnet-test.log" \
  | grep -E "^\s*(Failed|Passed|Skipped)!|^\s+Failed |\[FAIL\]" >&2
read -r dn_passed dn_failed < <(python3 - "$work/trx" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is not None:
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(passed, failed)
PY
)
expected_projects=$(ls tests/*/*.csproj | grep -vc Okr.Testing)
found_projects=$(ls "$work"/trx/*.trx 2>/dev/null | wc -l)
if [ "$found_projects" -lt "$expected_projects" ]; then
  echo "Only $found_projects of $expected_projects test projects reported results (a test host crashed?)" >&2
  dn_failed=$((dn_failed + expected_projects - found_projects))
fi
count "$dn_passed" "$dn_failed"
# Suites print their figures in their output ("GraphQL abuse suite: N cases, N failures, …", "Fuzz REST: operations ×
# cases, failures by kind"): show them with the totals, from the test output kept in the trx files.
python3 - "$work/trx" <<'PY' >&2
import glob, re, sys, xml.etree.ElementTree as ET
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for out in ET.parse(f).getroot().iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}StdOut"):
        for line in (out.text or "").splitlines():
            if re.search(r"\bsuite: \d", line) or line.startswith("Fuzz ") or line.startswith("  answers: "):
                print(line.rstrip())
PY

# Where the time went: each project's wall time and the slowest tests (the README says how to run one project alone).
mkdir -p "$artifacts/dotnet"
cp "$work"/trx/*.trx "$artifacts/dotnet/" 2>/dev/null
python3 - "$work/trx" <<'PY' | tee "$artifacts/dotnet/slowest.txt" >&2
import glob, re, sys, xml.etree.ElementTree as ET
from datetime import datetime
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
def instant(t):
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", t))
tests = []
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(f).getroot()
    times, definitions = root.find(ns + "Times"), root.find(ns + "TestDefinitions")
    project = definitions[0].get("storage").split("/")[-1].removesuffix(".dll") if definitions is not None and len(definitions) else f
    results = [(seconds(r.get("duration", "0:0:0")), r.get("testName")) for r in root.iter(ns + "UnitTestResult")]
    tests += results
    print(f"{project:40s} {(instant(times.get('finish')) - instant(times.get('start'))).total_seconds():6.0f} s wall, {len(results)} tests")
print("Slowest .NET tests:")
for duration, name in sorted(tests, reverse=True)[:15]:
    print(f"  {duration:6.1f} s  {name}")
PY
phase_done ".NET tests"

log "Client checks (ran alongside the .NET tests)"
wait "$client_pid"
client_pid=""
[ -f "$work/vitest.seconds" ] && timings="$timings$(printf '%-44s %5d s' "  of which vitest, alongside" "$(cat "$work/vitest.seconds")")\n"
phase_done "Waiting for the client checks"
cat "$work/client.log" >&2
client_total=0
while read -r _ c_passed c_failed; do count "$c_passed" "$c_failed"; client_total=$((client_total + 1)); done <"$work/client.counts"
[ "$client_total" -eq 3 ] || { echo "Only $client_total of 3 client checks reported" >&2; count 0 $((3 - client_total)); }

# ---------------------------------------------------------------- browser
log "Browser tests against the real API (fresh SQLite database)"
port="${OKR_E2E_PORT:-5099}"
# Time is an input: the API's clock and the browser's start at this instant, whatever the date of the run.
export OKR_E2E_NOW="${OKR_E2E_NOW:-2026-11-22T12:00:00Z}"
mkdir -p "$work/app"
# The browser tests sign in as the same demo people from one address, far more often than a person would: the
# sign-in throttle's limits are raised for them (the auth suite proves the limits; ADR 0016).
ASPNETCORE_ENVIRONMENT=Development \
  dotnet src/Okr.Api/bin/Release/net10.0/Okr.Api.dll --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Okr="Data Source=$work/app/okr.db" --Demo:Password="Demo-Okr-2026" \
  --Clock:Start="$OKR_E2E_NOW" --Webhooks:AllowedHosts:0=hooks.e2e.test \
  --SignIn:Throttle:ClientPermits=100000 --SignIn:Throttle:AccountPermits=100000 --SignIn:Throttle:AnonymousGraphQLPermits=100000 \
  --contentRoot "$repo/src/Okr.Api" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 0.5
done
if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  (cd client && OKR_E2E_URL="http://127.0.0.1:$port" OKR_E2E_ARTIFACTS="$artifacts" \
    node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stderr \
      --test-reporter=tap --test-reporter-destination="$work/e2e.tap" e2e/) || true
  e2e_passed=$(grep -E '^# pass ' "$work/e2e.tap" | awk '{print $3}')
  e2e_failed=$(grep -E '^# fail ' "$work/e2e.tap" | awk '{print $3}')
  count "${e2e_passed:-0}" "${e2e_failed:-1}"
else
  echo "The API did not become healthy:" >&2
  tail -40 "$work/api.log" >&2
  count 0 1
fi
kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; api_pid=""
echo "Screenshots: $artifacts" >&2
phase_done "Browser tests"

log "Timings"
printf "$timings" | tee "$artifacts/timings.txt" >&2
printf '%-44s %5d s\n' "Total" "$SECONDS" | tee -a "$artifacts/timings.txt" >&2

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
