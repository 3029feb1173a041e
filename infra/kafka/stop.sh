#!/usr/bin/env bash
# Stops the broker (TERM lets it shut down cleanly; KILL after CDP_STOP_TIMEOUT).
# --clean also deletes its data, so the next start formats fresh storage.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

stop_pid kafka "$KAFKA_RUN/kafka.pid" "$KAFKA_RUN/server.properties"
if [[ "${1:-}" == "--clean" ]]; then
  rm -rf "$KAFKA_RUN/data"
  log "kafka: deleted $KAFKA_RUN/data"
fi
