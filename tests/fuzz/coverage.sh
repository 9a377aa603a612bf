#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How much of a reader a set of fuzzing inputs reaches: line, branch and
# function coverage of its source files (clang source-based coverage), over
# the harness's seed corpus, its regressions and any folders given.
#
#   tests/fuzz/coverage.sh [HARNESS] [CORPUS_DIR…]   e.g. plan /tmp/fuzz-plan-work/corpus
#
# HARNESS is feed (the default), plan, ewp or csv. Needs a configured build
# for config.h ($COV_CONFIG, default /tmp/build-bench) and clang,
# llvm-profdata and llvm-cov (Debian's clang package). Writes into
# $COV_WORK (default /tmp/fuzz-HARNESS-cov). The engine is taken as
# committed (git HEAD), so that edits in progress do not count.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
harness=feed
case ${1:-} in
  feed|plan|ewp|csv) harness=$1; shift ;;
esac
config=${COV_CONFIG:-/tmp/build-bench}
work=${COV_WORK:-/tmp/fuzz-$harness-cov}
rm -rf "$work"
mkdir -p "$work/profiles" "$work/src"
git -C "$src" archive HEAD src/core | tar -x -C "$work/src"
core="$work/src/src/core"

# The harness's own files, and the readers whose coverage counts.
case $harness in
  feed) sources="fuzz-feed.c"; readers="bridge-feed.c bridge-model.c bridge-text.c" ;;
  plan) sources="fuzz-plan.c fuzz-plan-common.c"; readers="bridge-plan.c bridge-plan-check.c bridge-ewp-write.c bridge-ewp-read.c" ;;
  ewp) sources="fuzz-ewp.c fuzz-plan-common.c"; readers="bridge-ewp-write.c bridge-ewp-read.c bridge-plan.c bridge-plan-check.c" ;;
  csv) sources="fuzz-csv.c"; readers="bridge-grade-csv.c bridge-rational.c" ;;
esac

pkgs="glib-2.0 gio-2.0 gobject-2.0 json-glib-1.0 sqlite3 nettle"
for p in libsoup-3.0 cairo pangocairo; do
  pkg-config --exists "$p" && pkgs="$pkgs $p"
done
# shellcheck disable=SC2046,SC2086
clang -O1 -g -fprofile-instr-generate -fcoverage-mapping -w \
  -DG_LOG_USE_STRUCTURED=1 -DFUZZ_CATALOG_FEED="\"$src/tests/plan/feed.json\"" -I"$config" -I"$core" \
  "$core"/*.c $(for f in $sources fuzz-common.c fuzz-main.c; do echo "$here/$f"; done) \
  $(pkg-config --cflags --libs $pkgs) -lm -o "$work/fuzz-$harness-cov"

files=$(find "$here/corpus/$harness" "$here/regressions/$harness" "$@" -type f ! -name '*.md' | sort)
# shellcheck disable=SC2086
LLVM_PROFILE_FILE="$work/profiles/%p.profraw" G_TEST_SRCDIR="$src/tests" \
  "$work/fuzz-$harness-cov" $files > "$work/run.log" 2>&1 || true
echo "$(echo "$files" | wc -l) inputs; $(grep -c '^ok' "$work/run.log") passed, $(grep -c '^not ok' "$work/run.log") failed"
llvm-profdata merge -sparse "$work"/profiles/*.profraw -o "$work/$harness.profdata"
# shellcheck disable=SC2046
llvm-cov report "$work/fuzz-$harness-cov" -instr-profile="$work/$harness.profdata" \
  $(for f in $readers; do echo "$core/$f"; done)
first=${readers%% *}
echo "Uncovered lines of $first: llvm-cov show $work/fuzz-$harness-cov -instr-profile=$work/$harness.profdata $core/$first"
