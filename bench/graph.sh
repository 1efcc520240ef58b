#!/usr/bin/env bash
# GET /api/graph over 10,000 generated posts with 5 post links each (plus a category link, a
# category and two tags). Times the uncached build (an editor token bypasses the public cache)
# and the cached anonymous answer, 7 times each; prints medians.
#
# Usage: bench/graph.sh [posts]       Needs a built server, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${1:-10000}
PORT=18090
TOKEN=bench-graph-token-$(date +%s)-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d " \n")
WORK=$(mktemp -d)
OUT=bench/results/graph-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
trap '[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null' EXIT

(cd "$WORK" && QUARKUS_HTTP_PORT=$PORT CMS_AUTH_ADMIN_TOKEN=$TOKEN QUARKUS_LOG_LEVEL=WARN \
  exec java ${APP_JAVA_OPTS:-} -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > app.log 2>&1) &
APP_PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
echo "== creating $POSTS posts"
start=$(date +%s)
python3 bench/seed_graph.py "http://localhost:$PORT" "$TOKEN" "$POSTS"
echo "created in $(( $(date +%s) - start )) s"

time_it() { curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $POSTS posts, $(java -version 2>&1 | head -1)"
  for i in 1 2 3; do time_it -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/graph" >/dev/null; done  # warm-up
  echo "uncached (editor) seconds, bytes:"
  for i in $(seq 1 7); do time_it -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/graph"; done | tee /tmp/graph-uncached.txt
  echo "median uncached: $(cut -d' ' -f1 /tmp/graph-uncached.txt | median) s"
  echo "anonymous, first (builds and stores):"; time_it "localhost:$PORT/api/graph"
  echo "anonymous, cached:"
  for i in $(seq 1 7); do time_it "localhost:$PORT/api/graph"; done | tee /tmp/graph-cached.txt
  echo "median cached: $(cut -d' ' -f1 /tmp/graph-cached.txt | median) s"
  echo "neighbourhood (editor, uncached) around=node-42&depth=2:"
  for i in $(seq 1 7); do time_it -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/graph?around=node-42&depth=2"; done | tee /tmp/graph-around.txt
  echo "median around: $(cut -d' ' -f1 /tmp/graph-around.txt | median) s"
  echo "# app RSS: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MiB"
} | tee "$OUT"
