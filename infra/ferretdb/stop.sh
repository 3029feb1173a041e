#!/usr/bin/env bash
# Stops FerretDB (TERM, then KILL after CDP_STOP_TIMEOUT).
# --clean also deletes its SQLite databases.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

stop_pid ferretdb "$FERRETDB_RUN/ferretdb.pid" "$FERRETDB_RUN/"
if [[ "${1:-}" == "--clean" ]]; then
  rm -rf "$FERRETDB_RUN/data"
  log "ferretdb: deleted $FERRETDB_RUN/data"
fi
