#!/bin/sh
# test-cli-approval.sh: plan show and plan verify on genuine and tampered
# plans (issue 15 items 8 and 9)
#
# Usage: test-cli-approval.sh CLI FEED   (TAP output)
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

# edit IN OUT PYTHON: runs PYTHON on the plan's JSON as `p`
edit () {
  python3 -c "import json,sys
p = json.load(open(sys.argv[1]))
$3
json.dump(p, open(sys.argv[2], 'w'), ensure_ascii=False, indent=2)" "$1" "$2"
}
json_member () {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

plan="$tmp/li.creditplan"
"$cli" catalog import "$feed" >/dev/null 2>&1
new_ready_plan "$plan" 李华 >/dev/null 2>&1
"$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305 >/dev/null 2>&1
expect 0 "the student approves" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "the sending institution approves" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position Coordinator --email wangfang@scu.edu.cn
expect 0 "the receiving institution approves" -- "$cli" plan approve "$plan" --as receiving --name "Zhang Wei" --position Office --email zhangwei@cqu.edu.cn
"$cli" plan show "$plan" --json >"$tmp/show.json"
printed=$(json_member "$tmp/show.json" digest)
expect 0 "plan export pdf" -- "$cli" plan export "$plan" --format pdf -o "$tmp/li.pdf"
pdftotext "$tmp/li.pdf" "$tmp/li.txt"
contains "$tmp/li.txt" "approved by all three parties" "the PDF of the genuine plan says it is approved"
if tr -d ' \n' <"$tmp/li.txt" | grep -qF "$printed"; then ok "… and carries the digest plan show gives"; else not_ok "… and carries the digest plan show gives"; fi
expect 0 "plan show --json" -- "$cli" plan show "$plan" --json
contains "$tmp/out" '"approval_state" : "approved"' "… says the state is approved"
expect 0 "plan verify: the genuine printout matches" -- "$cli" plan verify "$plan" --digest "$printed"
contains "$tmp/out" "approved by the student and both institutions" "… and says it is approved"

# Item 9: grades and review added after approval keep the printout genuine.
expect 0 "grades after the stay" -- "$cli" plan grades "$plan" cqu:cs301=85
expect 0 "a review comment after approval" -- "$cli" plan review "$plan" g1 --comment "Checked again"
expect 0 "plan verify: still matches after grades and a comment" -- "$cli" plan verify "$plan" --digest "$printed"

# Item 8: tampered files are not approved, everywhere.
edit "$plan" "$tmp/stripped.creditplan" 'p["approvals"] = []
for v in p["versions"]: v["approvals"] = []'
expect 0 "plan show of a plan whose approvals were stripped" -- "$cli" plan show "$tmp/stripped.creditplan"
contains "$tmp/out" "NOT APPROVED: version 1 lacks the approval by the Student" "… says it is not approved, and why"
lacks "$tmp/out" "Approved and locked" "… and not that it is approved"
expect 1 "plan verify of the stripped plan fails" -- "$cli" plan verify "$tmp/stripped.creditplan" --digest "$printed"
expect 0 "plan export pdf of the stripped plan" -- "$cli" plan export "$tmp/stripped.creditplan" --format pdf -o "$tmp/stripped.pdf"
pdftotext "$tmp/stripped.pdf" "$tmp/stripped.txt"
lacks "$tmp/stripped.txt" "approved by all three parties" "… its PDF does not say approved by all three"
contains "$tmp/stripped.txt" "Not approved: version 1 lacks the approval" "… and says why it is not"

edit "$plan" "$tmp/renamed.creditplan" 'for a in p["approvals"] + p["versions"][0]["approvals"]:
    if a["role"] == "sending": a["name"] = "Mallory"'
expect 0 "plan show of a plan whose approver was renamed" -- "$cli" plan show "$tmp/renamed.creditplan"
contains "$tmp/out" "NOT APPROVED: the approval by the Sending institution of version 1 was changed after it was given" "… says it is not approved"
expect 1 "plan verify of the renamed plan fails" -- "$cli" plan verify "$tmp/renamed.creditplan" --digest "$printed"
contains "$tmp/out" "NOT approved" "… and says so"

edit "$plan" "$tmp/content.creditplan" 'p["mobility"]["end"] = "2027-07-31"
p["versions"][0]["content"]["mobility"]["end"] = "2027-07-31"'
expect 0 "plan show of a plan whose content and versions were edited together" -- "$cli" plan show "$tmp/content.creditplan" --json
contains "$tmp/out" '"approval_state" : "broken"' "… says the state is broken"
contains "$tmp/out" "is not for what version 1 says" "… and why"
expect 1 "plan verify of that plan fails" -- "$cli" plan verify "$tmp/content.creditplan" --digest "$printed"

edit "$plan" "$tmp/v1.creditplan" 'p["version"] = 1
for a in p["approvals"] + p["versions"][0]["approvals"]: a.pop("record_digest")'
expect 0 "a plan of format version 1 opens" -- "$cli" plan show "$tmp/v1.creditplan"
contains "$tmp/out" "Approved and locked (version 1)" "… approved"
contains "$tmp/out" "Note: approved with an older Credit Bridge" "… with a note on what its approvals cover"

expect 1 "a digest of nothing in the plan does not match" -- "$cli" plan verify "$plan" --digest 0000000000000000000000000000000000000000000000000000000000000000
contains "$tmp/out" "does NOT match" "… and says so"

echo "1..$n"
exit $failed
