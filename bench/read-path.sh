#!/usr/bin/env bash
# Read-path benchmark (post list, one post, /rss and its 304 path): Crosslink against nginx
# serving the very same response bytes from files,
# on this machine, in one run, alternating rounds. Records requests/s, p50 and p99 per round and
# the server's resident memory.
#
# Usage: bench/read-path.sh [rounds] [seconds]     (defaults: 3 rounds of 15 s per target)
#        APP_JAVA_OPTS=-Xmx256m bench/read-path.sh   (JVM options for the server; POSTS=N posts)
#        PG_URL=jdbc:postgresql://127.0.0.1:5432/bench PG_USER=postgres bench/read-path.sh
#            two nodes of the PostgreSQL build (./mvnw -B package -DskipTests -Ppostgresql) on that
#            database; reads go to node 1 while node 2 publishes a post every second, so node 1's
#            cache is dropped by a NOTIFY every second. The database is emptied first.
# Needs: a built server (./mvnw -B package -DskipTests), wrk, nginx, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${CONNECTIONS:-64}
APP_PORT=18080
NGINX_PORT=18081
TOKEN=bench-admin-token-$(date +%s)-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d " \n")
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers run as another user
OUT=bench/results/read-path-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results

for tool in wrk nginx python3 curl; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk nginx)"; exit 1; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }

APP2_PORT=18082
cleanup() {
  [ -n "${WRITER_PID:-}" ] && kill "$WRITER_PID" 2>/dev/null
  for p in ${APP_PID:-} ${APP2_PID:-}; do kill "$p" 2>/dev/null; done
  nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true
}
trap cleanup EXIT

node_pid() { # no pipeline into head: under pipefail its early exit would end the script
  for p in $(pgrep -f "quarkus-run.jar"); do
    grep -qa "QUARKUS_HTTP_PORT=$1" /proc/$p/environ 2>/dev/null && { echo "$p"; return 0; }
  done
  return 0
}
start_node() { # port dir
  mkdir -p "$2"
  # env, not bare assignments: assignments that come out of an expansion are not assignments to bash
  (cd "$2" && env QUARKUS_HTTP_PORT=$1 CMS_AUTH_ADMIN_TOKEN=$TOKEN QUARKUS_LOG_LEVEL=WARN \
    ${PG_URL:+QUARKUS_DATASOURCE_JDBC_URL=$PG_URL QUARKUS_DATASOURCE_USERNAME=${PG_USER:-postgres} QUARKUS_DATASOURCE_PASSWORD=${PG_PASSWORD:-}} \
    java ${APP_JAVA_OPTS:-} -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > app.log 2>&1) &
}
if [ -n "${PG_URL:-}" ]; then
  echo "== emptying $PG_URL and starting two PostgreSQL nodes"
  PGURI=${PG_URL#jdbc:}
  psql "${PGURI%%\?*}" -U "${PG_USER:-postgres}" -qc 'drop schema public cascade; create schema public;'
  start_node $APP_PORT "$WORK/node1"; start_node $APP2_PORT "$WORK/node2"
else
  echo "== starting Crosslink (H2 file database in $WORK)"
  start_node $APP_PORT "$WORK/node1"
fi
for port in $APP_PORT ${PG_URL:+$APP2_PORT}; do
  for _ in $(seq 1 60); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 1; done
done
APP_PID=$(node_pid $APP_PORT); APP2_PID=${PG_URL:+$(node_pid $APP2_PORT)}

echo "== loading ${POSTS:-1000} posts"
python3 bench/seed.py "http://localhost:$APP_PORT" "$TOKEN" "${POSTS:-1000}"
SLUG=$(curl -s "localhost:$APP_PORT/api/posts?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
LIST="/api/posts?size=15&include=html"
ONE="/api/posts/$SLUG"
RSS="/rss"

mkdir -p "$WORK/www/api/posts"
curl -s "localhost:$APP_PORT$LIST" -o "$WORK/www/list.json"
curl -s "localhost:$APP_PORT$ONE" -o "$WORK/www/one.json"
curl -s "localhost:$APP_PORT$RSS" -o "$WORK/www/rss.xml"
chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = /api/posts { try_files /list.json =404; }
    location /api/posts/ { try_files /one.json =404; }
    location = /rss { default_type "application/rss+xml; charset=UTF-8"; try_files /rss.xml =404; }
  }
}
NGINX
nginx -p "$WORK" -c nginx.conf
cmp <(curl -s "localhost:$NGINX_PORT$LIST") <(curl -s "localhost:$APP_PORT$LIST") || { echo "nginx does not serve the same list bytes"; exit 1; }
echo "same list bytes: $(wc -c < "$WORK/www/list.json")"
cmp <(curl -s "localhost:$NGINX_PORT$ONE") <(curl -s "localhost:$APP_PORT$ONE") || { echo "nginx does not serve the same post bytes"; exit 1; }
echo "same post bytes: $(wc -c < "$WORK/www/one.json")"
cmp <(curl -s "localhost:$NGINX_PORT$RSS") <(curl -s "localhost:$APP_PORT$RSS") || { echo "nginx does not serve the same feed bytes"; exit 1; }
echo "same feed bytes: $(wc -c < "$WORK/www/rss.xml")"
etag() { curl -sI "$1" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r'; }
APP_ETAG=$(etag "localhost:$APP_PORT$RSS"); NGINX_ETAG=$(etag "localhost:$NGINX_PORT$RSS")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $APP_ETAG" "localhost:$APP_PORT$RSS")" = 304 ] || { echo "no 304 from the app"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $NGINX_ETAG" "localhost:$NGINX_PORT$RSS")" = 304 ] || { echo "no 304 from nginx"; exit 1; }

if [ -n "${PG_URL:-}" ]; then
  (i=0; while true; do i=$((i+1))
     curl -s -o /dev/null -X POST "localhost:$APP2_PORT/api/posts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
       -d "{\"title\": \"Written on node 2, $i\", \"markdown\": \"A new post every second.\", \"status\": \"published\"}"
     sleep 1; done) &
  WRITER_PID=$!
fi

run() { # name port path [header]
  local result
  result=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency ${4:+-H "$4"} "http://127.0.0.1:$2$3")
  printf '%s\t%s\t%s\t%s\n' "$1" "$(echo "$result" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$result" | awk '$1=="50%" {print $2}')" "$(echo "$result" | awk '$1=="99%" {print $2}')"
}

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)${PG_URL:+, two PostgreSQL nodes, node 2 writing every second}"
  echo "# wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency; list=$LIST one=$ONE rss=$RSS (304: If-None-Match)"
  printf 'target\treq/s\tp50\tp99\n'
  for round in $(seq 1 "$ROUNDS"); do
    run nginx-list $NGINX_PORT "$LIST"
    run app-list $APP_PORT "$LIST"
    run nginx-one $NGINX_PORT "$ONE"
    run app-one $APP_PORT "$ONE"
    run nginx-rss $NGINX_PORT "$RSS"
    run app-rss $APP_PORT "$RSS"
    run nginx-rss304 $NGINX_PORT "$RSS" "If-None-Match: $NGINX_ETAG"
    run app-rss304 $APP_PORT "$RSS" "If-None-Match: $APP_ETAG"
  done
  echo "# app RSS after the runs: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MiB"
} | tee "$OUT"

python3 - "$OUT" <<'PY'
import statistics, sys
rows = [l.split('\t') for l in open(sys.argv[1]) if l[0] != '#' and not l.startswith('target')]
med = {}
for name in {r[0] for r in rows}:
    med[name] = statistics.median(float(r[1]) for r in rows if r[0] == name)
for kind in ('list', 'one', 'rss', 'rss304'):
    print(f"median {kind}: app {med['app-'+kind]:.0f} req/s, nginx {med['nginx-'+kind]:.0f} req/s, ratio {med['app-'+kind]/med['nginx-'+kind]:.2f}")
PY
