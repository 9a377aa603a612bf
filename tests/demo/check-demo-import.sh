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
contains "stats: 1519 courses" "$stats" "$(printf 'Courses:\t1519')"
contains "stats: 111 grading tables" "$stats" "$(printf 'Grading tables:\t111')"
contains "stats: 47 decisions" "$stats" "$(printf 'Register:\t47')"
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

# Every course a certificate replaces is a course of the cache.
missing=""
for id in $(python3 -c 'import json, sys
for c in json.load(open(sys.argv[1], encoding="utf-8")).get("certificates", []):
    for r in c["recognitions"]:
        print("\n".join(r.get("replaces", [])))' "$FEED" | sort -u); do
  "$CLI" catalog show --db "$TMP/c.db" "$id" > /dev/null 2>&1 || missing="$missing $id"
done
if [ -z "$missing" ]; then ok "every course a certificate replaces is in the cache"; else not_ok "every course a certificate replaces is in the cache" "missing:$missing"; fi
list=$("$CLI" certificate list --db "$TMP/c.db" --json 2>&1)
n_certs=$(printf '%s' "$list" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["certificates"]))' 2>&1)
if [ "$n_certs" = 40 ]; then ok "certificate list: 40 certificates"; else not_ok "certificate list: 40 certificates" "$n_certs"; fi
# The demo's fractional validity: 2.5 years from 2024-06-01 ends on 2026-12-01.
credits=$("$CLI" certificate credits --db "$TMP/c.db" --home sicau ncre-2-office --obtained 2024-06-01 --on 2026-12-01 2>&1)
contains "2.5 years: valid on the last day" "$credits" "On 2026-12-01 it is still valid"
contains "2.5 years: replaces SICAU's computing course" "$credits" "in place of Fundamentals of Computing (SCS1005)"
expired=$("$CLI" certificate credits --db "$TMP/c.db" --home sicau ncre-2-office --obtained 2024-06-01 --on 2026-12-02 --json 2>&1 \
  | python3 -c 'import json, sys; j = json.load(sys.stdin); print(j["expired"], j["recognised"], j["valid_until"])' 2>&1)
contains "2.5 years: expired the day after" "$expired" "True False 2026-12-01"
# A generous grant and a mean one, as an advisor sees them.
credits=$("$CLI" certificate credits --db "$TMP/c.db" --home cqmu red-cross-first-aider --obtained 2025-03-01 --on 2026-12-01 2>&1)
contains "first aid at CQMU: a generous grant" "$credits" "a generous grant"
credits=$("$CLI" certificate credits --db "$TMP/c.db" --home uestc ruankao-software-designer --obtained 2025-05-24 --on 2026-12-01 2>&1)
contains "software designer at UESTC: a mean grant" "$credits" "a mean grant"

echo "1..$n"
[ "$failed" = 0 ]
