#!/usr/bin/env bash
# Builds the three library jars twice and compares them byte for byte. Identical jars prove the build is
# reproducible (project.build.outputTimestamp in pom.xml fixes the entry times; nothing else may vary: no build
# time, host, path or user in any entry). Each build is of a fresh copy of the tracked files in its own directory,
# tests skipped: the jars are what is compared.
#
#   scripts/check-reproducible.sh           two fresh builds
#   scripts/check-reproducible.sh --reuse   the main jars already in */target against one fresh build; only
#                                           valid right after a clean build with the same JDK (a worktree's
#                                           target/ may hold classes compiled by another JDK)
# Extra Maven flags: $MVN_FLAGS (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
modules=(ocs-client appstore-client appapi-client)

builds=(1 2)
if [[ "${1:-}" == "--reuse" ]]; then
  for m in "${modules[@]}"; do
    jar="$(ls "$root/$m/target/$m-"*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -1)"
    [[ -n "$jar" ]] || { echo "--reuse: no jar in $m/target; build first" >&2; exit 2; }
    mkdir -p "$work/build1/$m/target"
    cp "$jar" "$work/build1/$m/target/"
  done
  builds=(2)
fi

for n in "${builds[@]}"; do
  mkdir -p "$work/build$n"
  # the committed tree (and uncommitted edits to tracked files), not target/ or other local files
  (cd "$root" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$work/build$n"
  (cd "$work/build$n" && mvn -B -q ${MVN_FLAGS:-} -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
      -Dmaven.javadoc.skip=true -pl "$(IFS=,; echo "${modules[*]}")" -am package)
done

status=0
for m in "${modules[@]}"; do
  for jar in "$work/build1/$m/target/"*.jar; do
    other="$work/build2/$m/target/$(basename "$jar")"
    if cmp -s "$jar" "$other"; then
      echo "reproducible: $m/$(basename "$jar") ($(sha256sum < "$jar" | cut -c1-16))"
    else
      echo "NOT reproducible: $m/$(basename "$jar")" >&2
      diff <(unzip -lv "$jar") <(unzip -lv "$other") >&2 || true
      status=1
    fi
  done
done
exit $status
