#!/usr/bin/env bash
# JMH: render + sanitize of a 10 KB post (dev.crosslink.markdown.RenderBenchmark).
# Usage: bench/render.sh [extra JMH args]   e.g. bench/render.sh -wi 3 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'dev.crosslink.markdown.RenderBenchmark' "$@"
