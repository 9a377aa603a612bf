#!/bin/sh
# test-no-display.sh: a GUI test that cannot open a display fails and says
# why; it neither passes nor skips (exit status 77, which meson counts as a
# skip), so a run without Xvfb can never look green.
#
#   test-no-display.sh TEST-EXECUTABLE
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
exe=$1

# No X display and no Wayland one: GDK_BACKEND=x11 keeps GTK from finding
# the desktop's Wayland socket (wayland-0) on a developer's machine.
out=$(env -u DISPLAY -u WAYLAND_DISPLAY GDK_BACKEND=x11 "$exe" 2>&1)
rc=$?
echo "$out"
echo "exit status: $rc"
if [ "$rc" -eq 0 ]; then
  echo "FAIL: the GUI test passed without a display"
  exit 1
fi
if [ "$rc" -eq 77 ]; then
  echo "FAIL: the GUI test skipped (77) without a display instead of failing"
  exit 1
fi
case $out in
  *"Cannot open a display"*xvfb-run*) ;;
  *) echo "FAIL: the GUI test did not say that it needs a display and how to get one"; exit 1 ;;
esac
echo "ok: without a display the GUI test fails (exit status $rc) and says why"
