#!/usr/bin/env bash
# bench/run training-cnn: conv 16 3x3 (ReLU) - max pool 2 - conv 32 3x3 (ReLU) - max pool 2 - dense 10 (Adam 1e-3,
# batch 32, 10 epochs, examples shuffled per epoch with a fixed seed) on the first 7,000 digits of
# examples/mnist, evaluated on the last 1,000 after each epoch. Last line:
# RESULT cnn_train_eps=... cnn_heldout_acc=...
# BENCH_CNN_OPTS passes -Dbench.padding=N (conv padding, default 0), -Dbench.lr=X (default 0.001), -Dbench.batch=N (32).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
# The MNIST sample shipped in examples/mnist; BENCH_MNIST names another folder of the same two IDX files.
data=${BENCH_MNIST:-$root/examples/mnist}
epochs=${BENCH_CNN_EPOCHS:-10}
# The services' packaged jars are not needed here: their Quarkus build is skipped.
bench_java -Dquarkus.build.skip=true -- ${BENCH_CNN_OPTS:-} dev.samuel.bench.training.CnnBenchmark "$data" "$epochs"
