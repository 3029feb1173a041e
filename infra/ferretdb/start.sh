#!/usr/bin/env bash
# Starts (or finds) FerretDB with its SQLite back end on 127.0.0.1, detached.
# Prints one line: ferretdb <address> pid <pid> (started|reused).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../lib.sh
source "$here/../lib.sh"

take_start_lock ferretdb
"$here/install.sh"

address="127.0.0.1:$CDP_FERRETDB_PORT"
logfile="$FERRETDB_RUN/ferretdb.log"

if pid="$(ferretdb_pid)"; then
  # One from this CDP_INFRA_HOME runs; it must be the one we were asked for.
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "--listen-addr=$address " ||
    die "FerretDB from $CDP_INFRA_HOME is already running (pid $pid) but not on port $CDP_FERRETDB_PORT: run infra/stop.sh first, or unset CDP_FERRETDB_PORT"
  wait_healthy FerretDB "$FERRETDB_RUN/ferretdb.pid" "$FERRETDB_RUN/" "$CDP_FERRETDB_START_TIMEOUT" "$logfile" ferretdb_healthy
  echo "ferretdb $address pid $pid reused"
  exit 0
fi
rm -f "$FERRETDB_RUN/ferretdb.pid"

require_free_port "$CDP_FERRETDB_PORT" CDP_FERRETDB_PORT

mkdir -p "$FERRETDB_RUN/data"
if [[ -f "$logfile" ]]; then mv -f "$logfile" "$logfile.1"; fi
start=$SECONDS
# --sqlite-url needs an existing directory and the trailing slash.
# --state-dir=- and --debug-addr=-: no state file, no extra HTTP port to collide on.
# --telemetry=disable: no network calls home (and none are possible here).
# synchronous(normal): with WAL (FerretDB's default), a commit no longer waits for an fsync; a crash of the test
# server can lose the last commits but never corrupts. Each single-document write was an fsync before (~20 ms).
launch "$FERRETDB_RUN/ferretdb.pid" "$logfile" "$FERRETDB_BIN" \
  --handler=sqlite \
  "--sqlite-url=file:$FERRETDB_RUN/data/?_pragma=synchronous(normal)" \
  "--listen-addr=$address" \
  --state-dir=- \
  --debug-addr=- \
  --telemetry=disable \
  --log-level=info
pid="$(<"$FERRETDB_RUN/ferretdb.pid")"
wait_healthy FerretDB "$FERRETDB_RUN/ferretdb.pid" "$FERRETDB_RUN/" "$CDP_FERRETDB_START_TIMEOUT" "$logfile" ferretdb_healthy
log "ferretdb: healthy after $((SECONDS - start))s"
echo "ferretdb $address pid $pid started"
