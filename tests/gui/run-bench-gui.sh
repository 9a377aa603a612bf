#!/bin/sh
# How the window performs with a large catalog (issue 4, item 9).
#   tests/gui/run-bench-gui.sh BUILDDIR [N]
# Makes a synthetic feed of N courses (default 100000) with tests/gen-feed.py,
# imports it with credit-bridge-cli, then runs bench-gui on an empty libadwaita
# window and on Credit Bridge, three times each, under Xvfb.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run-bench-gui.sh BUILDDIR [N]}
n=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$top/tests/gen-feed.py" --courses "$n" --out "$work/feed" >/dev/null
"$build/src/cli/credit-bridge-cli" catalog import --db "$work/catalog.db" "$work/feed/feed.json" >/dev/null

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" CREDIT_BRIDGE_DB="$work/catalog.db"
for i in 1 2 3; do
  xvfb-run -a -s "-screen 0 1600x1200x24" "$build/tests/gui/bench-gui" empty
  xvfb-run -a -s "-screen 0 1600x1200x24" "$build/tests/gui/bench-gui" app
done
