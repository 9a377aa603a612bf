#!/bin/sh
# test-cli-precedent.sh: plan show knows the decisions of the register
#
# Usage: test-cli-precedent.sh CLI FEED REGISTER XSD_DIR   (TAP output)
# The catalog is FEED with the decisions of REGISTER (register.json; see
# plan-fixture.h), a feed of revision 2.
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
register=$3
xsd=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=C.UTF-8
n=0
failed=0

. "$(dirname "$0")/tap.sh"

# json_is FILE PYTHON-EXPRESSION DESCRIPTION: the expression over d (the
# JSON of FILE) is true.
json_is () {
  if python3 -c "import json,sys
d = json.load(open(sys.argv[1]))
assert $2, 'false: ' + '''$2'''" "$1" >"$tmp/why" 2>&1; then ok "$3"; else not_ok "$3"; fi
}

python3 - "$feed" "$register" "$tmp/feed.json" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
feed["revision"] = 2
feed["equivalences"] = json.load(open(sys.argv[2]))
json.dump(feed, open(sys.argv[3], "w"), ensure_ascii=False)
PY

plan="$tmp/li.creditplan"
expect 0 "the catalog with a register imports" -- "$cli" catalog import "$tmp/feed.json"
expect 0 "a plan" -- new_ready_plan "$plan" 李华
expect 0 "… recognised by a valid decision" -- "$cli" plan add "$plan" CS301 --replaces CS305
expect 0 "… by an expired one" -- "$cli" plan add "$plan" CS302 --replaces CS306
expect 0 "… by one of free elective credits" -- "$cli" plan add "$plan" MA101
expect 0 "… and by none" -- "$cli" plan add "$plan" CS201

expect 0 "plan show" -- "$cli" plan show "$plan"
contains "$tmp/out" "Recognised by decision SCU-2025-17 (2025-06-01)" "names the valid decision by its reference and date"
contains "$tmp/out" "Condition: with at least B in each host course" "… with its condition"
contains "$tmp/out" "Recognised by decision scu-2024-010 (2024-09-10)" "names a decision without reference by its id"
contains "$tmp/out" "The decision SCU-2021-4 that recognised these courses expired on 2024-07-31; ask the home university whether it still applies" \
  "warns about the expired decision"
lacks "$tmp/out" "advisor" "asks nothing of the advisor before the grades"
if [ "$(grep -c "Recognised by decision" "$tmp/out")" = 2 ]; then ok "… and marks two groups recognised"
else not_ok "… and marks two groups recognised"; fi

expect 0 "plan show --json" -- "$cli" plan show --json "$plan"
cp "$tmp/out" "$tmp/show.json"
json_is "$tmp/show.json" 'd["groups"][0]["precedent"]["equivalence"] == "scu-2025-017"' "the JSON gives the decision's id"
json_is "$tmp/show.json" 'd["groups"][0]["precedent"]["reference"] == "SCU-2025-17" and d["groups"][0]["precedent"]["decided"] == "2025-06-01"' \
  "… its reference and date"
json_is "$tmp/show.json" 'd["groups"][0]["precedent"]["conditions_state"] == "waiting"' "… a condition waiting for the grades"
json_is "$tmp/show.json" 'd["groups"][1]["precedent"]["expired"] is True' "… an expired decision"
json_is "$tmp/show.json" 'd["groups"][2]["precedent"]["elective"] is True' "… free elective credits"
json_is "$tmp/show.json" 'd["groups"][3]["precedent"] is None' "… and null for a group of no decision"
json_is "$tmp/show.json" 'all(k in d["groups"][0] for k in ("id", "totals", "unknown_courses"))' "… beside the members it had"
json_is "$tmp/show.json" '[w["group"] for w in d["warnings"] if w["kind"] == "precedent-expired"] == ["g2"]' \
  "… and the expired decision among the warnings"

expect 0 "a grade below the condition" -- "$cli" plan grades "$plan" CS301=C
expect 0 "plan show" -- "$cli" plan show "$plan"
contains "$tmp/out" "Operating Systems (CS301): the grade C is below the B that decision SCU-2025-17 asks for" \
  "warns, naming the course, the grade and the decision"
contains "$tmp/out" "with at least B in each host course" "… and the condition"
expect 0 "plan show --json" -- "$cli" plan show --json "$plan"
json_is "$tmp/out" 'd["groups"][0]["precedent"]["conditions_state"] == "not-met"' "the JSON says the condition is not met"
expect 0 "a grade that meets it" -- "$cli" plan grades "$plan" CS301=A
expect 0 "plan show --json" -- "$cli" plan show --json "$plan"
json_is "$tmp/out" 'd["groups"][0]["precedent"]["conditions_state"] == "met"' "the JSON says the condition is met"
json_is "$tmp/out" 'not [w for w in d["warnings"] if w["kind"].startswith("condition")]' "… and warns about none"

# A condition that names no grade of cqu's scale goes to the advisor.
plan2="$tmp/advisor.creditplan"
expect 0 "a plan of a decision whose condition names 良好" -- new_ready_plan "$plan2" 李华
expect 0 "… with its group" -- "$cli" plan add "$plan2" CS201 --replaces MA120
expect 0 "… and a grade" -- "$cli" plan grades "$plan2" CS201=A
expect 0 "plan show" -- "$cli" plan show "$plan2"
contains "$tmp/out" "To be checked by the advisor: with at least 良好 in each host course" "leaves the condition to the advisor"
expect 0 "plan show --json" -- "$cli" plan show --json "$plan2"
json_is "$tmp/out" 'd["groups"][0]["precedent"]["conditions_state"] == "to-check"' "… and the JSON says so"

# The agreement carries the decision: the PDF and the EWP export.
for role in student sending receiving; do
  case $role in
    student) who="--name 李华" ;;
    sending) who="--name 王芳 --position Exchange-coordinator --email wangfang@scu.edu.cn" ;;
    receiving) who="--name Zhang-Wei --position International-office --email zhangwei@cqu.edu.cn" ;;
  esac
  # shellcheck disable=SC2086
  expect 0 "approved by the $role" -- "$cli" plan approve "$plan" --as $role $who
done
expect 0 "plan export to PDF" -- "$cli" plan export "$plan" --format pdf -o "$tmp/la.pdf"
pdftotext "$tmp/la.pdf" "$tmp/la.txt"
contains "$tmp/la.txt" "Recognised by decision SCU-2025-17 of 2025-06-01" "the PDF names the decision under its group"
expect 0 "plan export to EWP" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/la.xml"
contains "$tmp/la.xml" "Recognised by decision SCU-2025-17 of 2025-06-01" "the EWP XML names it in the recognition conditions"
if sh "$xsd/validate.sh" "$tmp/la.xml" >"$tmp/why" 2>&1; then ok "… and validates with the EWP schema"
else not_ok "… and validates with the EWP schema"; fi
expect 0 "the EWP XML reads back" -- "$cli" plan import "$tmp/back.creditplan" --from-ewp "$tmp/la.xml"
expect 0 "… into a plan" -- "$cli" plan show --json "$tmp/back.creditplan"
json_is "$tmp/out" '[[c["course"] for c in g["home"]] for g in d["plan"]["groups"]][:2] == [["scu:cs305"], ["scu:cs306"]]' \
  "… whose groups keep their home courses"
json_is "$tmp/out" 'd["groups"][0]["precedent"]["equivalence"] == "scu-2025-017"' "… and are recognised by the same decision"

echo "1..$n"
exit $failed
