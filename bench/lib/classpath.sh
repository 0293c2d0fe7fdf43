# Sourced by bench scripts.
#   bench_classpath DIR [MAVEN ARGS...]   builds the bench module and the modules it needs in one reactor build, and
#                                         prints its class path: its classes and their dependencies.
#   module_classpath DIR MODULE [MAVEN ARGS...]
#                                         the same for another module, such as a benchmark-only one outside the
#                                         default build (its profile among the MAVEN ARGS: -Ptraining-reference).
#   bench_java [MAVEN ARGS...] -- JAVA ARGS...
#                                         builds as bench_classpath does, then runs java on that class path from the
#                                         repository root: what every benchmark script ends with.
# Nothing is installed: a build or test running elsewhere keeps the jars it started with.
module_classpath() {
  local dir=$1 module=$2 root
  shift 2
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  (cd "$root" && mvn -B -q -pl "$module" -am package -DskipTests "$@" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$dir/$module.classpath" >&2) || return 1
  echo "$root/$module/target/classes:$(cat "$dir/$module.classpath")"
}

bench_classpath() {
  local dir=$1
  shift
  module_classpath "$dir" bench "$@"
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
