#!/usr/bin/env bash
# Starts (or finds) a single-node KRaft Kafka broker on 127.0.0.1, detached.
# Prints one line: kafka <address> pid <pid> (started|reused).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib.sh
source "$here/../lib.sh"

command -v java >/dev/null 2>&1 ||
  die "java not found on PATH: install OpenJDK 17+ to run the Kafka broker"

take_start_lock kafka
"$here/install.sh"

address="127.0.0.1:$CDP_KAFKA_PORT"
config="$KAFKA_RUN/server.properties"
logfile="$KAFKA_RUN/kafka.log"

if pid="$(kafka_pid)"; then
  # A broker from this CDP_INFRA_HOME runs; it must be the one we were asked for.
  grep -qF "PLAINTEXT://$address," "$config" ||
    die "Kafka from $CDP_INFRA_HOME is already running (pid $pid) but not on port $CDP_KAFKA_PORT: run infra/stop.sh first, or unset CDP_KAFKA_PORT"
  wait_healthy Kafka "$KAFKA_RUN/kafka.pid" "$KAFKA_RUN/server.properties" "$CDP_KAFKA_START_TIMEOUT" "$logfile" kafka_healthy
  echo "kafka $address pid $pid reused"
  exit 0
fi
rm -f "$KAFKA_RUN/kafka.pid"

require_free_port "$CDP_KAFKA_PORT" CDP_KAFKA_PORT
require_free_port "$CDP_KAFKA_CONTROLLER_PORT" CDP_KAFKA_CONTROLLER_PORT

mkdir -p "$KAFKA_RUN/data"
cp "$here/log4j.properties" "$KAFKA_RUN/log4j.properties"
cat >"$config" <<EOF
# Written by infra/kafka/start.sh on every fresh start; edits are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CDP_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$address,CONTROLLER://127.0.0.1:$CDP_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$address
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_RUN/data
auto.create.topics.enable=true
num.partitions=1
# One node: internal topics must not ask for 3 replicas, or kafkajs consumers
# see "group coordinator not available" forever.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
# Tests join groups constantly; the default 3s delay would slow every one.
group.initial.rebalance.delay.ms=0
EOF

# JVM flags as in Kafka's bin/kafka-run-class.sh, with a test-sized heap.
jvm=(java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20
  -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent
  -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$KAFKA_RUN/log4j.properties"
  -cp "$KAFKA_HOME/libs/*")

# Storage is formatted once per fresh data dir; the cluster id is 16 random
# bytes in URL-safe base64 (22 chars), the same shape `random-uuid` prints.
if [[ ! -f "$KAFKA_RUN/data/meta.properties" ]]; then
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  if ! out="$("${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" 2>&1)"; then
    die "Kafka storage format failed in $KAFKA_RUN/data: $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')"
  fi
fi

# A fresh log per start, so the readiness line is from this run.
if [[ -f "$logfile" ]]; then mv -f "$logfile" "$logfile.1"; fi
start=$SECONDS
launch "$KAFKA_RUN/kafka.pid" "$logfile" "${jvm[@]}" kafka.Kafka "$config"
pid="$(<"$KAFKA_RUN/kafka.pid")"
wait_healthy Kafka "$KAFKA_RUN/kafka.pid" "$KAFKA_RUN/server.properties" "$CDP_KAFKA_START_TIMEOUT" "$logfile" kafka_healthy
log "kafka: healthy after $((SECONDS - start))s"
echo "kafka $address pid $pid started"
