#!/bin/sh
# test-cli-changed.sh: plans told of courses an update of the catalog
# changed (issue 20 item 5): plan show (text and JSON) warns with the old
# and the new figures and keeps the plan's, plan refresh takes the new ones
# into a draft and refuses an approved agreement, whose digest stays
#
# Usage: test-cli-changed.sh CLI FEED   (TAP output)
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

# The update: cqu:cs301 (Table A) now 4.5 credits and a declared 144 hours
# (126 estimated before), scu:cs305 (Table B) 4 credits instead of 3.
python3 - "$feed" "$tmp/updated.json" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
for c in feed["courses"]:
    if c["id"] == "cqu:cs301":
        c["credits"] = 4.5
        c["workload_hours"] = 144
    if c["id"] == "scu:cs305":
        c["credits"] = 4
json.dump(feed, open(sys.argv[2], "w"), ensure_ascii=False)
PY

# json_query FILE EXPRESSION: EXPRESSION over the JSON as `d`
json_query () {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

draft="$tmp/draft.creditplan"
approved="$tmp/approved.creditplan"
"$cli" catalog import "$feed" >/dev/null 2>&1
for plan in "$draft" "$approved"; do
  new_ready_plan "$plan" 李华 >/dev/null 2>&1
  "$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305 >/dev/null 2>&1
  "$cli" plan add "$plan" cqu:cs302 --replaces scu:cs306 >/dev/null 2>&1
done
"$cli" plan approve "$approved" --as student --name 李华 >/dev/null 2>&1
"$cli" plan approve "$approved" --as sending --name 王芳 --position Coordinator --email wangfang@scu.edu.cn >/dev/null 2>&1
"$cli" plan approve "$approved" --as receiving --name "Zhang Wei" --position Office --email zhangwei@cqu.edu.cn >/dev/null 2>&1
"$cli" plan show "$approved" --json >"$tmp/before.json"
digest=$(json_query "$tmp/before.json" 'd["digest"]')

expect 0 "plan refresh --help" -- "$cli" plan refresh --help
contains "$tmp/out" "credit-bridge-cli plan refresh [OPTION…] PLAN — " "… the usage line names the command"
if [ "$(grep -o 'PLAN PLAN' "$tmp/out" | wc -l)" = 0 ]; then ok "… and its argument once"; else not_ok "… and its argument once"; fi
expect 2 "plan refresh without a plan is wrong usage" -- "$cli" plan refresh
contains "$tmp/err" "plan refresh takes exactly one PLAN file" "… and says so"

# Nothing changed yet.
expect 0 "plan refresh before the update" -- "$cli" plan refresh "$draft"
contains "$tmp/out" "No course of $draft changed in the catalog." "… says nothing changed"
expect 0 "plan show before the update" -- "$cli" plan show "$draft"
lacks "$tmp/out" "changed in the catalog" "… marks no course changed"

expect 0 "the updated catalog imports" -- "$cli" catalog import "$tmp/updated.json"

cp "$draft" "$tmp/draft-before"
expect 0 "plan show after the update" -- "$cli" plan show "$draft"
contains "$tmp/out" "CS301	Operating Systems	3.5  [changed in the catalog]" "… marks the host course, with the plan's credits"
contains "$tmp/out" "CS305	Principles of Operating Systems	3.0  [changed in the catalog]" "… and the home course"
contains "$tmp/out" "The catalog changed Operating Systems (CS301): it now gives 4.5 credits and a workload of 144 hours (the plan recorded 3.5 credits and 126 hours). With the new figures this group awards 4.0 home credits instead of 3.5." "… warns with the old and new figures and what they change"
contains "$tmp/out" "The catalog changed Principles of Operating Systems (CS305): it now gives 4.0 credits (the plan recorded 3.0). With the new figures the home courses of this group replace 4.0 credits instead of 3.0." "… and for the home course"
contains "$tmp/out" "credit-bridge-cli plan refresh" "… and says how to take them"
contains "$tmp/out" "home 3.5 (replaces 3.0)" "… while the totals still count the recorded figures"
if cmp -s "$draft" "$tmp/draft-before"; then ok "plan show leaves the file as it was"; else not_ok "plan show leaves the file as it was"; fi

expect 0 "plan show --json after the update" -- "$cli" plan show "$draft" --json
cp "$tmp/out" "$tmp/show.json"
if [ "$(json_query "$tmp/show.json" '[(c["course"], c["side"], c["recorded"], c["catalog"]) for c in d["groups"][0]["changed_courses"]]')" = \
     "[('cqu:cs301', 'host', {'credits': 3.5, 'workload_hours': 126.0}, {'credits': 4.5, 'workload_hours': 144.0}), ('scu:cs305', 'home', {'credits': 3.0, 'workload_hours': 0.0}, {'credits': 4.0, 'workload_hours': 0.0})]" ]; then
  ok "… lists the changed courses of group 1 with both figures"
else
  json_query "$tmp/show.json" 'd["groups"][0]["changed_courses"]' >"$tmp/why"; not_ok "… lists the changed courses of group 1 with both figures"; rm -f "$tmp/why"
fi
if [ "$(json_query "$tmp/show.json" 'len(d["groups"][1]["changed_courses"])')" = 0 ]; then ok "… and none in group 2"; else not_ok "… and none in group 2"; fi
if [ "$(json_query "$tmp/show.json" 'sorted(w["course"] for w in d["warnings"] if w["kind"] == "course-changed")')" = "['cqu:cs301', 'scu:cs305']" ]; then
  ok "… with a warning of kind course-changed for each"
else
  not_ok "… with a warning of kind course-changed for each"
fi
if [ "$(json_query "$tmp/show.json" 'd["groups"][0]["totals"]["home_credits"]')" = 3.5 ]; then ok "… and the group's totals from the recorded figures"; else not_ok "… and the group's totals from the recorded figures"; fi

# The student takes the new figures.
expect 0 "plan refresh takes the new figures" -- "$cli" plan refresh "$draft"
contains "$tmp/out" "CS301	credits 3.5 → 4.5 · workload 126 → 144 h" "… says what changes for the host course"
contains "$tmp/out" "CS305	credits 3.0 → 4.0" "… and for the home course"
contains "$tmp/out" "Took the catalog’s figures for 2 courses into $draft." "… and how many it took"
expect 0 "plan show after plan refresh" -- "$cli" plan show "$draft"
lacks "$tmp/out" "changed in the catalog" "… no longer marks them"
lacks "$tmp/out" "The catalog changed" "… nor warns"
contains "$tmp/out" "home 4.0 (replaces 4.0)" "… and the totals count the new figures"
expect 0 "plan refresh again" -- "$cli" plan refresh "$draft"
contains "$tmp/out" "No course of $draft changed in the catalog." "… has nothing more to take"

# The approved agreement keeps what was approved.
cp "$approved" "$tmp/approved-before"
expect 0 "plan show of the approved agreement" -- "$cli" plan show "$approved"
contains "$tmp/out" "The catalog changed Operating Systems (CS301) since the agreement was approved" "… says the catalog changed since the approval"
contains "$tmp/out" "reopen it as a new draft and approve it again" "… and how to take the new figures"
contains "$tmp/out" "Approved and locked (version 1)." "… and it is still approved"
expect 1 "plan refresh of the approved agreement is refused" -- "$cli" plan refresh "$approved"
contains "$tmp/err" "$approved: The learning agreement is approved: it keeps the credits and workload it was approved with. Reopen it as a new draft" "… saying why and what to do"
if cmp -s "$approved" "$tmp/approved-before"; then ok "… leaving the file as it was"; else not_ok "… leaving the file as it was"; fi
expect 0 "plan verify: the approved digest still matches" -- "$cli" plan verify "$approved" --digest "$digest"
"$cli" plan show "$approved" --json >"$tmp/after.json"
if [ "$(json_query "$tmp/after.json" 'd["digest"]')" = "$digest" ]; then ok "… and plan show gives the same digest"; else not_ok "… and plan show gives the same digest"; fi

# A new draft of it takes them.
expect 0 "plan reopen" -- "$cli" plan reopen "$approved" --output "$tmp/reopened.creditplan"
expect 0 "plan refresh of the new draft" -- "$cli" plan refresh "$tmp/reopened.creditplan"
contains "$tmp/out" "Took the catalog’s figures for 2 courses" "… takes the new figures"

echo "1..$n"
exit $failed
