#!/bin/sh
# check-install-paths.sh: no path of the machine that built Credit Bridge is
# compiled into what it installs (issue 16). Run from the build folder, the
# programs learn the source and build paths from the environment that
# `meson devenv` and build-aux/run-app.sh set, never from config.h.
#
#   check-install-paths.sh BUILD-DIR SOURCE-DIR
#
# Installs into a DESTDIR of its own and greps every installed ELF file
# (the programs, with their debug information) for both paths. Then runs
# the installed credit-bridge-cli as a user would, without the variables
# `meson devenv` sets, on an empty cache: it must import the installed demo
# catalog, DESTDIR/DATADIR/credit-bridge/catalog/feed.json, and name that
# file (issue 21).
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

# Where meson put the programs and the data: PREFIX/BINDIR, PREFIX/DATADIR.
dirs=$(meson introspect --buildoptions "$build" | python3 -c '
import json, os, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
print(os.path.join(o["prefix"], o["bindir"]))
print(os.path.join(o["prefix"], o["datadir"]))') || { echo "FAIL: meson introspect $build"; exit 1; }
bindir=$(echo "$dirs" | sed -n 1p)
datadir=$(echo "$dirs" | sed -n 2p)
cli="$dest$bindir/credit-bridge-cli"
feed="$dest$datadir/credit-bridge/catalog/feed.json"
for f in "$cli" "$feed"; do
  if [ -f "$f" ]; then echo "ok: installed ${f#"$dest"}"; else echo "FAIL: ${f#"$dest"} is not installed"; exit 1; fi
done
if strings -a "$cli" | grep -qxF "$datadir/credit-bridge/catalog/feed.json"; then
  echo "ok: credit-bridge-cli names $datadir/credit-bridge/catalog/feed.json"
else
  echo "FAIL: credit-bridge-cli does not name the installed demo catalog $datadir/credit-bridge/catalog/feed.json"
  failed=1
fi

home="$dest.home"
mkdir -p "$home"
trap 'rm -rf "$dest" "$home"' EXIT INT TERM
env -u CREDIT_BRIDGE_DEMO_CATALOG -u CREDIT_BRIDGE_LOCALEDIR -u CREDIT_BRIDGE_HELP_HTML_DIR \
    -u CREDIT_BRIDGE_FEED -u CREDIT_BRIDGE_DB -u GSETTINGS_SCHEMA_DIR \
    HOME="$home" XDG_CACHE_HOME="$home/cache" LC_ALL=C.UTF-8 LANGUAGE= \
    "$cli" catalog stats >"$home/out" 2>"$home/err"
status=$?
said="credit-bridge-cli: the catalog cache is empty; importing $feed."
if [ $status = 0 ] && grep -qxF "$said" "$home/err" && grep -q "demo" "$home/out"; then
  echo "ok: the installed credit-bridge-cli imports the installed demo catalog into an empty cache, and says so"
else
  echo "FAIL: the installed credit-bridge-cli, on an empty cache, should say “$said” and import it"
  echo "  exit status $status; stderr:"
  sed 's/^/    /' "$home/err"
  echo "  stdout:"
  sed 's/^/    /' "$home/out"
  failed=1
fi
if grep -qF -e "$source" -e "$build" "$home/err" "$home/out"; then
  echo "FAIL: the installed credit-bridge-cli named a path of this build:"
  grep -hF -e "$source" -e "$build" "$home/err" "$home/out" | sed 's/^/  /'
  failed=1
fi
exit $failed
