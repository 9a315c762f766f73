#!/usr/bin/env bash
# The production guide (README "Production without Docker"), step by step, on this machine:
#   1. `dotnet publish` the web app and the CLI (Release) into a temporary folder;
#   2. a certificate for the Data Protection keys (a PEM pair made with openssl, as the guide says);
#   3. `db migrate` with the published CLI: a fresh SQLite file, or a PostgreSQL database (--postgres);
#   4. the published web app outside Development WITHOUT the certificate: must refuse to start, naming the setting;
#   5. the published web app with ASPNETCORE_ENVIRONMENT=Production and the certificate: /health/ready 200, styled
#      pages (each stylesheet they link answers 200 and is not empty, the Blazor script too), the 2017 study PDF
#      (starts with %PDF-), and the stored Data Protection keys are encrypted.
# Ends with one line "production-check: passed (…)" and exit code 0, or "production-check: FAILED at …" and 1.
#
# Usage: scripts/production-check.sh [--no-build] [--postgres CONNECTION-STRING] [--keep]
#   --no-build   publish what the last `dotnet build -c Release` built (./test.sh has just built it)
#   --postgres   an ADO.NET connection string to an empty (or missing-tables) PostgreSQL database; default SQLite
#   --keep       leave the work folder (published apps, database, logs) for a look afterwards
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

NO_BUILD=()
PROVIDER=Sqlite
CONNECTION=""
KEEP=0
while (($#)); do
  case "$1" in
    --no-build) NO_BUILD=(--no-build) ;;
    --postgres) PROVIDER=Postgres; CONNECTION=${2:?--postgres needs a connection string}; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "production-check: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in dotnet curl openssl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "production-check: FAILED at prerequisites: $tool is not installed"; exit 1; }
done
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scs-production.XXXXXX")
WEB_PID=""
START=$(date +%s)
cleanup() {
  if [[ -n $WEB_PID ]]; then
    kill -TERM "$WEB_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$WEB_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$WEB_PID" 2>/dev/null || true
  fi
  if ((KEEP)); then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
fail() { # fail STEP DETAIL [LOG]
  echo "production-check: FAILED at $1: $2"
  if [[ -n ${3:-} && -f $3 ]]; then echo "--- $3 (last 30 lines) ---"; tail -30 "$3"; fi
  exit 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# 1. Publish (the output serves the static files outside Development; a plain build output does not).
for project in Web Cli; do
  dotnet publish "src/SmartCitiesStudy.$project/SmartCitiesStudy.$project.csproj" -c Release "${NO_BUILD[@]}" \
    -p:UseAppHost=false -o "$WORK/$project" -nologo -v quiet >"$WORK/publish-$project.log" 2>&1 \
    || fail "publish $project" "dotnet publish failed" "$WORK/publish-$project.log"
done
[[ -f $WORK/Web/SmartCitiesStudy.Web.staticwebassets.endpoints.json ]] || fail "publish Web" "no static web assets in the output"

# 2. The key certificate: a PEM certificate and its key (README "Data Protection keys").
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=SmartCitiesStudy keys" \
  -keyout "$WORK/dataprotection.key" -out "$WORK/dataprotection.crt" >"$WORK/openssl.log" 2>&1 \
  || fail "certificate" "openssl req failed" "$WORK/openssl.log"

# 3. Schema and reference data with the published CLI.
if [[ $PROVIDER == Sqlite ]]; then CONNECTION="Data Source=$WORK/smartcities.db"; fi
export Database__Provider=$PROVIDER ConnectionStrings__Default=$CONNECTION
# Only the settings of this guide: none of the caller's own key or environment settings.
unset ASPNETCORE_ENVIRONMENT DOTNET_ENVIRONMENT DataProtection__Certificate__Path DataProtection__Certificate__KeyPath \
  DataProtection__Certificate__Password DataProtection__AllowUnencryptedKeys
(cd "$WORK/Cli" && timeout 180 dotnet SmartCitiesStudy.Cli.dll db migrate) >"$WORK/migrate.log" 2>&1 \
  || fail "db migrate" "the published CLI failed" "$WORK/migrate.log"

# 4. Outside Development without the certificate: one line naming the setting, exit code 1.
rc=0
(cd "$WORK/Web" && ASPNETCORE_ENVIRONMENT=Production timeout 60 dotnet SmartCitiesStudy.Web.dll --urls "http://127.0.0.1:$(free_port)") \
  >"$WORK/refused.log" 2>&1 || rc=$?
((rc == 1)) || fail "start without a certificate" "exit code $rc, expected 1" "$WORK/refused.log"
grep -q '^Cannot start: .*DataProtection:Certificate:Path' "$WORK/refused.log" \
  || fail "start without a certificate" "no one-line message naming DataProtection:Certificate:Path" "$WORK/refused.log"

# 5. Production, with the certificate.
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
(cd "$WORK/Web" && ASPNETCORE_ENVIRONMENT=Production \
  DataProtection__Certificate__Path="$WORK/dataprotection.crt" DataProtection__Certificate__KeyPath="$WORK/dataprotection.key" \
  exec dotnet SmartCitiesStudy.Web.dll --urls "$URL") >"$WORK/web.log" 2>&1 &
WEB_PID=$!
ready=000
for _ in $(seq 1 120); do
  kill -0 "$WEB_PID" 2>/dev/null || fail "start" "the web app exited" "$WORK/web.log"
  ready=$(curl -s -o "$WORK/ready.json" -w '%{http_code}' --max-time 20 "$URL/health/ready" || true)
  [[ $ready == 200 ]] && break
  sleep 0.5
done
[[ $ready == 200 ]] || fail "/health/ready" "answered $ready: $(cat "$WORK/ready.json" 2>/dev/null)" "$WORK/web.log"

checked_css=0
for page in / /Account/Login; do
  html=$(curl -fsS --max-time 30 "$URL$page") || fail "GET $page" "not 200" "$WORK/web.log"
  mapfile -t sheets < <(grep -oE '<link[^>]+rel="stylesheet"[^>]*>' <<<"$html" | sed -nE 's/.*href="([^"]+)".*/\1/p')
  ((${#sheets[@]})) || fail "GET $page" "links no stylesheet"
  for sheet in "${sheets[@]}"; do
    [[ $sheet == http* ]] && continue
    [[ $sheet == /* ]] || sheet="/$sheet"
    size=$(curl -fsS --max-time 30 -o "$WORK/sheet.css" -w '%{size_download}' "$URL$sheet") || fail "GET $sheet (from $page)" "not 200"
    ((size > 0)) || fail "GET $sheet (from $page)" "empty"
    checked_css=$((checked_css + 1))
  done
done
blazor=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$URL/_framework/blazor.web.js")
[[ $blazor == 200 ]] || fail "GET /_framework/blazor.web.js" "answered $blazor (the pages would never go interactive)"

pdf=$(curl -s -o "$WORK/study.pdf" -w '%{http_code}' --max-time 150 "$URL/editions/2017/report.pdf?lang=en")
[[ $pdf == 200 ]] || fail "GET /editions/2017/report.pdf?lang=en" "answered $pdf" "$WORK/web.log"
[[ $(head -c 5 "$WORK/study.pdf") == %PDF- ]] || fail "GET /editions/2017/report.pdf?lang=en" "not a PDF"

if [[ $PROVIDER == Sqlite ]]; then
  python3 - "$WORK/smartcities.db" <<'PY' || fail "stored keys" "a Data Protection key is stored unencrypted"
import sqlite3, sys
rows = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("select xml from data_protection_keys")]
sys.exit(0 if rows and all("encryptedSecret" in x and "<value>" not in x for x in rows) else 1)
PY
fi

echo "production-check: passed ($PROVIDER; publish, db migrate, refused without a certificate, /health/ready, $checked_css stylesheets, blazor.web.js, study PDF $(stat -c %s "$WORK/study.pdf") bytes; $(($(date +%s) - START)) s)"
