#!/usr/bin/env bash
# bench/run inference: the packaged inference-service scoring the MNIST MLP (784-128-10) against a broker on this
# machine, beside the exactly-once copy-loop ceiling and raw ORT; then latency steady and during hot swaps.
# Prints a last line RESULT infer_eps=... ceiling_eps=... p50_ms=... p99_ms=... ort_limit_rps=... swap_p50_ms=...
#   swap_p99_ms=... swap_p99_latency_ms=...
# Environment: BENCH_INFER_EVENTS (100000), BENCH_INFER_RATE (paced events/s for the latency phases, 2000),
#   BENCH_INFER_ENCODING (json or f32le, json).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
events=${BENCH_INFER_EVENTS:-100000}
rate=${BENCH_INFER_RATE:-2000}
encoding=${BENCH_INFER_ENCODING:-json}
work=$(mktemp -d)
source "$root/bench/lib/classpath.sh"
source "$root/bench/lib/kafka.sh"
# stop_kafka's final wait returns the broker's 143 (SIGTERM), which set -e would make the script's status.
trap 'rc=$?; stop_kafka || true; rm -rf "$work"; exit $rc' EXIT

cd "$root"
classpath=$(module_classpath inference-service "$work")
start_kafka "$work/kafka"
echo "broker at $KAFKA_BOOTSTRAP"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" \
  dev.samuel.inference.bench.InferenceBenchmark "$KAFKA_BOOTSTRAP" inference-service/target/quarkus-app/quarkus-run.jar \
  "$events" "$rate" "$encoding"
