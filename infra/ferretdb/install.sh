#!/usr/bin/env bash
# Builds FerretDB (MongoDB wire protocol, SQLite back end) from the Go module
# proxy into $CDP_INFRA_HOME/ferretdb-<version>/ferretdb. No-op when cached.
#
# Why a writable copy of the module rather than `go install ...@version` or a
# tiny main importing github.com/FerretDB/FerretDB/ferretdb:
# - `go install` builds a binary that panics at start, because
#   build/version/version.txt is generated and not in the module zip
#   (FerretDB issue 2982);
# - a tiny main would lose the real CLI (flags, logging, handler registry),
#   which we would then have to re-implement;
# - building ./cmd/ferretdb from a copy with version.txt written in gives the
#   upstream binary, flags included, and its own go.sum pins every dependency.
#
# First build on 2 cores: see infra/README.md (modernc.org/sqlite dominates).
# GOCACHE and GOMODCACHE stay at Go's defaults (under $HOME) so they persist.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

if [[ -x "$FERRETDB_BIN" ]]; then
  exit 0
fi

command -v go >/dev/null 2>&1 ||
  die "go not found on PATH: install Go 1.24+ to build FerretDB $FERRETDB_VERSION"

mkdir -p "$FERRETDB_HOME"
work="$(mktemp -d "$FERRETDB_HOME/build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# sum.golang.org is not reachable from these machines (only the module proxy
# is), so the checksum database is off for this one download; the module's
# dependencies are still verified against FerretDB's own go.sum at build time.
# GOTOOLCHAIN=local: never try to download a toolchain (go.mod says go1.24.3).
# CGO_ENABLED=0: SQLite is pure Go (modernc.org/sqlite), so no C compiler is
# needed and the binary is static.
export GOSUMDB=off GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0

log "ferretdb: building $FERRETDB_VERSION (first time only; takes a few minutes)"
start=$SECONDS
if ! json="$(cd "$work" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>&1)"; then
  die "go mod download of FerretDB $FERRETDB_VERSION failed (is the Go module proxy reachable?): $(printf '%s' "$json" | tail -n 3 | tr '\n' ' ')"
fi
moddir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$moddir" ]] || die "go mod download of FerretDB $FERRETDB_VERSION gave no module directory: $json"

# The module cache is read-only; copy it to write the generated version file.
cp -R "$moddir" "$work/src"
chmod -R u+w "$work/src"
printf '%s\n' "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"

if ! out="$(cd "$work/src" && go build -trimpath -o "$work/ferretdb" ./cmd/ferretdb 2>&1)"; then
  die "go build of FerretDB $FERRETDB_VERSION failed: $(printf '%s' "$out" | tail -n 5 | tr '\n' ' ')"
fi
"$work/ferretdb" --version >/dev/null 2>&1 ||
  die "the freshly built FerretDB binary does not run ($work/ferretdb --version failed): delete $FERRETDB_HOME and retry"

# Atomic publish: a half-built binary is never mistaken for the cache.
mv "$work/ferretdb" "$FERRETDB_BIN"
log "ferretdb: built $FERRETDB_BIN in $((SECONDS - start))s"
