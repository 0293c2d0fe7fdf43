# Sourced by bench scripts.
#   bench_classpath DIR [MAVEN ARGS...]   builds the bench module and the modules it needs in one reactor build, and
#                                         prints its class path: its classes and their dependencies.
#   bench_java [MAVEN ARGS...] -- JAVA ARGS...
#                                         builds as bench_classpath does, then runs java on that class path from the
#                                         repository root: what every benchmark script ends with.
# Nothing is installed: a build or test running elsewhere keeps the jars it started with.
bench_classpath() {
  local dir=$1 root
  shift
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests "$@" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$dir/bench.classpath" >&2) || return 1
  echo "$root/bench/target/classes:$(cat "$dir/bench.classpath")"
}

bench_java() {
  local maven=() work classpath
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    maven+=("$1")
    shift
  done
  shift
  work=$(mktemp -d)
  classpath=$(bench_classpath "$work" ${maven[@]+"${maven[@]}"}) || { rm -rf "$work"; return 1; }
  rm -rf "$work"
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  java -cp "$classpath" "$@"
}
