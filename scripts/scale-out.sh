#!/usr/bin/env bash
# Two instances of the portal behind nginx on one PostgreSQL, on loopback, and traffic through them.
#
#   scripts/scale-out.sh [--keep]            # starts everything, checks, measures, stops (or keeps it running)
#
# Uses SCS_SCALE_POSTGRES (an ADO.NET connection string to an empty or existing database) or starts a throwaway
# PostgreSQL from the Debian binaries (as ./test.sh does). Needs nginx (apt: nginx-light) and, for the load, wrk.
# Instances: http://127.0.0.1:5101 and :5102; nginx: http://127.0.0.1:8080 with sticky sessions (hash of the client
# address and user agent, so a Blazor circuit's negotiate and WebSocket reach the same instance).
# Checks: both healthy; a sign-in form fetched from one instance and posted to the other works (antiforgery and
# sign-in cookies are protected with the Data Protection keys stored in the database); the signed-in cookie from
# instance 1 opens the portal on instance 2; the WebSocket upgrade passes nginx; wrk through nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
KEEP=0; [[ ${1:-} == --keep ]] && KEEP=1
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
  ASPNETCORE_URLS="http://127.0.0.1:$1" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$APP" >"$WORK/app-$1.log" 2>&1 &
  PIDS+=($!)
}
wait_healthy() { for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.5; done; echo "instance $1 did not start:"; tail -20 "$WORK/app-$1.log"; exit 1; }

start_instance 5101 true;  wait_healthy 5101   # the first one migrates and seeds, the second finds it done
start_instance 5102 false; wait_healthy 5102
echo "two instances healthy on one PostgreSQL"

mkdir -p "$WORK/nginx/logs"
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
  server {
    listen 127.0.0.1:8080;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 120s;
    }
  }
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

if command -v wrk >/dev/null; then
  cat >"$WORK/p95.lua" <<'EOF'
done = function(summary, latency, requests)
  io.write(string.format("p95 %.1f ms\n", latency:percentile(95) / 1000))
end
EOF
  curl -fs http://127.0.0.1:8080/editions/2017/indicators >/dev/null   # warm
  echo "wrk -t2 -c50 -d10s through nginx, /editions/2017/indicators:"
  wrk -t2 -c50 -d10s -s "$WORK/p95.lua" http://127.0.0.1:8080/editions/2017/indicators | grep -E "Requests/sec|p95|Non-2xx"
fi
echo "scale-out check passed"
