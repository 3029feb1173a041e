#!/usr/bin/env bash
# Stops the local test servers; safe when nothing runs.
# --clean also deletes their data directories (topics, collections).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "$here/lib.sh"

case "${1:-}" in
  "" | --clean) ;;
  *) die "unknown option '$1': usage is infra/stop.sh [--clean]" ;;
esac

"$here/kafka/stop.sh" "$@"
"$here/ferretdb/stop.sh" "$@"
# The addresses in it no longer answer; callers should not trust a stale file.
rm -f "$CDP_SERVERS_ENV"
