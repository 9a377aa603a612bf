#!/bin/sh
# Install what Credit Bridge needs to build, run and test on Debian 12.
# Idempotent: packages already present are left alone. Run as root or with sudo.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev libepoxy-dev libxml2-utils
  libsoup-3.0-dev glib-networking nettle-dev
  desktop-file-utils appstream yelp-tools
  xvfb xauth dbus-x11 at-spi2-core librsvg2-common adwaita-icon-theme
  xdotool imagemagick x11-utils
  libgl1-mesa-dri
  fonts-noto-cjk fonts-cantarell locales
  python3 python3-jsonschema poppler-utils time
  scdoc man-db groff-base bash-completion
  clang libclang-rt-14-dev
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The Chinese locale, so the interface and its tests can run in zh_CN.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf8$'; then
  $SUDO sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/; s/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen >/dev/null
fi
