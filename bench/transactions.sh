#!/usr/bin/env bash
# bench/run transactions: a consume-produce transaction begun as soon as the previous one committed (as the scoring and
# copy loops' are under load), with Kafka's retry backoff and with the platform's (TransactionalProducers), alternating,
# against a broker of its own.
# Prints a last line RESULT default_p50_ms=... default_p90_ms=... default_p99_ms=... default_stalled=...
#   platform_p50_ms=... platform_p90_ms=... platform_p99_ms=... platform_stalled=...
# Environment: BENCH_TRANSACTIONS (transactions per round and setting, 200; three rounds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
bench_java -- dev.samuel.bench.broker.OnLocalBroker \
  dev.samuel.bench.transactions.TransactionBenchmark "${BENCH_TRANSACTIONS:-200}"
