#!/usr/bin/env bash
# Write throughput: wrk creates published posts through the API (bench/create-posts.lua: ~1 KB of
# Markdown with links, two of ten shared tags, a new title each request) with 4 concurrent
# clients. The server starts on an empty database, is warmed by an 8 s round, then measured in
# ROUNDS rounds of 15 s; prints posts/s per round and the median.
#
# Usage: bench/write-throughput.sh [path/to/quarkus-run.jar] [rounds]
#        PG_URL=jdbc:postgresql://127.0.0.1:5432/crosslink_bench PG_USER=postgres bench/write-throughput.sh
#            (a jar built with -Ppostgresql; the database's public schema is emptied first)
# Needs: wrk, curl, and psql for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-target/quarkus-app/quarkus-run.jar}")
ROUNDS=${2:-3}
PORT=18090
TOKEN=bench-write-token-$(date +%s)-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
WORK=$(mktemp -d)
trap '[ -n "${PID:-}" ] && kill $PID 2>/dev/null; true' EXIT
if [ -n "${PG_URL:-}" ]; then
  PGURI=${PG_URL#jdbc:}
  psql "${PGURI%%\?*}" -U "${PG_USER:-postgres}" -qc 'drop schema public cascade; create schema public;'
fi
# env, not bare assignments: assignments that come out of an expansion are not assignments to bash
(cd "$WORK" && exec env QUARKUS_HTTP_PORT=$PORT CMS_AUTH_ADMIN_TOKEN=$TOKEN QUARKUS_LOG_LEVEL=WARN \
  ${PG_URL:+QUARKUS_DATASOURCE_JDBC_URL=$PG_URL QUARKUS_DATASOURCE_USERNAME=${PG_USER:-postgres} QUARKUS_DATASOURCE_PASSWORD=${PG_PASSWORD:-}} \
  java -Xmx256m -jar "$JAR" > app.log 2>&1) &
PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/q/health/ready" >/dev/null || { echo "server did not start; see $WORK/app.log"; exit 1; }
export TOKEN
wrk -t2 -c4 -d8s -s bench/create-posts.lua "http://127.0.0.1:$PORT" > /dev/null
rates=()
for r in $(seq 1 "$ROUNDS"); do
  rate=$(wrk -t2 -c4 -d15s -s bench/create-posts.lua "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print $2}')
  echo "round $r: $rate posts/s"
  rates+=("$rate")
done
printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " posts/s"}'
