#!/usr/bin/env bash
# Heap an import holds (issue 12): one POST /api/import/rss of a ~2 MiB generated feed into a fresh
# server started with a tight heap and GC logging; prints the answer, the time and the highest live
# heap after a GC (the after-GC figure of each pause is what the import still held).
#   bench/import-heap.sh target/quarkus-app [XMX=160m] [ITEMS=400]
set -euo pipefail
app=$(cd "$1" && pwd); xmx=${2:-160m}; items=${3:-400}
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/crosslink-import-heap; rm -rf "$work"; mkdir -p "$work"; cd "$work"
token=bench-admin-token-0123456789abcdefghijkl
CMS_AUTH_ADMIN_TOKEN=$token QUARKUS_HTTP_PORT=8093 java -Xmx"$xmx" -Xlog:gc:file=gc.log -jar "$app/quarkus-run.jar" > server.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf localhost:8093/q/health/ready > /dev/null && break; sleep 0.1; done
idle=$(grep -o '[0-9]*M->[0-9]*M' gc.log | sed 's/.*->//; s/M//' | tail -1 || true)
BODY_REPEAT=${BODY_REPEAT:-12} python3 "$here/import-feed.py" http://localhost:8093 "$token" "$items"
pauses=$(grep -c 'Pause' gc.log || true)
peak=$(grep -o '[0-9]*M->[0-9]*M' gc.log | sed 's/.*->//; s/M//' | sort -n | tail -1)
echo "heap bound -Xmx$xmx: $pauses GC pauses, live heap after GC at most ${peak} MB (last before the import: ${idle:-?} MB)"
