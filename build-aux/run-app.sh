#!/bin/sh
# The README's first command: installs what is missing, builds, imports the
# bundled demo catalog and starts Credit Bridge from the build folder.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$top/_build"}

"$top/build-aux/install-deps.sh"

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "$top"
else
  meson setup "$build" "$top"
fi
ninja -C "$build"
# Compiled settings schema and translations, so the app runs uninstalled
# (the same variables as `meson devenv -C "$build"` sets).
export GSETTINGS_SCHEMA_DIR="$build/data"
export CREDIT_BRIDGE_LOCALEDIR="$build/po"
"$build/src/cli/credit-bridge-cli" catalog import "$top/data/catalog/feed.json"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: the catalog is ready; try $build/src/cli/credit-bridge-cli catalog search 数学" >&2
  exit 0
fi
exec "$build/src/gui/credit-bridge"
