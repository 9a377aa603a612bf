#!/bin/bash
# test-cli-options.sh: the options every command takes (issue 21) — --db,
# --quiet, --help and --version before and after the command words, `--`
# ending the options — and the output a pipe or a terminal gets: progress on
# stderr only when stderr is a terminal, warnings silenced by --quiet,
# tables aligned on a terminal and tab-separated in a pipe.
# Usage: test-cli-options.sh PATH/TO/credit-bridge-cli   (TAP output)
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
MINIMAL="$HERE/feeds/minimal/feed.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache" XDG_DATA_HOME="$TMP/xdg-data"

. "$HERE/tap.sh"

DB="$TMP/c.db"
"$CLI" catalog import --db "$DB" "$MINIMAL" > /dev/null 2>&1 || { not_ok "import the minimal feed"; finish; exit 1; }
version=$("$CLI" --version)

# same NAME COMMAND…: runs COMMAND and checks it printed what
# `catalog search --db DB 数学` printed, with exit status 0.
expect 0 "catalog search --db DB 数学" "$CLI" catalog search --db "$DB" 数学
want="$out"
contains "… finds 高等数学" "$want" "sa:math101"
same () {
  local name="$1"; shift
  expect 0 "$name" "$@"
  if [ "$out" = "$want" ]; then ok "… prints the same"; else not_ok "… prints the same" "$out"; fi
}

# --db before, between and after the command words
same "--db DB catalog search 数学" "$CLI" --db "$DB" catalog search 数学
same "--db=DB catalog search 数学" "$CLI" --db="$DB" catalog search 数学
same "catalog --db DB search 数学" "$CLI" catalog --db "$DB" search 数学
same "catalog --db=DB search 数学" "$CLI" catalog --db="$DB" search 数学
same "catalog search --db=DB 数学" "$CLI" catalog search --db="$DB" 数学
same "catalog search 数学 --db DB" "$CLI" catalog search 数学 --db "$DB"
same "-q --db DB catalog -q search 数学" "$CLI" -q --db "$DB" catalog -q search 数学
same "-- ends the options before the command word" "$CLI" --db "$DB" -- catalog search 数学
expect 0 "--db before a command that reads no catalog (plan verify --help)" "$CLI" --db "$DB" plan verify --help
contains "… which lists --db among its options" "$out" "--db=PATH"
expect 1 "--db before plan verify of a missing plan: an error, not wrong usage" "$CLI" --db "$DB" plan verify --digest "$(printf "%064d" 0)" "$TMP/none.creditplan"
expect 2 "--db without a path before the command" "$CLI" --db
contains "… says what --db needs" "$err" "--db needs the path"
expect 2 "--db with an empty path before the command" "$CLI" --db "" catalog search 数学
contains "… says it needs a file" "$err" "--db needs the path of a file"

# -- ends the options: a query may start with -
expect 0 "catalog search --json -- -ecolog" "$CLI" catalog search --db "$DB" --json -- -ecolog
json_is "… searches “-ecolog”" 'j["query"] == "-ecolog"'
expect 0 "--db DB catalog search --json -- --help" "$CLI" --db "$DB" catalog search --json -- --help
json_is "… searches “--help”" 'j["query"] == "--help"'
expect 0 "catalog search -- --version" "$CLI" catalog search --db "$DB" --json -- --version
json_is "… searches “--version”" 'j["query"] == "--version"'

# Only global options before the command word
expect 2 "--json before the command" "$CLI" --json catalog search 数学
contains "… names --json" "$err" "“--json” is not an option that may come before the command"
lacks "… and searches nothing" "$out" "sa:math101"
expect 2 "--json between the command words" "$CLI" catalog --json search 数学
contains "… names --json" "$err" "“--json”"
contains "… and says where to look" "$err" "credit-bridge-cli catalog --help"
expect 2 "-x before the command" "$CLI" -x catalog stats
contains "… names -x" "$err" "“-x”"

# --help anywhere: the deepest command's help
expect 0 "catalog search --help" "$CLI" catalog search --help
help="$out"
contains "… is the search's help" "$help" "credit-bridge-cli catalog search [OPTION…]"
for args in "--help catalog search" "catalog --help search" "-h catalog search" "catalog search 数学 --help" \
            "--db $DB catalog search --help" "help catalog search"; do
  expect 0 "$args" "$CLI" $args
  if [ "$out" = "$help" ]; then ok "… is the search's help"; else not_ok "… is the search's help" "$out"; fi
  if [ -z "$err" ]; then ok "… nothing on stderr"; else not_ok "… nothing on stderr" "$err"; fi
done
expect 0 "--help catalog" "$CLI" --help catalog
contains "… is the catalog group's help" "$out" "Usage: credit-bridge-cli catalog COMMAND"
contains "… which lists its commands" "$out" "Commands:"
expect 0 "-q --help" "$CLI" -q --help
contains "… is the program's help" "$out" "Usage: credit-bridge-cli COMMAND"
contains "… which lists the global options" "$out" "-q, --quiet"

# --version anywhere
case "$version" in "credit-bridge-cli "[0-9]*) ok "--version prints the version" ;; *) not_ok "--version prints the version" "$version" ;; esac
for args in "--version catalog search" "catalog --version" "catalog search --version" "plan grades x --version" \
            "--db $DB -q --version"; do
  expect 0 "$args" "$CLI" $args
  if [ "$out" = "$version" ]; then ok "… prints the version"; else not_ok "… prints the version" "$out"; fi
done

# What a pipe and a terminal get. run-on-terminal.py puts the command's
# stderr (or stdout) on a pseudo-terminal and copies what it got.
ONTERM="$HERE/../run-on-terminal.py"

# A feed with a warning: a member the feed specification does not know.
mkdir -p "$TMP/warned"
cp -r "$(dirname "$MINIMAL")"/. "$TMP/warned/"
python3 -c 'import json, sys
p = sys.argv[1]; f = json.load(open(p, encoding="utf-8")); f["x_unknown"] = 1
json.dump(f, open(p, "w", encoding="utf-8"), ensure_ascii=False)' "$TMP/warned/feed.json"

expect 0 "catalog import, stderr a pipe" "$CLI" catalog import --db "$TMP/p.db" "$TMP/warned/feed.json"
lacks "… no progress into the pipe" "$err" "Importing…"
lacks "… no carriage return either" "$err" $'\r'
contains "… the warning, on stderr" "$err" "warning: "
lacks "… not on stdout" "$out" "warning: "
contains "… what it imported, on stdout" "$out" "Imported 2 universities"
expect 0 "catalog import, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" catalog import --db "$TMP/t.db" "$TMP/warned/feed.json"
contains "… shows progress on the terminal" "$err" "Importing… 100 %"
contains "… and takes the line off again" "$err" $'\r'
lacks "… never on stdout" "$out" "Importing…"
contains "… the warning still" "$err" "warning: "
expect 0 "catalog import, stdout a terminal, stderr a file" python3 "$ONTERM" --stdout "$CLI" catalog import --db "$TMP/t2.db" "$TMP/warned/feed.json"
lacks "… no progress into the file" "$err" "Importing…"
lacks "… nor on stdout" "$out" "Importing…"
expect 0 "catalog import --quiet, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" catalog import --quiet --db "$TMP/q.db" "$TMP/warned/feed.json"
lacks "… no progress" "$err" "Importing…"
lacks "… no warning" "$err" "warning: "
expect 0 "-q before the command" python3 "$ONTERM" --stderr "$CLI" -q catalog import --db "$TMP/q2.db" "$TMP/warned/feed.json"
lacks "… no progress" "$err" "Importing…"
lacks "… no warning" "$err" "warning: "
expect 1 "catalog import --quiet of a missing feed" "$CLI" catalog import --quiet --db "$TMP/q.db" "$TMP/none/feed.json"
contains "… still says the error" "$err" "the feed was not imported"

expect 0 "catalog update, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" catalog update --db "$TMP/t.db"
contains "… shows progress on the terminal" "$err" "Updating…"
lacks "… never on stdout" "$out" "Updating…"
contains "… its warning" "$err" "warning: "
expect 0 "catalog update, stderr a pipe" "$CLI" catalog update --db "$TMP/t.db"
lacks "… no progress into the pipe" "$err" "Updating…"
expect 0 "catalog update --quiet, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" catalog update --quiet --db "$TMP/t.db"
lacks "… no progress" "$err" "Updating…"
lacks "… no warning" "$err" "warning: "

# The import an empty cache starts, with any command
expect 0 "an empty cache, stderr a terminal" env CREDIT_BRIDGE_FEED="$MINIMAL" python3 "$ONTERM" --stderr "$CLI" catalog search --db "$TMP/e1.db" 数学
contains "… says it imports" "$err" "the catalog cache is empty; importing $MINIMAL."
contains "… with progress" "$err" "Importing… 100 %"
contains "… and answers" "$out" "sa:math101"
expect 0 "an empty cache, stderr a pipe" env CREDIT_BRIDGE_FEED="$MINIMAL" "$CLI" catalog search --db "$TMP/e2.db" 数学
contains "… says it imports" "$err" "the catalog cache is empty; importing $MINIMAL."
lacks "… without progress" "$err" "Importing…"
expect 0 "an empty cache, --quiet" env CREDIT_BRIDGE_FEED="$MINIMAL" python3 "$ONTERM" --stderr "$CLI" --quiet catalog search --db "$TMP/e3.db" 数学
if [ -z "$err" ]; then ok "… says nothing on stderr"; else not_ok "… says nothing on stderr" "$err"; fi
contains "… and answers" "$out" "sa:math101"

# report: progress while the plans are read
"$CLI" plan new --db "$DB" "$TMP/a.creditplan" --student "Li Hua" --home sa --host cb --term 2027-spring > /dev/null 2>&1 && "$CLI" plan add --db "$DB" "$TMP/a.creditplan" cb:mm200 --replaces sa:cs110 > /dev/null 2>&1
expect 0 "report, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" report --db "$DB" "$TMP/a.creditplan"
contains "… shows progress on the terminal" "$err" "Reading the plans… 0"
lacks "… never on stdout" "$out" "Reading the plans"
expect 0 "report, stderr a pipe" "$CLI" report --db "$DB" "$TMP/a.creditplan"
lacks "… no progress into the pipe" "$err" "Reading the plans"
expect 0 "report -q, stderr a terminal" python3 "$ONTERM" --stderr "$CLI" report -q --db "$DB" "$TMP/a.creditplan"
lacks "… no progress" "$err" "Reading the plans"

# Tables: aligned for a terminal, tab-separated in a pipe
expect 0 "catalog search in a pipe" "$CLI" catalog search --db "$DB" 数学
contains "… a result is the id, a tab and the rest" "$out" $'sa:math101\tAdvanced Mathematics — '
lacks "… unpadded" "$out" "sa:math101 "
expect 0 "catalog search on a terminal" python3 "$ONTERM" --stdout "$CLI" catalog search --db "$DB" 数学
contains "… the id padded to its column" "$out" "sa:math101             Advanced Mathematics — "
lacks "… no tab" "$out" $'\t'
expect 0 "catalog universities in a pipe" "$CLI" catalog universities --db "$DB"
contains "… the id, a tab and the name" "$out" $'sa\t'
expect 0 "report in a pipe" "$CLI" report --db "$DB" "$TMP/a.creditplan"
contains "… its table's cells are separated by tabs" "$out" $'Course\tStudents\tResponses'
lacks "… unpadded" "$out" "  Course"
expect 0 "report on a terminal" python3 "$ONTERM" --stdout "$CLI" report --db "$DB" "$TMP/a.creditplan"
contains "… aligned" "$out" "  Course"

finish
