# Sourced by bench/training.sh and bench/training-cnn.sh.
#   train_beside_djl MAIN DJL_MAIN RATIO KEY DJL_KEY [JAVA OPTIONS...]
#     builds bench and training-reference (-Ptraining-reference; the services' Quarkus build skipped), then runs
#     Samuel's side, bench's MAIN, in one JVM and DJL's side, training-reference's DJL_MAIN, in another fresh one, each
#     on "$data" (the MNIST folder) and "$epochs", with the JAVA OPTIONS, showing their output. Last, one line: RESULT,
#     Samuel's keys, DJL's keys, and RATIO = KEY / DJL_KEY.
train_beside_djl() {
  local main=$1 djl_main=$2 ratio=$3 key=$4 djl_key=$5 root samuel_cp djl_cp samuel djl
  shift 5
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  work=$(mktemp -d) # global: the trap runs when the script exits
  trap 'rm -rf "$work"' EXIT
  samuel_cp=$(bench_classpath "$work" -Dquarkus.build.skip=true)
  djl_cp=$(module_classpath "$work" training-reference -Ptraining-reference -Dquarkus.build.skip=true)
  (cd "$root" && java -cp "$samuel_cp" "$@" "$main" "$data" "$epochs") | tee "$work/samuel"
  (cd "$root" && java -cp "$djl_cp" "$@" "$djl_main" "$data" "$epochs") | tee "$work/djl"
  samuel=$(result_of "$work/samuel")
  djl=$(result_of "$work/djl")
  echo "RESULT $samuel $djl $ratio=$(awk -v a="$(value_of "$samuel" "$key")" -v b="$(value_of "$djl" "$djl_key")" \
    'BEGIN { printf "%.2f", a / b }')"
}

# The key=value pairs of the last RESULT line in a file.
result_of() {
  grep '^RESULT ' "$1" | tail -n 1 | cut -d' ' -f2-
}

# The value of KEY in "k=v k=v ...".
value_of() {
  tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"
}
