#!/bin/bash
# test-cli-completion.sh: the bash completion of credit-bridge-cli, driven as
# bash drives it when Tab is pressed: COMP_WORDS, COMP_CWORD, COMP_LINE and
# COMP_POINT set, the function called, COMPREPLY read. Commands, a group's
# commands, a command's options, --db anywhere, university and course ids from
# a cache of the demo catalog, file names, and nothing at all without a cache.
# Usage: test-cli-completion.sh CLI COMPLETION BASH_COMPLETION FEED   (TAP output)
set -u
CLI=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")     # the test goes into a folder of its own
COMPLETION="$2"
BASH_COMPLETION="$3"
FEED="$4"
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"

. "$HERE/tap.sh"

if [ ! -r "$BASH_COMPLETION" ]; then
  not_ok "bash-completion is installed" "$BASH_COMPLETION cannot be read: install bash-completion (build-aux/install-deps.sh)"
  finish
  exit
fi

DB="$TMP/catalog.db"
"$CLI" catalog import --db "$DB" "$FEED" > /dev/null 2> "$TMP/import-err" ||
  not_ok "the demo catalog is imported" "$(cat "$TMP/import-err")"

# A file to complete, and a folder of plans.
mkdir -p "$TMP/work/plans"
touch "$TMP/work/plans/alice.creditplan" "$TMP/work/plans/notes.txt" "$TMP/work/feed.json"
cd "$TMP/work" || exit 1

# complete LINE: what Tab at the end of LINE offers, one a line, in $out
# (the reply as bash shows it, so after a colon only what follows it), and
# what the completion wrote to stderr in $err. The line is split into words
# as readline splits it: at blanks, and around the characters of
# COMP_WORDBREAKS (: and =).
complete_line () {
  local line="$1"
  out=$(bash -c '
    . "$1" || exit 90
    . "$2" || exit 91
    COMP_LINE=$3
    COMP_POINT=${#COMP_LINE}
    read -ra COMP_WORDS <<< "$(sed "s/\([:=]\)/ \1 /g" <<< "$COMP_LINE")"
    case $COMP_LINE in *" "|*:|*=) COMP_WORDS+=("") ;; esac
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _credit_bridge_cli credit-bridge-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort
  ' complete "$BASH_COMPLETION" "$COMPLETION" "$line" 2> "$TMP/complete-err")
  err=$(cat "$TMP/complete-err")
}

# offers NAME LINE WORD...: Tab after LINE offers each WORD.
offers () {
  local name="$1" line="$2"; shift 2
  local missing=""
  complete_line "$line"
  for word in "$@"; do
    grep -qxF -- "$word" <<< "$out" || missing="$missing $word"
  done
  if [ -z "$missing" ] && [ -z "$err" ]; then
    ok "$name"
  else
    not_ok "$name" "after “$line”, missing:$missing" "offered: $(echo $out)" "stderr: $err"
  fi
}

# offers_only NAME LINE WORD...: Tab after LINE offers exactly the WORDs.
offers_only () {
  local name="$1" line="$2"; shift 2
  local want
  complete_line "$line"
  want=$(printf '%s\n' "$@" | sort)
  if [ "$out" = "$want" ] && [ -z "$err" ]; then
    ok "$name"
  else
    not_ok "$name" "after “$line”, expected: $(echo $want)" "offered: $(echo $out)" "stderr: $err"
  fi
}

C="$CLI"

# Commands, from the program's own --help
offers_only "the groups and commands" "$C " catalog certificate credits grade plan recognize report
offers_only "a group's commands" "$C catalog " import search show stats universities update
offers_only "the commands of a group, begun" "$C plan re" refresh remove reopen review
offers_only "a command, begun" "$C cre" credits
offers "the global options before a command" "$C --" --db --help

# Options of the command being typed
offers "catalog search's options" "$C catalog search --" --university --city --field --level \
  --cycle --term --language --delivery --min-credits --max-credits --limit --json --db --help
offers_only "options, begun" "$C catalog search --ci" --city
offers "plan export's options" "$C plan export x.creditplan --" --format --output --certificates --certificates-file
complete_line "$C plan export x.creditplan --"
lacks "… and not another command's" "$out" "--university"
offers_only "an option after a positional argument" "$C credits cqu:cs2008 --h" --help --home

# --db anywhere, and the ids of the cache it names
offers_only "universities after --home" "$C credits --db $DB --home cq" cqjtu cqmu cqnu cqu cqupt
offers_only "--db before the command" "$C --db $DB credits --home sw" swjtu swpu swu swufe swun swupl swust
offers_only "--db=PATH before the group" "$C --db=$DB catalog search --university cd" cdut cdutcm
offers_only "--db after the group" "$C catalog --db $DB search --university uest" uestc
offers_only "--db among the command's options" "$C credits --home scu --db $DB cqu:cs200" cs2005 cs2008
offers_only "course ids after a colon (bash shows what follows it)" "$C catalog show --db $DB cqu:cs200" cs2005 cs2008
offers "course ids without a colon" "$C catalog show --db $DB cqu" cqu:cs2005 cqu:cs2008
offers_only "a course id of --replace" "$C recognize --db $DB --home scu --replace scu:cs200" cs2005 cs2006
offers_only "course ids of plan add, after the plan" "$C plan add --db $DB p.creditplan cqu:cs100" cs1005 cs1007
offers_only "home course ids of -r" "$C plan add --db $DB p.creditplan cqu:cs1005 -r scu:cs100" cs1004 cs1006
offers_only "university of certificate home" "$C certificate home --db $DB sc" scu
offers_only "certificate ids of certificate credits" "$C certificate credits --db $DB --home scu ncre-2" \
  ncre-2-c ncre-2-office ncre-2-python
offers_only "certificate ids of certificate show" "$C certificate show --db $DB cet" cet-4 cet-6
offers_only "no certificate id for a student number" "$C certificate student --db $DB --id cet"
export CREDIT_BRIDGE_DB="$DB"
offers_only "\$CREDIT_BRIDGE_DB names the cache" "$C credits --home sicn" sicnu
unset CREDIT_BRIDGE_DB
offers_only "the default cache is under XDG_CACHE_HOME" "$C credits --home sicn"
mkdir -p "$XDG_CACHE_HOME/credit-bridge"
cp "$DB" "$XDG_CACHE_HOME/credit-bridge/catalog.db"
offers_only "… and read when there is one" "$C credits --home sicn" sicnu
rm -rf "$XDG_CACHE_HOME"

# File names where a command takes a file
offers_only "plan files where a plan goes" "$C plan show pl" plans
offers_only "… and *.creditplan in a folder" "$C plan show plans/" plans/alice.creditplan
offers_only "any file for --output" "$C report plans -o plans/" plans/alice.creditplan plans/notes.txt
offers_only "any file for --db" "$C --db fe" feed.json
offers_only "the feed of catalog import" "$C catalog import fe" feed.json
offers_only "a folder of report" "$C report pl" plans

# Without a cache: nothing, silently
rm -f "$DB"
offers_only "no university without a cache" "$C credits --db $DB --home s"
offers_only "no course without a cache" "$C catalog show --db $DB cqu:"
offers_only "no course without the default cache" "$C catalog show cqu:"
if [ -e "$DB" ] || [ -e "$XDG_CACHE_HOME" ]; then
  not_ok "completing creates no cache" "$(ls -la "$DB" "$XDG_CACHE_HOME" 2>&1)"
else
  ok "completing creates no cache"
fi

# __complete itself: silent, exit 0, reads without writing
expect 0 "__complete without a cache" "$CLI" __complete --db "$DB" courses
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
expect 0 "__complete of an unknown kind" "$CLI" __complete --db "$DB" teachers
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
printf 'not a database, not at all, but long enough to be read as a header........................' > "$DB"
expect 0 "__complete of a damaged cache" "$CLI" __complete --db "$DB" universities
if [ -z "$out$err" ]; then ok "… prints nothing"; else not_ok "… prints nothing" "stdout: $out" "stderr: $err"; fi
if [ -e "$DB.damaged" ]; then not_ok "… and does not move it aside"; else ok "… and does not move it aside"; fi
"$CLI" catalog import --db "$DB.2" "$FEED" > /dev/null 2>&1
expect 0 "__complete universities" "$CLI" __complete --db "$DB.2" universities
if [ "$(echo "$out" | wc -l)" = 20 ] && [ "$(echo "$out" | head -1)" = cdut ]; then
  ok "… prints the 20 universities, one a line, sorted"
else
  not_ok "… prints the 20 universities, one a line, sorted" "$out"
fi
expect 0 "__complete courses with a prefix" "$CLI" __complete --db "$DB.2" courses scu:cs100
if [ "$out" = "$(printf 'scu:cs1004\nscu:cs1006')" ]; then ok "… prints the courses it begins"; else not_ok "… prints the courses it begins" "$out"; fi
expect 0 "__complete certificates with a prefix" "$CLI" __complete --db "$DB.2" certificates jlpt
if [ "$out" = "$(printf 'jlpt-n1\njlpt-n2')" ]; then ok "… prints the certificates it begins"; else not_ok "… prints the certificates it begins" "$out"; fi
expect 0 "__complete courses" "$CLI" __complete --db "$DB.2" courses
if [ "$(echo "$out" | wc -l)" = 1519 ]; then ok "… prints every course"; else not_ok "… prints every course" "$(echo "$out" | wc -l) lines"; fi
ls -A "$TMP" | grep -F catalog.db.2- > "$TMP/beside"
if [ -s "$TMP/beside" ]; then not_ok "__complete leaves no file beside the cache" "$(cat "$TMP/beside")"; else ok "__complete leaves no file beside the cache"; fi
expect 0 "__complete is not listed in --help" "$CLI" --help
lacks "… it is for the shell only" "$out" "__complete"

finish
