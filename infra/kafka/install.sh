#!/usr/bin/env bash
# Gathers the Kafka broker's runtime jars from Maven Central into
# $CDP_INFRA_HOME/kafka-<version>/libs. No-op when cached, so later starts
# need neither Maven nor the network.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

libs="$KAFKA_HOME/libs"
if [[ -f "$libs/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
  exit 0
fi

command -v mvn >/dev/null 2>&1 ||
  die "mvn not found on PATH: install Maven 3.6+ to fetch the Kafka $KAFKA_VERSION jars from Maven Central"

mkdir -p "$KAFKA_HOME"
tmp="$(mktemp -d "$KAFKA_HOME/libs.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

log "kafka: fetching Kafka $KAFKA_VERSION jars with Maven (first time only)"
start=$SECONDS
pom="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pom.xml"
# Maven prints ANSI resets even with -B -q, so its output is kept for errors only.
# Offline first: a wiped CDP_INFRA_HOME is rebuilt from ~/.m2 without network.
mvn_copy() {
  mvn -B -q -Dstyle.color=never "$@" -f "$pom" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1
}
if ! mvn_copy -o >/dev/null; then
  out="$(mvn_copy)" ||
    die "maven could not fetch the Kafka $KAFKA_VERSION jars (is Maven Central reachable?): $(printf '%s' "$out" | grep -m 3 ERROR | tr '\n' ' ')"
fi
[[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] ||
  die "maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing from $tmp: check $pom"

# Atomic publish: a half-copied classpath is never mistaken for the cache.
rm -rf "$libs"
mv "$tmp" "$libs"
log "kafka: $(find "$libs" -name '*.jar' | wc -l) jars in $libs ($((SECONDS - start))s)"
