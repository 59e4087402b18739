#!/bin/bash
# Start time of a Java ExApp through start-exapp.sh, for the JVM option sets the image can use: the time from
# starting the script to the first GET /heartbeat answered 200 (polled with healthcheck.sh, about every 5 ms), and
# the CPU time the process (all its threads) had used by then. On a machine shared with other work the wall time
# grows with the load; the CPU time much less.
# The option sets run interleaved, round after round, so that a change in the machine's load hits all of them.
#
#   docs/docker/measure-start.sh JAR ARCHIVE ROUNDS [ARGS...]
#   docs/docker/measure-start.sh samples/target/ncsdk-samples.jar /tmp/exapp.jsa 11 hello-exapp
#
# ARCHIVE is made first with cds-training.sh when it does not exist. Prints one line per option set: the median,
# the fastest and the slowest start in ms, and the median CPU time.
set -euo pipefail

jar="$(realpath "$1")" archive="$2" rounds="$3"
shift 3
here="$(cd "$(dirname "$0")" && pwd)"
export EXAPP_JAR="$jar" APP_ID=start_probe APP_VERSION=1.0.0 APP_SECRET=start-probe APP_HOST=127.0.0.1
export NEXTCLOUD_URL=http://127.0.0.1:9 LOCAL_CA_DIR=/nonexistent
unset HP_SHARED_KEY JAVA_OPTS
if [[ ! -s "$archive" ]]; then
    EXAPP_CDS="$archive" APP_PORT=23990 "$here/cds-training.sh" "$@" > /dev/null 2>&1
fi

names=("JVM defaults" "SerialGC" "SerialGC, C1 only" "SerialGC, C1 only, CDS archive")
opts=(
    "-XX:MaxRAMPercentage=75"
    "-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
    "-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    "-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
)
cds=("" "" "" "$archive")
declare -A times cpus
tick=$(getconf CLK_TCK)

for ((r = 0; r < rounds; r++)); do
    for i in "${!names[@]}"; do
        port=$((23900 + i))
        start=$(date +%s%N)
        APP_PORT=$port EXAPP_JVM_OPTS="${opts[$i]}" EXAPP_CDS="${cds[$i]}" "$here/start-exapp.sh" "$@" \
            > /dev/null 2>&1 &
        pid=$!
        until APP_PORT=$port "$here/healthcheck.sh" 2> /dev/null; do
            kill -0 "$pid" 2> /dev/null || { echo "the ExApp exited (${names[$i]})" >&2; exit 1; }
        done
        times[$i]+="$(( ($(date +%s%N) - start) / 1000000 )) "
        read -r -a stat < "/proc/$pid/stat"
        cpus[$i]+="$(( (stat[13] + stat[14]) * 1000 / tick )) "
        kill -TERM "$pid"
        wait "$pid" || true
    done
done

echo "rounds: $rounds, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!names[@]}"; do
    sorted=($(printf '%s\n' ${times[$i]} | sort -n))
    n=${#sorted[@]}
    cpu=($(printf '%s\n' ${cpus[$i]} | sort -n))
    printf '%-32s median %5d ms  (%d-%d)  CPU median %5d ms\n' "${names[$i]}" "${sorted[$((n / 2))]}" \
        "${sorted[0]}" "${sorted[$((n - 1))]}" "${cpu[$((n / 2))]}"
done
