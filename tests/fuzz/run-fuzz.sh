#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzz the catalog feed reader with libFuzzer.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [libFuzzer options…]
#
# Builds the libFuzzer binary in $FUZZ_BUILD (default /tmp/build-fuzz, with
# clang, -Dfuzzing=true), then runs it for SECONDS (default 600) on one core
# over a working corpus in $FUZZ_WORK (default /tmp/fuzz-feed-work/corpus,
# kept between runs) seeded with tests/fuzz/corpus. Crashes, leaks and
# timeouts land in $FUZZ_WORK/artifacts/. Keep what matters in
# tests/fuzz/regressions/ (see its README.md); `meson test --suite fuzz` runs
# every file there.
#
# Set FUZZ_FEED_KNOWN=tag,… to tolerate (not abort on) promises already known to
# be broken while looking for other bugs; see ORACLE_KNOWN in fuzz-feed.c.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-/tmp/build-fuzz}
work=${FUZZ_WORK:-/tmp/fuzz-feed-work}
seconds=${1:-600}
[ $# -gt 0 ] && shift

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Dgui=false -Dhelp=false
fi
ninja -C "$build" tests/fuzz/fuzz-feed
mkdir -p "$work/corpus" "$work/artifacts"

set -x
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
"$build/tests/fuzz/fuzz-feed" \
  -max_len=8192 -timeout=5 -rss_limit_mb=2048 \
  -dict="$here/fuzz-feed.dict" \
  -artifact_prefix="$work/artifacts/" \
  -max_total_time="$seconds" -print_final_stats=1 -print_coverage=0 \
  "$@" \
  "$work/corpus" "$here/corpus" "$here/regressions"
