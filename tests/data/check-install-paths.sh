#!/bin/sh
# check-install-paths.sh: no path of the machine that built Credit Bridge is
# compiled into what it installs (issue 16). Run from the build folder, the
# programs learn the source and build paths from the environment that
# `meson devenv` and build-aux/run-app.sh set, never from config.h.
#
#   check-install-paths.sh BUILD-DIR SOURCE-DIR
#
# Installs into a DESTDIR of its own and greps every installed ELF file
# (the programs, with their debug information) for both paths.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
build=$1
source=$2

dest=$(mktemp -d "${TMPDIR:-/tmp}/credit-bridge-destdir-XXXXXX") || exit 1
trap 'rm -rf "$dest"' EXIT INT TERM

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  cat "$dest.log"
  rm -f "$dest.log"
  echo "FAIL: meson install into $dest failed"
  exit 1
fi
rm -f "$dest.log"

failed=0
# one file a line
IFS='
'
binaries=0
for f in $(find "$dest" -type f); do
  [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
  binaries=$((binaries + 1))
  name=${f#"$dest"}
  found=$(strings -a "$f" | grep -F -e "$source" -e "$build" | sort -u)
  if [ -n "$found" ]; then
    echo "FAIL: $name holds a path of this build:"
    echo "$found" | sed 's/^/  /'
    failed=1
  else
    echo "ok: $name holds neither $source nor $build"
  fi
done

if [ "$binaries" -lt 2 ]; then
  echo "FAIL: found $binaries installed programs in $dest, expected credit-bridge-cli and credit-bridge"
  exit 1
fi
exit $failed
