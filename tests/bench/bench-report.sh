#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The report's scale benchmark (issue 19, item 6): prints figures, asserts
# nothing.
#
#   tests/bench/bench-report.sh N…          e.g. 1000 10000
#
# For each N it writes N synthetic plans against the demo catalog with
# tests/bench/gen-plans.py (kept in $BENCH_WORK/plans-N for the next run),
# imports the demo catalog into a cache of its own, and runs
# `credit-bridge-cli report --json -o FILE` over the folder $BENCH_REPEAT
# times (default 3), with /usr/bin/time -v: the best wall time, its CPU time
# (user + system) and the largest peak RSS count. Targets at 10,000 plans:
# under 10 s and under 200 MB, in a release build
# (meson setup -Dbuildtype=release).
#
# Environment: BENCH_BUILD (default /tmp/build-bench, a meson build of the
# project) or BENCH_CLI; BENCH_WORK (default /tmp/credit-bridge-bench).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${BENCH_BUILD:-/tmp/build-bench}
cli=${BENCH_CLI:-$build/src/cli/credit-bridge-cli}
work=${BENCH_WORK:-/tmp/credit-bridge-bench}
repeat=${BENCH_REPEAT:-3}
timecmd=/usr/bin/time

if [ $# -eq 0 ]; then
  echo "usage: $0 N… (e.g. 1000 10000)" >&2
  exit 2
fi
for f in "$cli" "$timecmd"; do
  if [ ! -x "$f" ]; then
    echo "$0: $f is missing (build the project; install Debian's time package)" >&2
    exit 1
  fi
done
mkdir -p "$work"
export LC_ALL=C.UTF-8

db="$work/report-catalog.db"
if [ ! -f "$db" ]; then
  "$cli" catalog import --quiet --db "$db" "$src/data/catalog/feed.json"
fi

echo "Credit Bridge report benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "host: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f MB", $2 / 1024 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "source: $(git -C "$src" describe --always --dirty 2>/dev/null || echo unknown)"
echo
printf '%9s %9s %12s %12s %9s %s\n' N "files MB" "wall s" "CPU s" "RSS MB" "runs (wall s)"

for n in "$@"; do
  plans="$work/plans-$n"
  if [ "$(cat "$plans/.plans" 2>/dev/null)" != "$n" ]; then
    rm -rf "$plans"
    python3 "$here/gen-plans.py" --plans "$n" --out "$plans"
    echo "$n" > "$plans/.plans"
  fi
  files_mb=$(du -sm "$plans" | cut -f1)
  # Warm the page cache: the figure is the report's, not the disk's.
  cat "$plans"/*/*.creditplan > /dev/null

  best="" best_cpu="" rss=0 runs=""
  i=0
  while [ $i -lt "$repeat" ]; do
    i=$((i + 1))
    "$timecmd" -v -o "$work/time-report-$n.txt" \
      "$cli" report --db "$db" --json -o "$work/report-$n.json" "$plans" > /dev/null
    wall=$(sed -n 's/^.*Elapsed (wall clock) time.*: //p' "$work/time-report-$n.txt" |
           awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time-report-$n.txt")
    kb=$(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$work/time-report-$n.txt")
    runs="$runs $wall"
    if [ -z "$best" ] || [ "$(echo "$wall $best" | awk '{ print ($1 < $2) }')" = 1 ]; then
      best=$wall best_cpu=$cpu
    fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%9s %9s %12s %12s %9s %s\n' "$n" "$files_mb" "$best" "$best_cpu" \
    "$(echo "$rss" | awk '{ printf "%.0f", $1 / 1024 }')" "$runs"
  plans_read=$(sed -n 's/^ *"plans" : \([0-9]*\).*/\1/p' "$work/report-$n.json" | head -n 1)
  echo "          plans reported: $plans_read of $n"
done
echo
echo "targets at 10,000 plans: wall < 10 s, peak RSS < 200 MB (release build)"
