#!/usr/bin/env bash
# bench/run drift-detectors: the default drift detector (drift's ADWIN, delta 0.002) beside MOA 2024.07.0's ADWIN,
# fed the same seeded 0/1 error streams directly, not through the platform: a stationary stream of 1,000,000 inputs
# at 10 % error (every alarm a false one), and abrupt changes 10 % -> 30 % -> 10 % -> 30 %, 20,000 inputs apart
# (the median of the three detection delays, in inputs); then the same over more seeds (10 stationary streams, 100
# abrupt ones), whether both alarm at the same inputs, and each one's speed. Builds drift-reference, the module of the
# drift-reference profile (MOA is GPL-3.0: outside the default build, and nothing that ships depends on it).
# Last line: RESULT false_alarms=... detection_delay_examples=... moa_false_alarms=... moa_detection_delay_examples=...
#   BENCH_DRIFT_SEED (1), BENCH_DRIFT_SEEDS (100 abrupt streams), BENCH_DRIFT_STATIONARY_SEEDS (10 streams).
#   --reference: print instead where MOA's ADWIN and DDM alarm on the streams of drift's unit tests (the positions
#   AdwinTest and DdmTest pin), beside ours.
# The platform end to end (labels delayed, detection through the judge, recovery time) is `bench/run drift`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
main=dev.samuel.driftref.DriftReferenceBenchmark
args=("${BENCH_DRIFT_SEED:-1}" "${BENCH_DRIFT_SEEDS:-100}" "${BENCH_DRIFT_STATIONARY_SEEDS:-10}")
if [ "${1:-}" = "--reference" ]; then
  main=dev.samuel.driftref.ReferenceAlarms
  args=()
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/bench/lib/classpath.sh"
classpath=$(module_classpath "$work" drift-reference -Pdrift-reference)
cd "$root"
java -cp "$classpath" "$main" ${args[@]+"${args[@]}"}
