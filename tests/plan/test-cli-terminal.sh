#!/bin/sh
# test-cli-terminal.sh: text from files never reaches the terminal raw
# (issue 15 item 12): control characters, C1 controls and bidi overrides in
# a plan or a feed are printed escaped, by every command, on stdout and
# stderr; JSON stays valid and keeps the text.
#
# Usage: test-cli-terminal.sh CLI FEED   (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=C.UTF-8
n=0
failed=0

. "$(dirname "$0")/tap.sh"

# raw FILE DESCRIPTION: fails when FILE holds a byte a terminal obeys
# (C0 but newline and tab, DEL, C1 as UTF-8, bidi overrides).
raw () {
  if python3 -c 'import re,sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "strict")
bad = re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", t)
sys.exit(1 if bad else 0)' "$1" 2>"$tmp/why"; then ok "$2"; else not_ok "$2: raw control characters"; fi
}

evil='Li\u001b[31mRED\u0007\u0008\u009b2J\u202eabc\u2066'
python3 - "$feed" "$tmp/feed.json" <<PY
import json, sys
f = json.load(open(sys.argv[1]))
f["courses"][0]["title"]["en"] = "Operating\u001b]0;pwned\u0007 Systems\u009b31m"
json.dump(f, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect 0 "a feed with control characters in a title imports" -- "$cli" catalog import "$tmp/feed.json"

expect 0 "catalog show" -- "$cli" catalog show cqu:cs301
raw "$tmp/out" "… prints no raw control character"
contains "$tmp/out" 'Operating\u001b]0;pwned\u0007 Systems\u009b31m' "… but the title escaped"
expect 0 "catalog search" -- "$cli" catalog search Operating
raw "$tmp/out" "… prints no raw control character"
contains "$tmp/out" 'Operating\u001b]0;pwned\u0007' "… but the title escaped"
expect 0 "catalog show --json" -- "$cli" catalog show cqu:cs301 --json
raw "$tmp/out" "… prints no raw control character"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["course"]["title"]["en"] == "Operating\x1b]0;pwned\x07 Systems\x9b31m"' "$tmp/out" 2>"$tmp/why"; then
  ok "… and is JSON that keeps the title"
else
  not_ok "… and is JSON that keeps the title"
fi

plan="$tmp/evil.creditplan"
"$cli" plan new "$plan" --student X --home scu --host cqu --term 2026-autumn >/dev/null 2>&1
# A plan file that carries control characters is refused when it is read
# (bridge_validate): the message that quotes it must not reach the terminal raw.
python3 - "$plan" "$tmp/name.creditplan" <<PY
import json, sys
p = json.load(open(sys.argv[1]))
p["student"]["name"] = "$evil"
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect 1 "plan show refuses a plan with control characters in a name" -- "$cli" plan show "$tmp/name.creditplan"
raw "$tmp/err" "… with a message without raw control characters"
contains "$tmp/err" 'U+001B' "… that names the character"
expect 1 "plan export refuses it too" -- "$cli" plan export "$tmp/name.creditplan" --format json -o "$tmp/out.json"
raw "$tmp/err" "… with a message without raw control characters"

# stderr: a message that quotes the file
python3 - "$plan" "$tmp/bad.creditplan" <<PY
import json, sys
p = json.load(open(sys.argv[1]))
p["approvals"] = [{"role": "\u001b[2J\u001b[Hstudent", "name": "X"}]
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
PY
expect 1 "a role with control characters is refused" -- "$cli" plan show "$tmp/bad.creditplan"
raw "$tmp/err" "… with a message without raw control characters"
contains "$tmp/err" 'U+001B' "… that names the character"

# Long output: characters cut between two writes of the stream come out whole.
python3 - "$plan" <<PY
import json, sys
p = json.load(open(sys.argv[1]))
p["student"]["name"] = "学分桥" * 5000
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
expect 0 "plan show of a plan with a long Chinese name" -- "$cli" plan show "$plan" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["plan"]["student"]["name"] == "学分桥" * 5000' "$tmp/out" 2>"$tmp/why"; then
  ok "… prints it whole, with no escape in it"
else
  not_ok "… prints it whole, with no escape in it"
fi

echo "1..$n"
exit $failed
