#!/bin/sh
# test-plan-save.sh: saves and exports of credit-bridge-cli never destroy
# what was there (issue 15, items 1 and 2)
#
# A full disk is a real one: a 1 MB tmpfs, filled up. Mounting it needs root,
# as in CI; elsewhere those checks are skipped and say why.
#
# Usage: test-plan-save.sh CLI FEED   (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
tmp=$(mktemp -d)
full="$tmp/full"
trap 'umount -l "$full" 2>/dev/null; rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=C.UTF-8
n=0
failed=0

. "$(dirname "$0")/tap.sh"

# same FILE COPY DESCRIPTION: FILE still has the bytes of COPY
same () {
  if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3: $(basename "$1") changed ($(wc -c <"$1") bytes)"; fi
}

# listing DIR EXPECTED DESCRIPTION: the names in DIR, hidden ones too
listing () {
  got=$(ls -A "$1" | tr '\n' ' ')
  if [ "$got" = "$2" ]; then ok "$3"; else echo "in $1: $got" >"$tmp/why"; not_ok "$3"; rm -f "$tmp/why"; fi
}

plan="$tmp/li.creditplan"
expect 0 "the test catalog imports" -- "$cli" catalog import "$feed"
expect 0 "plan new" -- "$cli" plan new "$plan" --student 李华 --home scu --host cqu --term 2026-autumn
expect 0 "plan add" -- "$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305
expect 0 "a first PDF" -- "$cli" plan export "$plan" --format pdf -o "$tmp/li.pdf"

# 1. A full disk ---------------------------------------------------------------

mkdir "$full"
if mount -t tmpfs -o size=1m,mode=0755 tmpfs "$full" 2>"$tmp/mount-err"; then
  cp "$plan" "$tmp/li.pdf" "$full/"
  cp "$plan" "$tmp/plan-before"
  cp "$tmp/li.pdf" "$tmp/pdf-before"
  dd if=/dev/zero of="$full/filler" bs=4096 2>/dev/null
  expect 1 "full disk: plan review fails" -- "$cli" plan review "$full/li.creditplan" g1 --status approved --comment "$(printf '%04000d' 0)"
  contains "$tmp/err" "No space left on device" "… says why"
  contains "$tmp/err" "the file was not changed" "… and that the plan file was not changed"
  same "$full/li.creditplan" "$tmp/plan-before" "… which it was not, byte for byte"
  expect 1 "full disk: plan export over an existing PDF fails" -- "$cli" plan export "$full/li.creditplan" --format pdf -o "$full/li.pdf"
  contains "$tmp/err" "the file was not changed" "… says that the PDF was not changed"
  same "$full/li.pdf" "$tmp/pdf-before" "… which it was not, byte for byte"
  expect 1 "full disk: a new JSON export fails" -- "$cli" plan export "$full/li.creditplan" --format json -o "$full/li.json"
  contains "$tmp/err" "no file was written" "… and says that nothing was written"
  listing "$full" "filler li.creditplan li.pdf " "… and no file, temporary or half written, is left"
  umount -l "$full"
else
  reason=$(cat "$tmp/mount-err")
  for what in "plan review" "… why" "… not changed" "… byte for byte" "plan export pdf" "… not changed" \
              "… byte for byte" "json" "… nothing written" "… nothing left"; do
    n=$((n + 1))
    echo "ok $n # SKIP full disk: $what: cannot mount a 1 MB tmpfs (needs root, as in CI): $reason"
  done
fi

# 2. A save killed half way -----------------------------------------------------

# A plan of some 20 KB, and a file size limit of 4 KB (ulimit -f counts
# 512-byte blocks in sh): the kernel kills the save with SIGXFSZ half way.
mkdir "$tmp/killed"
big="$tmp/killed/big.creditplan"
python3 - "$plan" "$big" <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1]))
plan["provisions"] = "P" * 5000
group = plan["groups"][0]
group["comment"] = "C" * 5000
group["host"][0]["comment"] = "H" * 5000
group["home"][0]["comment"] = "h" * 5000
json.dump(plan, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
EOF
cp "$big" "$tmp/big-before"
(ulimit -f 8; exec "$cli" plan review "$big" g1 --status approved) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -gt 128 ]; then ok "a save past the file size limit is killed (exit $status)"; else not_ok "a save past the file size limit is killed (exit $status)"; fi
same "$big" "$tmp/big-before" "… and leaves the plan as it was"
listing "$tmp/killed" "big.creditplan " "… and no temporary file beside it"

# 3. A plan that is a symbolic link -----------------------------------------------

mkdir "$tmp/real" "$tmp/links"
cp "$plan" "$tmp/real/li.creditplan"
ln -s ../real/li.creditplan "$tmp/links/li.creditplan"
inode=$(stat -c %i "$tmp/real/li.creditplan")
expect 0 "a plan that is a symbolic link is saved" -- "$cli" plan review "$tmp/links/li.creditplan" g1 --comment "Seen by the link"
if [ -L "$tmp/links/li.creditplan" ] && [ "$(readlink "$tmp/links/li.creditplan")" = "../real/li.creditplan" ]; then
  ok "… the link stays the same link"
else
  not_ok "… the link stays the same link"
fi
contains "$tmp/real/li.creditplan" "Seen by the link" "… its target has the change"
if [ "$(stat -c %i "$tmp/real/li.creditplan")" != "$inode" ]; then
  ok "… written to a new file renamed over the target, not rewritten in place"
else
  not_ok "… written to a new file renamed over the target, not rewritten in place"
fi
listing "$tmp/links" "li.creditplan " "… no temporary file beside the link"
listing "$tmp/real" "li.creditplan " "… nor beside the target"

# 4. An export whose output is the plan itself --------------------------------------

cp "$plan" "$tmp/plan-before"
ln -s li.creditplan "$tmp/sym.pdf"
ln "$plan" "$tmp/hard.pdf"
for out in "$plan" "$tmp/./li.creditplan" "$tmp/sym.pdf" "$tmp/hard.pdf"; do
  for format in pdf ewp-xml json; do
    expect 1 "plan export --format $format -o $(basename "$out") (the plan itself) is refused" -- \
      "$cli" plan export "$plan" --format "$format" -o "$out"
    contains "$tmp/err" "is the plan file" "… and says why"
  done
done
same "$plan" "$tmp/plan-before" "… and the plan is as it was"
expect 0 "the plan still opens" -- "$cli" plan show "$plan"

echo "1..$n"
exit $failed
