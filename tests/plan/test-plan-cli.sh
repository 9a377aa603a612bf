#!/bin/sh
# test-plan-cli.sh: credit-bridge-cli plan …, as an advisor's script uses it
#
# Usage: test-plan-cli.sh CLI FEED XSD_DIR   (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
xsd=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=C.UTF-8
n=0
failed=0

. "$(dirname "$0")/tap.sh"

plan="$tmp/li.creditplan"

expect 0 "the test catalog imports" -- "$cli" catalog import "$feed"

expect 0 "plan new creates a plan" -- "$cli" plan new "$plan" --student 李华 --home scu --host cqu --term 2026-autumn \
  --student-number 2023141460001 --email lihua@stu.scu.edu.cn --birth-date 2004-05-06 --nationality CN \
  --isced 0613 --language en --cefr B2 --home-faculty "College of Computer Science" \
  --home-responsible 王芳 --home-position "Exchange coordinator" --home-email wangfang@scu.edu.cn \
  --host-responsible "Zhang Wei" --host-position "International office" --host-email zhangwei@cqu.edu.cn
contains "$plan" '"format" : "credit-bridge-plan"' "the plan file says its format"
expect 1 "plan new refuses to overwrite a plan" -- "$cli" plan new "$plan" --student X --home scu --host cqu --term 2026-autumn
expect 1 "plan new names an unknown university" -- "$cli" plan new "$tmp/x.creditplan" --student X --home nowhere --host cqu --term 2026-autumn
contains "$tmp/err" "nowhere" "… in its message"
expect 1 "plan new names an unknown term" -- "$cli" plan new "$tmp/x.creditplan" --student X --home scu --host cqu --term 2031-winter
contains "$tmp/err" "2026-autumn" "… and lists the host's terms"
expect 2 "plan new without --term is a usage error" -- "$cli" plan new "$tmp/x.creditplan" --student X --home scu --host cqu

# Values are checked when they are entered: each bad one is refused, named,
# with what a valid one looks like, and no plan is written.
# bad_new DESCRIPTION NEEDLE OPTION…
bad_new () {
  desc=$1 needle=$2
  shift 2
  expect 1 "plan new refuses $desc" -- "$cli" plan new "$tmp/bad.creditplan" --home scu --term 2026-autumn "$@"
  contains "$tmp/err" "$needle" "… and says what a valid value looks like"
  if [ -e "$tmp/bad.creditplan" ]; then not_ok "… and writes no plan"; else ok "… and writes no plan"; fi
}
bad_new "a birth date of 2026-02-30" "YYYY-MM-DD" --student X --host cqu --birth-date 2026-02-30
bad_new "the CEFR level Z9" "A1, A2, B1, B2, C1 and C2" --student X --host cqu --cefr Z9
bad_new "the nationality Q!" "ISO 3166" --student X --host cqu --nationality 'Q!'
bad_new "the nationality QQ, in no list" "ISO 3166" --student X --host cqu --nationality QQ
bad_new "the e-mail notanemail" "name@example.edu.cn" --student X --host cqu --email notanemail
bad_new "the e-mail a@" "name@example.edu.cn" --student X --host cqu --email a@
bad_new "the e-mail @" "name@example.edu.cn" --student X --host cqu --email @
bad_new "a responsible person's e-mail without a domain" "sending responsible person" --student X --host cqu --home-email wang@
bad_new "the ISCED-F code abc" "0613" --student X --host cqu --isced abc
bad_new "the language English, no BCP 47 tag" "BCP 47" --student X --host cqu --language English
bad_new "the language en_US" "BCP 47" --student X --host cqu --language en_US
bad_new "the same university at home and host" "home university" --student X --host scu
bad_new "a name with U+FFFE" "U+FFFE" --host cqu --student "$(printf 'Li\357\277\276Hua')"
bad_new "a name with U+FDD0" "U+FDD0" --host cqu --student "$(printf 'Li\357\267\220Hua')"
bad_new "a name with an escape character" "U+001B" --host cqu --student "$(printf 'Li\033[2JHua')"

expect 0 "plan add adds a group by ids" -- "$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305
expect 0 "plan add takes codes of the plan's universities" -- "$cli" plan add "$plan" CS302 --replaces CS306
expect 1 "plan add refuses an unknown course" -- "$cli" plan add "$plan" cqu:cs999
contains "$tmp/err" "cqu:cs999" "… and names it"
expect 2 "plan add needs a host course" -- "$cli" plan add "$plan"
cp "$plan" "$tmp/before-add"
expect 1 "plan add refuses a host course of the home university" -- "$cli" plan add "$plan" scu:ma120
contains "$tmp/err" "course of the home university" "… and says why"
expect 1 "plan add refuses a home course of the host university" -- "$cli" plan add "$plan" cqu:ma101 --replaces cqu:cs201
contains "$tmp/err" "course of the host university" "… and says why"
if cmp -s "$plan" "$tmp/before-add"; then ok "… and leaves the plan as it was"; else not_ok "… and leaves the plan as it was"; fi

# An agreement that lacks what its exports need cannot be approved.
expect 0 "a bare plan" -- "$cli" plan new "$tmp/bare.creditplan" --student "Li Hua" --home scu --host cqu --term 2026-autumn
expect 0 "… with a group" -- "$cli" plan add "$tmp/bare.creditplan" CS301 --replaces CS305
cp "$tmp/bare.creditplan" "$tmp/bare.before"
expect 1 "… is refused approval" -- "$cli" plan approve "$tmp/bare.creditplan" --as student --name "Li Hua"
contains "$tmp/err" "cannot be approved yet" "… which says so"
contains "$tmp/err" "CEFR level" "… and lists the missing CEFR level"
contains "$tmp/err" "ISCED-F code" "… the field of education"
contains "$tmp/err" "email address of the sending institution’s responsible person" "… and the responsible persons' e-mails"
if cmp -s "$tmp/bare.creditplan" "$tmp/bare.before"; then ok "… and records nothing"; else not_ok "… and records nothing"; fi
expect 1 "an approver's e-mail a@ is refused" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email a@
contains "$tmp/err" "approver’s email address" "… and named"
expect 1 "an approver's e-mail @ is refused" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email @
contains "$tmp/err" "approver’s email address" "… and named"

expect 0 "plan show shows the plan" -- "$cli" plan show "$plan"
contains "$tmp/out" "CS301" "… with the host course"
contains "$tmp/out" "CS305" "… and the home course"
contains "$tmp/out" "ECTS 4.58" "… its ECTS"
contains "$tmp/out" "home 6.5" "… and the total of home credits"
contains "$tmp/out" "fewer than the 4.0 credits" "… and the warning of fewer credits"
contains "$tmp/out" "Term: Autumn 2026" "… and the term by its name, not 2026-autumn"
expect 0 "catalog show shows a course" -- "$cli" catalog show cqu:cs301
contains "$tmp/out" "Autumn 2026" "… its terms by name"
contains "$tmp/out" "Chinese, English" "… and its languages by name, not zh, en"
contains "$tmp/out" "0613 · Information and communication technologies" "… and its field of education by name"
expect 0 "plan show --json" -- "$cli" plan show "$plan" --json
cp "$tmp/out" "$tmp/show.json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["plan"]["format"]=="credit-bridge-plan"; assert abs(d["totals"]["home_credits"]-6.5)<1e-9; assert len(d["digest"])==64' "$tmp/show.json" 2>"$tmp/err"; then
  ok "… is JSON with the plan, its totals and digest"
else
  not_ok "… is JSON with the plan, its totals and digest"
fi

expect 0 "plan review sets a group's status and comment" -- "$cli" plan review "$plan" g2 --status needs-change --comment "Lab hours differ"
expect 0 "… and comments on a course" -- "$cli" plan review "$plan" g1 --course CS305 --home --comment "同一门课"
expect 0 "… which plan show shows" -- "$cli" plan show "$plan"
contains "$tmp/out" "Needs change" "… the status"
contains "$tmp/out" "Lab hours differ" "… the group's comment"
contains "$tmp/out" "同一门课" "… and the course's"
expect 2 "plan review refuses an unknown status" -- "$cli" plan review "$plan" g1 --status maybe
expect 1 "plan review names an unknown group" -- "$cli" plan review "$plan" g9 --status approved
contains "$tmp/err" "g9" "… in its message"
expect 0 "… and the group is approved after review" -- "$cli" plan review "$plan" g2 --status approved
expect 1 "an institution's approval needs a position" -- "$cli" plan approve "$plan" --as sending --name 王芳 --email wangfang@scu.edu.cn
contains "$tmp/err" "position" "… and says so"
expect 2 "--as takes student, sending or receiving" -- "$cli" plan approve "$plan" --as dean --name X
expect 0 "the student approves" -- "$cli" plan approve "$plan" --as student --name 李华 --timestamp 2026-06-01T10:00:00+08:00
expect 0 "the sending institution approves" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
expect 0 "the receiving institution approves" -- "$cli" plan approve "$plan" --as receiving --name "Zhang Wei" --position "International office" --email zhangwei@cqu.edu.cn
contains "$tmp/out" "locked" "… and the agreement is locked"
expect 2 "a locked agreement takes no plain additions: plan add needs --reason" -- "$cli" plan add "$plan" cqu:ma101
contains "$tmp/err" "--reason" "… and says so"

expect 0 "export json" -- "$cli" plan export "$plan" --format json -o "$tmp/li.json"
if cmp -s "$plan" "$tmp/li.json"; then ok "… is the plan file itself"; else not_ok "… is the plan file itself"; fi
expect 0 "export ewp-xml" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/li.xml"
expect 0 "… which validates against the EWP schemas" -- sh "$xsd/validate.sh" "$tmp/li.xml"
contains "$tmp/li.xml" "<first-version>" "… as an approved first version"
expect 0 "export pdf" -- "$cli" plan export "$plan" --format pdf -o "$tmp/li.pdf"
pdftotext "$tmp/li.pdf" "$tmp/li.txt"
contains "$tmp/li.txt" "李华" "the PDF names the student"
for code in CS301 CS302 CS305 CS306; do contains "$tmp/li.txt" "$code" "the PDF lists $code"; done
contains "$tmp/li.txt" "Operating Systems" "the PDF gives the titles"
contains "$tmp/li.txt" "操作系统" "… in Chinese too"
contains "$tmp/li.txt" "王芳" "the PDF names the sending approver"
contains "$tmp/li.txt" "Zhang Wei" "the PDF names the receiving approver"
expect 2 "export needs a known format" -- "$cli" plan export "$plan" --format docx -o "$tmp/li.docx"

# The digest on paper against the file
digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digest"])' "$tmp/show.json")
expect 1 "the digest from before the approvals no longer matches" -- "$cli" plan verify "$plan" --digest "$digest"
"$cli" plan show "$plan" --json >"$tmp/show2.json"
digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digest"])' "$tmp/show2.json")
contains "$tmp/li.txt" "$digest" "the PDF carries the plan's digest"
expect 0 "plan verify: the printed digest matches" -- "$cli" plan verify "$plan" --digest "$digest"
upper=$(echo "$digest" | tr a-f A-F | sed 's/\(.\{16\}\)/\1 /g')
expect 0 "… also as printed, in groups and capitals" -- "$cli" plan verify "$plan" --digest "$upper"
expect 2 "… a digest of the wrong length is a usage error" -- "$cli" plan verify "$plan" --digest abc123

# Changes during the mobility
expect 0 "a change to a locked agreement is proposed" -- "$cli" plan add "$plan" cqu:ma101 --replaces scu:ma120 --reason extending-mobility
expect 0 "… approved by the student" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "… and the sending institution" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
expect 0 "the agreement with a pending proposal exports" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/li2.xml"
expect 0 "… and validates" -- sh "$xsd/validate.sh" "$tmp/li2.xml"
contains "$tmp/li2.xml" 'status="inserted" reason-code="extending-mobility"' "… with the change and its reason"
expect 0 "the receiving institution approves the change" -- "$cli" plan approve "$plan" --as receiving --name "Zhang Wei" --position "International office" --email zhangwei@cqu.edu.cn
contains "$tmp/out" "version 2" "… which makes version 2"
expect 0 "plan show lists the approved versions" -- "$cli" plan show "$plan"
contains "$tmp/out" "first version" "… the first"
contains "$tmp/out" "2 changes" "… and the second with its two changes"

# Grades after the stay
expect 0 "plan grades converts the host's grades" -- "$cli" plan grades "$plan" CS301=A cqu:cs302=85 MA101=B
contains "$tmp/out" "优秀" "… CS301=A becomes 优秀"
contains "$tmp/out" "良好" "… and 85 becomes 良好"
expect 1 "plan grades refuses a grade the scale does not have" -- "$cli" plan grades "$plan" CS301=Z
expect 2 "plan grades wants COURSE=GRADE" -- "$cli" plan grades "$plan" CS301

# Removing, and importing a partner's agreement
expect 2 "removing from an approved agreement needs --reason" -- "$cli" plan remove "$plan" CS302
expect 0 "… with one, it is proposed" -- "$cli" plan remove "$plan" CS302 --reason not-available
expect 0 "… approved by the student" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "… and the sending institution" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
expect 0 "the agreement exports with the proposed removal" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/li3.xml"
expect 0 "… and validates" -- sh "$xsd/validate.sh" "$tmp/li3.xml"
contains "$tmp/li3.xml" 'status="deleted" reason-code="not-available"' "… with the removal and its reason"
expect 0 "plan import reads a partner's EWP agreement" -- "$cli" plan import "$tmp/imported.creditplan" --from-ewp "$tmp/li3.xml"
expect 0 "… into a plan that opens" -- "$cli" plan show "$tmp/imported.creditplan"
contains "$tmp/out" "李华" "… with the student"
contains "$tmp/out" "CS301" "… the courses"
contains "$tmp/out" "Changes proposed" "… and the pending proposal"
expect 1 "plan import refuses what is not EWP XML" -- "$cli" plan import "$tmp/bad.creditplan" --from-ewp "$plan"

# An agreement approved elsewhere without what EWP needs: it opens, is not
# sent, and is corrected in a new draft; the approved record stays.
sed '/<cefr-level>/d' "$tmp/li3.xml" >"$tmp/nocefr.xml"
expect 0 "an agreement approved elsewhere without a CEFR level imports" -- "$cli" plan import "$tmp/nocefr.creditplan" --from-ewp "$tmp/nocefr.xml"
expect 1 "… cannot go out as EWP XML" -- "$cli" plan export "$tmp/nocefr.creditplan" --format ewp-xml -o "$tmp/nocefr-out.xml"
contains "$tmp/err" "CEFR" "… and says what it lacks"
cp "$tmp/nocefr.creditplan" "$tmp/nocefr.before"
expect 2 "plan reopen will not write over the approved record" -- "$cli" plan reopen "$tmp/nocefr.creditplan" -o "$tmp/nocefr.creditplan"
expect 2 "plan reopen needs --output" -- "$cli" plan reopen "$tmp/nocefr.creditplan"
expect 1 "plan reopen refuses a draft" -- "$cli" plan reopen "$tmp/bare.creditplan" -o "$tmp/x2.creditplan"
contains "$tmp/err" "not approved yet" "… and says to edit it directly"
expect 0 "plan reopen starts a new draft" -- "$cli" plan reopen "$tmp/nocefr.creditplan" -o "$tmp/redraft.creditplan"
contains "$tmp/out" "CEFR level" "… and lists what it needs before approval"
if cmp -s "$tmp/nocefr.creditplan" "$tmp/nocefr.before"; then ok "… and leaves the approved record as it was"; else not_ok "… and leaves the approved record as it was"; fi
expect 0 "… the draft opens" -- "$cli" plan show "$tmp/redraft.creditplan" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["plan"]; assert not d.get("versions") and not d.get("approvals"); assert d["student"]["name"]' "$tmp/out" 2>"$tmp/err"; then
  ok "… not approved, with the agreement's content"
else
  not_ok "… not approved, with the agreement's content"
fi
expect 0 "a draft plan" -- "$cli" plan new "$tmp/draft.creditplan" --student "Li Hua" --home scu --host cqu --term 2026-autumn
expect 0 "… takes a course" -- "$cli" plan add "$tmp/draft.creditplan" CS301 --replaces CS305
expect 0 "… and removes it again without a reason" -- "$cli" plan remove "$tmp/draft.creditplan" CS305 --home
expect 0 "… which shows" -- "$cli" plan show "$tmp/draft.creditplan"
if grep -q "CS305" "$tmp/out"; then not_ok "… without CS305"; else ok "… without CS305"; fi
expect 1 "removing what is not there fails" -- "$cli" plan remove "$tmp/draft.creditplan" CS302

# Bad input, and nothing lost
cp "$plan" "$tmp/before"
expect 1 "export to a path that cannot be written" -- "$cli" plan export "$plan" --format pdf -o "$tmp/no/such/dir/li.pdf"
contains "$tmp/err" "li.pdf" "… says which"
mkdir "$tmp/taken.xml"
expect 1 "export over a directory fails" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/taken.xml"
if [ -d "$tmp/taken.xml" ] && cmp -s "$plan" "$tmp/before"; then ok "… and nothing was lost"; else not_ok "… and nothing was lost"; fi

head -c 300 "$plan" >"$tmp/cut.creditplan"
expect 1 "a truncated plan is refused" -- "$cli" plan show "$tmp/cut.creditplan"
contains "$tmp/err" "damaged or incomplete" "… with a clear message"
printf '{"format": "credit-bridge-plan", "version": 7}' >"$tmp/new.creditplan"
expect 1 "a plan from a newer version is refused" -- "$cli" plan show "$tmp/new.creditplan"
contains "$tmp/err" "newer" "… and says so"
cp "$tmp/new.creditplan" "$tmp/new.before"
expect 1 "… approving it changes nothing" -- "$cli" plan approve "$tmp/new.creditplan" --as student --name X
if cmp -s "$tmp/new.creditplan" "$tmp/new.before"; then ok "… the file is left as it was"; else not_ok "… the file is left as it was"; fi

# A course that left the catalog is kept and flagged
sed 's/"cqu:cs301"/"cqu:cs399"/' "$plan" >"$tmp/gone.creditplan"
expect 0 "a plan naming a course no longer in the catalog opens" -- "$cli" plan show "$tmp/gone.creditplan"
contains "$tmp/out" "no longer in the catalog" "… and flags it"
contains "$tmp/out" "NOT APPROVED: the approval by the Student of version 1 is not for what version 1 says" "… and, edited after approval, says so"
expect 1 "… and cannot be approved over" -- "$cli" plan approve "$tmp/gone.creditplan" --as student --name 李华

echo "1..$n"
exit $failed
