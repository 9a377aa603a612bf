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

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done; }

# expect STATUS NAME COMMAND...: runs COMMAND, keeps stdout in $out and stderr in $err.
expect () {
  local want="$1" name="$2"; shift 2
  "$@" > "$TMP/out" 2> "$TMP/err"
  local got=$?
  out=$(cat "$TMP/out"); err=$(cat "$TMP/err")
  if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit status $got, expected $want" "stderr: $err"; fi
}
contains () {
  local name="$1" haystack="$2" needle="$3"
  case "$haystack" in *"$needle"*) ok "$name" ;; *) not_ok "$name" "“$needle” not in: $haystack" ;; esac
}

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
printf 'garbage, not SQLite' > "$TMP/broken2.db"
expect 0 "search on a damaged cache rebuilds it" env CREDIT_BRIDGE_FEED="$MINIMAL" "$CLI" catalog search --db "$TMP/broken2.db" 数学
contains "the rebuild is said" "$err" "Rebuilding it from"
contains "the rebuilt cache answers" "$out" "sa:math101"

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

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ $failed = 0 ]
