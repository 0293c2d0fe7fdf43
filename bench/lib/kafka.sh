# Sourced by bench scripts: a single-node KRaft Kafka broker as its own process, from the Kafka jars that
# Maven resolves for the testkit module (no download beyond Maven Central, no Docker).
#   start_kafka DIR   sets KAFKA_BOOTSTRAP and KAFKA_PID; stop_kafka stops it.

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# One reactor build, nothing installed: a running build or test elsewhere keeps the jars it started with.
kafka_classpath() {
  local root=$1 out=$2
  (cd "$root" && mvn -B -q -pl testkit -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$out" >/dev/null)
}

start_kafka() {
  local dir=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$dir"
  kafka_classpath "$root" "$dir/classpath.txt"
  local port controller
  port=$(free_port)
  controller=$(free_port)
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
# One broker: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# No reason to wait for more group members on one machine.
group.initial.rebalance.delay.ms=0
PROPS
  local cp
  cp=$(cat "$dir/classpath.txt")
  java -cp "$cp" kafka.tools.StorageTool format --standalone -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
    -c "$dir/server.properties" > "$dir/format.log" 2>&1
  java -Xms512m -Xmx1g -cp "$cp" kafka.Kafka "$dir/server.properties" > "$dir/broker.log" 2>&1 &
  KAFKA_PID=$!
  KAFKA_BOOTSTRAP=127.0.0.1:$port
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$KAFKA_PID" 2>/dev/null || { cat "$dir/broker.log" >&2; return 1; }
    sleep 0.5
  done
  echo "Kafka did not open 127.0.0.1:$port within 60 s" >&2
  return 1
}

stop_kafka() {
  if [ -n "${KAFKA_PID:-}" ]; then
    kill "$KAFKA_PID" 2>/dev/null || true
    # The broker exits with 143 (SIGTERM): its status is not the caller's.
    wait "$KAFKA_PID" 2>/dev/null || true
  fi
}
