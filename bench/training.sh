#!/usr/bin/env bash
# bench/run training: MLP 784-128-10 (ReLU, softmax cross-entropy, Adam 1e-3, batch 64, no shuffle, inputs
# standardised) on the first 7,000 digits of examples/mnist, evaluated on the last 1,000; Samuel (onnx-training) in
# one JVM, then the same network in PyTorch 2.7.1 through DJL 0.36 (training-reference, built with
# -Ptraining-reference) in another fresh JVM, from Samuel's initial parameters (DJL's forward pass checked against
# Samuel's predictions first), over the same batches, each engine on its default intra-op threads. Each side: one run of
# 15 epochs (TrainingProtocol): cold = examples/s over epochs 1-3, held-out accuracy and loss after epoch 3, warmed =
# the median epoch rate over epochs 6-15; only training steps are timed. Samuel's side then scores the trained model
# frozen at batch 1 and 256 as it ships (standardisation folded into the first layer), and at batch 256 unfolded
# (FreezeOptions.AS_TRAINED) for comparison. Last line (ratio = train_eps / djl_train_eps, the warmed rates):
# RESULT train_eps=... cold_train_eps=... heldout_acc=... heldout_loss=... infer_b1_rps=... infer_b256_rps=...
#        djl_train_eps=... djl_cold_train_eps=... djl_heldout_acc=... ratio=...
#   BENCH_TRAINING_EPOCHS (15; fewer for a check run, whose numbers mean nothing), BENCH_TRAINING_THREADS (intra-op
#   threads of both sides; by default each its own: Samuel 1, PyTorch one per core), BENCH_ORT_THREADS (the frozen model's
#   ORT threads; 0), BENCH_MNIST (another folder of the same two IDX files).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
source "$root/bench/lib/beside-djl.sh"
data=${BENCH_MNIST:-$root/examples/mnist}
epochs=${BENCH_TRAINING_EPOCHS:-15}
train_beside_djl dev.samuel.bench.training.TrainingBenchmark dev.samuel.trainref.DjlTrainingBenchmark \
  ratio train_eps djl_train_eps ${BENCH_TRAINING_THREADS:+-Dbench.threads=$BENCH_TRAINING_THREADS} \
  ${BENCH_ORT_THREADS:+-Dbench.ortThreads=$BENCH_ORT_THREADS}
