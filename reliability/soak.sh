#!/usr/bin/env bash
# Soak of the sample service: mixed load for a while with the collector flapping (200, 503,
# refused), reporting heap after GC, live threads and open file descriptors at start and end.
# Everything on 127.0.0.1; stops only the processes it started.
#
#   reliability/soak.sh [DURATION_SECONDS]     default 1800 (30 minutes)
#
# Prints lines starting "SOAK " (copied into RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-1800}
work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

if [[ ! -f sample-app/target/sample-app.jar ]]; then
	./mvnw -B -q -ntp -pl sample-app -am package -DskipTests
fi

app_port=$(free_port)
collector_port=$(free_port)

java reliability/FlappingCollector.java "$collector_port" >"$work/collector.log" 2>&1 &
pids+=($!)

java -Xmx512m -jar sample-app/target/sample-app.jar \
	--server.port="$app_port" --server.address=127.0.0.1 \
	--pyairtable.observability.tracing.export.endpoint="http://127.0.0.1:$collector_port" \
	--sample.traffic.enabled=true --sample.traffic.interval=25ms \
	>"$work/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")

base="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do
	curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break
	sleep 1
done
curl -fsS -o /dev/null "$base/health/ready"

# Heap after a full GC (from the service's own scrape), live threads, open descriptors.
figures() {
	jcmd "$app_pid" GC.run >/dev/null
	local heap threads fds
	heap=$(curl -fsS "$base/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.1f", sum / 1048576}')
	threads=$(awk '/^Threads:/ {print $2}' "/proc/$app_pid/status")
	fds=$(find "/proc/$app_pid/fd" -mindepth 1 -maxdepth 1 | wc -l)
	echo "SOAK $1 heap_after_gc_mb=$heap threads=$threads open_fds=$fds"
}

echo "SOAK duration_seconds=$duration app_pid=$app_pid collector=127.0.0.1:$collector_port"
# A minute of warm-up (class loading, caches, pools) before the start figures.
warmup=$(( duration < 600 ? 30 : 60 ))
end_warmup=$(( $(date +%s) + warmup ))
while (( $(date +%s) < end_warmup )); do
	curl -fsS -o /dev/null "$base/api/records" || true
	sleep 0.2
done
figures start

# Extra mixed load beside the sample's own generator: reads, syncs, probes and scrapes.
failures=0
requests=0
end=$(( $(date +%s) + duration ))
while (( $(date +%s) < end )); do
	for path in /api/records /api/records/recSoak$((requests % 500)) /health/ready /health/live; do
		status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base$path" || echo 000)
		requests=$((requests + 1))
		# 503 from the records API is the sample's answer to its fake Airtable's rate limit.
		if [[ $status == 000 || $status == 500 ]]; then
			failures=$((failures + 1))
		fi
	done
	status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/api/records/sync" || echo 000)
	requests=$((requests + 1))
	[[ $status == 000 || $status == 500 ]] && failures=$((failures + 1))
	curl -fsS -o /dev/null --max-time 10 "$base/actuator/prometheus" || failures=$((failures + 1))
	requests=$((requests + 1))
	sleep 0.1
done
figures end

scrape=$(curl -fsS "$base/actuator/prometheus")
dropped=$(echo "$scrape" | awk '/^tracing_spans_dropped_total\{/ {match($0, /reason="[a-z_]+"/); r=substr($0, RSTART+8, RLENGTH-9); printf "%s=%d ", r, $NF}')
served=$(echo "$scrape" | awk '/^http_server_requests_seconds_count\{/ {sum += $NF} END {printf "%d", sum}')
warnings=$(grep -c "Span export failed" "$work/app.log" || true)
errors=$(grep -c '"level":"ERROR"\| ERROR ' "$work/app.log" || true)
echo "SOAK client_requests=$requests client_failures=$failures server_requests_counted=$served"
echo "SOAK spans_dropped $dropped"
echo "SOAK export_warning_lines=$warnings error_log_lines=$errors"
echo "SOAK $(tail -1 "$work/collector.log")"
rm -rf "$work"
