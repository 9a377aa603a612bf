#!/bin/bash
# test-cli-completion.sh: `credit-bridge-cli __complete`, the ids of the cache
# for the shell's completion: read without writing, silent without a cache.
# Usage: test-cli-completion.sh CLI FEED   (TAP output)
set -u
CLI=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")     # the test goes into a folder of its own
FEED="$2"
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"

. "$HERE/tap.sh"

DB="$TMP/catalog.db"

# __complete itself: silent, exit 0, reads without writing
expect 0 "__complete without a cache" "$CLI" __complete --db "$DB" courses
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
expect 0 "__complete of an unknown kind" "$CLI" __complete --db "$DB" teachers
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
printf 'not a database, not at all, but long enough to be read as a header........................' > "$DB"
expect 0 "__complete of a damaged cache" "$CLI" __complete --db "$DB" universities
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
if [ -e "$DB.damaged" ]; then not_ok "… and does not move it aside"; else ok "… and does not move it aside"; fi
"$CLI" catalog import --db "$DB.2" "$FEED" > /dev/null 2>&1
expect 0 "__complete universities" "$CLI" __complete --db "$DB.2" universities
if [ "$(echo "$out" | wc -l)" = 20 ] && [ "$(echo "$out" | head -1)" = cdut ]; then
  ok "… prints the 20 universities, one a line, sorted"
else
  not_ok "… prints the 20 universities, one a line, sorted" "$out"
fi
expect 0 "__complete courses with a prefix" "$CLI" __complete --db "$DB.2" courses scu:cs100
if [ "$out" = "$(printf 'scu:cs1004\nscu:cs1006')" ]; then ok "… prints the courses it begins"; else not_ok "… prints the courses it begins" "$out"; fi
expect 0 "__complete courses" "$CLI" __complete --db "$DB.2" courses
if [ "$(echo "$out" | wc -l)" = 1519 ]; then ok "… prints every course"; else not_ok "… prints every course" "$(echo "$out" | wc -l) lines"; fi
ls -A "$TMP" | grep -F catalog.db.2- > "$TMP/beside"
if [ -s "$TMP/beside" ]; then not_ok "__complete leaves no file beside the cache" "$(cat "$TMP/beside")"; else ok "__complete leaves no file beside the cache"; fi
expect 0 "__complete is not listed in --help" "$CLI" --help
lacks "… it is for the shell only" "$out" "__complete"

finish
