#!/bin/bash
# check-demo-import.sh: the demo catalog (feed revision 2) imports with the
# command line as it is built, with its counts and its recognition register,
# and without a single warning.
# Usage: check-demo-import.sh PATH/TO/credit-bridge-cli PATH/TO/feed.json   (TAP output)
set -u
CLI="$1"
FEED="$2"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done; }

if "$CLI" catalog import --db "$TMP/c.db" "$FEED" > "$TMP/out" 2> "$TMP/err"; then
  ok "the demo catalog imports"
else
  not_ok "the demo catalog imports" "$(cat "$TMP/out" "$TMP/err")"
fi
other=$(grep '^warning:' "$TMP/err")
if [ -z "$other" ]; then
  ok "no warning"
else
  not_ok "no warning" "$other"
fi
contains () {
  case "$2" in *"$3"*) ok "$1" ;; *) not_ok "$1" "“$3” not in: $2" ;; esac
}
out=$(cat "$TMP/out")
contains "20 universities, 1519 courses and 40 certificates" "$out" "Imported 20 universities, 1519 courses and 40 certificates"
contains "a register of 47 decisions" "$out" "The recognition register holds 47 decisions."
stats=$("$CLI" catalog stats --db "$TMP/c.db" 2>&1)
contains "stats: 1519 courses" "$stats" "Courses:        1519"
contains "stats: 111 grading tables" "$stats" "Grading tables: 111"
contains "stats: 47 decisions" "$stats" "Register:       47"
contains "stats: demo data" "$stats" "This is demo data"
search=$("$CLI" catalog search --db "$TMP/c.db" 数据结构 2>&1)
contains "数据结构 is found, SCU's among them" "$search" "scu:cs2006"
# Every course the register names is a course of the cache.
missing=""
for id in $(python3 -c 'import json, sys
for e in json.load(open(sys.argv[1], encoding="utf-8")).get("equivalences", []):
    print("\n".join(e["host_courses"] + e["home_courses"]))' "$FEED" | sort -u); do
  "$CLI" catalog show --db "$TMP/c.db" "$id" > /dev/null 2>&1 || missing="$missing $id"
done
if [ -z "$missing" ]; then ok "every course of the register is in the cache"; else not_ok "every course of the register is in the cache" "missing:$missing"; fi

echo "1..$n"
[ "$failed" = 0 ]
