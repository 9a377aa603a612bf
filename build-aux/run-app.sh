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
# Uninstalled, the programs find the compiled settings schema, the
# translations, the demo catalog and the help as HTML through the
# environment `meson devenv` sets (meson.add_devenv () in the meson.build
# files): no path of the build is compiled into them.
meson devenv -C "$build" "$build/src/cli/credit-bridge-cli" catalog import "$top/data/catalog/feed.json"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: the catalog is ready; try meson devenv -C $build credit-bridge-cli catalog search 数学" >&2
  exit 0
fi
exec meson devenv -C "$build" "$build/src/gui/credit-bridge"
