#!/bin/bash
# test-cli-recognize.sh: credit-bridge-cli recognize, what counts for what,
# against feeds/register/ (four decisions; see test-register.c).
# Usage: test-cli-recognize.sh PATH/TO/credit-bridge-cli   (TAP output)
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
FEED="$HERE/feeds/register/feed.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"
export LANGUAGE=en LC_ALL=C.UTF-8

. "$HERE/tap.sh"

DB="$TMP/c.db"
R=("$CLI" recognize --db "$DB")

expect 0 "import the register feed" "$CLI" catalog import --db "$DB" "$FEED"
contains "… counts the decisions" "$out" "The recognition register holds 4 decisions."
expect 0 "catalog stats counts them" "$CLI" catalog stats --db "$DB" --json
json_is "… as equivalences" 'j["equivalences"] == 4'

# Usage
expect 0 "recognize --help" "$CLI" recognize --help
contains "… names both ways to ask" "$out" "--replace"
contains "… and the JSON members" "$out" "home_credits_awarded"
expect 0 "the command list names recognize" "$CLI" --help
contains "… with its summary" "$out" "recognize"
expect 2 "without --home" "${R[@]}" --replace sa:math101
contains "… says --home is needed" "$err" "--home UNIVERSITY"
expect 2 "without a course" "${R[@]}" --home sa
contains "… says what to give" "$err" "--replace HOME_COURSE, or one or more HOST_COURSE"
expect 2 "both ways at once" "${R[@]}" --home sa --replace sa:math101 cb:mm200
contains "… is refused" "$err" "not both"
expect 2 "a negative limit" "${R[@]}" --home sa --replace sa:math101 --limit -1
expect 2 "--on that is not a date" "${R[@]}" --home sa --replace sa:math101 --on 2026-02-30
contains "… names the option" "$err" "--on"

# Errors
expect 1 "an unknown home university" "${R[@]}" --home zz --replace sa:math101
contains "… is named" "$err" "zz"
expect 1 "an unknown home course" "${R[@]}" --home sa --replace sa:nope
contains "… is named" "$err" "sa:nope"
expect 1 "a home course of another university" "${R[@]}" --home sa --replace cb:mm200
contains "… says whose course it is" "$err" "cb:mm200 is a course of cb, not of the home university sa"
expect 1 "an unknown host course" "${R[@]}" --home sa cb:nope
contains "… is named" "$err" "cb:nope"
expect 1 "an unknown --host" "${R[@]}" --home sa --replace sa:math101 --host zz
expect 1 "an unknown --term" "${R[@]}" --home sa --replace sa:math101 --term 2031-nowhen
contains "… is named" "$err" "No university of the catalog has a term “2031-nowhen”"
expect 0 "a term of the catalog" "${R[@]}" --home sa --replace sa:math101 --term 2027-spring --on 2026-12-04 --json
json_is "… still lists the decision" 'j["options"][0]["kind"] == "precedent"' 

# What could replace a home course
expect 0 "what could replace sa:math101" "${R[@]}" --home sa --replace sa:math101 --on 2026-12-04
contains "… says what it answers" "$out" "What could replace sa:math101 Advanced Mathematics at Sichuan Alpha University:"
contains "… lists the decision first" "$out" "1. [decision] cb:mm200 Mathematical Modelling (Chongqing Beta University) → sa:math101 Advanced Mathematics: 4 credits"
contains "… with its date and reference" "$out" "decided it on 2025-06-01 (decision SA-2025-17)"
contains "… and its condition" "$out" "Condition: with at least 良好."
expect 0 "the same as JSON" "${R[@]}" --home sa --replace sa:math101 --on 2026-12-04 --json
json_is "… a precedent first" 'j["options"][0]["kind"] == "precedent"'
json_is "… with its members" 'all(k in j["options"][0] for k in ("host_courses", "home_courses", "home_credits_awarded", "reasons", "score", "equivalence", "decided", "reference", "conditions", "expired"))'
json_is "… score 1, not expired" 'j["options"][0]["score"] == 1 and j["options"][0]["expired"] is False'
json_is "… the ids" 'j["options"][0]["host_courses"] == ["cb:mm200"] and j["options"][0]["home_courses"] == ["sa:math101"]'
json_is "… the credits" 'j["options"][0]["home_credits_awarded"] == 4'
json_is "… the conditions in both languages" 'j["options"][0]["conditions"]["zh"] == "成绩不低于良好"'
json_is "… the question" 'j["home"] == "sa" and j["replace"] == "sa:math101" and j["on"] == "2026-12-04"'
expect 0 "a day after it expired" "${R[@]}" --home sa --replace sa:math101 --on 2027-07-01 --json
json_is "… it is marked expired" 'j["options"][0]["expired"] is True'
expect 0 "only another host" "${R[@]}" --home sa --replace sa:math101 --host cc --on 2026-12-04 --json
json_is "… leaves out cb's decision" 'all(o["host"] == "cc" for o in j["options"])'

# What host courses could replace
expect 0 "what cb:env300, cc:phy100 and cb:mm200 could replace" "${R[@]}" --home sa cb:env300 cc:phy100 cb:mm200 --on 2026-12-04 --json
json_is "… valid decisions before the expired one" '[o.get("equivalence") for o in j["options"] if o["kind"] == "precedent"] == ["sa-2024-010", "sa-2025-001", "sa-2021-004"]'
json_is "… the expired one is marked" '[o["expired"] for o in j["options"] if o["kind"] == "precedent"] == [False, False, True]'
json_is "… elective credits say so" 'j["options"][0]["elective"] is True and j["options"][0]["home_courses"] == [] and j["options"][0]["home_credits_awarded"] == 2'
json_is "… precedents before suggestions" '[o["kind"] for o in j["options"]] == sorted([o["kind"] for o in j["options"]])'
json_is "… suggestions by score" '[o["score"] for o in j["options"] if o["kind"] == "suggestion"] == sorted([o["score"] for o in j["options"] if o["kind"] == "suggestion"], reverse=True)'
json_is "… every option has a reason" 'all(len(o["reasons"]) > 0 for o in j["options"])'
expect 0 "the same as text" "${R[@]}" --home sa cb:env300 --on 2026-12-04
contains "… marks the expired decision" "$out" "[expired decision] cb:env300"
contains "… and says it is still evidence" "$out" "still evidence"
expect 0 "the other home: cb's decision of two host courses" "${R[@]}" --home cb sa:bio210 --on 2026-12-04 --json
json_is "… names both host courses" 'j["options"][0]["host_courses"] == ["sa:cs110", "sa:bio210"] and j["options"][0]["home_credits_awarded"] == 3.5'

# In Chinese
expect 0 "in Chinese" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "${R[@]}" --home sa --replace sa:math101 --on 2026-12-04
contains "… the reasons are translated" "$out" "作出该认定"

finish
