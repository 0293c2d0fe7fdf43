#!/usr/bin/env bash
# bench/run drift: drift detection through the platform, end to end. The local stack (broker and the four packaged
# services, as `bin/samuel up` starts them, in a folder of its own) serves one model whose first version comes from
# its first job; a seeded stream of events at 2,000/s, each labelled 500 records later, goes through three abrupt
# changes of concept and one gradual one over 2,000 examples; after each the platform must detect it (ADWIN on the
# served version's error, read from M.performance by the judge), retrain from the change point, promote and swap, and
# the new version's last 1,000 judged examples must be back within 5 points. Figures from the platform's own outputs:
#   detection_delay_examples          median over the abrupt changes of the judged examples from the change to the alarm
#   gradual_detection_delay_examples  the same for the gradual change, counted from its middle (negative: before it)
#   recovery_seconds                  first change to the new version's accuracy over 1,000 back within 5 points
# Then, beside them, MOA 2024.07.0's ADWIN (benchmark only: the drift-reference module, outside the default build)
# fed the same error streams the platform's detector read, with the same rule, and both fed directly a stationary
# stream of 1,000,000 inputs at 10 % error:
#   false_alarms, moa_false_alarms, moa_detection_delay_examples, moa_gradual_detection_delay_examples,
#   offline_detection_delay_examples (our ADWIN on the same streams off the platform: equal to the platform's when the
#   platform's alarms are the detector's)
# Environment: BENCH_DRIFT_SEED (1). Takes about 3 minutes on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed=${BENCH_DRIFT_SEED:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/bench/lib/classpath.sh"
bench_java -- -Djava.util.logging.manager=org.jboss.logmanager.LogManager dev.samuel.bench.drift.DriftBenchmark \
  "$root" "$work/streams.txt" "$seed" | tee "$work/platform.out"
classpath=$(module_classpath "$work" drift-reference -Pdrift-reference)
java -cp "$classpath" dev.samuel.driftref.PlatformStreams \
  "$work/streams.txt" "$seed" | tee "$work/reference.out"
platform=$(grep '^RESULT ' "$work/platform.out" | tail -1 | sed 's/^RESULT //')
reference=$(grep '^RESULT ' "$work/reference.out" | tail -1 | sed 's/^RESULT //')
echo "RESULT $platform $reference"
