# shellcheck shell=bash
# shellcheck disable=SC2034 # the settings below are used by the scripts that source this file
# Shared settings and helpers for the local test servers. Sourced, never run.
#
# Everything cached and all run state lives under CDP_INFRA_HOME, outside the
# repo, so every clone on this machine (a developer's, CI's fresh clone) reuses
# the same jars/binary and finds the servers another clone already started.

CDP_INFRA_HOME="${CDP_INFRA_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/cdp-infra}"
CDP_INFRA_RUN="$CDP_INFRA_HOME/run"
CDP_SERVERS_ENV="$CDP_INFRA_RUN/servers.env"

# Non-standard ports on purpose: never collide with a developer's own Kafka/Mongo.
CDP_KAFKA_PORT="${CDP_KAFKA_PORT:-39092}"
CDP_KAFKA_CONTROLLER_PORT="${CDP_KAFKA_CONTROLLER_PORT:-39093}"
CDP_FERRETDB_PORT="${CDP_FERRETDB_PORT:-37017}"
CDP_KAFKA_START_TIMEOUT="${CDP_KAFKA_START_TIMEOUT:-60}"
CDP_FERRETDB_START_TIMEOUT="${CDP_FERRETDB_START_TIMEOUT:-30}"
CDP_STOP_TIMEOUT="${CDP_STOP_TIMEOUT:-30}"

# 3.9.x, not 4.x: kafkajs 2.2.4 needs protocol versions that Kafka 4.0 removed (KIP-896).
KAFKA_VERSION=3.9.1
KAFKA_HOME="$CDP_INFRA_HOME/kafka-$KAFKA_VERSION"
KAFKA_RUN="$CDP_INFRA_RUN/kafka"

# Newest 1.24 patch on the Go module proxy (v1.24.3+ do not exist there).
FERRETDB_VERSION=v1.24.2
FERRETDB_HOME="$CDP_INFRA_HOME/ferretdb-$FERRETDB_VERSION"
FERRETDB_BIN="$FERRETDB_HOME/ferretdb"
FERRETDB_RUN="$CDP_INFRA_RUN/ferretdb"

die() {
  printf '%s\n' "$*" >&2
  exit 1
}

log() {
  printf '%s\n' "$*" >&2
}

# Human-readable owner of a listening port, or nothing if no one listens.
port_owner() {
  local port="$1" listeners="" pid=""
  if command -v ss >/dev/null 2>&1; then
    listeners="$(ss -Hltnp "sport = :$port" 2>/dev/null || true)"
    pid="$(grep -o 'pid=[0-9]*' <<<"$listeners" | head -n 1 | cut -d= -f2 || true)"
  elif command -v lsof >/dev/null 2>&1; then
    pid="$(lsof -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | head -n 1 || true)"
    listeners="$pid"
  fi
  if [[ -n "$pid" ]]; then
    printf 'pid %s, cmd %s' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120 | sed 's/ *$//')"
  elif [[ -n "$listeners" ]] || port_open "$port"; then
    printf 'a process this user cannot see'
  fi
}

# A real TCP connect, without depending on nc or node.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Fails with the contract's message when someone else holds the port.
require_free_port() {
  local port="$1" var="$2" owner
  owner="$(port_owner "$port")"
  [[ -z "$owner" ]] || die "port $port is in use by another process ($owner) — stop it or set $var to a free port"
}

# Pid from a pid file, only if that process is alive and is really ours
# (its command line mentions our run dir): guards against pid reuse.
live_pid() {
  local pidfile="$1" marker="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  printf '%s' "$pid"
}

# Starts a command detached from the caller: own session (setsid) so it survives
# the calling shell and has no terminal; stdio to the log and /dev/null so a
# caller reading our stdout (Jest's execSync) is not held open by the server;
# fd 9 (the start lock) closed so the server does not keep holding the lock.
launch() {
  local pidfile="$1" logfile="$2"
  shift 2
  setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  # Our shell has no job control, so the child is not a group leader and
  # setsid execs in place: $! is the server's own pid.
  printf '%s\n' "$!" >"$pidfile"
}

# Polls check_fn until it succeeds, the process dies, or the timeout expires.
# A server that never got healthy is stopped, so the next start begins clean.
wait_healthy() {
  local name="$1" pidfile="$2" marker="$3" timeout="$4" logfile="$5" check_fn="$6" pid tail
  local deadline=$((SECONDS + timeout))
  pid="$(<"$pidfile")"
  while ! "$check_fn"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      die "$name exited during start-up; last log lines ($logfile):
$(tail -n 25 "$logfile" 2>/dev/null)"
    fi
    if ((SECONDS >= deadline)); then
      tail="$(tail -n 25 "$logfile" 2>/dev/null)"
      stop_pid "$name" "$pidfile" "$marker" >/dev/null 2>&1
      die "$name did not become healthy within ${timeout}s (stopped it, pid $pid); last log lines ($logfile):
$tail"
    fi
    sleep 0.5
  done
}

# Graceful TERM, then KILL after CDP_STOP_TIMEOUT; always removes the pid file.
stop_pid() {
  local name="$1" pidfile="$2" marker="$3" pid waited=0
  if ! pid="$(live_pid "$pidfile" "$marker")"; then
    rm -f "$pidfile"
    log "$name: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < CDP_STOP_TIMEOUT * 2)); do
    sleep 0.5
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: still running after ${CDP_STOP_TIMEOUT}s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "$name: stopped (pid $pid)"
}

# Serialises concurrent starts of one server (parallel Jest projects, two
# clones); held on fd 9 until the calling script exits.
take_start_lock() {
  local lock="$CDP_INFRA_RUN/$1.lock"
  mkdir -p "$CDP_INFRA_RUN"
  exec 9>"$lock"
  flock -w 900 9 || die "another start of $1 has held $lock for 15 minutes: look for a stuck install or start and end it"
}

# --- per-server health, shared by start.sh and status.sh ---

kafka_pid() { live_pid "$KAFKA_RUN/kafka.pid" "$KAFKA_RUN/server.properties"; }

kafka_healthy() {
  grep -q 'Transition from STARTING to STARTED' "$KAFKA_RUN/kafka.log" 2>/dev/null &&
    port_open "$CDP_KAFKA_PORT"
}

ferretdb_pid() { live_pid "$FERRETDB_RUN/ferretdb.pid" "$FERRETDB_RUN/"; }

ferretdb_healthy() {
  grep -q 'Listening on TCP' "$FERRETDB_RUN/ferretdb.log" 2>/dev/null &&
    port_open "$CDP_FERRETDB_PORT"
}
