#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Write the seed corpora of the plan, EWP and CSV harnesses
# (tests/fuzz/corpus/{plan,ewp,csv}) with the command line and the test
# catalog, as an advisor makes a plan: a draft, a reviewed plan, the approved
# agreement, a proposed change, a second version with grades, feedback, a proposed
# removal, an agreement imported from EWP; each stage's EWP export; and the
# grading CSV files of tests/grading with a few variants.
#
#   tests/fuzz/make-seeds-plan.sh CLI [OUT_DIR]
#
# CLI is a built credit-bridge-cli (e.g. _build/src/cli/credit-bridge-cli);
# OUT_DIR defaults to tests/fuzz/corpus. valid-* seeds must be read, invalid-*
# refused (the regression tests check it). Plans carry the time they were
# made (mobility id, timestamps), so the output differs from run to run;
# the committed corpus is one such run.
set -eu

cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tests=$(cd "$here/.." && pwd)
out=${2:-$here/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=C.UTF-8
mkdir -p "$out/plan" "$out/ewp" "$out/csv"

plan="$tmp/li.creditplan"
q () { "$cli" "$@" >/dev/null; }
keep () { cp "$plan" "$out/plan/valid-$1.creditplan"; }
ewp () { q plan export "$plan" --format ewp-xml -o "$out/ewp/valid-$1.xml"; }

q catalog import "$tests/plan/feed.json"
q plan new "$plan" --student 李华 --home scu --host cqu --term 2026-autumn \
  --student-number 2023141460001 --email lihua@stu.scu.edu.cn --birth-date 2004-05-06 --nationality CN \
  --isced 0613 --language en --cefr B2 --home-faculty "College of Computer Science" \
  --home-responsible 王芳 --home-position "Exchange coordinator" --home-email wangfang@scu.edu.cn \
  --host-responsible "Zhang Wei" --host-position "International office" --host-email zhangwei@cqu.edu.cn
keep new
q plan add "$plan" cqu:cs301 --replaces scu:cs305
q plan add "$plan" CS302 --replaces CS306
keep draft
q plan review "$plan" g2 --status needs-change --comment "Lab hours differ"
q plan review "$plan" g1 --course CS305 --home --comment "同一门课"
q plan review "$plan" g2 --status approved
keep reviewed
q plan approve "$plan" --as student --name 李华 --timestamp 2026-06-01T10:00:00+08:00
q plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
keep two-approvals
q plan approve "$plan" --as receiving --name "Zhang Wei" --position "International office" --email zhangwei@cqu.edu.cn
keep approved
ewp approved
q plan add "$plan" cqu:ma101 --replaces scu:ma120 --reason extending-mobility
q plan approve "$plan" --as student --name 李华
q plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
keep proposal
ewp proposal
q plan approve "$plan" --as receiving --name "Zhang Wei" --position "International office" --email zhangwei@cqu.edu.cn
q plan grades "$plan" CS301=A cqu:cs302=85 MA101=B
keep versions-grades
q plan feedback "$plan" CS301 --hours 96.5 --rating 4 --comment "实验很多，但值得。"
q plan feedback "$plan" MA101 --hours 40 --rating 2
keep feedback
q plan remove "$plan" CS302 --reason not-available
q plan approve "$plan" --as student --name 李华
q plan approve "$plan" --as sending --name 王芳 --position "Exchange coordinator" --email wangfang@scu.edu.cn
keep removal
ewp removal
q plan import "$tmp/imported.creditplan" --from-ewp "$out/ewp/valid-removal.xml"
cp "$tmp/imported.creditplan" "$out/plan/valid-imported.creditplan"
cp "$tests/plan/minimal-la.xml" "$out/ewp/valid-minimal-la.xml"

# Refused plans: cut, newer, not a plan
head -c 300 "$out/plan/valid-draft.creditplan" >"$out/plan/invalid-truncated.creditplan"
printf '{"format": "credit-bridge-plan", "version": 7}' >"$out/plan/invalid-newer.creditplan"
printf '{"format": "something-else", "version": 1}' >"$out/plan/invalid-format.creditplan"
sed 's/"credits" : 3.5/"credits" : "3.5"/' "$out/plan/valid-draft.creditplan" >"$out/plan/invalid-credits-string.creditplan"
# Refused agreements: cut, another document
head -c 400 "$out/ewp/valid-approved.xml" >"$out/ewp/invalid-truncated.xml"
printf '<?xml version="1.0"?>\n<omobility-las-get-response/>\n' >"$out/ewp/invalid-no-la.xml"

# Grading CSV files
cp "$tests/grading/data/ects-scale.csv" "$out/csv/valid-percent-bom.csv"
cp "$tests/grading/data/slu-opava.csv" "$out/csv/valid-percent.csv"
cp "$tests/grading/data/pct-scale.csv" "$out/csv/valid-scale-bands.csv"
printf 'grade,count\r\nA,12\r\n"B, good",30\r\n"C ""fair""",41\r\n\r\nD,0\r\n' >"$out/csv/valid-count-quoted-crlf.csv"
printf 'grade,count\n1.0,5\n1.3,9\n2.0,20\n4.0,3\n' >"$out/csv/valid-count-numeric.csv"
printf 'label,min,max,passing\nA,,,yes\nB,,,true\nF,,,no\n' >"$out/csv/valid-scale-labels.csv"
printf 'label,min,max,passing\n5,4.5,5,yes\n4,3.5,4.49,Y\n"2 (fail)",0,3.49,0\n' >"$out/csv/valid-scale-numeric.csv"
printf 'grade,percent\nA,10.25\nB,89.75\n' >"$out/csv/valid-percent-decimals.csv"
printf 'grade,count\nA,-1\n' >"$out/csv/invalid-negative.csv"
printf 'grade,percent\nA,10\nB,20\n' >"$out/csv/invalid-percent-sum.csv"
printf 'label,min,max,passing\nA,50,100,yes\nB,40,60,no\n' >"$out/csv/invalid-scale-overlap.csv"
printf 'label,min,max,passing\nA,90,100,yes\nB,80,,yes\n' >"$out/csv/invalid-scale-one-bound.csv"
printf 'grade,count\n"A,1\n' >"$out/csv/invalid-open-quote.csv"
echo "seeds in $out: $(find "$out/plan" "$out/ewp" "$out/csv" -type f | wc -l) files"
