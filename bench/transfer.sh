#!/usr/bin/env bash
# bench/run transfer: transfer learning through the platform on a local stack of its own (free ports, under
# bench/target/transfer-stack): the trained PyTorch MLP of examples/models imported and promoted, the MNIST sample
# produced as pixels / 255, the program fine-tuned 1 and 3 epochs (Adam 1e-4, batch 64, the platform's hash split with
# holdout 0.125), beside the same spec from random initialisation. Last line:
# RESULT start_acc=... after_1_epoch_acc=... after_3_epochs_acc=... random_after_1_epoch_acc=... random_after_3_epochs_acc=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/classpath.sh"
bench_java -- dev.samuel.bench.transfer.TransferBenchmark "$root"
