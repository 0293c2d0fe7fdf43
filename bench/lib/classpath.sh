# Sourced by bench scripts.
#   bench_classpath DIR [MAVEN ARGS...]   builds the bench module and the modules it needs in one reactor build, and
#                                         prints its class path: its classes and their dependencies.
# Nothing is installed: a build or test running elsewhere keeps the jars it started with.
bench_classpath() {
  local dir=$1 root
  shift
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests "$@" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$dir/bench.classpath" >&2) || return 1
  echo "$root/bench/target/classes:$(cat "$dir/bench.classpath")"
}
