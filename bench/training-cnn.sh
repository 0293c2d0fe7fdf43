#!/usr/bin/env bash
# bench/run training-cnn: conv 16 3x3 (ReLU) - max pool 2 - conv 32 3x3 (ReLU) - max pool 2 - dense 10 (softmax
# cross-entropy, Adam 1e-3, batch 32, examples shuffled per epoch with seed 42, inputs standardised per channel) on the
# first 7,000 digits of examples/mnist, evaluated on the last 1,000; Samuel (onnx-training) in one JVM, then the same
# network in PyTorch 2.7.1 through DJL 0.36 (training-reference, built with -Ptraining-reference) in another fresh
# JVM, from Samuel's initial parameters (DJL's forward pass checked against Samuel's predictions first), over the same
# sequence of shuffled orders, each engine on its default intra-op threads. Each side: one run of 15 epochs
# (TrainingProtocol): cold = examples/s over epochs 1-3, held-out accuracy after epoch 3, warmed = the median epoch
# rate over epochs 6-15; only training steps are timed. Last line (cnn_ratio = cnn_train_eps / djl_cnn_train_eps):
# RESULT cnn_train_eps=... cnn_cold_train_eps=... cnn_heldout_acc=...
#        djl_cnn_train_eps=... djl_cnn_cold_train_eps=... djl_cnn_heldout_acc=... cnn_ratio=...
#   BENCH_TRAINING_EPOCHS (15; fewer for a check run, whose numbers mean nothing), BENCH_TRAINING_THREADS (intra-op
#   threads of both sides; by default each its own: Samuel 1, PyTorch one per core), BENCH_MNIST (another folder of the same
#   two IDX files), BENCH_CNN_OPTS (both sides): -Dbench.padding=N (conv padding, 0), -Dbench.lr=X (0.001),
#   -Dbench.batch=N (32).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
source "$root/bench/lib/beside-djl.sh"
data=${BENCH_MNIST:-$root/examples/mnist}
epochs=${BENCH_TRAINING_EPOCHS:-15}
train_beside_djl dev.samuel.bench.training.CnnBenchmark dev.samuel.trainref.DjlCnnBenchmark \
  cnn_ratio cnn_train_eps djl_cnn_train_eps ${BENCH_TRAINING_THREADS:+-Dbench.threads=$BENCH_TRAINING_THREADS} \
  ${BENCH_CNN_OPTS:-}
