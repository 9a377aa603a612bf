#!/bin/bash
# test-cli-update.sh: the README's example of a published feed. serve-feed
# serves a copy of the demo catalog (data/catalog) on 127.0.0.1 with ETags,
# as any static web server does; credit-bridge-cli imports it, updates from
# it (unchanged, then after a course file changed), and fails, keeping the
# cache, once the server is gone.
# Usage: test-cli-update.sh PATH/TO/credit-bridge-cli PATH/TO/serve-feed   (TAP output)
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
CLI="$1"
SERVE="$2"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT="${CREDIT_BRIDGE_SOURCE_ROOT:-$HERE/../..}"
TMP=$(mktemp -d)
SERVER_PID=
stop_server () {
  if [ -n "$SERVER_PID" ]; then exec 3>&-; wait "$SERVER_PID"; SERVER_PID=; fi
}
trap 'stop_server; rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_FEED
export HOME="$TMP/home"
export XDG_CACHE_HOME="$TMP/xdg-cache"
export CREDIT_BRIDGE_DB="$TMP/cache/catalog.db"
export LANGUAGE=en LC_ALL=C.UTF-8

. "$HERE/tap.sh"

# The office's folder: feed.json and courses/*.jsonl, as data/catalog has them.
mkdir -p "$TMP/www/courses" "$TMP/cache"
cp "$ROOT/data/catalog/feed.json" "$TMP/www/"
cp "$ROOT/data/catalog/courses/"*.jsonl "$TMP/www/courses/"

# serve-feed prints the feed's address and serves until its input closes.
mkfifo "$TMP/in"
"$SERVE" "$TMP/www" < "$TMP/in" > "$TMP/url" 2> "$TMP/server.log" &
SERVER_PID=$!
exec 3> "$TMP/in"
for _ in $(seq 50); do [ -s "$TMP/url" ] && break; sleep 0.1; done
URL=$(head -n 1 "$TMP/url")
contains "serve-feed says where the feed is" "$URL" "http://127.0.0.1:"

expect 1 "update with an empty cache fails" "$CLI" catalog update
contains "and says to import first" "$err" "The catalog is empty: there is nothing to update"

expect 0 "import the served feed" "$CLI" catalog import "$URL"
contains "every course imported" "$out" "1519 courses"
requests=$(grep -c '^GET' "$TMP/server.log")
[ "$requests" = 21 ] && ok "the import asked for 21 files" || not_ok "the import asked for 21 files" "$requests"

expect 0 "update an unchanged catalog" "$CLI" catalog update
contains "says unchanged" "$out" "Checked $URL: unchanged."
contains "one request a file, nothing downloaded" "$out" "21 files asked for, 0 downloaded (0 bytes)."
not_modified=$(grep -c ' 304$' "$TMP/server.log")
[ "$not_modified" = 21 ] && ok "the server answered 304 for each file" || not_ok "the server answered 304 for each file" "$not_modified"

# The office changes one university's course file (a title and the credits).
sed -i -e 's/"高等数学（上）"/"高等数学（上册）"/' -e '1s/"credits":5,/"credits":6,/' "$TMP/www/courses/cdut.jsonl"
touch -d '+1 minute' "$TMP/www/courses/cdut.jsonl"
expect 0 "update after a course file changed" "$CLI" catalog update --json
json_is "only that file was downloaded" "j['files_checked'] == 21 and j['files_downloaded'] == 1 and j['bytes_downloaded'] > 1000"
json_is "one course changed, nothing else" "j['unchanged'] is False and j['courses'] == {'added': 0, 'changed': 1, 'removed': 0} and j['universities']['changed'] == 0"
json_is "the changed course by id" "j['changed_courses'] == ['cdut:math26103'] and j['removed_courses'] == []"
json_is "the source and the check" "j['source'] == '$URL' and j['checked'].startswith('20')"
expect 0 "the cache has the new credits" "$CLI" catalog show cdut:math26103 --json
json_is "6 credits" "j['course']['credits'] == 6"

expect 0 "update again" "$CLI" catalog update
contains "unchanged again" "$out" "unchanged."

# The server goes away: the update fails and keeps the catalog.
cp "$CREDIT_BRIDGE_DB" "$TMP/before.db"
stop_server
expect 1 "update with the server down" "$CLI" catalog update
contains "says the catalog was not updated" "$err" "the catalog was not updated: Cannot read the catalog feed $URL"
contains "says how old the cached catalog is" "$err" "The cached catalog, of 20 November"
contains "and when it was checked" "$err" "was last checked just now."
contains "and that the cache is kept" "$err" "The cache still holds the catalog it had before."
cmp -s "$CREDIT_BRIDGE_DB" "$TMP/before.db" && ok "the cache file is unchanged" || not_ok "the cache file is unchanged"
expect 0 "the catalog still answers" "$CLI" catalog stats --json
json_is "with every course" "j['courses'] == 1519 and j['source'] == '$URL'"

expect 2 "update takes no arguments" "$CLI" catalog update "$URL"

finish
