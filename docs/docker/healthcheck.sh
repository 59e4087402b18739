#!/bin/bash
# Health check of a Java ExApp container (see docs/exapp.md, "Container image and HaRP"): healthy when the ExApp
# answers GET /heartbeat with 200 on 127.0.0.1:APP_PORT and, behind HaRP, the FRP client is still running.
# Needs only bash (its /dev/tcp), so the image carries no curl.
set -uo pipefail

FRP_PID_FILE="${FRP_PID_FILE:-/tmp/frpc.pid}"
port="${APP_PORT:-}"
if ! [[ "$port" =~ ^[0-9]{1,5}$ ]]; then
    echo "APP_PORT is not a port number" >&2
    exit 1
fi

if [[ -n "${HP_SHARED_KEY:-}" ]]; then
    pid="$(cat "$FRP_PID_FILE" 2>/dev/null || true)"
    # A dead frpc stays a zombie (the JVM, process 1, does not reap it): check the state, not only the pid.
    state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
    if [[ -z "$pid" || -z "$state" || "$state" == Z || "$state" == X ]]; then
        echo "frpc is not running" >&2
        exit 1
    fi
fi

exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
read -r -t 2 _ status _ <&3 || exit 1
exec 3<&-
[[ "$status" == 200 ]]
