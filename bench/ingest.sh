#!/usr/bin/env bash
# bench/run ingest: the packaged ingest-service against a broker of its own on this machine (the platform's broker
# configuration, started by the launcher `bin/samuel up` uses), JSON and binary, beside the exactly-once copy-loop
# ceiling. Prints a last line RESULT ingest_json_eps=... ceiling_binary_eps=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples=${BENCH_INGEST_EXAMPLES:-100000}
source "$root/bench/lib/classpath.sh"
bench_java -- dev.samuel.bench.broker.OnLocalBroker dev.samuel.bench.ingest.IngestBenchmark "$root" "$examples"
