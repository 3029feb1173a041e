#!/usr/bin/env bash
# Installs (first time only) and starts the local test servers, or finds them
# already running, then writes $CDP_INFRA_HOME/run/servers.env. The last two
# lines on stdout are that file's content, for callers that parse stdout.
# Exit 0 only when both Kafka and FerretDB are healthy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "$here/lib.sh"

mkdir -p "$CDP_INFRA_RUN"
kafka_out="$(mktemp "$CDP_INFRA_RUN/.kafka-start.XXXXXX")"
ferretdb_out="$(mktemp "$CDP_INFRA_RUN/.ferretdb-start.XXXXXX")"
trap 'rm -f "$kafka_out" "$ferretdb_out"' EXIT

# In parallel: on a fresh machine the Maven fetch overlaps the Go build.
# Each script prints its own one-sentence failure reason on stderr.
"$here/kafka/start.sh" >"$kafka_out" &
kafka_job=$!
"$here/ferretdb/start.sh" >"$ferretdb_out" &
ferretdb_job=$!
ok=true
wait "$kafka_job" || ok=false
wait "$ferretdb_job" || ok=false
cat "$kafka_out" "$ferretdb_out"
if ! $ok; then
  # An earlier run's file would name a server that is not there now.
  rm -f "$CDP_SERVERS_ENV"
  exit 1
fi

env_lines="KAFKA_BROKERS=127.0.0.1:$CDP_KAFKA_PORT
MONGODB_URL=mongodb://127.0.0.1:$CDP_FERRETDB_PORT/"
# Atomic write: a reader never sees a half-written file.
printf '%s\n' "$env_lines" >"$CDP_SERVERS_ENV.tmp"
mv -f "$CDP_SERVERS_ENV.tmp" "$CDP_SERVERS_ENV"
printf '%s\n' "$env_lines"
