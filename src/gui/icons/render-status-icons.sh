#!/bin/sh
# Renders the status pages' icons at 128 px (and 256 px for scale 2) as
# GTK's symbolic PNGs, from the Adwaita icon theme's symbolic SVGs.
#   src/gui/icons/render-status-icons.sh
# Run it after changing the list below, and commit the PNGs.
#
# Why: Adwaita 43 has its symbolic icons as PNG up to 96 px only, so a status
# page's 128 px icon is drawn from SVG through librsvg, which then stays
# loaded (7 MB resident) for the rest of the session (issue 4, item 9).
# GTK recolours a ".symbolic.png" like a symbolic SVG; in one whose icon uses
# only the foreground colour, the alpha channel is the shape and red, green
# and blue are zero. gdk-pixbuf-thumbnailer renders through the gdk-pixbuf SVG
# loader GTK would use (Debian: libgdk-pixbuf2.0-bin); ImageMagick's convert
# zeroes the colour (Debian: imagemagick).
#
# The icons are Adwaita's (GNOME Project, LGPL-3.0 or CC-BY-SA-3.0), renamed
# with a "credit-bridge-" prefix so that the theme's SVG is not found first.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
adwaita=/usr/share/icons/Adwaita/scalable
for icon in actions/view-list-bullet mimetypes/x-office-document \
            places/folder-saved-search status/dialog-warning; do
  name=$(basename "$icon")
  for dir in 128x128:128 128x128@2:256; do
    mkdir -p "$here/${dir%:*}/status"
    out="$here/${dir%:*}/status/credit-bridge-$name-symbolic.symbolic.png"
    gdk-pixbuf-thumbnailer -s "${dir#*:}" "$adwaita/$icon-symbolic.svg" "$out"
    convert "$out" -channel RGB -evaluate set 0 +channel "PNG32:$out"
  done
done
