#!/bin/sh
# The README's second command: installs what is missing, builds, and runs
# every test (the GTK tests under Xvfb). Usage: build-aux/run-tests.sh [BUILDDIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$top/_build"}

"$top/build-aux/install-deps.sh"

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "$top" -Dwerror=true
else
  meson setup "$build" "$top" -Dwerror=true
fi
ninja -C "$build"
# GTK tests need a display: one Xvfb for the whole run.
exec xvfb-run -a -s "-screen 0 1600x1200x24" meson test -C "$build" --print-errorlogs --num-processes 2
