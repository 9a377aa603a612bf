#!/bin/sh
# check-man-page.sh: each manual page renders as man(1) shows it, in a UTF-8
# and in the C locale, without a single warning of groff (-ww: every kind),
# with its NAME, and with every @VARIABLE@ of its source replaced; with
# --options, the page's source names every long option the program's
# --help-all lists.
# Usage: check-man-page.sh MAN PAGE... [--options PROGRAM SOURCE]
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
MAN="$1"
shift
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0

fail () {
  echo "$*"
  status=1
}

while [ $# -gt 0 ] && [ "$1" != --options ]; do
  page="$1"
  shift
  name=$(basename "$page" | sed 's/\.[0-9]$//')
  if grep -n '@[A-Z_]*@' "$page" > "$TMP/vars"; then
    fail "$page: a variable of the source is not replaced: $(cat "$TMP/vars")"
  fi
  for locale in C.UTF-8 C; do
    # man-db's own pipeline: preconv, tbl, groff, with -ww.
    LC_ALL=$locale MANWIDTH=80 "$MAN" --warnings=w -l "$page" > "$TMP/out" 2> "$TMP/err"
    if [ -s "$TMP/err" ]; then
      fail "$page: in the $locale locale, man says: $(cat "$TMP/err")"
    fi
    if ! grep -q "^NAME" "$TMP/out" || ! grep -q "^ *$name - " "$TMP/out"; then
      fail "$page: in the $locale locale, man shows no NAME section for $name: $(head -20 "$TMP/out")"
    fi
  done
  [ $status = 0 ] && echo "$page: renders without warnings in C.UTF-8 and C"
done

if [ $# -gt 0 ]; then
  program="$2"
  source="$3"
  options=$(LC_ALL=C.UTF-8 "$program" --help-all 2>&1 | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p')
  if [ -z "$options" ]; then
    fail "$program --help-all lists no options: $(LC_ALL=C.UTF-8 "$program" --help-all 2>&1 | head -5)"
  fi
  for option in $options; do
    if ! grep -q -e "\*$option\*" "$source"; then
      fail "$source: the option $option of $(basename "$program") is not documented"
    fi
  done
  [ $status = 0 ] && echo "$source: names the $(echo "$options" | wc -w) options of $(basename "$program")"
fi
exit $status
