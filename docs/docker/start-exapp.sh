#!/bin/bash
# Entry point of a Java ExApp container (see docs/exapp.md, "Container image and HaRP").
#
# Behind HaRP (AppAPI sets HP_SHARED_KEY, HP_FRP_ADDRESS, HP_FRP_PORT): writes the FRP client's configuration,
# starts frpc in the background, then replaces this shell with the JVM. Without HaRP: starts the JVM directly.
#
# Variables AppAPI sets: APP_ID, APP_PORT, HP_SHARED_KEY, HP_FRP_ADDRESS, HP_FRP_PORT, HP_EXAPP_SOCK (optional).
# Variables of this image (defaults in brackets):
#   EXAPP_JAR        the application jar [/app/exapp.jar]
#   EXAPP_ARGS       arguments for the jar when the container is given none [empty]
#   EXAPP_JVM_OPTS   JVM options for a container [see JVM_DEFAULTS below]
#   JAVA_OPTS        more JVM options, placed after EXAPP_JVM_OPTS (so they win) [empty]
#   EXAPP_CDS        an AppCDS archive made at build time; used when the file exists [/app/exapp.jsa]
#   FRP_TARGET       how frpc reaches the ExApp: "unix" (HP_EXAPP_SOCK) or "tcp" (127.0.0.1:APP_PORT) [unix]
#   FRP_CONFIG       where the frpc configuration is written (it holds the shared key: mode 0600) [/tmp/frpc.toml]
#   FRP_CERTS_DIR    HaRP's client certificates (client.crt, client.key, ca.crt); TLS when the folder exists
#                    [/certs/frp]
#   FRP_PID_FILE     frpc's process id, for the health check [/tmp/frpc.pid]
#   EXAPP_CA_BUNDLE  a PEM bundle of the system CAs plus the ones HaRP installed, written when there are any;
#                    the JVM sees this variable only then [/tmp/exapp-ca-bundle.pem]
set -euo pipefail

JVM_DEFAULTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
EXAPP_JAR="${EXAPP_JAR:-/app/exapp.jar}"
EXAPP_JVM_OPTS="${EXAPP_JVM_OPTS-$JVM_DEFAULTS}"
EXAPP_CDS="${EXAPP_CDS:-/app/exapp.jsa}"
FRP_TARGET="${FRP_TARGET:-unix}"
FRP_CONFIG="${FRP_CONFIG:-/tmp/frpc.toml}"
FRP_CERTS_DIR="${FRP_CERTS_DIR:-/certs/frp}"
FRP_PID_FILE="${FRP_PID_FILE:-/tmp/frpc.pid}"
EXAPP_CA_BUNDLE="${EXAPP_CA_BUNDLE:-/tmp/exapp-ca-bundle.pem}"
LOCAL_CA_DIR="${LOCAL_CA_DIR:-/usr/local/share/ca-certificates}"
SYSTEM_CA_BUNDLE="${SYSTEM_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"

log() {
    echo "start-exapp: $*" >&2
}

# A TOML basic string: backslashes, quotes and line breaks escaped (values come from the environment).
toml_string() {
    local v="${1//\\/\\\\}"
    v="${v//\"/\\\"}"
    v="${v//$'\n'/\\n}"
    v="${v//$'\r'/\\r}"
    v="${v//$'\t'/\\t}"
    printf '"%s"' "$v"
}

# A TOML integer, or a clear failure (the port values come from the environment).
toml_port() {
    local name="$1" value="$2"
    if ! [[ "$value" =~ ^[0-9]{1,5}$ ]] || ((10#$value > 65535)); then
        log "$name must be a port number, got '$value'"
        exit 64
    fi
    printf '%d' "$((10#$value))"
}

write_frpc_config() {
    local missing=()
    for v in HP_FRP_ADDRESS HP_FRP_PORT APP_ID APP_PORT; do
        [[ -n "${!v:-}" ]] || missing+=("$v")
    done
    if ((${#missing[@]} > 0)); then
        log "HP_SHARED_KEY is set but ${missing[*]} not: cannot configure the FRP client"
        exit 64
    fi
    local server_port remote_port
    server_port="$(toml_port HP_FRP_PORT "$HP_FRP_PORT")"
    remote_port="$(toml_port APP_PORT "$APP_PORT")"
    (
        umask 077
        {
            echo "serverAddr = $(toml_string "$HP_FRP_ADDRESS")"
            echo "serverPort = $server_port"
            echo "loginFailExit = false"
            echo
            if [[ -d "$FRP_CERTS_DIR" ]]; then
                echo "transport.tls.enable = true"
                echo "transport.tls.certFile = $(toml_string "$FRP_CERTS_DIR/client.crt")"
                echo "transport.tls.keyFile = $(toml_string "$FRP_CERTS_DIR/client.key")"
                echo "transport.tls.trustedCaFile = $(toml_string "$FRP_CERTS_DIR/ca.crt")"
                echo "transport.tls.serverName = \"harp.nc\""
            else
                echo "transport.tls.enable = false"
            fi
            echo
            echo "metadatas.token = $(toml_string "$HP_SHARED_KEY")"
            echo
            echo "[[proxies]]"
            echo "name = $(toml_string "$APP_ID")"
            echo "type = \"tcp\""
            echo "remotePort = $remote_port"
            case "$FRP_TARGET" in
                unix)
                    echo "[proxies.plugin]"
                    echo "type = \"unix_domain_socket\""
                    echo "unixPath = $(toml_string "${HP_EXAPP_SOCK:-/tmp/exapp.sock}")"
                    ;;
                tcp)
                    echo "localIP = \"127.0.0.1\""
                    echo "localPort = $remote_port"
                    ;;
                *)
                    log "FRP_TARGET must be unix or tcp, got '$FRP_TARGET'"
                    exit 64
                    ;;
            esac
        } > "$FRP_CONFIG.tmp"
        mv -f "$FRP_CONFIG.tmp" "$FRP_CONFIG"
    )
}

# HaRP copies Nextcloud's CA certificates into LOCAL_CA_DIR and runs update-ca-certificates as the image's user,
# which fails for a non-root user; the JVM reads neither. One PEM file with both lets the app trust them
# (NextcloudApp.Builder.trustSystemCaBundle(Path.of(System.getenv("EXAPP_CA_BUNDLE")))).
write_ca_bundle() {
    shopt -s nullglob
    local extra=("$LOCAL_CA_DIR"/*.crt)
    shopt -u nullglob
    if ((${#extra[@]} == 0)); then
        unset EXAPP_CA_BUNDLE # set for the app only when the bundle exists
        return 0
    fi
    (
        umask 022
        {
            if [[ -r "$SYSTEM_CA_BUNDLE" ]]; then
                cat "$SYSTEM_CA_BUNDLE"
            fi
            for c in "${extra[@]}"; do
                cat "$c"
                echo
            done
        } > "$EXAPP_CA_BUNDLE.tmp"
        mv -f "$EXAPP_CA_BUNDLE.tmp" "$EXAPP_CA_BUNDLE"
    )
    export EXAPP_CA_BUNDLE
    log "${#extra[@]} extra CA certificate(s) from $LOCAL_CA_DIR: bundle written to $EXAPP_CA_BUNDLE"
}

write_ca_bundle

if [[ -n "${HP_SHARED_KEY:-}" ]]; then
    write_frpc_config
    if [[ -d "$FRP_CERTS_DIR" ]]; then
        log "HaRP: FRP client to $HP_FRP_ADDRESS:$HP_FRP_PORT over TLS ($FRP_CERTS_DIR), ExApp over $FRP_TARGET"
    else
        log "HaRP: FRP client to $HP_FRP_ADDRESS:$HP_FRP_PORT without TLS ($FRP_CERTS_DIR absent), ExApp over $FRP_TARGET"
    fi
    frpc -c "$FRP_CONFIG" &
    echo "$!" > "$FRP_PID_FILE"
else
    log "no HP_SHARED_KEY: not behind HaRP, no FRP client"
fi

# The JVM gets the container's signals (docker stop sends SIGTERM): exec, no shell in between.
set -f # option words are split on blanks, never expanded as file name patterns
jvm=()
# shellcheck disable=SC2206 # JVM options are words
jvm+=($EXAPP_JVM_OPTS)
if [[ -n "$EXAPP_CDS" && -f "$EXAPP_CDS" ]]; then
    jvm+=("-XX:SharedArchiveFile=$EXAPP_CDS" "-Xshare:auto")
fi
# shellcheck disable=SC2206
jvm+=(${JAVA_OPTS:-})
if (($# == 0)) && [[ -n "${EXAPP_ARGS:-}" ]]; then
    # shellcheck disable=SC2086
    set -- $EXAPP_ARGS
fi
exec java "${jvm[@]}" -jar "$EXAPP_JAR" "$@"
