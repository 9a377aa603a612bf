#!/bin/sh
# How the window performs with a large catalog (issue 4, item 9).
#   tests/gui/run-bench-gui.sh BUILDDIR [N]
# Makes a synthetic feed of N courses (default 100000) with tests/gen-feed.py
# and imports it with credit-bridge-cli. Then, under Xvfb:
#   - the first frame: an empty libadwaita window and Credit Bridge, started
#     alternately BENCH_ROUNDS times (default 7), with the medians and their
#     ratio (a VM's timings wander by 10 % from run to run, so one pair of
#     runs says little); a window with only a header bar is started between
#     them, for reference;
#   - the whole bench (searching, scrolling, memory) three times.
# BENCH_DB=CACHE.db uses a catalog imported already (of N courses; a
# million takes minutes to make) instead; the bench only reads it.
# The reference windows draw with the renderer Credit Bridge chooses (see
# src/gui/bridge-renderer.c; under Xvfb, with GTK 4.8, cairo, since OpenGL
# there is Mesa's llvmpipe), named to them by GSK_RENDERER so that they do
# not pay for Credit Bridge's choosing. GSK_RENDERER=gl makes all use GL.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run-bench-gui.sh BUILDDIR [N]}
n=${2:-100000}
rounds=${BENCH_ROUNDS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

db=${BENCH_DB:-}
if [ -z "$db" ]; then
  python3 "$top/tests/gen-feed.py" --courses "$n" --out "$work/feed" >/dev/null
  "$build/src/cli/credit-bridge-cli" catalog import --db "$work/catalog.db" "$work/feed/feed.json" >/dev/null
  db="$work/catalog.db"
fi

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" CREDIT_BRIDGE_DB="$db"
bench() {
  xvfb-run -a -s "-screen 0 1600x1200x24" "$build/tests/gui/bench-gui" "$@"
}
# In a subshell: an assignment before a function call may outlast the call.
bench_reference() {
  (GSK_RENDERER=$reference; export GSK_RENDERER; bench "$@")
}

# "...; GskCairoRenderer; state main)" -> cairo
case $(bench app-first | sed -n 's/.*; Gsk\([A-Za-z]*\)Renderer; state.*/\1/p') in
  Cairo) reference=cairo ;;
  GL) reference=gl ;;
  *) echo "run-bench-gui.sh: cannot tell which renderer drew Credit Bridge" >&2; exit 1 ;;
esac

i=0
while [ "$i" -lt "$rounds" ]; do
  bench_reference empty
  bench_reference header-bar
  bench app-first
  i=$((i + 1))
done | tee "$work/first.txt"

# "... first frame 741.6 ms after main() (558.7 ms CPU ..." -> wall, CPU
median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for who in "empty window" "header bar window" "credit-bridge"; do
  grep "^$who: first frame" "$work/first.txt" | sed 's/.*first frame \([0-9.]*\) ms.*(\([0-9.]*\) ms CPU.*/\1 \2/' > "$work/$who"
  printf '%s\n' "$(cut -d' ' -f1 "$work/$who" | median) $(cut -d' ' -f2 "$work/$who" | median)" > "$work/$who.median"
done
read -r empty_wall empty_cpu < "$work/empty window.median"
read -r bar_wall bar_cpu < "$work/header bar window.median"
read -r app_wall app_cpu < "$work/credit-bridge.median"
echo "drawn by: $(grep -o 'Gsk[A-Za-z]*Renderer' "$work/first.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
awk -v ew="$empty_wall" -v ec="$empty_cpu" -v bw="$bar_wall" -v bc="$bar_cpu" -v aw="$app_wall" -v ac="$app_cpu" -v r="$rounds" 'BEGIN {
  printf "first frame, median of %d: Credit Bridge %.1f ms, empty window %.1f ms: %.2fx (main-thread CPU %.1f / %.1f ms: %.2fx)\n",
         r, aw, ew, aw / ew, ac, ec, ac / ec
  printf "for reference, a window with only a header bar: %.1f ms (%.1f ms CPU), %.2fx the empty window; Credit Bridge is %.2fx it\n",
         bw, bc, bw / ew, aw / bw
}'

for i in 1 2 3; do
  bench app
done
