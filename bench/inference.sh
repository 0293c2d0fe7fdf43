#!/usr/bin/env bash
# bench/run inference: the packaged inference-service scoring the MNIST MLP (784-128-10) against a broker of its own
# on this machine (the platform's broker configuration, started by the launcher `bin/samuel up` uses), beside the
# exactly-once copy-loop ceiling and raw ORT; then latency steady and during hot swaps.
# Prints a last line RESULT infer_eps=... ceiling_eps=... p50_ms=... p99_ms=... ort_limit_rps=... swap_p50_ms=...
#   swap_p99_ms=... swap_p99_latency_ms=...
# Environment: BENCH_INFER_EVENTS (100000), BENCH_INFER_RATE (paced events/s for the latency phases, 2000),
#   BENCH_INFER_ENCODING (json or f32le, json), BENCH_INFER_COMMIT_INTERVAL (the service's
#   samuel.inference.commit-interval, e.g. 0ms or 50ms; unset: the service's default), BENCH_INFER_JUDGE_TOPICS (the
#   service's samuel.inference.judge.input-topics; a pattern that matches nothing, e.g. "none", measures the scoring
#   loop without the judge beside it), BENCH_INFER_JUDGE_COMMIT_INTERVAL (the service's
#   samuel.inference.judge.commit-interval, e.g. 1s; unset: the service's, 100ms), BENCH_INFER_PARTITIONS (partitions of
#   the events, predictions and copy topics and of the judge's join; unset: the platform's, 3; 1 before 2026-12-06),
#   BENCH_INFER_SERVICE_JVM (JVM options for the service, e.g. a JFR recording:
#   -XX:StartFlightRecording=filename=/tmp/service.jfr,settings=profile).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
events=${BENCH_INFER_EVENTS:-100000}
rate=${BENCH_INFER_RATE:-2000}
encoding=${BENCH_INFER_ENCODING:-json}
source "$root/bench/lib/classpath.sh"
bench_java -- -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dbench.commitInterval="${BENCH_INFER_COMMIT_INTERVAL:-}" -Dbench.judgeTopics="${BENCH_INFER_JUDGE_TOPICS:-}" \
  -Dbench.judgeCommitInterval="${BENCH_INFER_JUDGE_COMMIT_INTERVAL:-}" \
  ${BENCH_INFER_PARTITIONS:+-Dbench.partitions="$BENCH_INFER_PARTITIONS"} \
  -Dbench.serviceJvm="${BENCH_INFER_SERVICE_JVM:-}" \
  dev.samuel.bench.broker.OnLocalBroker \
  dev.samuel.bench.inference.InferenceBenchmark "$root" "$events" "$rate" "$encoding"
