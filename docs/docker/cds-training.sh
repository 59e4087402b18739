#!/bin/bash
# Build-time training run for the image's class-data sharing archive (see docs/exapp.md, "Container image and
# HaRP"): starts the ExApp through start-exapp.sh with -XX:ArchiveClassesAtExit, waits for its first heartbeat,
# calls it a few more times, stops it with SIGTERM (as docker stop does) and checks that the archive was written.
# The JVM writes the archive when it exits; it holds the classes loaded up to then, so the next start reads them
# mapped from the archive instead of loading and verifying them from the jar.
# Runs with a made-up environment: the ExApp must start without reaching Nextcloud (the heartbeat needs nothing).
set -euo pipefail

archive="${EXAPP_CDS:-/app/exapp.jsa}"
here="$(cd "$(dirname "$0")" && pwd)"
rm -f "$archive"

export APP_ID="${APP_ID:-cds_training}" APP_VERSION="${APP_VERSION:-1.0.0}" APP_SECRET="${APP_SECRET:-cds-training}"
export APP_HOST=127.0.0.1 APP_PORT="${APP_PORT:-23999}" NEXTCLOUD_URL="${NEXTCLOUD_URL:-http://127.0.0.1:9}"
unset HP_SHARED_KEY
# -Xlog:cds=error: without it the JVM warns of every class it cannot archive (picocli's are Java 5 classes)
EXAPP_CDS="" JAVA_OPTS="${JAVA_OPTS:-} -XX:ArchiveClassesAtExit=$archive -Xlog:cds=error" "$here/start-exapp.sh" "$@" &
app=$!

for _ in $(seq 1 600); do
    if "$here/healthcheck.sh" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$app" 2>/dev/null; then
        echo "cds-training: the ExApp exited before answering a heartbeat" >&2
        exit 1
    fi
    sleep 0.1
done
for _ in 1 2 3 4 5; do
    "$here/healthcheck.sh"
done
kill -TERM "$app"
wait "$app" || true
if [[ ! -s "$archive" ]]; then
    echo "cds-training: no archive written at $archive" >&2
    exit 1
fi
echo "cds-training: $(stat -c %s "$archive") bytes in $archive"
