#!/bin/sh
# Renders the icons Credit Bridge would otherwise draw from SVG as GTK's
# symbolic PNGs.
#   src/gui/icons/render-icons.sh
# Run it after changing the lists below, and commit the PNGs.
#
# Why: GTK draws an SVG icon through gdk-pixbuf's SVG loader, librsvg, which
# then stays loaded (7 MB resident) for the rest of the session (issue 4,
# item 9). Adwaita 43 has its symbolic icons as PNG up to 96 px only, and
# libadwaita's own icons are SVG only. GTK recolours a ".symbolic.png" like a
# symbolic SVG; in one whose icon uses only the foreground colour, the alpha
# channel is the shape and red, green and blue are zero.
# gdk-pixbuf-thumbnailer renders through the gdk-pixbuf SVG loader GTK would
# use (Debian: libgdk-pixbuf2.0-bin); ImageMagick's convert zeroes the colour
# (Debian: imagemagick); gresource reads libadwaita's icons (libglib2.0-bin).
#
# - The status pages' 128 px icons are Adwaita's (GNOME Project, LGPL-3.0 or
#   CC-BY-SA-3.0), renamed with a "credit-bridge-" prefix so that the theme's
#   SVG is not found first.
# - The expander rows' arrow is libadwaita's (LGPL-2.1-or-later), under its
#   own name: the application's 16 px PNG is a closer match than libadwaita's
#   scalable SVG.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# render SVG SIZE OUT
render() {
  mkdir -p "$(dirname "$3")"
  gdk-pixbuf-thumbnailer -s "$2" "$1" "$3"
  convert "$3" -strip -channel RGB -evaluate set 0 +channel "PNG32:$3"
}

adwaita=/usr/share/icons/Adwaita/scalable
for icon in actions/view-list-bullet mimetypes/x-office-document \
            places/folder-saved-search status/dialog-warning; do
  name=credit-bridge-$(basename "$icon")-symbolic
  render "$adwaita/$icon-symbolic.svg" 128 "$here/128x128/status/$name.symbolic.png"
  render "$adwaita/$icon-symbolic.svg" 256 "$here/128x128@2/status/$name.symbolic.png"
done

libadwaita=$(find /usr/lib -name 'libadwaita-1.so.0' | head -n 1)
gresource extract "$libadwaita" /org/gnome/Adwaita/icons/scalable/actions/adw-expander-arrow-symbolic.svg \
  > "$tmp/adw-expander-arrow-symbolic.svg"
render "$tmp/adw-expander-arrow-symbolic.svg" 16 "$here/16x16/actions/adw-expander-arrow-symbolic.symbolic.png"
render "$tmp/adw-expander-arrow-symbolic.svg" 32 "$here/16x16@2/actions/adw-expander-arrow-symbolic.symbolic.png"
