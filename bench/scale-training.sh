#!/usr/bin/env bash
# bench/run scale-training: can the trainer learn from a stream larger than its heap, and how fast? A synthetic
# classification stream (10 classes, 784 features, each example a class mean plus noise, deterministic from a seed)
# of BENCH_OOC_EXAMPLES labelled examples (2,000,000 by default: about 6 GB as f32le) and a holdout of
# BENCH_OOC_HOLDOUT more (10,000), on a broker of its own on this machine (the platform's broker configuration); the
# packaged model-registry and trainer-service, the trainer at -Xmx1g; one job of one epoch over all of it: MLP
# 784-128-10 (ReLU, softmax cross-entropy, Adam 1e-3), batch 256.
#   examples             the examples the job trained on (its lineage's examples.train);
#   ooc_train_eps        the job's examples/s over its epoch: the speed of the job's final progress on its record
#                        (contracts' JobRecord), which the trainer's engine reports as examples trained over the time
#                        since its training session began (session creation, each batch's gathering and step);
#   heap_max_mb          the trainer's peak used heap from the job's request to its end, over JMX on loopback from
#                        the JVM's memory pools: used heap only falls in a collection, so the sum of the heap pools'
#                        use just before each collection (each collection's notification carries it) is the heap at
#                        its peaks, exactly; a reading every 250 ms covers the time after the last collection. The sum
#                        of each pool's own peak, an upper bound (the pools need not peak at once), is printed beside;
#   train_eps_in_memory  in the same run, before any service starts (the broker idle): the training engine alone,
#                        onnx-training's TrainingSession on the first 100,000 of the same examples held in one array,
#                        the same MLP at batch 256, one epoch, only the training steps timed (bench/run training's
#                        TrainingProtocol and SamuelSide); the out-of-core rate should stay within 80 % of it
#                        (ooc_over_in_memory >= 0.80).
# The examples go straight to the model's train and test topics, as ingest writes them there (the example id as key,
# the f32le value and its samuel.encoding header unchanged, the platform's own serde): ingest would only add time to
# producing, and the job trains on the train topic alone, so a benchmark of the trainer leaves it out. Both topics are
# created as the platform creates them (compacted, 3 partitions) but with compaction held off for a day: the ids are
# unique, so the log cleaner would only copy gigabytes beside the job. Several producer threads, 512 KiB batches, no
# compression (random floats do not compress); the produce rate is printed. The spec has no retrain policy and no
# minExamples, so no job starts by itself; the job is asked for (POST /models/M/jobs) once the trainer's dataset report
# counts every example, and its held-out accuracy, losses and the gate's decision are printed.
# The trainer keeps its model's examples on disk under the run's folder (-Dsamuel.trainer.store-dir); it is ready
# once it has read them all (its store rebuilt), and the job asked for then.
# Disk: everything goes to a folder of its own, ${TMPDIR:-/tmp}/samuel-scale-training-XXXX (the broker's log, the
# trainer's store, the registry's artifacts; about 20 GB at the default size), removed at the end; the disk used is
# printed after producing and after the job. The services' logs stay in ${TMPDIR:-/tmp}/bench-scale-training-*.log.
# Prints the load average first and a last line
# RESULT examples=... ooc_train_eps=... heap_max_mb=... train_eps_in_memory=... ooc_over_in_memory=...
# Environment: BENCH_OOC_EXAMPLES (training examples, 2000000; a check run: 60000), BENCH_OOC_HOLDOUT (holdout
#   examples, 10000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
examples=${BENCH_OOC_EXAMPLES:-2000000}
holdout=${BENCH_OOC_HOLDOUT:-10000}
logs=${TMPDIR:-/tmp}
run=$(mktemp -d "$logs/samuel-scale-training-XXXX")
trap 'rm -rf "$run"' EXIT
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; run folder $run"
source "$root/bench/lib/classpath.sh"
bench_java -- -Djava.io.tmpdir="$run" dev.samuel.bench.broker.OnLocalBroker \
  dev.samuel.bench.ooc.ScaleTrainingBenchmark "$root" "$run" "$logs" "$examples" "$holdout"
