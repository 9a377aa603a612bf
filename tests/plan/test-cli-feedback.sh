#!/bin/sh
# test-cli-feedback.sh: credit-bridge-cli plan feedback (issue 19): recorded,
# shown by plan show (text and JSON), kept out of the approved agreement's
# digest, and every bad value refused with exit 2 and a message naming the
# plan file and the course, the file left as it was
#
# Usage: test-cli-feedback.sh CLI FEED   (TAP output)
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

json_member () {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}
# feedback_of PLAN: the member "feedback" of the plan file, as JSON on one line
feedback_of () {
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])).get("feedback"), sort_keys=True, ensure_ascii=False))' "$1"
}

plan="$tmp/li.creditplan"
"$cli" catalog import "$feed" >/dev/null 2>&1
new_ready_plan "$plan" 李华 >/dev/null 2>&1
"$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305 >/dev/null 2>&1
"$cli" plan add "$plan" cqu:cs302 --replaces scu:cs306 >/dev/null 2>&1

expect 0 "plan feedback --help" -- "$cli" plan feedback --help
contains "$tmp/out" "credit-bridge-cli plan feedback [OPTION…] PLAN HOST_COURSE — " "… the usage line names the command"
if [ "$(grep -o 'PLAN HOST_COURSE' "$tmp/out" | wc -l)" = 1 ]; then ok "… and its arguments once"; else not_ok "… and its arguments once"; fi

# Feedback before approval is allowed (for a course of Table A).
expect 0 "feedback on a draft" -- "$cli" plan feedback "$plan" CS302 --hours 150 --rating 2
contains "$tmp/out" "Recorded the feedback on CS302 in $plan: 150 hours, rated 2 — dissatisfied." "… says what it recorded"

expect 0 "the student approves" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "the sending institution approves" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position Coordinator --email wangfang@scu.edu.cn
expect 0 "the receiving institution approves" -- "$cli" plan approve "$plan" --as receiving --name "Zhang Wei" --position Office --email zhangwei@cqu.edu.cn
"$cli" plan show "$plan" --json >"$tmp/show.json"
printed=$(json_member "$tmp/show.json" digest)

expect 0 "feedback on the approved, locked agreement, by code" -- "$cli" plan feedback "$plan" cs301 --hours 96.5 --rating 4 --comment "实验很多，但值得。"
expect 0 "… and by id" -- "$cli" plan feedback "$plan" cqu:cs302 --hours 140 --rating 3
contains "$plan" '"version" : 3' "the plan file is format version 3"
if [ "$(feedback_of "$plan")" = '[{"comment": "实验很多，但值得。", "course": "cqu:cs301", "hours": 96.5, "rating": 4}, {"course": "cqu:cs302", "hours": 140.0, "rating": 3}]' ]; then
  ok "the file holds both, in Table A's order"
else
  feedback_of "$plan" >"$tmp/why"; not_ok "the file holds both, in Table A's order"; rm -f "$tmp/why"
fi
expect 0 "plan verify: the printout still matches" -- "$cli" plan verify "$plan" --digest "$printed"
contains "$tmp/out" "approved by the student and both institutions" "… and the agreement is still approved"
expect 0 "plan show --json" -- "$cli" plan show "$plan" --json
if [ "$(json_member "$tmp/out" digest)" = "$printed" ]; then ok "… the digest is the one printed"; else not_ok "… the digest is the one printed"; fi
contains "$tmp/out" '"approval_state" : "approved"' "… the state is approved"
contains "$tmp/out" '"rating" : 4' "… the feedback is in the plan"
expect 0 "plan show" -- "$cli" plan show "$plan"
contains "$tmp/out" "Feedback after the stay:" "… has a feedback section"
contains "$tmp/out" "96.5 hours (declared 126) · 4 — satisfied" "… with the hours beside the declared workload, and the rating"
contains "$tmp/out" "Comment: 实验很多，但值得。" "… and the comment"
contains "$tmp/out" "Approved and locked (version 1)." "… and the agreement stays approved"

# Bad input: exit 2, the file and the course named, the file unchanged.
cp "$plan" "$tmp/before"
bad () {
  what=$1
  says=$2
  shift 2
  expect 2 "refused: $what" -- "$cli" plan feedback "$plan" "$@"
  contains "$tmp/err" "$plan: " "… the message names the file"
  contains "$tmp/err" "$says" "… and says $says"
  if cmp -s "$plan" "$tmp/before"; then ok "… the plan is unchanged"; else not_ok "… the plan is unchanged"; fi
}
bad "negative hours" "The hours spent on Operating Systems (CS301) must be more than 0 and at most 2000, not -5" CS301 --hours=-5 --rating 4
bad "zero hours" "The hours spent on Operating Systems (CS301) must be more than 0 and at most 2000, not 0" CS301 --hours 0 --rating 4
bad "hours over 2000" "at most 2000, not 2000.5" CS301 --hours 2000.5 --rating 4
bad "hours abc" "“abc” is not a number of hours; give the hours spent on CS301" CS301 --hours abc --rating 4
bad "hours 1e400" "“1e400” is not a number of hours; give the hours spent on CS301" CS301 --hours 1e400 --rating 4
bad "hours nan" "“nan” is not a number of hours" CS301 --hours nan --rating 4
bad "rating 0" "“0” is not a rating of CS301: give a whole number from 1 (very dissatisfied) to 5 (very satisfied)" CS301 --hours 90 --rating 0
bad "rating 6" "“6” is not a rating of CS301" CS301 --hours 90 --rating 6
bad "rating 2.5" "“2.5” is not a rating of CS301" CS301 --hours 90 --rating 2.5
bad "a course not in the agreement" "“MA101” is not a host course of this plan (Table A)" MA101 --hours 90 --rating 3
bad "a home course" "“scu:cs305” is not a host course of this plan (Table A)" scu:cs305 --hours 90 --rating 3
bad "a comment with a control character" "contains the invisible character U+001B" CS301 --hours 90 --rating 3 --comment "$(printf 'a\033b')"
bad "no rating" "give the feedback on CS301 with --hours N and --rating R" CS301 --hours 90
bad "--clear with --hours" "--clear removes the feedback on CS301; give it without --hours" CS301 --clear --hours 90
rm -f "$tmp/before"

expect 1 "a plan that does not open" -- "$cli" plan feedback "$tmp/missing.creditplan" CS301 --hours 90 --rating 3
contains "$tmp/err" "missing.creditplan" "… the message names the file"
contains "$tmp/err" "the feedback on CS301 was not recorded" "… and the course"
printf '{"format": "credit-bridge-plan", "version": 3, "feedback": [' >"$tmp/broken.creditplan"
expect 1 "a plan that is damaged" -- "$cli" plan feedback "$tmp/broken.creditplan" CS301 --hours 90 --rating 3
contains "$tmp/err" "broken.creditplan is damaged or incomplete" "… the message names the file"
contains "$tmp/err" "the feedback on CS301 was not recorded" "… and the course"

# A damaged feedback member: refused with the file and the JSON path.
python3 -c "import json,sys
p = json.load(open(sys.argv[1]))
p['feedback'][1]['rating'] = 6
json.dump(p, open(sys.argv[2], 'w'), ensure_ascii=False, indent=2)" "$plan" "$tmp/six.creditplan"
expect 1 "plan show of a plan whose rating is 6" -- "$cli" plan show "$tmp/six.creditplan"
contains "$tmp/err" "six.creditplan: \$.feedback[1]: The rating of cqu:cs302 must be a whole number from 1" "… names the file, the path and the rule"
python3 -c "import json,sys
p = json.load(open(sys.argv[1]))
p['version'] = 4
json.dump(p, open(sys.argv[2], 'w'), ensure_ascii=False, indent=2)" "$plan" "$tmp/v4.creditplan"
expect 1 "a plan of format version 4 is refused" -- "$cli" plan show "$tmp/v4.creditplan"
contains "$tmp/err" "format version 4, this one reads 3" "… as newer"

# --clear
expect 0 "plan feedback --clear" -- "$cli" plan feedback "$plan" CS302 --clear
contains "$tmp/out" "Removed the feedback on CS302 from $plan." "… says so"
if [ "$(feedback_of "$plan")" = '[{"comment": "实验很多，但值得。", "course": "cqu:cs301", "hours": 96.5, "rating": 4}]' ]; then ok "… the other stays"; else not_ok "… the other stays"; fi
expect 0 "plan feedback --clear again" -- "$cli" plan feedback "$plan" CS302 --clear
contains "$tmp/out" "holds no feedback on CS302; nothing to remove" "… says there was none"
expect 0 "plan verify after --clear" -- "$cli" plan verify "$plan" --digest "$printed"

echo "1..$n"
exit $failed
