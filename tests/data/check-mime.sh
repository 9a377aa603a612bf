#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_XML
#
# Installs the MIME type into a scratch shared-mime-info database and checks
# that update-mime-database accepts it and that *.creditplan files get
# application/x-credit-bridge-plan, a subclass of application/json.
set -eu
xml=${1:?usage: check-mime.sh MIME_XML}
UPDATE_MIME_DATABASE=${UPDATE_MIME_DATABASE:-update-mime-database}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/credit-bridge.xml"
# -V: update-mime-database reports what it does not accept
"$UPDATE_MIME_DATABASE" -V "$tmp/mime" > "$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
if grep -i 'warning\|error' "$tmp/log"; then
  exit 1
fi

status=0
grep -q '^[0-9]*:application/x-credit-bridge-plan:\*\.creditplan$' "$tmp/mime/globs2" || {
  echo "globs2: *.creditplan does not map to application/x-credit-bridge-plan"; cat "$tmp/mime/globs2"; status=1; }
grep -q '^application/x-credit-bridge-plan application/json$' "$tmp/mime/subclasses" || {
  echo "subclasses: application/x-credit-bridge-plan is not a subclass of application/json"; status=1; }
[ $status -eq 0 ] && echo "*.creditplan is application/x-credit-bridge-plan"
exit $status
