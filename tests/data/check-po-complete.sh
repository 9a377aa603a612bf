#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-po-complete.sh SOURCE_ROOT [LANGUAGE]
#
# Merges po/LANGUAGE.po (default zh_CN) with a template extracted afresh from
# po/POTFILES.in, the way `ninja credit-bridge-update-po` would, and fails
# when any message is untranslated or fuzzy, printing each one, or when
# `msgfmt --check` finds a problem (format strings that do not match, a bad
# header). The source tree is never written to.
#
# The tools come from meson's find_program() through $XGETTEXT, $MSGMERGE,
# $MSGATTRIB and $MSGFMT; they default to the ones on $PATH.
set -eu

root=${1:?usage: check-po-complete.sh SOURCE_ROOT [LANGUAGE]}
lang=${2:-zh_CN}
XGETTEXT=${XGETTEXT:-xgettext}
MSGMERGE=${MSGMERGE:-msgmerge}
MSGATTRIB=${MSGATTRIB:-msgattrib}
MSGFMT=${MSGFMT:-msgfmt}

po="$root/po/$lang.po"
if [ ! -f "$po" ]; then
  echo "$po: missing: the $lang translation has not been written" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The same keywords and flags as i18n.gettext(preset: 'glib').
"$XGETTEXT" --package-name=credit-bridge --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --directory="$root" --files-from="$root/po/POTFILES.in" \
  --output="$tmp/credit-bridge.pot" 2> "$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }

status=0

# A message cut short by a macro such as G_GINT64_FORMAT ("%" G_GINT64_FORMAT)
# is extracted only up to the macro, so it can never be found at run time and
# stays in English whatever the translation says.
if grep -q 'ends in the middle of a directive' "$tmp/xgettext.log"; then
  echo "Messages cut short by a format macro; format the number into a string"
  echo "first (%s), or use PRId64 and friends from <inttypes.h>, which xgettext understands:"
  grep 'ends in the middle of a directive' "$tmp/xgettext.log" | sed 's/: warning:.*//; s/^/  /'
  status=1
fi

"$MSGMERGE" --quiet --output-file="$tmp/$lang.po" "$po" "$tmp/credit-bridge.pot"

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

# msgattrib writes no file when no message matches.
count_entries () {
  if [ -f "$1" ]; then
    list_entries "$1" | grep -c '^  msgid ' || true
  else
    echo 0
  fi
}

"$MSGATTRIB" --untranslated --no-obsolete --output-file="$tmp/untranslated.po" "$tmp/$lang.po"
untranslated=$(count_entries "$tmp/untranslated.po")
if [ "$untranslated" -gt 0 ]; then
  echo "$lang.po: $untranslated untranslated message(s):"
  list_entries "$tmp/untranslated.po"
  status=1
fi

"$MSGATTRIB" --only-fuzzy --no-obsolete --output-file="$tmp/fuzzy.po" "$tmp/$lang.po"
fuzzy=$(count_entries "$tmp/fuzzy.po")
if [ "$fuzzy" -gt 0 ]; then
  echo "$lang.po: $fuzzy fuzzy message(s) (changed in the source since they were translated):"
  list_entries "$tmp/fuzzy.po"
  status=1
fi

# Format strings, plural forms and the header, in the merged file and in the
# file as committed.
for f in "$po" "$tmp/$lang.po"; do
  if ! "$MSGFMT" --check --statistics --output-file=/dev/null "$f"; then
    echo "$f: msgfmt --check failed"
    status=1
  fi
done

exit $status
