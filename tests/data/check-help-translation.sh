#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-help-translation.sh SOURCE_ROOT
#
# For each language in help/LINGUAS: merges help/LANG/LANG.po with a template
# extracted afresh from help/C (as `ninja help-credit-bridge-update-po`
# would), fails when a message is untranslated or fuzzy, printing each one,
# then builds the translated pages with itstool, as the install does, and
# validates them with yelp-check. The source tree is never written to.
#
# Tools from meson's find_program(): $ITSTOOL, $MSGMERGE, $MSGATTRIB, $MSGFMT,
# $YELP_CHECK (default: from $PATH).
set -eu

root=$(cd "${1:?usage: check-help-translation.sh SOURCE_ROOT}" && pwd)
ITSTOOL=${ITSTOOL:-itstool}
MSGMERGE=${MSGMERGE:-msgmerge}
MSGATTRIB=${MSGATTRIB:-msgattrib}
MSGFMT=${MSGFMT:-msgfmt}
YELP_CHECK=${YELP_CHECK:-yelp-check}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$root/help/C"
"$ITSTOOL" -o "$tmp/help.pot" ./*.page ./*.xml

if [ ! -f "$root/help/LINGUAS" ]; then
  echo "$root/help/LINGUAS: missing"
  exit 1
fi
languages=$(sed 's/#.*//' "$root/help/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$' || true)
if [ -z "$languages" ]; then
  echo "help/LINGUAS lists no language; nothing to check"
  exit 0
fi

# Prints each entry of a po file but its header: where it comes from, its
# context and its message.
list_entries () {
  awk 'BEGIN { RS = ""; FS = "\n" }
       {
         header = 0; out = ""
         for (i = 1; i <= NF; i++) {
           if ($i == "msgid \"\"" && (i == NF || $(i + 1) !~ /^"/ || $(i + 1) ~ /^"Project-Id-Version/)) header = 1
           if ($i ~ /^(#\.|#:|#,|msgctxt|msgid|msgstr|")/) out = out "  " $i "\n"
         }
         if (!header) printf "%s\n", out
       }' "$1"
}

status=0
for lang in $languages; do
  po="$root/help/$lang/$lang.po"
  if [ ! -f "$po" ]; then
    echo "help/LINGUAS lists $lang, but $po does not exist"
    status=1
    continue
  fi

  "$MSGMERGE" --quiet --output-file="$tmp/$lang.po" "$po" "$tmp/help.pot"

  "$MSGATTRIB" --untranslated --no-obsolete --output-file="$tmp/$lang-untranslated.po" "$tmp/$lang.po"
  # msgattrib writes the header too, and no file when nothing matched
  if [ -f "$tmp/$lang-untranslated.po" ] && [ "$(grep -c '^msgid ' "$tmp/$lang-untranslated.po")" -gt 1 ]; then
    echo "help/$lang/$lang.po: untranslated message(s):"
    list_entries "$tmp/$lang-untranslated.po"
    status=1
  fi

  "$MSGATTRIB" --only-fuzzy --no-obsolete --output-file="$tmp/$lang-fuzzy.po" "$tmp/$lang.po"
  if [ -f "$tmp/$lang-fuzzy.po" ] && [ "$(grep -c '^msgid ' "$tmp/$lang-fuzzy.po")" -gt 1 ]; then
    echo "help/$lang/$lang.po: fuzzy message(s) (the English page changed since they were translated):"
    list_entries "$tmp/$lang-fuzzy.po"
    status=1
  fi

  if ! "$MSGFMT" --check --statistics --output-file="$tmp/$lang.mo" "$tmp/$lang.po"; then
    echo "help/$lang/$lang.po: msgfmt --check failed"
    status=1
    continue
  fi

  mkdir -p "$tmp/$lang"
  "$ITSTOOL" -m "$tmp/$lang.mo" -o "$tmp/$lang/" ./*.page ./*.xml
  # legal.xml is included by every page
  if ! (cd "$tmp/$lang" && "$YELP_CHECK" validate ./*.page); then
    echo "help/$lang: the translated pages are not valid Mallard"
    status=1
  else
    echo "help/$lang: $(ls "$tmp/$lang"/*.page | wc -l) pages, valid"
  fi
done

exit $status
