#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How much of the feed reader a set of fuzzing inputs reaches: line, branch
# and function coverage of src/core/bridge-feed.c (clang source-based
# coverage), over the seed corpus, regressions/ and any folders given.
#
#   tests/fuzz/coverage.sh [CORPUS_DIR…]     e.g. /tmp/fuzz-feed-work/corpus
#
# Needs a configured build for config.h ($COV_CONFIG, default
# /tmp/build-bench) and clang, llvm-profdata and llvm-cov (Debian's clang
# package). Writes into $COV_WORK (default /tmp/fuzz-feed-cov). The engine is
# taken as committed (git HEAD), so that edits in progress do not count.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
config=${COV_CONFIG:-/tmp/build-bench}
work=${COV_WORK:-/tmp/fuzz-feed-cov}
rm -rf "$work"
mkdir -p "$work/profiles" "$work/src"
git -C "$src" archive HEAD src/core | tar -x -C "$work/src"
core="$work/src/src/core"

pkgs="glib-2.0 gio-2.0 gobject-2.0 json-glib-1.0 sqlite3"
for p in libsoup-3.0 cairo pangocairo; do
  pkg-config --exists "$p" && pkgs="$pkgs $p"
done
# shellcheck disable=SC2046
clang -O1 -g -fprofile-instr-generate -fcoverage-mapping -w \
  -DG_LOG_USE_STRUCTURED=1 -I"$config" -I"$core" \
  "$core"/*.c "$here/fuzz-feed.c" "$here/fuzz-common.c" "$here/fuzz-main.c" \
  $(pkg-config --cflags --libs $pkgs) -lm -o "$work/fuzz-feed-cov"

files=$(find "$here/corpus/feed" "$here/regressions/feed" "$@" -type f ! -name '*.md' | sort)
# shellcheck disable=SC2086
LLVM_PROFILE_FILE="$work/profiles/%p.profraw" G_TEST_SRCDIR="$src/tests" \
  "$work/fuzz-feed-cov" $files > "$work/run.log" 2>&1 || true
echo "$(echo "$files" | wc -l) inputs; $(grep -c '^ok' "$work/run.log") passed, $(grep -c '^not ok' "$work/run.log") failed"
llvm-profdata merge -sparse "$work"/profiles/*.profraw -o "$work/feed.profdata"
llvm-cov report "$work/fuzz-feed-cov" -instr-profile="$work/feed.profdata" \
  "$core/bridge-feed.c" "$core/bridge-model.c" "$core/bridge-text.c"
echo "Uncovered lines of bridge-feed.c: llvm-cov show $work/fuzz-feed-cov -instr-profile=$work/feed.profdata $core/bridge-feed.c"
