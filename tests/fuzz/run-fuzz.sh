#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzz one of the readers with libFuzzer.
#
#   tests/fuzz/run-fuzz.sh [HARNESS] [SECONDS] [libFuzzer options…]
#
# HARNESS is feed (the default), plan, ewp or csv (see meson.build). Builds
# the libFuzzer binary in $FUZZ_BUILD (default /tmp/build-fuzz, with clang,
# -Dfuzzing=true), then runs it for SECONDS (default 600) on one core over a
# working corpus in $FUZZ_WORK (default /tmp/fuzz-HARNESS-work/corpus, kept
# between runs) seeded with tests/fuzz/corpus/HARNESS. Crashes, leaks and
# timeouts land in $FUZZ_WORK/artifacts/. Keep what matters in
# tests/fuzz/regressions/HARNESS/ (see its README.md); `meson test --suite
# fuzz` runs every file there.
#
# Set FUZZ_HARNESS_KNOWN=tag,… (FUZZ_PLAN_KNOWN, …) to tolerate (not abort
# on) promises already known to be broken while looking for other bugs; see
# ORACLE_KNOWN in fuzz-common.h and the tags each harness names.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
harness=feed
case ${1:-} in
  feed|plan|ewp|csv) harness=$1; shift ;;
esac
build=${FUZZ_BUILD:-/tmp/build-fuzz}
work=${FUZZ_WORK:-/tmp/fuzz-$harness-work}
seconds=${1:-600}
[ $# -gt 0 ] && shift

# What suits each format: a feed of three documents, a plan or agreement of
# many groups, a CSV file of a few hundred grades.
case $harness in
  feed) max_len=8192 timeout=5 ;;
  plan|ewp) max_len=65536 timeout=10 ;;
  csv) max_len=16384 timeout=10 ;;
esac
dict=
[ -f "$here/fuzz-$harness.dict" ] && dict=-dict="$here/fuzz-$harness.dict"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Dgui=false -Dhelp=false
fi
ninja -C "$build" "tests/fuzz/fuzz-$harness"
mkdir -p "$work/corpus" "$work/artifacts"

set -x
# shellcheck disable=SC2086
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
"$build/tests/fuzz/fuzz-$harness" \
  -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 \
  $dict \
  -artifact_prefix="$work/artifacts/" \
  -max_total_time="$seconds" -print_final_stats=1 -print_coverage=0 \
  "$@" \
  "$work/corpus" "$here/corpus/$harness" "$here/regressions/$harness"
