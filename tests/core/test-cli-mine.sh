#!/bin/bash
# test-cli-mine.sh: credit-bridge-cli certificate mine|add|remove|home|student,
# the student's record of certificates, and plan show warning about a home
# course a certificate already replaces; against feeds/certificates/ (see
# test-holdings.c for the figures). HOME and XDG_DATA_HOME are temporary.
# Usage: test-cli-mine.sh PATH/TO/credit-bridge-cli   (TAP output)
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
FEED="$HERE/feeds/certificates/feed.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_FEED
export HOME="$TMP/home"
export XDG_DATA_HOME="$TMP/xdg-data"
export XDG_CACHE_HOME="$TMP/xdg-cache"
export CREDIT_BRIDGE_DB="$TMP/c.db"
export LANGUAGE=en LC_ALL=C.UTF-8

. "$HERE/tap.sh"

RECORD="$XDG_DATA_HOME/credit-bridge/certificates.json"
C=("$CLI" certificate)
year_ago=$(date -d '-1 year' +%Y-%m-%d)

expect 0 "import the certificates feed" "$CLI" catalog import "$FEED"

# Usage: each subcommand named once
expect 0 "certificate --help" "${C[@]}" --help
for sub in list show credits mine add remove home student; do
  if [ "$(printf '%s\n' "$out" | grep -c "^  $sub ")" = 1 ]; then ok "… names $sub once"
  else not_ok "… names $sub once" "$out"; fi
done
expect 0 "certificate mine --help" "${C[@]}" mine --help
contains "… says what expiring means" "$out" "within 6 months, that day included"
contains "… and what counts once" "$out" "on a tie the earlier obtained"
expect 2 "add without a certificate" "${C[@]}" add --obtained 2024-01-01
expect 2 "add without --obtained" "${C[@]}" add ncre-2
contains "… says what is missing" "$err" "--obtained YYYY-MM-DD"
expect 2 "add with an empty --file" "${C[@]}" add ncre-2 --obtained 2024-01-01 --file ""
expect 2 "remove without a certificate" "${C[@]}" remove
expect 2 "home without a university" "${C[@]}" home
expect 2 "student with nothing to set" "${C[@]}" student
expect 2 "mine with an argument" "${C[@]}" mine ncre-2

# An empty record
expect 2 "mine without any home" "${C[@]}" mine
contains "… says how to set one" "$err" "certificate home UNIVERSITY"
expect 0 "mine --home sa, nothing recorded" "${C[@]}" mine --home sa
contains "… says how to add one" "$out" "You have recorded no certificates"
if [ ! -e "$RECORD" ]; then ok "… and writes nothing"; else not_ok "… and writes nothing"; fi

# add
expect 0 "add ncre-2" "${C[@]}" add ncre-2 --obtained 2024-06-04 --number NCRE-0042
contains "… says so" "$out" "Added “NCRE Level 2”, obtained 2024-06-04, to your certificates."
if [ -f "$RECORD" ]; then ok "… in the user data folder"; else not_ok "… in the user data folder"; fi
expect 0 "add ncre-3" "${C[@]}" add ncre-3 --obtained 2025-01-10
expect 0 "add cet-6" "${C[@]}" add cet-6 --obtained 2024-06-05
expect 0 "add cicpa-stage" "${C[@]}" add cicpa-stage --obtained 2020-05-01 --number C-7
expect 0 "add cet-6 again, an older one" "${C[@]}" add cet-6 --obtained 2022-01-01
expect 0 "add teacher" "${C[@]}" add teacher --obtained 2023-03-01
expect 2 "add the same day twice" "${C[@]}" add ncre-2 --obtained 2024-06-04
contains "… says so" "$err" "“NCRE Level 2” obtained on 2024-06-04 is already in your certificates"
expect 1 "add an unknown certificate" "${C[@]}" add no-such --obtained 2024-06-04
contains "… names it" "$err" "“no-such”"
# Bad dates, each its own case
expect 2 "add, --obtained not a calendar date" "${C[@]}" add ncre-2 --obtained 2025-02-29
contains "… says so" "$err" "“2025-02-29” is not a date; write it as YYYY-MM-DD"
expect 2 "add, --obtained not a date at all" "${C[@]}" add ncre-2 --obtained yesterday
contains "… says so" "$err" "“yesterday” is not a date"
expect 2 "add, --obtained before 1950" "${C[@]}" add ncre-2 --obtained 1949-12-31
contains "… says so" "$err" "is before 1950-01-01; check the year written on the certificate"
expect 2 "add, --obtained in the future" "${C[@]}" add ncre-2 --obtained "$(date -d '+2 days' +%Y-%m-%d)"
contains "… says so" "$err" "is after today, $(date +%Y-%m-%d); a certificate cannot be obtained in the future"
expect 2 "add, a number with a control character" "${C[@]}" add ncre-2 --obtained 2024-01-01 --number $'N\e[2J'
contains "… names the field" "$err" "The certificate’s number"

# home and student
expect 1 "home, an unknown university" "${C[@]}" home nowhere
contains "… names it" "$err" "nowhere"
expect 0 "home sa" "${C[@]}" home sa
contains "… says so" "$out" "Your certificates are now judged at Sichuan Alpha University."
expect 0 "student" "${C[@]}" student --name 王小明 --id 2023141460
contains "… says so" "$out" "Student: 王小明 (2023141460)"
expect 0 "student, the number only" "${C[@]}" student --id 2023141461
contains "… keeps the name" "$out" "Student: 王小明 (2023141461)"
expect 2 "student, a name with a control character" "${C[@]}" student --name $'Wang\a'
contains "… names the field" "$err" "The student’s name"

# mine: the figures of test-holdings.c (without the unknown certificate)
expect 0 "mine --on 2026-12-04" "${C[@]}" mine --on 2026-12-04
contains "… the home and the day" "$out" "My certificates at Sichuan Alpha University, judged on 2026-12-04:"
contains "… the student" "$out" "Student: 王小明 (2023141461)"
contains "… the number" "$out" "ncre-2  NCRE Level 2, obtained 2024-06-04 (No. NCRE-0042)"
contains "… what it grants, about to expire, not counted" "$out" "2 credits in place of Programming Fundamentals (CS110); valid until 2027-06-04 — about to expire (within 6 months) — not counted (see the notes)"
contains "… valid without limit" "$out" "4 credits in place of Advanced Mathematics (MATH101), Ecology (BIO210); valid without limit"
contains "… expired" "$out" "expired after 2024-07-01"
contains "… not recognised" "$out" "Sichuan Alpha University does not recognise the certificate “Teacher qualification”"
contains "… the note" "$out" "“NCRE Level 2” obtained on 2024-06-04 is not counted: “NCRE Level 3” obtained on 2025-01-10 already replaces Programming Fundamentals (CS110)"
contains "… the total" "$out" "Total: 9 credits"
contains "… the counts" "$out" "4 recognised (2 about to expire), 1 expired, 1 not recognised, 0 not in the catalog"
expect 0 "mine --on 2026-12-03: six months and a day" "${C[@]}" mine --on 2026-12-03 --json
json_is "… ncre-2 is not about to expire yet" 'j["certificates"][0]["expiring"] is False and j["expiring"] == 1'
expect 0 "mine --json" "${C[@]}" mine --on 2026-12-04 --json
json_is "… the figures" 'j["home"] == "sa" and j["on"] == "2026-12-04" and j["total_credits"] == 9 and j["recognised"] == 4 and j["expiring"] == 2 and j["expired"] == 1 and j["not_recognised"] == 1 and j["unknown"] == 0'
json_is "… each certificate" '[c["certificate"] for c in j["certificates"]] == ["ncre-2", "ncre-3", "cet-6", "cicpa-stage", "cet-6", "teacher"]'
json_is "… counted and expiring" '[c["counted"] for c in j["certificates"]] == [False, True, True, True, False, False] and [c["expiring"] for c in j["certificates"]] == [True, False, True, False, False, False]'
json_is "… with the judgement" 'j["certificates"][0]["valid_until"] == "2027-06-04" and j["certificates"][3]["number"] == "C-7" and len(j["notes"]) == 1'
expect 0 "mine --on a day before one was obtained" "${C[@]}" mine --on 2024-12-01
contains "… says it was not held yet" "$out" "Obtained on 2025-01-10, after the day judged, 2024-12-01: not held yet on that day"
expect 0 "mine --home cb" "${C[@]}" mine --home cb --on 2026-12-04 --json
json_is "… judged at cb" 'j["home"] == "cb" and j["total_credits"] == 3'
expect 1 "mine --home an unknown university" "${C[@]}" mine --home nowhere
contains "… names it" "$err" "nowhere"
expect 2 "mine --on not a date" "${C[@]}" mine --on 2026-02-30
contains "… says so" "$err" "“2026-02-30” is not a date"

# remove
expect 2 "remove a certificate held twice, no date" "${C[@]}" remove cet-6
contains "… lists the dates" "$err" "You hold “cet-6” more than once (obtained on 2024-06-05, 2022-01-01); say which with --obtained YYYY-MM-DD"
expect 0 "remove cet-6 --obtained 2022-01-01" "${C[@]}" remove cet-6 --obtained 2022-01-01
contains "… says so" "$out" "Removed “cet-6”, obtained 2022-01-01, from your certificates."
expect 0 "remove teacher" "${C[@]}" remove teacher
expect 1 "remove what is not held" "${C[@]}" remove teacher
contains "… says so" "$err" "You hold no certificate “teacher”"
expect 1 "remove a date not held" "${C[@]}" remove ncre-2 --obtained 2020-01-01
contains "… says so" "$err" "You hold no certificate “ncre-2” obtained on 2020-01-01"
expect 0 "mine after removing" "${C[@]}" mine --on 2026-12-04 --json
json_is "… four left" 'len(j["certificates"]) == 4 and j["expired"] == 0 and j["not_recognised"] == 0'

# --file: another record
OTHER="$TMP/other.json"
expect 0 "add --file" "${C[@]}" add cet-6 --obtained 2025-06-14 --file "$OTHER"
expect 0 "mine --file" "${C[@]}" mine --file "$OTHER" --home sa --json
json_is "… only that record" 'len(j["certificates"]) == 1 and j["certificates"][0]["certificate"] == "cet-6"'

# A damaged or newer record: an error naming the file, never written over
DAMAGED="$TMP/damaged.json"
printf '{ "format": "credit-bridge-certificates", "version": 1, "certificates": [' > "$DAMAGED"
cp "$DAMAGED" "$TMP/damaged.orig"
expect 1 "add to a damaged record" "${C[@]}" add ncre-2 --obtained 2024-06-04 --file "$DAMAGED"
contains "… names the file" "$err" "$DAMAGED is damaged or incomplete"
contains "… says what to do" "$err" "To start a new record, move the file aside first"
if cmp -s "$DAMAGED" "$TMP/damaged.orig"; then ok "… and leaves its bytes"; else not_ok "… and leaves its bytes"; fi
expect 1 "mine of a damaged record" "${C[@]}" mine --file "$DAMAGED" --home sa
expect 1 "remove from a damaged record" "${C[@]}" remove ncre-2 --file "$DAMAGED"
expect 1 "student on a damaged record" "${C[@]}" student --name X --file "$DAMAGED"
if cmp -s "$DAMAGED" "$TMP/damaged.orig"; then ok "… still its bytes"; else not_ok "… still its bytes"; fi
NEWER="$TMP/newer.json"
printf '{ "format": "credit-bridge-certificates", "version": 9, "certificates": [] }' > "$NEWER"
cp "$NEWER" "$TMP/newer.orig"
expect 1 "home on a newer record" "${C[@]}" home sa --file "$NEWER"
contains "… says to update" "$err" "recorded by a newer Credit Bridge (format version 9, this one reads 1); update Credit Bridge"
if cmp -s "$NEWER" "$TMP/newer.orig"; then ok "… and leaves its bytes"; else not_ok "… and leaves its bytes"; fi

# plan show knows the certificates
PLAN="$TMP/p.creditplan"
expect 0 "a plan from sa to cb" "$CLI" plan new "$PLAN" --student 王小明 --home sa --host cb --term 2027-spring
expect 0 "… replacing CS110" "$CLI" plan add "$PLAN" cb:mm200 --replaces sa:cs110
# The default record holds ncre-3 obtained a year ago (valid three years),
# whatever day the test runs.
expect 0 "a recent ncre-3 in the default record" "${C[@]}" add ncre-3 --obtained "$year_ago"
expect 0 "plan show" "$CLI" plan show "$PLAN"
contains "… warns" "$out" "Programming Fundamentals (CS110) is already replaced by the certificate “NCRE Level 3” obtained on $year_ago: the student would be recognised twice for the same course"
expect 0 "plan show --json" "$CLI" plan show --json "$PLAN"
json_is "… the warning, for g1 and CS110" 'any(w["kind"] == "certificate-overlap" and w["group"] == "g1" and w["course"] == "sa:cs110" and "'"$year_ago"'" in w["message"] for w in j["warnings"])'
json_is "… no certificate in the plan itself" '"ncre" not in json.dumps(j["plan"])'
SOLO="$TMP/solo.json"
expect 0 "a record with one recent certificate" "${C[@]}" add ncre-2 --obtained "$year_ago" --file "$SOLO"
expect 0 "plan show --certificates" "$CLI" plan show --certificates "$SOLO" "$PLAN"
contains "… warns with that record" "$out" "the certificate “NCRE Level 2” obtained on $year_ago"
lacks "… not the default one" "$out" "NCRE Level 3"
if [ "$(printf '%s\n' "$out" | grep -c "recognised twice")" = 1 ]; then ok "… once"; else not_ok "… once" "$out"; fi
expect 0 "plan show --certificates a damaged record" "$CLI" plan show --certificates "$DAMAGED" "$PLAN"
contains "… still shows the plan" "$out" "Warnings:"
if [ "$(printf '%s\n' "$err" | grep -c "warning: ")" = 1 ]; then ok "… with one warning"; else not_ok "… with one warning" "$err"; fi
contains "… naming the file" "$err" "warning: $DAMAGED is damaged or incomplete"
lacks "… and no overlap" "$out" "recognised twice"
expect 0 "plan show --json --certificates a newer record" "$CLI" plan show --json --certificates "$NEWER" "$PLAN"
contains "… warns" "$err" "format version 9"
json_is "… valid JSON, no overlap" 'not any(w["kind"] == "certificate-overlap" for w in j["warnings"])'

# In Chinese
expect 0 "mine in Chinese" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "${C[@]}" mine --on 2026-12-04
contains "… translated" "$out" "不计入"

finish
