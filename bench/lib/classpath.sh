# Sourced by bench scripts.
#   module_classpath MODULE DIR   builds MODULE and the modules it needs in one reactor build, and prints the class
#                                 path of its test classes, classes and dependencies (test scope included).
# Nothing is installed: a build or test running elsewhere keeps the jars it started with.
module_classpath() {
  local module=$1 dir=$2 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  (cd "$root" && mvn -B -q -pl "$module" -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$dir/$module.classpath" >&2) || return 1
  echo "$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$dir/$module.classpath")"
}
