#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time against the size of hostile inputs (issue 15, item 13): prints
# figures, asserts nothing. For each size it prints the CPU time (user +
# system, the steadier figure on a shared machine) and the wall time of:
#   - plan export --format pdf of a plan whose student name is one word of
#     N characters (the PDF's layout);
#   - plan show of a plan of N recognition groups (load, check, totals);
#   - catalog search of 32 words (the most a search takes) and of 5,000
#     (refused at once).
# Time should grow linearly: twice the size, about twice the time.
#
#   tests/bench/bench-hostile.sh CLI PLAN_FEED DEMO_FEED
#   meson test -C BUILD --benchmark hostile-inputs
set -eu

cli=$1
plan_feed=$2
demo_feed=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

# measure LABEL COMMAND…: one line of figures
measure () {
  label=$1
  shift
  /usr/bin/time -f "%U %S %e" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" >"$work/last"
  read -r user sys wall <"$work/last"
  printf '%-34s cpu %6.2f s   wall %6.2f s\n' "$label" "$(echo "$user + $sys" | bc)" "$wall"
}

export CREDIT_BRIDGE_DB="$work/plan.db"
"$cli" catalog import "$plan_feed" >/dev/null
base="$work/base.creditplan"
"$cli" plan new "$base" --student X --home scu --host cqu --term 2026-autumn >/dev/null
"$cli" plan add "$base" cqu:cs301 --replaces scu:cs305 >/dev/null

python3 - "$base" "$work" <<'PY'
import json, sys
base, work = sys.argv[1], sys.argv[2]
p = json.load(open(base))
for n in (5000, 10000, 20000, 40000):
    q = json.loads(json.dumps(p))
    q["student"]["name"] = "a" * n
    json.dump(q, open("%s/word%d.creditplan" % (work, n), "w"))
g = p["groups"][0]
for n in (1000, 2500, 5000, 10000):
    q = json.loads(json.dumps(p))
    q["groups"] = [dict(g, id="g%d" % (i + 1)) for i in range(n)]
    json.dump(q, open("%s/groups%d.creditplan" % (work, n), "w"))
PY

echo "PDF of a plan whose name is one word of N characters"
for n in 5000 10000 20000 40000; do
  measure "  N = $n" "$cli" plan export "$work/word$n.creditplan" --format pdf -o "$work/word$n.pdf"
done
echo "plan show of a plan of N groups"
for n in 1000 2500 5000 10000; do
  measure "  N = $n" "$cli" plan show "$work/groups$n.creditplan"
done

export CREDIT_BRIDGE_DB="$work/demo.db"
"$cli" catalog import "$demo_feed" >/dev/null
echo "catalog search of the demo catalog"
measure "  32 words" "$cli" catalog search "$(python3 -c "print(' '.join(['数据'] * 32))")"
measure "  256 characters, one word" "$cli" catalog search "$(python3 -c "print('数据结构与算法分析' * 28 + '数据结构')")"
measure "  5,000 words (refused)" "$cli" catalog search "$(python3 -c "print(' '.join(['数据'] * 5000))")"
