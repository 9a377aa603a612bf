#!/bin/sh
# test-draft-crash.sh: work survives a crash (issue 14, item 3)
#
# The real application, in an X server of its own (xvfb-run) with a D-Bus
# session of its own: a plan is opened, its student's name typed with real
# key events (xdotool), and within two seconds the draft holds the edit.
# The application is killed with SIGKILL; at the next start it offers the
# draft, Return restores it, Ctrl+S saves it to the plan's own file, and
# `credit-bridge-cli plan show --json` reads the name back. After Ctrl+Q
# the draft is gone, and the next start reopens the plan open at quit,
# where Ctrl+Z and Shift+Ctrl+Z undo and redo a name typed.
# Criticals and warnings are fatal (G_DEBUG=fatal-criticals) and fail it.
#
# Usage: test-draft-crash.sh GUI CLI SCHEMA_DIR FEED (under xvfb-run and
# dbus-run-session: see tests/gui/meson.build). Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

gui=$1
cli=$2
schemas=$3
feed=$4
for tool in xdotool; do
  command -v "$tool" >/dev/null || { echo "Bail out! $tool is needed (build-aux/install-deps.sh installs it)"; exit 1; }
done
[ -n "$DISPLAY" ] || { echo "Bail out! no X display: run under xvfb-run"; exit 1; }
[ -n "$DBUS_SESSION_BUS_ADDRESS" ] || { echo "Bail out! no D-Bus session: run under dbus-run-session"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/draft-crash-XXXXXX")
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
. "$(dirname "$0")/../plan/tap.sh"

check () {
  if eval "$2"; then ok "$1"; else not_ok "$1"; fi
}

# Settings in a key file of this run's own, so that they last from one
# start to the next as they do for a person.
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$schemas"
# No accessibility bus: its registry would print into the TAP stream.
export CREDIT_BRIDGE_DB="$tmp/catalog.db" G_DEBUG=fatal-criticals NO_AT_BRIDGE=1 GTK_A11Y=none
mkdir -p "$tmp/config/glib-2.0/settings"
cat >"$tmp/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/creditbridge/CreditBridge]
first-run-done=true
home-university='scu'
window-width=1100
window-height=720
KEYS
plan="$tmp/stay.creditplan"
draft="$tmp/data/credit-bridge/drafts/draft.creditplan"

"$cli" catalog import "$feed" >"$tmp/out" 2>"$tmp/err" &&
  "$cli" plan new --student Wang --home scu --host cqu --term 2026-autumn "$plan" >>"$tmp/out" 2>>"$tmp/err" &&
  "$cli" plan add "$plan" cqu:arch2005 >>"$tmp/out" 2>>"$tmp/err"
check "a plan to edit" '[ -f "$plan" ]'
rm -f "$tmp/out" "$tmp/err"

# start [FILE]: runs the application, waits for its window ($win)
start () {
  "$gui" "$@" >>"$tmp/app.log" 2>&1 &
  app_pid=$!
  win=
  for _ in $(seq 1 100); do
    win=$(xdotool search --name 'Credit Bridge$' 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    sleep 0.2
  done
  # the plan page built and drawn
  sleep 2
}

# The student's name is the plan page's first field, at the top of the
# window (a 1100 × 720 window shows it at 183, 190).
start "$plan"
check "the window opens" '[ -n "$win" ]'
check "it names the plan" '[ "$(xdotool getwindowname "$win")" = "stay.creditplan — Credit Bridge" ]'
xdotool mousemove --window "$win" 183 190 click 1
sleep 0.3
xdotool key --window "$win" ctrl+a
xdotool type --window "$win" --delay 40 'Li Ming'
typed=$(date +%s%N)
for _ in $(seq 1 40); do
  [ -f "$draft" ] && break
  sleep 0.1
done
drafted=$(date +%s%N)
echo "# the draft came $(( (drafted - typed) / 1000000 )) ms after the last key"
check "the draft is written within two seconds" '[ -f "$draft" ] && [ $(( (drafted - typed) / 1000000 )) -lt 2000 ]'
"$cli" plan show --json "$draft" >"$tmp/draft.json" 2>"$tmp/err"
check "the draft holds the edit" 'grep -q "\"Li Ming\"" "$tmp/draft.json"'
check "the title marks unsaved changes" '[ "$(xdotool getwindowname "$win")" = "• stay.creditplan — Credit Bridge" ]'

kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null
app_pid=
check "the plan file is as it was before the crash" '! "$cli" plan show --json "$plan" | grep -q "Li Ming"'

# The next start offers the draft; Return restores it (the default).
start
dialog=$(xdotool search --onlyvisible --name '^Restore Unsaved Changes\?$' 2>/dev/null | head -n 1)
check "the next start offers to restore the draft" '[ -n "$dialog" ]'
[ -n "$dialog" ] && xdotool windowraise "$dialog" windowfocus --sync "$dialog"
xdotool key Return
sleep 1
check "the restored plan is shown with its file, unsaved" '[ "$(xdotool getwindowname "$win")" = "• stay.creditplan — Credit Bridge" ]'
xdotool windowfocus --sync "$win" 2>/dev/null
xdotool key --window "$win" ctrl+s
sleep 1
"$cli" plan show --json "$plan" >"$tmp/plan.json" 2>"$tmp/err"
check "saved, the plan file has the edit made before the crash" 'grep -q "\"Li Ming\"" "$tmp/plan.json"'
check "saved, the draft is gone" '[ ! -f "$draft" ]'
check "saved, the title has no mark" '[ "$(xdotool getwindowname "$win")" = "stay.creditplan — Credit Bridge" ]'

xdotool key --window "$win" ctrl+q
for _ in $(seq 1 50); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
check "Ctrl+Q quits" '! kill -0 "$app_pid" 2>/dev/null'
wait "$app_pid"
status=$?
app_pid=
check "the application ended well (status $status)" '[ "$status" = 0 ]'

# The plan open at quit opens again.
start
check "the next start reopens the plan open at quit" '[ "$(xdotool getwindowname "$win")" = "stay.creditplan — Credit Bridge" ]'
check "and offers no draft" '[ ! -f "$draft" ]'

# Ctrl+Z takes the last change back, Shift+Ctrl+Z makes it again: a new
# name typed, the focus moved on (Tab), then the keys; Ctrl+S each time.
xdotool mousemove --window "$win" 183 190 click 1
sleep 0.3
xdotool key --window "$win" ctrl+a
xdotool type --window "$win" --delay 40 'Zhang San'
sleep 0.5
xdotool key --window "$win" Tab
sleep 0.3
xdotool key --window "$win" ctrl+z
sleep 0.5
xdotool key --window "$win" ctrl+s
sleep 1
"$cli" plan show --json "$plan" >"$tmp/plan.json" 2>"$tmp/err"
check "Ctrl+Z undoes the typed name" 'grep -q "\"Li Ming\"" "$tmp/plan.json" && ! grep -q "Zhang San" "$tmp/plan.json"'
xdotool key --window "$win" ctrl+shift+z
sleep 0.5
xdotool key --window "$win" ctrl+s
sleep 1
"$cli" plan show --json "$plan" >"$tmp/plan.json" 2>"$tmp/err"
check "Shift+Ctrl+Z redoes it" 'grep -q "\"Zhang San\"" "$tmp/plan.json"'
kill "$app_pid"
wait "$app_pid" 2>/dev/null
app_pid=

if grep -E "CRITICAL|WARNING|Trace/breakpoint" "$tmp/app.log" >"$tmp/why"; then
  not_ok "no critical or warning"
else
  ok "no critical or warning"
fi
echo "1..$n"
exit $failed
