#!/bin/sh
# Renders the application icon's PNG sizes from its SVG.
#   data/icons/render-png.sh
# Run it after changing hicolor/scalable/apps/*.svg, and commit the PNGs.
#
# Why PNGs beside the SVG: on X11 GTK gives the window manager the icon at
# every size the theme has it, rendering an SVG through librsvg, which then
# stays loaded (6.5 MB resident) for an icon no one looks at in the window.
# With these sizes as PNGs, the window icon needs no SVG (issue 4, item 9).
# gdk-pixbuf-thumbnailer renders through the same gdk-pixbuf SVG loader GTK
# would use (Debian: libgdk-pixbuf2.0-bin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/hicolor/scalable/apps/io.github.creditbridge.CreditBridge.svg"
for size in 16 32 48 64 128; do
  mkdir -p "$here/hicolor/${size}x${size}/apps"
  gdk-pixbuf-thumbnailer -s "$size" "$svg" \
    "$here/hicolor/${size}x${size}/apps/io.github.creditbridge.CreditBridge.png"
done
