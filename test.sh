#!/usr/bin/env bash
# Runs every test of the solution, the way CI does, and ends with one line: "N passed, N failed, N skipped".
#
#   1. installs what the tests need and the machine lacks (Debian packages, apt-get only for what is absent);
#   2. uses the PostgreSQL server in $SCS_TEST_POSTGRES, or starts a throwaway one from its binaries on a free port;
#   3. builds the solution once (Release), then runs each test project with --no-build: the Domain tests once
#      (no database), every other test project twice (SCS_TEST_DATABASE=Sqlite, then Postgres);
#   4. smoke-tests the configuration path through environment variables (CLI `db migrate` on PostgreSQL, the web
#      app's /health and / on PostgreSQL and on SQLite, the CLI on a bad connection string) and the production
#      guide (scripts/production-check.sh: publish, migrate, start outside Development, a styled page and a PDF);
#   5. adds up the TRX files and the smoke checks. Exit code 0 only when nothing failed.
#
# Usage: ./test.sh [--skip-build] [--no-smoke] [--sqlite-only | --postgres-only] [PROJECT-FILTER ...]
#   PROJECT-FILTER  run only test projects whose name contains one of these words (e.g. ./test.sh Domain Cli)
# Environment:
#   SCS_TEST_POSTGRES   admin connection string of a running PostgreSQL (no throwaway server is started)
#   SCS_CHROMIUM        browser for the browser tests (default /usr/bin/chromium)
#   SCS_TEST_RESULTS    folder for the TRX files (default TestResults/test.sh)
#   SCS_TEST_TIMEOUT    seconds one `dotnet test` run may take before it is killed (default 1500)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker processes left behind after the build (they would hold this script's output open).
export MSBUILDDISABLENODEREUSE=1

CONFIGURATION=Release
SKIP_BUILD=0
RUN_SMOKE=1
PROVIDERS=(Sqlite Postgres)
FILTERS=()
NO_DB_PROJECTS=" SmartCitiesStudy.Domain.Tests "
RUN_TIMEOUT="${SCS_TEST_TIMEOUT:-1500}"

while (($#)); do
  case "$1" in
    --skip-build) SKIP_BUILD=1 ;;
    --no-smoke) RUN_SMOKE=0 ;;
    --sqlite-only) PROVIDERS=(Sqlite) ;;
    --postgres-only) PROVIDERS=(Postgres) ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "test.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) FILTERS+=("$1") ;;
  esac
  shift
done

# ---------------------------------------------------------------------------------------------------------------
# Bookkeeping: results, timings, clean-up
# ---------------------------------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/scs-test.XXXXXX")"
RESULTS="${SCS_TEST_RESULTS:-$ROOT/TestResults/test.sh}"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
SUMMARY_LINES=()
SUMMARY_PRINTED=0
CHILD_PID=""        # the `dotnet build/test` running now (its own process group, through timeout)
WEB_PIDS=()         # web apps started for the smoke checks (each leads its own process group)
PG_DIR=""           # throwaway PostgreSQL cluster (empty when an external server is used)
PG_BIN=""
CLEANED=0
SCRIPT_START=$(date +%s)

log() { printf '\n==> %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }
elapsed() { echo $(($(date +%s) - $1)); }

record() { # record STATUS(pass|fail) NAME DETAIL  — one smoke check or a crashed run, counted as one test
  local line
  if [[ $1 == pass ]]; then
    TOTAL_PASSED=$((TOTAL_PASSED + 1))
    line=$(printf '  %-52s %s' "$2" "passed  $3")
  else
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    line=$(printf '  %-52s %s' "$2" "FAILED  $3")
  fi
  SUMMARY_LINES+=("$line")
  echo "$line"
}

as_pg() { # run a PostgreSQL binary as the postgres OS user when we are root (the server refuses root)
  if [[ $(id -u) -eq 0 ]]; then
    (cd "${PG_DIR:-/}" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

stop_web() { # stop_web PID: SIGTERM the process group, SIGKILL after 10 s
  local pid=$1 i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  if [[ -n $CHILD_PID ]]; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true   # timeout passes it on to the whole dotnet process group
    wait "$CHILD_PID" 2>/dev/null || true
    CHILD_PID=""
  fi
  local pid
  for pid in "${WEB_PIDS[@]+"${WEB_PIDS[@]}"}"; do stop_web "$pid"; done
  WEB_PIDS=()
  if [[ -n $PG_DIR ]]; then
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || kill -KILL "$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null)" 2>/dev/null || true
    fi
    rm -rf "$PG_DIR"
  fi
  rm -rf "$WORK"
}

print_totals() {
  local line="$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  if ((TOTAL_SKIPPED > 0)); then line+=", $TOTAL_SKIPPED skipped"; fi
  SUMMARY_PRINTED=1
  echo "$line"
}

on_exit() {
  local rc=$?
  cleanup
  if ((!SUMMARY_PRINTED)); then
    # Interrupted or an unexpected error: still end with the totals line, counting the abort as a failure.
    echo "test.sh: aborted (exit code $rc) after $(elapsed "$SCRIPT_START") s" >&2
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    print_totals
    ((rc == 0)) && rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

run_guarded() { # run_guarded SECONDS CMD...: in the background under timeout, so Ctrl-C and the trap can stop it
  local seconds=$1 rc=0
  shift
  timeout -k 20 "$seconds" "$@" &
  CHILD_PID=$!
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

http_status() { # http_status URL -> prints the status code after redirects (000 when unreachable)
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -L --max-time 15 -w '%{http_code}' "$1" || true
  else
    python3 - "$1" <<'PY' || echo 000
import sys, urllib.request, urllib.error
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=15).status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
PY
  fi
}

with_database() { # with_database NPGSQL-CONNECTION-STRING NAME -> the same server, another database
  python3 - "$1" "$2" <<'PY'
import sys
parts = [p for p in sys.argv[1].split(";") if p.strip()]
keep = [p for p in parts if p.split("=", 1)[0].strip().lower() not in ("database", "db", "initial catalog")]
print(";".join(keep + ["Database=" + sys.argv[2]]))
PY
}

# ---------------------------------------------------------------------------------------------------------------
# 1. What the tests need from the machine
# ---------------------------------------------------------------------------------------------------------------
step=$(date +%s)
log "Checking machine prerequisites"
command -v dotnet >/dev/null 2>&1 || { warn "the .NET SDK (dotnet) is not on PATH"; exit 1; }
command -v python3 >/dev/null 2>&1 || { warn "python3 is needed to read the TRX files"; exit 1; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else SUDO=(false); fi
fi
APT_UPDATED=0
have_pkg() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }
apt_install() { # apt_install PKG...: installs those of PKG that are absent and that apt knows; never fatal
  command -v apt-get >/dev/null 2>&1 || { warn "no apt-get: cannot install $*"; return 0; }
  local missing=() p
  for p in "$@"; do if ! have_pkg "$p"; then missing+=("$p"); fi; done
  ((${#missing[@]})) || return 0
  if [[ ${SUDO[0]:-} == false ]]; then warn "not root and no password-less sudo: cannot install ${missing[*]}"; return 0; fi
  if ((!APT_UPDATED)); then
    echo "apt-get update (missing: ${missing[*]})"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || warn "apt-get update failed"
    APT_UPDATED=1
  fi
  local installable=()
  for p in "${missing[@]}"; do
    if apt-cache show "$p" >/dev/null 2>&1; then installable+=("$p"); else warn "apt has no package $p"; fi
  done
  ((${#installable[@]})) || return 0
  echo "apt-get install ${installable[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${installable[@]}" \
    || warn "apt-get install ${installable[*]} failed"
}

if command -v dpkg >/dev/null 2>&1; then
  NEEDED=(fonts-noto-core fonts-noto-cjk poppler-utils)
  if [[ -z ${SCS_CHROMIUM:-} && ! -x /usr/bin/chromium ]]; then NEEDED=(chromium "${NEEDED[@]}"); fi
  apt_install "${NEEDED[@]}"
else
  warn "not a Debian-like machine: make sure Chromium, Noto fonts and poppler-utils are installed"
fi

# The browser: $SCS_CHROMIUM, Debian's /usr/bin/chromium, or (Ubuntu, where `chromium` is a snap) a Chrome build.
if [[ -z ${SCS_CHROMIUM:-} && ! -x /usr/bin/chromium ]]; then
  for candidate in google-chrome-stable google-chrome chromium-browser chrome; do
    if path=$(command -v "$candidate" 2>/dev/null) && [[ $path != /snap/* ]]; then
      export SCS_CHROMIUM="$path"
      break
    fi
  done
fi
echo "browser: ${SCS_CHROMIUM:-/usr/bin/chromium}$([[ -x ${SCS_CHROMIUM:-/usr/bin/chromium} ]] || echo ' (MISSING: browser tests will fail)')"
echo "took $(elapsed "$step") s"

# ---------------------------------------------------------------------------------------------------------------
# 2. PostgreSQL: the given server, or a throwaway one
# ---------------------------------------------------------------------------------------------------------------
find_pg_bin() {
  local d
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(command -v initdb)")
    [[ -x $d/pg_ctl && -x $d/postgres ]] && { echo "$d"; return 0; }
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && { echo "$d"; return 0; }
  done
  return 1
}

start_throwaway_postgres() {
  PG_BIN=$(find_pg_bin) || { apt_install postgresql; PG_BIN=$(find_pg_bin) || return 1; }
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/scs-pg.XXXXXX")"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  # C.UTF-8 keeps lower()/upper() and ILIKE right for accented letters; plain C where that locale is missing.
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
    rm -rf "$PG_DIR/data"
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  fi
  local attempt port
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      export SCS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') from $PG_BIN on port $port (data in $PG_DIR)"
      return 0
    fi
    warn "PostgreSQL did not start on port $port (attempt $attempt):"
    tail -5 "$PG_DIR/server.log" >&2 || true
  done
  return 1
}

step=$(date +%s)
NEED_POSTGRES=0
if [[ " ${PROVIDERS[*]} " == *" Postgres "* ]] || ((RUN_SMOKE)); then NEED_POSTGRES=1; fi
if [[ -n ${SCS_TEST_POSTGRES:-} ]]; then
  log "PostgreSQL: using SCS_TEST_POSTGRES (no server started)"
elif ((NEED_POSTGRES)); then
  log "PostgreSQL: starting a throwaway server"
  start_throwaway_postgres || warn "could not start PostgreSQL: the PostgreSQL runs and smoke checks will fail"
fi
echo "took $(elapsed "$step") s"

# ---------------------------------------------------------------------------------------------------------------
# 3. Build once, then every test project (per provider) with --no-build
# ---------------------------------------------------------------------------------------------------------------
BUILD_OK=1
if ((SKIP_BUILD)); then
  log "Build skipped (--skip-build)"
else
  step=$(date +%s)
  log "dotnet build SmartCitiesStudy.sln -c $CONFIGURATION"
  if ! run_guarded 1200 dotnet build SmartCitiesStudy.sln -c "$CONFIGURATION" -nologo -v minimal -nodeReuse:false; then
    BUILD_OK=0
  fi
  echo "build took $(elapsed "$step") s"
fi

if ((!BUILD_OK)); then
  echo
  echo "BUILD FAILED: no tests were run (see the errors above)."
  record fail "dotnet build SmartCitiesStudy.sln -c $CONFIGURATION" "(no tests run)"
  cleanup
  print_totals
  exit 1
fi

trx_counts() { # trx_counts FILE -> "passed failed skipped" and failed test names on the next lines
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = {"t": root.tag.split("}")[0].strip("{")} if root.tag.startswith("{") else {}
q = (lambda tag: "t:" + tag) if ns else (lambda tag: tag)
c = root.find(".//" + q("Counters"), ns)
n = lambda k: int(c.get(k, 0)) if c is not None else 0
failed = n("failed") + n("error") + n("timeout") + n("aborted")
total, executed = n("total"), n("executed")
skipped = n("notExecuted") or max(total - executed, 0)
print(n("passed"), failed, skipped)
for r in root.iter():
    if r.tag.endswith("UnitTestResult") and r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
        print("      - " + r.get("testName", "?"))
PY
}

PROJECTS=()
for csproj in tests/*/*.csproj; do
  [[ -e $csproj ]] || continue
  name=$(basename "$csproj" .csproj)
  if ((${#FILTERS[@]})); then
    keep=0
    for f in "${FILTERS[@]}"; do if [[ $name == *"$f"* ]]; then keep=1; fi; done
    ((keep)) || continue
  fi
  PROJECTS+=("$csproj")
done
((${#PROJECTS[@]})) || warn "no test project found under tests/*/"

TMPDIR_TESTS="$WORK/tmp"  # the tests' SQLite files and other temporary files go away with $WORK
mkdir -p "$TMPDIR_TESTS"

for csproj in "${PROJECTS[@]+"${PROJECTS[@]}"}"; do
  name=$(basename "$csproj" .csproj)
  if [[ $NO_DB_PROJECTS == *" $name "* ]]; then runs=(none); else runs=("${PROVIDERS[@]}"); fi
  for provider in "${runs[@]}"; do
    if [[ $provider == none ]]; then label=$name; else label="$name [$provider]"; fi
    trx="$name.${provider/#none/nodb}.trx"
    step=$(date +%s)
    log "dotnet test $label"
    rc=0
    SCS_TEST_DATABASE="${provider/#none/Sqlite}" TMPDIR="$TMPDIR_TESTS" \
      run_guarded "$RUN_TIMEOUT" dotnet test "$csproj" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$trx" --results-directory "$RESULTS" || rc=$?
    secs=$(elapsed "$step")
    echo "took $secs s (exit code $rc)"
    if [[ -f $RESULTS/$trx ]] && counts=$(trx_counts "$RESULTS/$trx" 2>"$WORK/trx.err"); then
      read -r p f s <<<"$(head -1 <<<"$counts")"
      if ((rc != 0 && f == 0)); then
        f=1  # the run failed without a failed test in the TRX (crash, timeout, no tests found...)
        counts+=$'\n'"      - run exited with code $rc"
      fi
      retried=""
      if [[ $name == *BrowserTests ]] && ((f > 0 && rc != 124 && rc != 137)); then
        # Browser tests drive a real browser against a real server on a loaded 2-core machine: a failed one is run
        # once more, alone. It counts as passed only if it passes then, and the summary says it needed a retry.
        mapfile -t failed_names < <(tail -n +2 <<<"$counts" | sed -n 's/^      - \(SmartCitiesStudy[^ (]*\).*/\1/p')
        if ((${#failed_names[@]} > 0 && ${#failed_names[@]} == f)); then
          filter=$(printf 'FullyQualifiedName=%s|' "${failed_names[@]}"); filter=${filter%|}
          log "dotnet test $label: running the ${#failed_names[@]} failed test(s) once more"
          retry_trx="$name.${provider/#none/nodb}.retry.trx"
          SCS_TEST_DATABASE="${provider/#none/Sqlite}" TMPDIR="$TMPDIR_TESTS" \
            run_guarded "$RUN_TIMEOUT" dotnet test "$csproj" -c "$CONFIGURATION" --no-build --nologo --filter "$filter" \
              --logger "trx;LogFileName=$retry_trx" --results-directory "$RESULTS" || true
          if [[ -f $RESULTS/$retry_trx ]] && retry_counts=$(trx_counts "$RESULTS/$retry_trx" 2>/dev/null); then
            read -r rp rf _ <<<"$(head -1 <<<"$retry_counts")"
            if ((rf == 0 && rp == f)); then
              p=$((p + f)); f=0
              retried="  (${#failed_names[@]} passed only on retry: ${failed_names[*]##*.})"
            fi
          fi
        fi
      fi
      TOTAL_PASSED=$((TOTAL_PASSED + p)); TOTAL_FAILED=$((TOTAL_FAILED + f)); TOTAL_SKIPPED=$((TOTAL_SKIPPED + s))
      SUMMARY_LINES+=("$(printf '  %-52s %5d passed %3d failed %3d skipped  %4d s%s' "$label" "$p" "$f" "$s" "$secs" "$retried")")
      if ((f > 0)); then
        while IFS= read -r l; do SUMMARY_LINES+=("$l"); done < <(tail -n +2 <<<"$counts" | head -30)
      fi
    else
      if ((rc == 124 || rc == 137)); then why="timed out after $RUN_TIMEOUT s"; else why="exit code $rc, no readable TRX"; fi
      record fail "$label" "($why; counted as 1 failed)"
    fi
  done
done

# ---------------------------------------------------------------------------------------------------------------
# 4. Smoke checks: configuration through environment variables, the built CLI and web app
# ---------------------------------------------------------------------------------------------------------------
CLI_DLL="src/SmartCitiesStudy.Cli/bin/$CONFIGURATION/net10.0/SmartCitiesStudy.Cli.dll"
WEB_DIR="src/SmartCitiesStudy.Web"
WEB_DLL="$ROOT/$WEB_DIR/bin/$CONFIGURATION/net10.0/SmartCitiesStudy.Web.dll"

web_smoke() { # web_smoke LABEL PROVIDER CONNECTION-STRING
  local label=$1 provider=$2 connection=$3 port url pid code i out="$WORK/web-$2.log" waited
  if [[ ! -f $WEB_DLL ]]; then record fail "$label" "($WEB_DLL not built)"; return; fi
  port=$(free_port)
  url="http://127.0.0.1:$port"
  # The working directory is the project folder, so the content root and static web assets resolve as in `dotnet run`.
  (cd "$ROOT/$WEB_DIR" && ASPNETCORE_ENVIRONMENT=Development Database__Provider="$provider" \
    ConnectionStrings__Default="$connection" exec setsid dotnet "$WEB_DLL" --urls "$url") >"$out" 2>&1 &
  pid=$!
  WEB_PIDS+=("$pid")
  code=000
  waited=$(date +%s)
  for ((i = 0; i < 120; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    code=$(http_status "$url/health")
    [[ $code == 200 ]] && break
    if (($(date +%s) - waited >= 60)); then break; fi
    sleep 0.5
  done
  if [[ $code != 200 ]]; then
    record fail "$label" "(/health answered $code within 60 s)"
    echo "--- web app log (last 30 lines) ---"; tail -30 "$out" || true
  else
    local home
    home=$(http_status "$url/")
    if [[ $home == 200 ]]; then
      record pass "$label" "(/health 200 after $(elapsed "$waited") s, / 200)"
    else
      record fail "$label" "(/health 200, / answered $home)"
      echo "--- web app log (last 30 lines) ---"; tail -30 "$out" || true
    fi
  fi
  stop_web "$pid"
  WEB_PIDS=()  # one web app at a time
}

if ((RUN_SMOKE)); then
  step=$(date +%s)
  log "Smoke checks"
  SMOKE_DB="scs_smoke_$(date +%s)_$$"
  if [[ -n ${SCS_TEST_POSTGRES:-} ]]; then
    PG_SMOKE=$(with_database "$SCS_TEST_POSTGRES" "$SMOKE_DB")
  else
    PG_SMOKE=""
  fi

  # (a) CLI `db migrate` on a fresh PostgreSQL database, twice (the second run must be a no-op).
  label="smoke: CLI db migrate x2 [Postgres, env vars]"
  if [[ ! -f $CLI_DLL ]]; then
    record fail "$label" "($CLI_DLL not built)"
  elif [[ -z $PG_SMOKE ]]; then
    record fail "$label" "(no PostgreSQL server)"
  else
    ok=1
    for attempt in 1 2; do
      rc=0
      Database__Provider=Postgres ConnectionStrings__Default="$PG_SMOKE" \
        timeout -k 10 180 dotnet "$CLI_DLL" db migrate >"$WORK/migrate$attempt.log" 2>&1 || rc=$?
      if ((rc != 0)); then
        ok=0
        echo "db migrate run $attempt exited $rc:"; tail -20 "$WORK/migrate$attempt.log"
        break
      fi
    done
    if ((ok)); then record pass "$label" "(exit 0 twice)"; else record fail "$label" "(run $attempt exited $rc)"; fi
  fi

  # (b) web app on that PostgreSQL database; (c) web app on a fresh SQLite file.
  if [[ -n $PG_SMOKE ]]; then
    web_smoke "smoke: web /health and / [Postgres, env vars]" Postgres "$PG_SMOKE"
  else
    record fail "smoke: web /health and / [Postgres, env vars]" "(no PostgreSQL server)"
  fi
  web_smoke "smoke: web /health and / [Sqlite, env vars]" Sqlite "Data Source=$WORK/smoke.db"

  # (d) CLI on an unreachable server: non-zero exit code and one clear message, no stack trace.
  label="smoke: CLI bad connection string fails cleanly"
  if [[ ! -f $CLI_DLL ]]; then
    record fail "$label" "($CLI_DLL not built)"
  else
    rc=0
    Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=3" \
      timeout -k 10 120 dotnet "$CLI_DLL" db migrate >"$WORK/bad.log" 2>&1 || rc=$?
    if ((rc == 0)); then
      record fail "$label" "(exit code 0)"
    elif ((rc == 124 || rc == 137)); then
      record fail "$label" "(timed out)"
    elif grep -qE '^ +at ' "$WORK/bad.log"; then
      record fail "$label" "(exit $rc, but printed a stack trace)"
      head -20 "$WORK/bad.log"
    else
      record pass "$label" "(exit $rc: $(head -c 120 "$WORK/bad.log" | head -1))"
    fi
  fi

  # (e) The production guide: published apps, `db migrate`, outside Development with a key certificate (and refused
  # without one), /health/ready, a styled page, the study PDF. On PostgreSQL when there is one, as in production.
  label="smoke: production-check.sh [publish, Production]"
  if [[ -n $PG_SMOKE ]]; then
    prod_args=(--postgres "$(with_database "$SCS_TEST_POSTGRES" "${SMOKE_DB}_prod")")
  else
    prod_args=()
  fi
  rc=0
  TMPDIR="$WORK" timeout -k 10 600 scripts/production-check.sh --no-build "${prod_args[@]+"${prod_args[@]}"}" \
    >"$WORK/production.log" 2>&1 || rc=$?
  if ((rc == 0)); then
    record pass "$label" "($(tail -1 "$WORK/production.log" | sed 's/^production-check: passed (\(.*\))$/\1/'))"
  else
    record fail "$label" "(exit $rc: $(grep -m1 '^production-check: FAILED' "$WORK/production.log" || echo 'see the log above'))"
    tail -40 "$WORK/production.log"
  fi

  # Leave nothing behind on a shared server (the throwaway server is deleted as a whole).
  if [[ -z $PG_DIR && -n $PG_SMOKE ]] && command -v psql >/dev/null 2>&1; then
    python3 - "$SCS_TEST_POSTGRES" <<'PY' >"$WORK/psql.env" 2>/dev/null || true
import sys
m = {"host": "PGHOST", "server": "PGHOST", "port": "PGPORT", "username": "PGUSER", "user id": "PGUSER",
     "userid": "PGUSER", "user": "PGUSER", "password": "PGPASSWORD", "database": "PGDATABASE", "db": "PGDATABASE"}
for part in sys.argv[1].split(";"):
    if "=" in part:
        k, v = part.split("=", 1)
        if k.strip().lower() in m:
            print("export %s=%s" % (m[k.strip().lower()], "'" + v.strip().replace("'", "'\\''") + "'"))
PY
    (source "$WORK/psql.env" && timeout 30 psql -q -c "DROP DATABASE IF EXISTS \"$SMOKE_DB\" WITH (FORCE)") >/dev/null 2>&1 || true
    (source "$WORK/psql.env" && timeout 30 psql -q -c "DROP DATABASE IF EXISTS \"${SMOKE_DB}_prod\" WITH (FORCE)") >/dev/null 2>&1 || true
  fi
  echo "smoke checks took $(elapsed "$step") s"
fi

# ---------------------------------------------------------------------------------------------------------------
# 5. Summary
# ---------------------------------------------------------------------------------------------------------------
cleanup
echo
echo "Summary (TRX files in ${RESULTS#"$ROOT"/}, total $(elapsed "$SCRIPT_START") s):"
printf '%s\n' "${SUMMARY_LINES[@]+"${SUMMARY_LINES[@]}"}"
print_totals
((TOTAL_FAILED == 0))
