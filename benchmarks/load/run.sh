#!/usr/bin/env bash
# Builds the load-benchmark variants and runs them interleaved on 127.0.0.1.
# Usage: benchmarks/load/run.sh [loadbench.py options], e.g.
#   benchmarks/load/run.sh                                  # full run: 7 variants x 3 rounds, about 35 min
#   benchmarks/load/run.sh --rounds 1 --measure 10 --max-warmup 20 --variants a,b,c   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."
AGENT_VERSION=2.22.0

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

# The starter as users get it, then the same app in each variant, and the receiver.
./mvnw -q -B install -DskipTests -pl pyairtable-observability-starter -am
# Clean once first: without it, a jar already repackaged is kept even after the starter
# was installed anew.
./mvnw -q -B -f benchmarks/load/app/pom.xml clean
for variant in bare actuator boot-tracing starter; do
	./mvnw -q -B -f benchmarks/load/app/pom.xml -P"$variant" package
done
./mvnw -q -B -f benchmarks/load/receiver/pom.xml package
./mvnw -q -B dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$AGENT_VERSION \
	-DoutputDirectory=benchmarks/load/app/target -Dmdep.stripVersion=true

exec python3 benchmarks/load/loadbench.py --agent-jar benchmarks/load/app/target/opentelemetry-javaagent.jar "$@"
