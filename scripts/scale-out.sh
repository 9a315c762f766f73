#!/usr/bin/env bash
# Two instances of the portal behind nginx on one PostgreSQL, on loopback, and traffic through them.
#
#   scripts/scale-out.sh [--keep]            # starts everything, checks, measures, stops (or keeps it running)
#
# Uses SCS_SCALE_POSTGRES (an ADO.NET connection string to an empty or existing database) or starts a throwaway
# PostgreSQL from the Debian binaries (as ./test.sh does). Needs nginx (apt: nginx-light) and, for the load, wrk.
# Instances: http://127.0.0.1:5101 and :5102; nginx: http://127.0.0.1:8080 with sticky sessions (hash of the client
# address and user agent, so a Blazor circuit's negotiate and WebSocket reach the same instance) and the reader
# cache of scripts/nginx-cache.conf (proxy_cache, the stand-in for a CDN; ADR 0015).
# Checks: both healthy; a sign-in form fetched from one instance and posted to the other works (antiforgery and
# sign-in cookies are protected with the Data Protection keys stored in the database); the signed-in cookie from
# instance 1 opens the portal on instance 2; the WebSocket upgrade passes nginx; a second anonymous request is a
# cache HIT, signed-in ones BYPASS it; bytes on the wire per public page type against their budgets; a reopening and
# a publication show through the cache within HttpCache:SharedMaxAgeSeconds (SCS_SCALE_SMAXAGE, default 10 here);
# wrk on the indicators page against one instance alone and through the nginx cache, in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
KEEP=0; [[ ${1:-} == --keep ]] && KEEP=1
SMAXAGE=${SCS_SCALE_SMAXAGE:-10}      # HttpCache:SharedMaxAgeSeconds of the instances: how long nginx keeps a page
WORK=$(mktemp -d /tmp/scs-scale.XXXXXX)
PIDS=()
cleanup() {
  [[ $KEEP -eq 1 ]] && { echo "kept running; work dir $WORK (kill ${PIDS[*]:-} and nginx -s stop -p $WORK/nginx)"; return; }
  for p in "${PIDS[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null || true; done
  [[ -f $WORK/nginx/nginx.pid ]] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  if [[ -n ${PG_BIN:-} ]]; then (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1) || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx-light)"; exit 1; }

if [[ -z ${SCS_SCALE_POSTGRES:-} ]]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x $PG_BIN/initdb ]] || { echo "no PostgreSQL binaries (apt-get install postgresql) and no SCS_SCALE_POSTGRES"; exit 1; }
  mkdir -p "$WORK/pg"; chown postgres "$WORK" "$WORK/pg"
  (cd / && runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null)
  (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p 54340 -k /tmp" -l "$WORK/pg.log" -w start >/dev/null)
  SCS_SCALE_POSTGRES="Host=127.0.0.1;Port=54340;Username=postgres;Database=scs_scale"
fi

dotnet build src/SmartCitiesStudy.Web -c Release -v q -nologo >/dev/null
APP=src/SmartCitiesStudy.Web/bin/Release/net10.0/SmartCitiesStudy.Web.dll
# Both instances encrypt and read the Data Protection keys with one certificate (ADR 0012): a throwaway PEM pair.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=scale-out keys" \
  -keyout "$WORK/keys.key" -out "$WORK/keys.crt" >/dev/null 2>&1
start_instance() { # PORT MIGRATE
  DataProtection__Certificate__Path="$WORK/keys.crt" DataProtection__Certificate__KeyPath="$WORK/keys.key" \
  Database__Provider=Postgres ConnectionStrings__Default="$SCS_SCALE_POSTGRES" \
  Database__MigrateOnStart=$2 Database__SeedDemoData=$2 Hosting__BehindProxy=true RateLimiting__Enabled=false \
  HttpCache__SharedMaxAgeSeconds=$SMAXAGE \
  ASPNETCORE_URLS="http://127.0.0.1:$1" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$APP" >"$WORK/app-$1.log" 2>&1 &
  PIDS+=($!)
}
wait_healthy() { for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.5; done; echo "instance $1 did not start:"; tail -20 "$WORK/app-$1.log"; exit 1; }

start_instance 5101 true;  wait_healthy 5101   # the first one migrates and seeds, the second finds it done
start_instance 5102 false; wait_healthy 5102
echo "two instances healthy on one PostgreSQL"

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/cache" "$WORK/nginx/proxy"
# nginx's workers run as an unprivileged user: they must reach and write the cache and the buffers of large responses.
chmod 711 "$WORK" "$WORK/nginx"; chmod 777 "$WORK/nginx/cache" "$WORK/nginx/proxy"
sed -e "s|@CACHE_DIR@|$WORK/nginx/cache|" -e "s|@LISTEN@|127.0.0.1:8080|" scripts/nginx-cache.conf >"$WORK/nginx/cache.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream portal {
    hash \$remote_addr\$http_user_agent consistent;   # sticky: a Blazor circuit stays on its instance
    server 127.0.0.1:5101; server 127.0.0.1:5102;
    keepalive 32;
  }
  include $WORK/nginx/cache.conf;   # the server on :8080 with proxy_cache (scripts/nginx-cache.conf)
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
for _ in $(seq 1 20); do curl -fs http://127.0.0.1:8080/health >/dev/null && break; sleep 0.25; done
echo "nginx on :8080 in front of both"

# Sign in across instances: the form (and its antiforgery cookie and token) from 5101, the POST to 5102.
JAR="$WORK/cookies"
FORM=$(curl -fs -c "$JAR" http://127.0.0.1:5101/Account/Login)
TOKEN=$(sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' <<<"$FORM" | head -1)
[[ -n $TOKEN ]] || { echo "FAIL: no antiforgery token in the sign-in form"; exit 1; }
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" -X POST http://127.0.0.1:5102/Account/Login \
  --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=secretariat@demo.smartcities.local" --data-urlencode "Input.Password=demo-study-2026")
[[ $STATUS == 302 ]] || { echo "FAIL: sign-in posted to the other instance answered $STATUS"; exit 1; }
echo "ok: antiforgery token from instance 1 accepted by instance 2 (sign-in answered $STATUS)"
for port in 5101 5102; do
  CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "http://127.0.0.1:$port/portal/editions")
  [[ $CODE == 200 ]] || { echo "FAIL: the sign-in cookie does not open the portal on $port ($CODE)"; exit 1; }
done
echo "ok: the sign-in cookie opens the portal on both instances"

# The Blazor hub's WebSocket upgrade goes through nginx (negotiate, then 101 Switching Protocols).
NEG=$(curl -fs -b "$JAR" -X POST 'http://127.0.0.1:8080/_blazor/negotiate?negotiateVersion=1' -H 'Content-Length: 0')
CID=$(sed 's/.*"connectionToken":"\([^"]*\)".*/\1/' <<<"$NEG")
UP=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -b "$JAR" -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
  -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "http://127.0.0.1:8080/_blazor?id=$CID" || true)
[[ $UP == 101 ]] && echo "ok: WebSocket upgrade through nginx (101)" || echo "WARN: WebSocket upgrade answered $UP"

# The reader cache (scripts/nginx-cache.conf): a second anonymous request is a HIT; signed-in ones never use it.
PAGE=/editions/2017/indicators
status_of() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | sed -n 's/^X-Cache-Status: //Ip'; }
FIRST=$(status_of -H 'Accept-Encoding: br' "http://127.0.0.1:8080$PAGE?lang=fr")
SECOND=$(status_of -H 'Accept-Encoding: br' "http://127.0.0.1:8080$PAGE?lang=fr")
[[ $SECOND == HIT ]] || { tail -5 "$WORK/nginx/logs/error.log"; echo "FAIL: the second request was a cache $SECOND (first $FIRST), not a HIT"; exit 1; }
echo "ok: reader cache: first request $FIRST, second $SECOND (X-Cache-Status)"
SIGNED=$(status_of -b "$JAR" -H 'Accept-Encoding: br' "http://127.0.0.1:8080$PAGE")
[[ $SIGNED == BYPASS ]] || { echo "FAIL: a signed-in request was a cache $SIGNED"; exit 1; }
CC=$(curl -s -o /dev/null -D - -b "$JAR" "http://127.0.0.1:8080$PAGE" | tr -d '\r' | sed -n 's/^Cache-Control: //Ip')
[[ $CC != *public* ]] || { echo "FAIL: a signed-in page said Cache-Control: $CC"; exit 1; }
echo "ok: signed-in requests bypass the cache (Cache-Control: $CC)"

# Bytes on the wire per public page type, through nginx (budget: indicators page <= 25,000 bytes compressed).
echo "bytes on the wire through nginx (uncompressed / gzip / br) and the budget for br:"
printf '%s\n' "/ 10000" "/editions/2017 15000" "$PAGE 25000" "$PAGE?breakdown=band&lang=es 25000" \
  "/editions/2017/good-practices 15000" "/cities/bilbao 10000" "/api/v1/editions/2017/indicators 10000" \
  "/api/v1/editions/2017/responses.csv 20000" "/openapi/v1.json 10000" >"$WORK/budgets"
while read -r url budget; do
  plain=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:8080$url")
  gz=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "http://127.0.0.1:8080$url")
  br=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: br' "http://127.0.0.1:8080$url")
  verdict=ok; (( br <= budget )) || verdict=OVER
  printf '  %-48s %8s %7s %7s  <= %6s %s\n' "$url" "$plain" "$gz" "$br" "$budget" "$verdict"
  [[ $verdict == ok ]] || { echo "FAIL: $url is $br bytes compressed, over its budget of $budget"; exit 1; }
done <"$WORK/budgets"

# Purge on change: reopening 2012 (as another instance or the secretariat would) takes it off the cached home page
# within the shared max-age plus the instances' check interval (Reader:PublicationCheckSeconds), and publishing
# brings it back.
psql_scs() {
  psql "$(sed -e 's/;/ /g' -e 's/Username=/user=/' -e 's/Host=/host=/' -e 's/Port=/port=/' -e 's/Database=/dbname=/' -e 's/Password=/password=/' <<<"$SCS_SCALE_POSTGRES")" -qtAc "$1"
}
edition_shows() { curl -s http://127.0.0.1:8080/ | grep -q 'href="/editions/2012"'; }
wait_for() { # 1: until 2012 shows, 0: until it does not; prints the seconds it took
  local start=$SECONDS shows
  while (( SECONDS - start < SMAXAGE + 30 )); do
    if edition_shows; then shows=1; else shows=0; fi
    [[ $shows == "$1" ]] && { echo $((SECONDS - start)); return 0; }
    sleep 1
  done
  return 1
}
if command -v psql >/dev/null; then
  edition_shows && edition_shows || { echo "FAIL: the 2012 edition is not on the home page"; exit 1; }
  psql_scs "UPDATE editions SET status = 'Open', version = version + 1 WHERE code = '2012'"
  T=$(wait_for 0) || { echo "FAIL: the reopened 2012 edition was still on the cached home page after $((SMAXAGE + 30)) s"; exit 1; }
  echo "ok: reopening 2012 showed through the cache after ${T} s (s-maxage ${SMAXAGE} s)"
  psql_scs "UPDATE editions SET status = 'Published', version = version + 1 WHERE code = '2012'"
  T=$(wait_for 1) || { echo "FAIL: the published 2012 edition did not come back within $((SMAXAGE + 30)) s"; exit 1; }
  echo "ok: publishing 2012 showed through the cache after ${T} s"
else
  echo "WARN: no psql: the purge-on-change check was skipped"
fi

# Requests/s and p99 of the indicators page: one instance alone (its output cache, compressing every response)
# against the nginx cache, in the same run.
if command -v wrk >/dev/null; then
  cat >"$WORK/p99.lua" <<'EOF'
wrk.headers["Accept-Encoding"] = "br"
done = function(summary, latency, requests)
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms; %.0f requests/s; %d bytes read; errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.bytes, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
EOF
  DURATION=${SCS_SCALE_WRK_SECONDS:-10}
  for target in "one instance alone|http://127.0.0.1:5101" "through the nginx cache|http://127.0.0.1:8080"; do
    curl -fs -H 'Accept-Encoding: br' "${target#*|}$PAGE" >/dev/null   # warm
    echo "wrk -t2 -c50 -d${DURATION}s, Accept-Encoding: br, $PAGE, ${target%%|*}:"
    wrk -t2 -c50 -d"${DURATION}s" -s "$WORK/p99.lua" "${target#*|}$PAGE" | grep -E "^latency|Non-2xx" | sed 's/^/  /'
  done
fi
echo "scale-out check passed"
