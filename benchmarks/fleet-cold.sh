#!/usr/bin/env bash
# Fleet update check in a cold JVM, with the fake servers in a separate process.
# Usage: bash benchmarks/fleet-cold.sh [SERVERS] [APPS] [RUNS]   (after: mvn -B -Pbench -pl benchmarks -am package -DskipTests)
# Each run is a fresh `java` process; "process" is its whole wall time, JVM start-up and exit included.
set -euo pipefail
servers=${1:-50} apps=${2:-60} runs=${3:-5}
jar="$(dirname "$0")/target/benchmarks.jar"
java=${JAVA:-java}
dir=$(mktemp -d)
trap 'kill "$serve" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$java" -cp "$jar" dev.ncsdk.bench.appstore.FleetCheckCold serve "$dir/urls" "$servers" "$apps" &
serve=$!
for _ in $(seq 1 600); do [ -f "$dir/urls" ] && break; sleep 0.1; done
[ -f "$dir/urls" ] || { echo "fake servers did not start" >&2; exit 1; }
echo "$servers servers x $apps apps, $("$java" -version 2>&1 | head -1)"
for r in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  line=$("$java" -cp "$jar" dev.ncsdk.bench.appstore.FleetCheckCold check "$dir/urls")
  t1=$(date +%s%N)
  echo "run $r: process $(( (t1 - t0) / 1000000 )) ms; $line"
done
# The same fleet through the samples CLI, the way an operator runs it (the launcher's JVM options apply).
cli="$(dirname "$0")/../samples/target/ncsdk-samples.jar"
if [ -f "$cli" ]; then
  store=$(head -1 "$dir/urls")
  for r in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    rc=0
    NCSDK_BENCH_PASSWORD=bench "$java" -jar "$cli" update-check --servers "$dir/urls.servers" --store "$store" \
        --json > "$dir/out.json" || rc=$?
    t1=$(date +%s%N)
    counts=$(curl -s "$(sed -n 2p "$dir/urls")/counts" 2>/dev/null || echo "? ?")
    echo "cli run $r: process $(( (t1 - t0) / 1000000 )) ms, exit $rc, store/server requests $counts," \
        "$(grep -o '"server"' "$dir/out.json" | wc -l) servers in the JSON"
  done
fi
