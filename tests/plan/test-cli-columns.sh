#!/bin/sh
# test-cli-columns.sh: credit-bridge-cli's tables line up in Chinese
#
# A terminal gives 汉字 two columns each. Padding by bytes (printf's %-22s)
# leaves the columns after a Chinese title or label out of line; each table
# here is checked by where its columns start on the screen, with stdout on a
# pseudo-terminal (tests/run-on-terminal.py). In a pipe nothing is padded:
# the cells of a row are separated by tabs (issue 21), checked here too.
#
# Usage: test-cli-columns.sh CLI FEED   (TAP output)
#
# SPDX-License-Identifier: GPL-3.0-or-later

cli=$1
feed=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDIT_BRIDGE_DB="$tmp/catalog.db"
export LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN
n=0
failed=0

. "$(dirname "$0")/tap.sh"
onterm="$(cd "$(dirname "$0")/.." && pwd)/run-on-terminal.py"

# tabs DESCRIPTION REGEX: some line of $tmp/out, from a pipe, is REGEX
# (grep -E, with \t for a tab), and no line is padded for a terminal.
tabs () {
  if grep -qE "$(printf '%s' "$2" | sed 's/\\t/\t/g')" "$tmp/out" && ! grep -qE '[^ ]   +[^ ]' "$tmp/out"; then
    ok "$1"
  else
    not_ok "$1"; sed 's/^/# /' "$tmp/out"
  fi
}

# columns DESCRIPTION TABLE: checks the table in $tmp/out with columns.py
columns () {
  if python3 "$tmp/columns.py" "$2" "$tmp/out" >"$tmp/why" 2>&1; then ok "$1"; else not_ok "$1"; fi
  rm -f "$tmp/why"
}

# The checker, independent of the program's code: Python's own East Asian
# widths. For each table it finds the rows and prints what is out of line.
cat >"$tmp/columns.py" <<'EOF'
import re, sys, unicodedata

def width(text):
    w = 0
    for c in text:
        if unicodedata.combining(c) or unicodedata.category(c) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(c) in 'WF' else 1
    return w

table, path = sys.argv[1], sys.argv[2]
lines = open(path, encoding='utf-8').read().split('\n')

def section(header):
    """The lines after the line that starts with one of @header, to a blank line."""
    for i, line in enumerate(lines):
        if any(line.startswith(h) for h in header):
            rows = []
            for row in lines[i + 1:]:
                if row.strip() == '':
                    break
                rows.append(row)
            return rows
    sys.exit('no section %r' % (header,))

def starts(rows, pattern, groups):
    """Screen columns where each of @groups of @pattern starts, per row."""
    found = []
    for row in rows:
        m = re.match(pattern, row)
        if m is None:
            continue
        found.append((row, [width(row[:m.start(g)]) for g in groups]))
    return found

def aligned(found, least):
    if len(found) < least:
        sys.exit('only %d rows found, wanted %d' % (len(found), least))
    first = found[0][1]
    bad = [row for row, cols in found if cols != first]
    for row, cols in found:
        print('%-60s %s' % (row, cols))
    if bad:
        sys.exit('columns out of line')

if table == 'approvals':
    # "  ROLE  NAME…": the name starts after the role and at least two spaces
    aligned(starts(section(['Approvals:', '审批：']), r'^  \S(?:.*?\S)?  +(\S)', [1]), 3)
elif table == 'pending':
    aligned(starts(section(['Approvals of the proposed changes:', '变更申请的审批：']),
                   r'^  \S(?:.*?\S)?  +(\S)', [1]), 3)
elif table == 'components':
    # "    CODE  TITLE  CREDITS": the title and the credits
    rows = [l for l in lines if re.match(r'^    [A-Z]+\d', l)]
    aligned(starts(rows, r'^    \S+ +(\S.*?) +(\d+\.\d)(  \[|$)', [1, 2]), 4)
elif table == 'recognition':
    rows = [l for l in lines if re.match(r'^  [A-Z]+\d', l)]
    aligned(starts(rows, r'^  \S+ +(\S.*?) +(\d+\.\d)  (\S+) +(\S+)', [1, 2, 3, 4]), 2)
elif table == 'grades':
    # right-aligned numbers: compare where each column ends
    found = []
    for row in lines:
        cells = list(re.finditer(r'\S+(?: %)?', row))
        if len(cells) == 4:
            found.append((row, [width(row[:c.end()]) for c in cells[1:]]))
    aligned(found, 4)
elif table == 'fields':
    rows = [l for l in lines if re.match(r'^\S.*?  +\S', l)]
    aligned(starts(rows, r'^\S(?:.*?\S)?  +(\S)', [1]), 8)
else:
    sys.exit('no such table ' + table)
EOF

plan="$tmp/li.creditplan"

expect 0 "the test catalog imports" -- "$cli" catalog import "$feed"
expect 0 "a plan with Chinese names" -- "$cli" plan new "$plan" --student 李华 --home scu --host cqu --term 2026-autumn \
  --isced 0613 --language zh --cefr C2 \
  --home-responsible 王芳 --home-position 交换项目协调员 --home-email wangfang@scu.edu.cn \
  --host-responsible 张伟 --host-position 国际合作处 --host-email zhangwei@cqu.edu.cn
expect 0 "… takes two groups" -- "$cli" plan add "$plan" cqu:cs301 --replaces scu:cs305
expect 0 "… and another" -- "$cli" plan add "$plan" CS302 --replaces CS306
expect 0 "the student approves" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "the sending institution approves" -- "$cli" plan approve "$plan" --as sending --name 王芳 --position 交换项目协调员 --email wangfang@scu.edu.cn

expect 0 "plan show in Chinese, on a terminal" -- python3 "$onterm" --stdout "$cli" plan show "$plan"
if grep -q "操作系统" "$tmp/out"; then ok "… gives the Chinese titles"; else not_ok "… gives the Chinese titles"; fi
if grep -q "^审批：" "$tmp/out"; then ok "… and Chinese labels, from the build folder's translations"; else not_ok "… and Chinese labels, from the build folder's translations"; fi
columns "… its approvals line up: each name starts in the same column" approvals
columns "… and so do its courses' titles and credits" components
expect 0 "plan show in Chinese, in a pipe" -- "$cli" plan show "$plan"
tabs "… a course's code, title and credits are separated by tabs" '^    CS301\t操作系统\t[0-9]+\.[0-9]$'
tabs "… and an approval's role and name" '^  学生\t李华'

expect 0 "the receiving institution approves" -- "$cli" plan approve "$plan" --as receiving --name 张伟 --position 国际合作处 --email zhangwei@cqu.edu.cn
expect 0 "a change is proposed" -- "$cli" plan add "$plan" cqu:ma101 --replaces scu:ma120 --reason extending-mobility
expect 0 "… and approved by the student" -- "$cli" plan approve "$plan" --as student --name 李华
expect 0 "plan show with a pending change, on a terminal" -- python3 "$onterm" --stdout "$cli" plan show "$plan"
columns "… the change's approvals line up" pending

expect 0 "plan grades in Chinese, on a terminal" -- python3 "$onterm" --stdout "$cli" plan grades "$plan" CS301=A cqu:cs302=85
columns "… its recognition record lines up" recognition
expect 0 "plan grades in a pipe" -- "$cli" plan grades "$plan" CS301=A cqu:cs302=85
tabs "… its recognition record is separated by tabs" '^  CS305\t操作系统原理\t3\.0\t优秀\tCS301=A'

cat >"$tmp/scale.csv" <<'EOF'
label,min,max,passing
优秀,90,100,yes
良好,80,89.99,yes
中等,70,79.99,yes
及格,60,69.99,yes
不及格,0,59.99,no
EOF
printf '95\n85\n85\n75\n65\n65\n50\n' >"$tmp/marks"
expect 0 "grade table in Chinese, on a terminal" -- python3 "$onterm" --stdout sh -c '"$1" grade table --scale "$2" <"$3"' sh "$cli" "$tmp/scale.csv" "$tmp/marks"
columns "… its counts and percentages line up under their headings" grades
expect 0 "grade table in a pipe" -- sh -c '"$1" grade table --scale "$2" <"$3"' sh "$cli" "$tmp/scale.csv" "$tmp/marks"
tabs "… its rows are separated by tabs" '^良好\t2\t33\.3 %\t50\.0 %$'

expect 0 "catalog show in Chinese, on a terminal" -- python3 "$onterm" --stdout "$cli" catalog show cqu:cs301
columns "… its values start in one column" fields
expect 0 "catalog show in a pipe" -- "$cli" catalog show cqu:cs301
tabs "… a label and its value are separated by a tab" '^课程代码\tCS301$'

expect 0 "catalog stats in Chinese, on a terminal" -- python3 "$onterm" --stdout "$cli" catalog stats
columns "… its figures start in one column" fields
expect 0 "catalog stats in a pipe" -- "$cli" catalog stats
tabs "… a label and its figure are separated by a tab" '^课程：\t[0-9]+$'

echo "1..$n"
exit $failed
