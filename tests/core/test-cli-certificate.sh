#!/bin/bash
# test-cli-certificate.sh: credit-bridge-cli certificate list|show|credits,
# the credit bank, against feeds/certificates/ (five certificates; see
# test-certificate.c).
# Usage: test-cli-certificate.sh PATH/TO/credit-bridge-cli   (TAP output)
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
FEED="$HERE/feeds/certificates/feed.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"
export LANGUAGE=en LC_ALL=C.UTF-8

. "$HERE/tap.sh"

DB="$TMP/c.db"
C=("$CLI" certificate credits --db "$DB")

expect 0 "import the certificates feed" "$CLI" catalog import --db "$DB" "$FEED"

# Usage
expect 0 "the command list names certificate" "$CLI" --help
contains "… with its summary" "$out" "certificate"
expect 0 "certificate credits --help" "$CLI" certificate credits --help
contains "… names the JSON members" "$out" "workload_home_credits_awarded"
contains "… and the validity's last day" "$out" "that day included"
expect 2 "credits without --home" "${C[@]}" ncre-2 --obtained 2025-01-01
contains "… says what is missing" "$err" "--home"
expect 2 "credits without --obtained" "${C[@]}" --home sa ncre-2
contains "… says what is missing" "$err" "--obtained YYYY-MM-DD"
expect 2 "credits without a certificate" "${C[@]}" --home sa --obtained 2025-01-01
expect 2 "show without an id" "$CLI" certificate show --db "$DB"
expect 2 "an unknown subcommand" "$CLI" certificate grant --db "$DB"

# list
expect 0 "list" "$CLI" certificate list --db "$DB"
contains "… the issuer" "$out" "Issuer: NEEA"
contains "… the level" "$out" "NCRE Level 2 (二级)"
contains "… the field, named" "$out" "Field: 0613 (Information and communication technologies)"
contains "… the workload" "$out" "Workload: 60 h"
contains "… the courses replaced by title and code" "$out" "2 credits in place of Programming Fundamentals (CS110); valid 3 years after it is obtained"
contains "… free elective credits" "$out" "Chongqing Beta University: 1 free elective credit; valid without limit"
expect 0 "list --home cb" "$CLI" certificate list --db "$DB" --home cb
contains "… not recognised there" "$out" "Chongqing Beta University: not recognised"
lacks "… only that university" "$out" "Sichuan Alpha University"
expect 0 "list --home sa --json" "$CLI" certificate list --db "$DB" --home sa --json
json_is "… five certificates" 'len(j["certificates"]) == 5 and [c["id"] for c in j["certificates"]] == ["ncre-2", "cet-6", "cicpa-stage", "ncre-3", "teacher"]'
json_is "… what sa grants, with code and title" 'j["certificates"][0]["home"]["credits"] == 2 and j["certificates"][0]["home"]["replaces"][0]["code"] == "CS110" and j["certificates"][0]["home"]["replaces"][0]["title"]["en"] == "Programming Fundamentals"'
json_is "… its validity" 'j["certificates"][0]["home"]["valid_years"] == 3 and j["certificates"][2]["home"]["valid_years"] is None'
json_is "… both recognitions" 'len(j["certificates"][0]["recognitions"]) == 2 and j["certificates"][0]["recognitions"][1]["elective"]'
json_is "… no workload is null" 'j["certificates"][1]["workload_hours"] is None and j["certificates"][0]["workload_hours"] == 60'
expect 1 "list --home an unknown university" "$CLI" certificate list --db "$DB" --home nowhere
contains "… names it" "$err" "nowhere"

# show
expect 0 "show" "$CLI" certificate show --db "$DB" cicpa-stage
contains "… both courses replaced" "$out" "Advanced Mathematics (MATH101), Ecology (BIO210)"
expect 0 "show --json" "$CLI" certificate show --db "$DB" cet-6 --json
json_is "… the certificate" 'j["id"] == "cet-6" and j["issuer"]["en"] == "NEEA" and j["recognitions"][0]["valid_years"] == 2.5'
expect 1 "show an unknown certificate" "$CLI" certificate show --db "$DB" no-such
contains "… names it" "$err" "The catalog has no certificate “no-such”"

# credits
expect 0 "credits, recognised" "${C[@]}" --home sa ncre-2 --obtained 2025-06-20 --on 2026-12-04 --json
json_is "… recognised" 'j["recognised"] and not j["expired"] and j["credits"] == 2 and j["replaces"] == ["sa:cs110"]'
json_is "… valid until" 'j["valid_until"] == "2028-06-20" and j["reason"] is None'
json_is "… the workload at home" 'j["workload_hours"] == 60 and j["workload_home_credits"] == 1.67 and j["workload_home_credits_awarded"] == 1.5'
json_is "… a generous grant in the steps" 'any("generous" in s for s in j["steps"])'
expect 0 "credits, last valid day" "${C[@]}" --home sa ncre-2 --obtained 2023-12-04 --on 2026-12-04 --json
json_is "… still recognised" 'j["recognised"] and not j["expired"] and j["valid_until"] == "2026-12-04"'
expect 0 "credits, the day after" "${C[@]}" --home sa ncre-2 --obtained 2023-12-04 --on 2026-12-05 --json
json_is "… expired, not recognised" 'not j["recognised"] and j["expired"] and j["credits"] == 0 and "expired" in j["reason"]'
expect 0 "credits, expired, as text" "${C[@]}" --home sa ncre-2 --obtained 2023-12-04 --on 2026-12-05
contains "… says so" "$out" "Not recognised: The recognition of “NCRE Level 2” by Sichuan Alpha University was valid until 2026-12-04 and has expired by 2026-12-05"
contains "… with the workload" "$out" "Its workload of 60 h is worth 1.67 credits at Sichuan Alpha University (1.5 awarded)"
expect 0 "credits, not recognised at that university is no error" "${C[@]}" --home cb cet-6 --obtained 2025-01-01 --json
json_is "… recognised false" 'not j["recognised"] and "does not recognise" in j["reason"] and j["workload_hours"] is None'
expect 0 "credits, free elective, as text" "${C[@]}" --home cb ncre-2 --obtained 2025-01-01
contains "… says so" "$out" "Recognised: 1 free elective credit"
expect 0 "credits, today by default" "${C[@]}" --home sa cicpa-stage --obtained 2000-01-01 --json
json_is "… judged today" "j['on'] == '$(date +%Y-%m-%d)' and j['recognised'] and j['valid_until'] is None"
expect 1 "credits, an unknown certificate" "${C[@]}" --home sa no-such --obtained 2025-01-01
contains "… names it" "$err" "“no-such”"
expect 1 "credits, an unknown university" "${C[@]}" --home nowhere ncre-2 --obtained 2025-01-01
contains "… names it" "$err" "The home university “nowhere” is not in the catalog"

# Bad input: each one its own case
expect 2 "--obtained not a calendar date" "${C[@]}" --home sa ncre-2 --obtained 2025-02-29
contains "… says so" "$err" "“2025-02-29” is not a date; write it as YYYY-MM-DD"
expect 2 "--obtained not a date at all" "${C[@]}" --home sa ncre-2 --obtained yesterday
contains "… says so" "$err" "“yesterday” is not a date"
expect 2 "--obtained empty" "${C[@]}" --home sa ncre-2 --obtained ""
contains "… says so" "$err" "No date obtained is given"
expect 2 "--obtained before 1950" "${C[@]}" --home sa ncre-2 --obtained 1949-12-31
contains "… says so" "$err" "is before 1950-01-01; check the year written on the certificate"
expect 2 "--obtained after --on" "${C[@]}" --home sa ncre-2 --obtained 2026-12-06 --on 2026-12-05
contains "… says so" "$err" "The date obtained, 2026-12-06, is after the day judged, 2026-12-05"
expect 2 "--obtained in the future" "${C[@]}" --home sa ncre-2 --obtained "$(date -d '+2 days' +%Y-%m-%d)"
contains "… says so" "$err" "is after today, $(date +%Y-%m-%d); a certificate cannot be obtained in the future"
expect 2 "--on not a date" "${C[@]}" --home sa ncre-2 --obtained 2025-01-01 --on 2026-04-31
contains "… says so" "$err" "“2026-04-31” is not a date"

# In Chinese
expect 0 "in Chinese" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "${C[@]}" --home sa ncre-2 --obtained 2023-12-04 --on 2026-12-05
contains "… the reason is translated" "$out" "认定有效期至 2026-12-04，到 2026-12-05 已失效"

finish
