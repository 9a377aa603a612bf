#!/bin/bash
# test-cli.sh: credit-bridge-cli as a person uses it — exit statuses, --help,
# --db and CREDIT_BRIDGE_DB, messages, and an import killed in the middle.
# Usage: test-cli.sh PATH/TO/credit-bridge-cli   (TAP output)
set -u
CLI="$1"
HERE=$(cd "$(dirname "$0")" && pwd)
MINIMAL="$HERE/feeds/minimal/feed.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
unset CREDIT_BRIDGE_DB CREDIT_BRIDGE_FEED
export XDG_CACHE_HOME="$TMP/xdg-cache"

. "$HERE/tap.sh"

DB="$TMP/c.db"

# Usage
expect 2 "no command is wrong usage" "$CLI"
expect 2 "an unknown command is wrong usage" "$CLI" frobnicate
contains "an unknown command is named" "$err" "frobnicate"
expect 0 "--help" "$CLI" --help
contains "--help lists the commands" "$out" "catalog"
for cmd in "catalog import" "catalog search" "catalog show" "catalog stats" "catalog universities"; do
  expect 0 "$cmd --help" $CLI $cmd --help
  contains "$cmd --help mentions --db" "$out" "--db"
done
expect 0 "catalog import --help" "$CLI" catalog import --help
contains "… says how large a downloaded file may be" "$out" "each file of a feed may be at most 256.0"
contains "… and how long a download may take" "$out" "must arrive within 10 minutes"
contains "… and that plain http is for this computer only" "$out" "plain http:// only from this computer"
contains "… and how many redirections are followed" "$out" "at most 5 redirections are followed, never from https:// to http://"
contains "… and when a stalled download stops" "$out" "receives nothing for 1 minute stops"
expect 0 "catalog --help" "$CLI" catalog --help
# Run from the build folder, the CLI reads the translations built in BUILD/po
# ($CREDIT_BRIDGE_LOCALEDIR, which the tests and `meson devenv` set).
expect 0 "--help in Chinese, from the build folder" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "$CLI" --help
contains "--help speaks Chinese" "$out" "用法：credit-bridge-cli 命令"
contains "… and lists the commands in Chinese" "$out" "学习协议"
expect 0 "catalog search --help in Chinese" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "$CLI" catalog search --help
contains "… the options' help in Chinese too" "$out" "课程目录缓存"
expect 2 "catalog without a command" "$CLI" catalog
expect 2 "catalog import without SOURCE" "$CLI" catalog import --db "$DB"
expect 2 "catalog import with two sources" "$CLI" catalog import --db "$DB" a b
expect 2 "an unknown option" "$CLI" catalog stats --db "$DB" --colour
expect 2 "catalog show without an id" "$CLI" catalog show --db "$DB"

# Import and read back
expect 0 "import the minimal feed" "$CLI" catalog import --db "$DB" "$MINIMAL"
contains "import says what it imported" "$out" "5 courses"
expect 0 "stats --json" "$CLI" catalog stats --db "$DB" --json
for key in '"universities" : 2' '"courses" : 5' '"grading_tables" : 4' '"certificates" : 1' '"generated" : "2026-11-01T08:00:00+08:00"'; do
  contains "stats has $key" "$out" "$key"
done
digest=$(echo "$out" | sed -n 's/.*"digest" : "\([0-9a-f]*\)".*/\1/p')
expect 0 "import the same feed again" "$CLI" catalog import --db "$DB" "$MINIMAL"
contains "the same feed is already up to date" "$out" "already up to date"

expect 0 "CREDIT_BRIDGE_DB chooses the cache" env CREDIT_BRIDGE_DB="$DB" "$CLI" catalog stats --json
contains "CREDIT_BRIDGE_DB cache has the courses" "$out" '"courses" : 5'
expect 0 "the default cache is under XDG_CACHE_HOME" "$CLI" catalog import "$MINIMAL"
if [ -f "$XDG_CACHE_HOME/credit-bridge/catalog.db" ]; then ok "default cache file exists"; else not_ok "default cache file exists"; fi

# Search
expect 0 "search 数学" "$CLI" catalog search --db "$DB" 数学
contains "数学 finds 高等数学" "$out" "sa:math101"
contains "数学 finds 数学建模" "$out" "cb:mm200"
expect 0 "search an English prefix" "$CLI" catalog search --db "$DB" ecolog
contains "ecolog finds Ecology" "$out" "sa:bio210"
expect 0 "search a code in lower case" "$CLI" catalog search --db "$DB" --json mm-200
contains "the code is found" "$out" '"id" : "cb:mm200"'
expect 0 "search with filters" "$CLI" catalog search --db "$DB" --city 重庆 --field 05 --level core --cycle master --language zh --delivery on-campus --min-credits 1 --max-credits 5
contains "the filters find ENV300" "$out" "cb:env300"
expect 0 "search by term" "$CLI" catalog search --db "$DB" --term 2027-spring --university sa
contains "the term filter finds BIO210" "$out" "sa:bio210"
expect 2 "search with a wrong cycle" "$CLI" catalog search --db "$DB" --cycle postdoc
contains "the wrong cycle is named" "$err" "postdoc"
expect 1 "search an unknown university" "$CLI" catalog search --db "$DB" --university nowhere 数学
contains "the unknown university is named" "$err" "nowhere"
expect 0 "a search that finds nothing" "$CLI" catalog search --db "$DB" 量子
contains "nothing found is said" "$out" "No course matches"

# Show
expect 0 "show a course" "$CLI" catalog show --db "$DB" sa:bio210
contains "show prints the title" "$out" "生态学"
contains "show prints the outcomes" "$out" "Explain interactions"
expect 0 "show --json" "$CLI" catalog show --db "$DB" --json cb:env300
contains "show --json is the feed's object" "$out" '"workload_hours" : 110'
expect 1 "show an unknown course" "$CLI" catalog show --db "$DB" sa:nope
contains "the unknown course is named" "$err" "sa:nope"

# A bad feed leaves the cache as it was
expect 1 "import a bad feed" "$CLI" catalog import --db "$DB" "$HERE/bad/dangling-prerequisite/feed.json"
contains "the error names the place" "$err" "courses.jsonl:2: \$.prerequisites[0]"
expect 1 "import a feed that does not exist" "$CLI" catalog import --db "$DB" "$TMP/nothing.json"
expect 0 "stats after the failures" "$CLI" catalog stats --db "$DB" --json
contains "the cache still has the old catalog" "$out" "\"digest\" : \"$digest\""

# An import killed in the middle leaves the cache as it was
mkdir -p "$TMP/big"
python3 - "$MINIMAL" "$TMP/big" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
feed["generated"] = "2026-11-02T08:00:00+08:00"
feed["course_files"] = ["many.jsonl"]
feed["courses"] = feed["courses"][:1]
feed["certificates"] = []
with open(sys.argv[2] + "/feed.json", "w") as f:
    json.dump(feed, f, ensure_ascii=False)
with open(sys.argv[2] + "/many.jsonl", "w") as f:
    for i in range(60000):
        f.write(json.dumps({"id": f"sa:x{i}", "university": "sa", "code": f"X{i}",
                            "title": {"zh": f"课程{i}号 高等数学专题", "en": f"Course {i} in Advanced Topics"},
                            "isced": "0541", "cycle": "bachelor", "level": "elective", "periods": {"lecture": 32},
                            "credits": 2, "grading_scale": "percent", "languages": ["zh"], "delivery": "online",
                            "learning_outcomes": [{"zh": "解决问题", "en": "Solve problems"}]}, ensure_ascii=False) + "\n")
PY
"$CLI" catalog import -q --db "$DB" "$TMP/big/feed.json" > /dev/null 2>&1 &
pid=$!
killed=no
# The transaction opens before the course file is read: once the importer
# has read a third of it, it is in the middle of the transaction.
third=$(( $(stat -c %s "$TMP/big/many.jsonl") / 3 ))
for i in $(seq 1 3000); do
  read_bytes=$(sed -n 's/^rchar: //p' /proc/$pid/io 2>/dev/null || echo 0)
  if [ "${read_bytes:-0}" -gt "$third" ]; then kill -9 $pid 2>/dev/null && killed=yes; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.01
done
wait $pid 2>/dev/null
if [ $killed = yes ]; then ok "the import was killed in the middle"; else not_ok "the import was killed in the middle" "it finished before it could be killed"; fi
expect 0 "stats after the kill" "$CLI" catalog stats --db "$DB" --json
contains "the killed import left the old catalog" "$out" "\"digest\" : \"$digest\""
contains "the killed import left 5 courses" "$out" '"courses" : 5'
expect 0 "the big feed imports when not killed" "$CLI" catalog import -q --db "$DB" "$TMP/big/feed.json"
expect 0 "stats after the big import" "$CLI" catalog stats --db "$DB" --json
contains "the big import has every course" "$out" '"courses" : 60001'

# A damaged cache is said and rebuilt from the feed
printf 'garbage, not SQLite' > "$TMP/broken.db"
expect 0 "import into a damaged cache" "$CLI" catalog import --db "$TMP/broken.db" "$MINIMAL"
contains "the damage is said" "$err" "damaged"
expect 0 "the rebuilt cache works" "$CLI" catalog stats --db "$TMP/broken.db" --json
contains "the rebuilt cache has the catalog" "$out" '"courses" : 5'

# A cache damaged after an import: moved aside, and rebuilt from the feed it
# came from, or the command fails and says to import again; never a search
# that answers with another catalog (the demo catalog has cwnu: courses).
no_sqlite_words () {
  for words in "malformed" "not an error" "another row" "not a database" "database is locked"; do
    lacks "$1: no SQLite words ($words)" "$err" "$words"
  done
}
# damaged_cache NAME: a fresh cache of the minimal feed at $TMP/NAME.db
damaged_cache () {
  rm -f "$TMP/$1.db"*
  "$CLI" catalog import -q --db "$TMP/$1.db" "$MINIMAL"
}
json_root_page () {
  /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (sys.argv[2],)).fetchone()[0])' "$1" "$2"
}
for cmd in search stats; do
  args=(); [ $cmd = search ] && args=(数学)

  damaged_cache garbage-$cmd
  head -c 4096 /dev/urandom | dd of="$TMP/garbage-$cmd.db" conv=notrunc status=none
  expect 1 "catalog $cmd on a cache overwritten with garbage fails" "$CLI" catalog $cmd --db "$TMP/garbage-$cmd.db" "${args[@]}"
  contains "… says the cache is damaged" "$err" "The catalog cache $TMP/garbage-$cmd.db is damaged"
  contains "… says where it went" "$err" "it was moved to $TMP/garbage-$cmd.db.damaged"
  contains "… says to import again" "$err" "import the catalog again, with \`credit-bridge-cli catalog import FEED\`"
  lacks "… shows no other catalog's courses" "$out" "cwnu:"
  no_sqlite_words "garbage, $cmd"
  if cmp -s <(head -c 4096 "$TMP/garbage-$cmd.db.damaged") /dev/null || [ ! -s "$TMP/garbage-$cmd.db.damaged" ]; then
    not_ok "… the damaged file is kept aside" "$TMP/garbage-$cmd.db.damaged is missing or empty"
  else ok "… the damaged file is kept aside"; fi

  damaged_cache truncated-$cmd
  truncate -s 12288 "$TMP/truncated-$cmd.db"
  expect 0 "catalog $cmd on a truncated cache rebuilds it" "$CLI" catalog $cmd --db "$TMP/truncated-$cmd.db" "${args[@]}"
  contains "… says it was damaged and moved aside" "$err" "is damaged; it was moved to $TMP/truncated-$cmd.db.damaged"
  contains "… from the feed it came from" "$err" "Rebuilding it from $MINIMAL."
  lacks "… shows no other catalog's courses" "$out" "cwnu:"
  no_sqlite_words "truncated, $cmd"
  if [ $cmd = search ]; then contains "… answers from the same catalog" "$out" "sa:math101"
  else contains "… counts the same catalog" "$out" "$(printf 'Courses:\t5')"; fi

  damaged_cache zeroed-$cmd
  page=$(json_root_page "$TMP/zeroed-$cmd.db" course_json)
  dd if=/dev/zero of="$TMP/zeroed-$cmd.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc status=none
  expect 0 "catalog $cmd on a cache with a page zeroed" "$CLI" catalog $cmd --db "$TMP/zeroed-$cmd.db" "${args[@]}"
  lacks "… shows no other catalog's courses" "$out" "cwnu:"
  no_sqlite_words "zeroed page, $cmd"
  if [ $cmd = search ]; then
    contains "… finds the damage, moves the cache aside" "$err" "is damaged; it was moved to $TMP/zeroed-$cmd.db.damaged"
    contains "… rebuilds it from the feed it came from" "$err" "Rebuilding it from $MINIMAL."
    contains "… and answers from it" "$out" "sa:math101"
  else
    # stats reads no course: it answers, from the catalog the cache holds
    contains "… counts the same catalog" "$out" "$(printf 'Courses:\t5')"
  fi
done

damaged_cache zeroed-import
page=$(json_root_page "$TMP/zeroed-import.db" course_json)
dd if=/dev/zero of="$TMP/zeroed-import.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc status=none
expect 0 "import into a cache with a page zeroed" "$CLI" catalog import --db "$TMP/zeroed-import.db" "$MINIMAL"
contains "… says it was damaged and moved aside" "$err" "is damaged; it was moved to $TMP/zeroed-import.db.damaged"
contains "… imports the feed" "$out" "5 courses"

mkdir -p "$TMP/gone"
cp -r "$HERE/feeds/minimal/." "$TMP/gone/"
"$CLI" catalog import -q --db "$TMP/gone.db" "$TMP/gone/feed.json"
rm -r "$TMP/gone"
truncate -s 12288 "$TMP/gone.db"
expect 1 "a damaged cache whose feed is gone" "$CLI" catalog search --db "$TMP/gone.db" 数学
contains "… says the feed could not be read" "$err" "could not be rebuilt from $TMP/gone/feed.json"
contains "… says to import again" "$err" "Import the catalog again"
lacks "… shows no other catalog's courses" "$out" "cwnu:"

# Messages in our words
expect 2 "--db '' is wrong usage" "$CLI" catalog search --db '' 数学
contains "… says --db needs a path" "$err" "--db needs the path of a file, not an empty string"
expect 2 "--db= is wrong usage" "$CLI" catalog stats --db=
contains "… says --db needs a path" "$err" "--db needs the path of a file"
expect 2 "plan export -o '' is wrong usage" "$CLI" plan export "$TMP/no-plan.json" --format json -o ''
contains "… says -o needs a path" "$err" "-o needs the path of a file, not an empty string"
expect 2 "a query that is not UTF-8" "$CLI" catalog search --db "$DB" $'\xff\xfe'
contains "… names it" "$err" 'the argument “\377\376” is not valid UTF-8 text'
expect 2 "an option value that is not UTF-8" "$CLI" catalog search --db "$DB" --university $'\xffab' 数学
contains "… names the option" "$err" 'the value of --university, “\377ab”, is not valid UTF-8 text'
for value in nan inf -inf; do
  expect 2 "--min-credits=$value is wrong usage" "$CLI" catalog search --db "$DB" --min-credits=$value 数学
  contains "… says why" "$err" "“$value” is not a number of credits"
done
expect 2 "--max-credits=nan is wrong usage" "$CLI" catalog search --db "$DB" --max-credits=nan 数学
contains "… says why" "$err" "“nan” is not a number of credits"

# A cache in a read-only folder can be searched. As root, chmod does not stop
# writing: a read-only tmpfs does.
damaged_cache ro-source
mkdir -p "$TMP/ro"
if [ "$(id -u)" = 0 ]; then
  if mount -t tmpfs -o size=4m credit-bridge-test "$TMP/ro" 2> "$TMP/mount.err"; then
    trap 'umount "$TMP/ro" 2> /dev/null; rm -rf "$TMP"' EXIT
    cp "$TMP/ro-source.db" "$TMP/ro/c.db" && mount -o remount,ro "$TMP/ro" && ro_ready=yes
  fi
else
  cp "$TMP/ro-source.db" "$TMP/ro/c.db" && chmod a-w "$TMP/ro/c.db" "$TMP/ro" && ro_ready=yes
fi
if [ "${ro_ready:-}" = yes ]; then
  expect 0 "search a cache in a read-only folder" "$CLI" catalog search --db "$TMP/ro/c.db" 数学
  contains "… finds its courses" "$out" "sa:math101"
  expect 0 "stats of a cache in a read-only folder" "$CLI" catalog stats --db "$TMP/ro/c.db"
  contains "… counts its courses" "$out" "$(printf 'Courses:\t5')"
  expect 1 "import into a cache in a read-only folder" "$CLI" catalog import --db "$TMP/ro/c.db" "$MINIMAL"
  contains "… says it is read-only" "$err" "the file or its folder is read-only"
  no_sqlite_words "read-only"
else
  not_ok "search a cache in a read-only folder" "could not make a read-only folder (as root this needs mount)" "$(cat "$TMP/mount.err" 2> /dev/null)"
fi
if [ "$(id -u)" = 0 ]; then umount "$TMP/ro" 2> /dev/null; else chmod u+w "$TMP/ro" "$TMP/ro/c.db"; fi

# A second import waits for the first and says so.
damaged_cache busy
/usr/bin/python3 -c '
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(3)
db.execute("ROLLBACK")' "$TMP/busy.db" "$TMP/busy.locked" &
holder=$!
for i in $(seq 1 200); do [ -e "$TMP/busy.locked" ] && break; sleep 0.05; done
expect 0 "an import while another one writes" "$CLI" catalog import --db "$TMP/busy.db" "$HERE/../../data/catalog/feed.json"
contains "… says it waits" "$err" "waiting for another import to finish…"
contains "… then imports" "$out" "1519 courses"
no_sqlite_words "busy"
wait $holder

# A feed on the web (a loopback server), course files beside it
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$HERE/feeds/minimal" && exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1) > /dev/null 2>&1 &
server=$!
for i in $(seq 1 100); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2> /dev/null && break
  sleep 0.05
done
expect 0 "import a feed over HTTP" "$CLI" catalog import --db "$TMP/web.db" "http://127.0.0.1:$port/feed.json"
contains "the web feed's course file was read" "$out" "5 courses"
expect 1 "a missing web feed" "$CLI" catalog import --db "$TMP/web.db" "http://127.0.0.1:$port/nothing.json"
contains "the server's answer is said" "$err" "404"
kill $server 2> /dev/null
wait $server 2> /dev/null

# More matches than the search counts (issue 20): 学 is in each of the demo
# catalog's 1,200 courses; the count stops at 1000 and says so.
DEMO_DB="$TMP/demo.db"
expect 0 "import the demo catalog" "$CLI" catalog import --db "$DEMO_DB" "$HERE/../../data/catalog/feed.json"
expect 0 "search 学 in the demo catalog" "$CLI" catalog search --db "$DEMO_DB" 学
contains "… says the total is a lower bound" "$out" "20 of more than 1000 courses; --limit 0 shows and counts all."
first_text=$(echo "$out" | head -n 20 | cut -f1 | tr '\n' ' ')
expect 0 "search 学 --json" "$CLI" catalog search --db "$DEMO_DB" --json 学
json_is "… total 1000, a lower bound" "j['total'] == 1000 and j['total_is_lower_bound'] is True and len(j['results']) == 20"
json_ids=$(echo "$out" | python3 -c "import json, sys; print(' '.join(r['id'] for r in json.load(sys.stdin)['results']) + ' ')")
if [ "$json_ids" = "$first_text" ]; then ok "… the same first page as the text"; else not_ok "… the same first page as the text" "$json_ids" "$first_text"; fi
expect 0 "search 学 --limit 0 --json" "$CLI" catalog search --db "$DEMO_DB" --limit 0 --json 学
json_is "… counts every match" "j['total'] == 1200 and j['total_is_lower_bound'] is False and len(j['results']) == 1200"
all_ids=$(echo "$out" | python3 -c "import json, sys; print(' '.join(r['id'] for r in json.load(sys.stdin)['results'][:20]) + ' ')")
if [ "$all_ids" = "$first_text" ]; then ok "… its first 20 are the first page"; else not_ok "… its first 20 are the first page" "$all_ids" "$first_text"; fi
expect 0 "search 学 --limit 0" "$CLI" catalog search --db "$DEMO_DB" --limit 0 学
contains "… says the exact count" "$out" "1200 courses."
expect 0 "search 数学 --json (fewer than 1000)" "$CLI" catalog search --db "$DEMO_DB" --json 数学
json_is "… an exact total" "j['total'] == 89 and j['total_is_lower_bound'] is False"
expect 0 "search with no query --json" "$CLI" catalog search --db "$DEMO_DB" --json
json_is "… the listing's total is a lower bound too" "j['total'] == 1000 and j['total_is_lower_bound'] is True"
expect 0 "catalog search --help" "$CLI" catalog search --help
contains "… says how far the total is counted" "$out" "Beyond 1000 matches the total is not counted to the end"
expect 0 "search 学 in Chinese" env LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 "$CLI" catalog search --db "$DEMO_DB" 学
contains "… says so in Chinese" "$out" "显示 20 门，共超过 1000 门课程"

finish
