#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-layers.py on small made-up trees: a clean one passes, and each broken
# rule is found and named (one case a rule). TAP output.
#
#   test-check-layers.sh CHECK_LAYERS_PY
set -u
check=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
fail=0

# A clean tree: two layers, a window that includes its page.
clean_tree () {
  rm -rf "$work/t"
  for l in base model credit feed catalog plan export; do mkdir -p "$work/t/src/core/$l"; done
  mkdir -p "$work/t/src/gui"
  printf '#pragma once\n' > "$work/t/src/core/base/bridge-error.h"
  printf '#include "bridge-error.h"\n' > "$work/t/src/core/model/bridge-model.h"
  printf '#include "bridge-model.h"\n' > "$work/t/src/core/plan/bridge-plan.c"
  printf '#include "bridge-plan-page.h"\n' > "$work/t/src/gui/bridge-window.c"
  printf '#include "bridge-window.h"\n' >> "$work/t/src/gui/bridge-window.c"
  printf '#pragma once\n' > "$work/t/src/gui/bridge-window.h"
  printf '#include "bridge-gui-util.h"\n' > "$work/t/src/gui/bridge-plan-page.c"
  printf '#pragma once\n' > "$work/t/src/gui/bridge-plan-page.h"
  printf '#pragma once\n' > "$work/t/src/gui/bridge-gui-util.h"
}

# expect NAME STATUS TEXT: runs the check, compares the exit status and
# looks for TEXT in what it prints.
expect () {
  n=$((n + 1))
  out=$(python3 "$check" "$work/t" 2>&1)
  status=$?
  if [ "$status" -eq "$2" ] && printf '%s\n' "$out" | grep -qF -- "$3"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1: exit $status, wanted $2 and “$3” in:"
    printf '%s\n' "$out" | sed 's/^/# /'
    fail=1
  fi
}

clean_tree
expect "a clean tree passes" 0 "0 problem(s)"

clean_tree
printf '#include "bridge-plan.h"\n' >> "$work/t/src/core/model/bridge-model.h"
printf '#pragma once\n' > "$work/t/src/core/plan/bridge-plan.h"
expect "an include that runs up a layer" 1 "src/core/model/bridge-model.h:2: includes bridge-plan.h of the layer plan, above model"

clean_tree
printf '#include <gtk/gtk.h>\n' >> "$work/t/src/core/plan/bridge-plan.c"
expect "GTK in the engine" 1 "src/core/plan/bridge-plan.c:2: includes gtk/gtk.h; the engine never uses GTK"

clean_tree
printf 'int x;\n' > "$work/t/src/core/bridge-stray.c"
expect "a file outside the layer folders" 1 "src/core/bridge-stray.c: a source file outside the layer folders"

clean_tree
printf '#include "bridge-plan-page.h"\n' >> "$work/t/src/gui/bridge-gui-util.h"
expect "a circle among the window's files" 1 "include each other in a circle: bridge-gui-util, bridge-plan-page"

clean_tree
printf '#include "bridge-window.h"\n' >> "$work/t/src/gui/bridge-plan-page.c"
expect "a widget that includes the window" 1 "src/gui/bridge-plan-page.c:2: includes bridge-window.h"

clean_tree
seq 1 1601 | sed 's/^/int v/; s/$/;/' > "$work/t/src/core/plan/bridge-plan.c"
expect "a file too long" 1 "src/core/plan/bridge-plan.c: 1601 lines"

clean_tree
seq 1 1600 | sed 's/^/int v/; s/$/;/' > "$work/t/src/core/plan/bridge-plan.c"
expect "a file at the limit" 0 "0 problem(s)"

clean_tree
rmdir "$work/t/src/core/export"
expect "a layer folder missing" 1 "src/core/export: the layer folder is missing"

echo "1..$n"
exit $fail
