#!/usr/bin/env bash
# bench/run tabular: tabular events as they really come, the 344 raw Palmer penguins of examples/penguins
# (penguins-raw.csv, CC0: missing measurements, island and sex as text; read by the cli's CSV reader).
#  - Held-out accuracy, in-process with the trainer's own engine and holdout scoring: the platform's model
#    (penguins-raw.json: island one-hot, sex embedded, the measurements missing-mean) on the raw records of the
#    platform's holdout (ingest's hash split by key), beside a baseline a user builds today (the four measurements
#    only, training rows with a missing one dropped; a held-out row with one gets the majority class), same network,
#    training settings and seed. The species, and as extra keys the sex (species and island as categories).
#  - Ingest as bench/run ingest measures it, on the same records repeated under unique keys: the packaged
#    ingest-service on a broker of its own, once as JSON (named features, strings and nulls), once as Avro in the
#    Confluent wire format (examples/penguins/penguins.avsc) through a real schema registry (the schema-registry
#    module's Apicurio, via testkit's SchemaRegistryProcess), beside the exactly-once copy loop on the same records.
# Environment: BENCH_TABULAR_RECORDS, records per encoding (default 100000).
# Last line: RESULT tabular_heldout_acc=... tabular_baseline_heldout_acc=... avro_ingest_eps=... json_ingest_eps=...
#   ceiling_eps=... (the copy loop on the Avro records), then json_ceiling_eps=... tabular_sex_heldout_acc=...
#   tabular_sex_baseline_heldout_acc=...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
records=${BENCH_TABULAR_RECORDS:-100000}
source "$root/bench/lib/classpath.sh"
# The registry is no dependency of bench (a module without the parent): built once when its jar is missing.
if [ ! -f "$root/schema-registry/target/quarkus-app/quarkus-run.jar" ]; then
  (cd "$root" && mvn -B -q -pl schema-registry package -DskipTests >&2)
fi
bench_java -- dev.samuel.bench.broker.OnLocalBroker dev.samuel.bench.tabular.TabularBenchmark "$root" "$records"
