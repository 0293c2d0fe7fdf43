#!/usr/bin/env bash
# bench/run ingest: the packaged ingest-service against a broker on this machine, JSON and binary, beside the
# exactly-once copy-loop ceiling. Prints a last line RESULT ingest_json_eps=... ceiling_binary_eps=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples=${BENCH_INGEST_EXAMPLES:-100000}
work=$(mktemp -d)
source "$root/bench/lib/classpath.sh"
source "$root/bench/lib/kafka.sh"
trap 'stop_kafka; rm -rf "$work"' EXIT

cd "$root"
classpath=$(module_classpath ingest-service "$work")
start_kafka "$work/kafka"
echo "broker at $KAFKA_BOOTSTRAP"
java -cp "$classpath" \
  dev.samuel.ingest.bench.IngestBenchmark "$KAFKA_BOOTSTRAP" ingest-service/target/quarkus-app/quarkus-run.jar "$examples"
