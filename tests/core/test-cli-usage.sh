#!/bin/bash
# test-cli-usage.sh: every command's --help, found from the CLI's own --help
# (issue 21): exit status 0, the help on stdout and nothing on stderr, and a
# usage line that names the command path once and each parameter once —
# in English and in Chinese, whose usage lines are translated.
# Usage: test-cli-usage.sh PATH/TO/credit-bridge-cli   (TAP output)
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache" XDG_DATA_HOME="$TMP/xdg-data"

. "$HERE/tap.sh"

# The words of a help's "Commands:" listing: "  name  summary" lines up to
# the first blank line.
commands_of () {
  printf '%s\n' "$1" | sed -n '/^Commands:$/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\)  *.*/\1/p'
}

# The usage line of a help: GOption writes "Usage:" and the line on the next
# one, the groups "Usage: credit-bridge-cli GROUP …" on one line.
usage_line () {
  printf '%s\n' "$1" | awk 'NR == 1 && /^[^ ]+$/ { getline; sub(/^ +/, ""); print; exit }
                             NR == 1 { print substr($0, index($0, "credit-bridge-cli")); exit }'
}

# How many times WORD occurs as a whole word in LINE.
count_word () {
  printf '%s\n' "$1" | tr ' ' '\n' | grep -c -x -F -e "$2"
}

# check_usage LANG PATH… : the help of `credit-bridge-cli PATH…`; sets
# $params to the parameters of its usage line, one a line.
check_usage () {
  local lang="$1"; shift
  local path="$*" name="[$1] credit-bridge-cli $*"
  expect 0 "$name --help: exit status 0" env LANGUAGE="$lang" LC_ALL="$lang.UTF-8" "$CLI" "$@" --help
  if [ -z "$err" ]; then ok "$name --help: nothing on stderr"; else not_ok "$name --help: nothing on stderr" "$err"; fi
  if [ -n "$out" ]; then ok "$name --help: the help is on stdout"; else not_ok "$name --help: the help is on stdout"; fi
  help_out="$out"
  local line
  line=$(usage_line "$out")
  # The words after the program: the command path, then the options and
  # parameters, then (after " — ") what the command does.
  local words=${line%% — *}
  case "$words" in
    "credit-bridge-cli $path"|"credit-bridge-cli $path "*) ok "$name: the usage line starts with the command path" ;;
    *) not_ok "$name: the usage line starts with the command path" "usage line: $line" ;;
  esac
  local bad=""
  for w in credit-bridge-cli $path; do
    [ "$(count_word "$words" "$w")" = 1 ] || bad="$bad $w"
  done
  if [ -z "$bad" ]; then ok "$name: the usage line names the command path once"
  else not_ok "$name: the usage line names the command path once" "more than once or not at all:$bad" "usage line: $line"; fi
  # The parameters: what follows the path and the [OPTION…] GOption adds.
  params=$(printf '%s\n' "${words#"credit-bridge-cli $path"}" | tr ' ' '\n' | sed '/^$/d')
  # GOption's helps (a first line of "Usage:" alone) start with its [OPTION…].
  if [ "$(printf '%s\n' "$out" | sed -n 1p | tr -d ' ')" = "$(printf '%s\n' "$out" | sed -n 1p)" ]; then
    params=$(printf '%s\n' "$params" | sed 1d)
  fi
  local repeated
  repeated=$(printf '%s\n' "$params" | sed '/^$/d' | sort | uniq -d)
  if [ -z "$repeated" ]; then ok "$name: the usage line lists each parameter once"
  else not_ok "$name: the usage line lists each parameter once" "repeated: $repeated" "usage line: $line"; fi
}

# check_both PATH…: the same checks in English and Chinese, and as many
# parameters in both (a translation neither drops nor doubles one).
check_both () {
  local c_params zh_params
  check_usage C "$@"
  c_params=$(printf '%s\n' "$params" | sed '/^$/d' | wc -l)
  check_usage zh_CN "$@"
  zh_params=$(printf '%s\n' "$params" | sed '/^$/d' | wc -l)
  if [ "$c_params" = "$zh_params" ]; then ok "credit-bridge-cli $*: as many parameters in Chinese as in English ($c_params)"
  else not_ok "credit-bridge-cli $*: as many parameters in Chinese as in English" "C: $c_params, zh_CN: $zh_params"; fi
}

expect 0 "credit-bridge-cli --help" env LC_ALL=C "$CLI" --help
top=$(commands_of "$out")
if [ "$(printf '%s\n' "$top" | wc -l)" -ge 7 ]; then ok "--help lists the commands"; else not_ok "--help lists the commands" "$out"; fi

leaves=0
for cmd in $top; do
  check_both "$cmd"
  sub=$(LC_ALL=C "$CLI" "$cmd" --help | { h=$(cat); commands_of "$h"; })
  if [ -n "$sub" ]; then
    # A group: its usage line is "credit-bridge-cli GROUP COMMAND [OPTIONS…]".
    for s in $sub; do
      check_both "$cmd" "$s"
      leaves=$((leaves + 1))
    done
  else
    leaves=$((leaves + 1))
  fi
done
if [ "$leaves" -ge 30 ]; then ok "every command was asked ($leaves)"; else not_ok "every command was asked" "only $leaves"; fi

# The example of issue 21, word for word.
expect 0 "plan grades --help" env LC_ALL=C.UTF-8 "$CLI" plan grades --help
contains "plan grades: its usage line as issue 21 asks" "$out" \
  "credit-bridge-cli plan grades [OPTION…] PLAN HOST_COURSE=GRADE… — "

finish
