#!/bin/sh
# test-cli-statement.sh: certificate statement, and plan export --certificates
#
# Usage: test-cli-statement.sh CLI FEED CERTIFICATES   (TAP output)
# The catalog is FEED with the certificates of CERTIFICATES
# (certificates.json; see test-statement.c).
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
certificates=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8
n=0
failed=0

. "$(dirname "$0")/tap.sh"

# json_is FILE PYTHON-EXPRESSION DESCRIPTION: the expression over d (the
# JSON of FILE) is true.
json_is () {
  if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert eval(sys.argv[2]), "false: " + sys.argv[2]' "$1" "$2" >"$tmp/why" 2>&1; then ok "$3"; else not_ok "$3"; fi
}

# The text of a PDF, its pages one after the other; of page N with "-f N -l N".
pdf_text () {
  pdftotext -layout "$@" - 2>"$tmp/why"
}

# The text of a PDF cell by cell, every run of white space one space: for
# phrases a table cell wraps.
pdf_flat () {
  pdftotext "$1" - 2>"$tmp/why" | tr -s ' \n' '  '
}

python3 - "$feed" "$certificates" "$tmp/feed.json" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
feed["certificates"] = json.load(open(sys.argv[2]))
json.dump(feed, open(sys.argv[3], "w"), ensure_ascii=False)
PY

cat >"$tmp/holdings.json" <<'EOF'
{ "format": "credit-bridge-certificates", "version": 1,
  "student": { "name": "李华", "id": "2023141460001" },
  "home": "scu",
  "certificates": [
    { "certificate": "ncre-2", "obtained": "2024-09-21", "number": "NCRE-2024-5101-0042" },
    { "certificate": "cet-6", "obtained": "2024-12-14" },
    { "certificate": "teacher", "obtained": "2023-05-01" },
    { "certificate": "pets-5", "obtained": "2023-03-01" } ] }
EOF

expect 0 "the catalog with certificates imports" -- "$cli" catalog import "$tmp/feed.json"

# The statement, as PDF and as JSON, with one digest.
expect 0 "certificate statement writes a PDF" -- "$cli" certificate statement -o "$tmp/s.pdf" --file "$tmp/holdings.json" --on 2026-12-01
contains "$tmp/out" "4 certificates, 4 credits granted, SHA-256 " "… and says what it wrote, with the digest"
digest=$(sed -n 's/.*SHA-256 \([0-9a-f]\{64\}\)\..*/\1/p' "$tmp/out")
pdf_text "$tmp/s.pdf" >"$tmp/s.txt"
pdf_flat "$tmp/s.pdf" >"$tmp/s.flat"
contains "$tmp/s.txt" "Credit-bank statement" "… titled"
contains "$tmp/s.txt" "全国计算机等级考试二级" "… with the certificates in Chinese"
contains "$tmp/s.txt" "NCRE-2024-5101-0042" "… their numbers"
contains "$tmp/s.flat" "Principles of Operating Systems (CS305)" "… the courses they replace"
contains "$tmp/s.txt" "about to expire" "… what is about to expire"
contains "$tmp/s.txt" "not in the catalog" "… what the catalog does not have"
contains "$tmp/s.txt" "Total granted: 4.0 credits" "… and the total"
if [ -n "$digest" ] && grep -qF "$digest" "$tmp/s.txt"; then ok "… and the digest it printed"; else not_ok "… and the digest it printed ($digest)"; fi
pages=$(pdfinfo "$tmp/s.pdf" | sed -n 's/^Pages: *//p')
missing=""
for p in $(seq 1 "$pages"); do
  pdf_text -f "$p" -l "$p" "$tmp/s.pdf" | grep -qF "$digest" || missing="$missing $p"
done
if [ -z "$missing" ]; then ok "every page carries the digest"; else not_ok "pages without the digest:$missing"; fi

expect 0 "certificate statement writes JSON" -- "$cli" certificate statement -o "$tmp/s.json" --file "$tmp/holdings.json" --on 2026-12-01
json_is "$tmp/s.json" "d['format'] == 'credit-bridge-statement' and d['version'] == 1" "… of its format"
json_is "$tmp/s.json" "d['digest'] == '$digest'" "… with the PDF's digest"
json_is "$tmp/s.json" "d['student'] == {'name': '李华', 'id': '2023141460001'} and d['home']['id'] == 'scu'" "… the student and the home"
json_is "$tmp/s.json" "d['on'] == '2026-12-01' and d['total_credits'] == 4 and d['unknown'] == 1 and len(d['certificates']) == 4" "… the day, the total and the certificates"
expect 0 "--format json whatever the name" -- "$cli" certificate statement -o "$tmp/s.txt.out" --format json --file "$tmp/holdings.json" --on 2026-12-01
json_is "$tmp/s.txt.out" "d['digest'] == '$digest'" "… the same statement"

# In Chinese.
expect 0 "in Chinese" -- env LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$cli" certificate statement -o "$tmp/zh.pdf" --file "$tmp/holdings.json" --on 2026-12-01
pdf_text "$tmp/zh.pdf" >"$tmp/zh.txt"
contains "$tmp/zh.txt" "学分银行证明" "… the statement is titled in Chinese"
contains "$tmp/zh.txt" "即将过期" "… and says its statuses in Chinese"

# The user's own file, where the window keeps it; none yet is no certificate.
expect 0 "no certificates file: an empty statement" -- "$cli" certificate statement -o "$tmp/empty.json" --home scu --on 2026-12-01
json_is "$tmp/empty.json" "d['certificates'] == [] and d['total_credits'] == 0" "… with no certificate"
expect 2 "no file and no --home: a usage error" -- "$cli" certificate statement -o "$tmp/nohome.json"
contains "$tmp/err" "home university" "… that asks for the home university"
if [ -e "$tmp/nohome.json" ]; then not_ok "… which writes nothing"; else ok "… which writes nothing"; fi
mkdir -p "$tmp/data/credit-bridge"
cp "$tmp/holdings.json" "$tmp/data/credit-bridge/certificates.json"
expect 0 "the user's own certificates by default" -- "$cli" certificate statement -o "$tmp/own.json" --on 2026-12-01
json_is "$tmp/own.json" "d['digest'] == '$digest'" "… the same statement"
expect 0 "--home judges at another university" -- "$cli" certificate statement -o "$tmp/cqu.json" --home cqu --on 2026-12-01
json_is "$tmp/cqu.json" "d['home']['id'] == 'cqu' and d['total_credits'] == 3 and d['digest'] != '$digest'" "… another statement"

# Wrong usage and errors.
expect 2 "-o is required" -- "$cli" certificate statement --home scu
expect 2 "an output name that says no format" -- "$cli" certificate statement -o "$tmp/s.txt" --home scu
contains "$tmp/err" "--format" "… says how to give one"
expect 2 "an unknown --format" -- "$cli" certificate statement -o "$tmp/s.xml" --format xml --home scu
contains "$tmp/err" "xml" "… names it"
expect 2 "an argument besides the options" -- "$cli" certificate statement -o "$tmp/x.pdf" extra
expect 2 "--on a day that is not a date" -- "$cli" certificate statement -o "$tmp/x.pdf" --file "$tmp/holdings.json" --on 2026-02-30
contains "$tmp/err" "2026-02-30" "… names it"
expect 1 "an unknown --home" -- "$cli" certificate statement -o "$tmp/x.pdf" --home nowhere
contains "$tmp/err" "nowhere" "… names it"
if [ -e "$tmp/x.pdf" ]; then not_ok "… and writes nothing"; else ok "… and writes nothing"; fi

printf '{ "format": "credit-bridge-certificates", "version": 1, "certificates": [ {' >"$tmp/damaged.json"
cp "$tmp/damaged.json" "$tmp/damaged.before"
expect 1 "a damaged certificates file" -- "$cli" certificate statement -o "$tmp/d.pdf" --file "$tmp/damaged.json"
contains "$tmp/err" "damaged.json" "… is named"
if cmp -s "$tmp/damaged.json" "$tmp/damaged.before"; then ok "… and left as it was"; else not_ok "… and left as it was"; fi
if [ -e "$tmp/d.pdf" ]; then not_ok "… and no statement written"; else ok "… and no statement written"; fi
printf '{ "format": "credit-bridge-certificates", "version": 9, "certificates": [] }\n' >"$tmp/newer.json"
expect 1 "a certificates file of a newer version" -- "$cli" certificate statement -o "$tmp/n.pdf" --file "$tmp/newer.json"
contains "$tmp/err" "newer.json" "… is named"

cp "$tmp/s.pdf" "$tmp/keep.pdf"
mkdir "$tmp/dir.pdf"
expect 1 "an output that cannot be written" -- "$cli" certificate statement -o "$tmp/dir.pdf" --file "$tmp/holdings.json"
expect 1 "an output in a folder that does not exist" -- "$cli" certificate statement -o "$tmp/none/s.pdf" --file "$tmp/holdings.json"
contains "$tmp/err" "s.pdf" "… is named"

# plan export --certificates: the annex, only when asked.
plan="$tmp/li.creditplan"
expect 0 "a plan" -- "$cli" plan new "$plan" --student 李华 --home scu --host cqu --term 2026-autumn --student-number 2023141460001
expect 0 "… with a group" -- "$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305
expect 0 "plan show --json" -- "$cli" plan show "$plan" --json
cp "$tmp/out" "$tmp/show.json"
agreement=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['digest'])" "$tmp/show.json")

expect 0 "plan export without --certificates" -- "$cli" plan export "$plan" --format pdf -o "$tmp/la.pdf"
pdf_text "$tmp/la.pdf" >"$tmp/la.txt"
lacks "$tmp/la.txt" "Annex" "… has no annex"
expect 0 "plan export --certificates-file" -- "$cli" plan export "$plan" --format pdf -o "$tmp/annex.pdf" --certificates-file "$tmp/holdings.json"
plain_pages=$(pdfinfo "$tmp/la.pdf" | sed -n 's/^Pages: *//p')
pages=$(pdfinfo "$tmp/annex.pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" = $((plain_pages + 1)) ]; then ok "… adds a page"; else not_ok "… adds a page ($plain_pages → $pages)"; fi
pdf_text -f "$pages" -l "$pages" "$tmp/annex.pdf" >"$tmp/annex.txt"
contains "$tmp/annex.txt" "Annex: certificates held (not part of the agreement)" "… the annex, on the last page"
contains "$tmp/annex.txt" "NCRE-2024-5101-0042" "… with the certificates"
contains "$tmp/annex.txt" "$agreement" "… and the agreement's digest in its footer"
# The annex judges today, as certificate statement does without --on.
expect 0 "today's statement" -- "$cli" certificate statement -o "$tmp/today.json" --file "$tmp/holdings.json"
today=$(sed -n 's/.*SHA-256 \([0-9a-f]\{64\}\)\..*/\1/p' "$tmp/out")
pdf_flat "$tmp/annex.pdf" >"$tmp/annex.flat"
contains "$tmp/annex.flat" "$today" "… the annex states its digest"
expect 0 "plan export --certificates reads the user's own file" -- "$cli" plan export "$plan" --format pdf -o "$tmp/own.pdf" --certificates
pdf_text "$tmp/own.pdf" >"$tmp/own.txt"
contains "$tmp/own.txt" "NCRE-2024-5101-0042" "… and lists its certificates"
expect 0 "plan show --json after the exports" -- "$cli" plan show "$plan" --json
json_is "$tmp/out" "d['digest'] == '$agreement'" "… the agreement's digest is unchanged"
expect 2 "--certificates with --format json" -- "$cli" plan export "$plan" --format json -o "$tmp/p.json" --certificates
contains "$tmp/err" "pdf" "… says it is for the PDF"
expect 2 "--certificates-file with --format ewp-xml" -- "$cli" plan export "$plan" --format ewp-xml -o "$tmp/p.xml" --certificates-file "$tmp/holdings.json"
expect 1 "--certificates-file of a damaged file" -- "$cli" plan export "$plan" --format pdf -o "$tmp/bad.pdf" --certificates-file "$tmp/damaged.json"
contains "$tmp/err" "damaged.json" "… is named"
if [ -e "$tmp/bad.pdf" ]; then not_ok "… and no PDF written"; else ok "… and no PDF written"; fi

echo "1..$n"
exit $failed
