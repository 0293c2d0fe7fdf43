#!/usr/bin/env bash
# bench/run training: MLP 784-128-10 (ReLU, Adam 1e-3, batch 64, 3 epochs, no shuffle) on the first 7,000
# digits of examples/mnist, evaluated on the last 1,000; one warm-up epoch, five timed runs,
# medians; then the frozen model's inference rate at batch 1 and 256, frozen as it ships (standardisation folded
# into the first layer), and at batch 256 unfolded (FreezeOptions.AS_TRAINED) for comparison. Last line:
# RESULT train_eps=... heldout_acc=... heldout_loss=... infer_b1_rps=... infer_b256_rps=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
# The MNIST sample shipped in examples/mnist; BENCH_MNIST names another folder of the same two IDX files.
data=${BENCH_MNIST:-$root/examples/mnist}
runs=${BENCH_TRAINING_RUNS:-5}
# The services' packaged jars are not needed here: their Quarkus build is skipped.
bench_java -Dquarkus.build.skip=true -- ${BENCH_ORT_THREADS:+-Dbench.ortThreads=$BENCH_ORT_THREADS} \
  dev.samuel.bench.training.TrainingBenchmark "$data" "$runs"
