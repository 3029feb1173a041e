#!/usr/bin/env bash
# Prints the state of each local test server; exit 0 only if both are healthy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "$here/lib.sh"

rc=0
# report <name> <port> <pid_fn> <healthy_fn>
report() {
  local name="$1" port="$2" pid owner
  if pid="$("$3")"; then
    if "$4"; then
      printf '%-9s %-9s 127.0.0.1:%s pid %s\n' "$name" running "$port" "$pid"
    else
      printf '%-9s %-9s 127.0.0.1:%s pid %s (starting, or see %s)\n' "$name" unhealthy "$port" "$pid" "$CDP_INFRA_RUN/$name/$name.log"
      rc=1
    fi
  else
    owner="$(port_owner "$port")"
    printf '%-9s %-9s 127.0.0.1:%s%s\n' "$name" stopped "$port" "${owner:+ (port held by another process: $owner)}"
    rc=1
  fi
}

report kafka "$CDP_KAFKA_PORT" kafka_pid kafka_healthy
report ferretdb "$CDP_FERRETDB_PORT" ferretdb_pid ferretdb_healthy
echo "home      $CDP_INFRA_HOME"
exit "$rc"
