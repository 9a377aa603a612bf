# tap.sh: the TAP helpers of the plan tests' shell scripts, sourced by them.
# Each script sets $tmp (its scratch folder) and n=0, failed=0 first.
#
# SPDX-License-Identifier: GPL-3.0-or-later

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

# What the command wrote ($tmp/out, $tmp/err) and why a check failed
# ($tmp/why), as TAP comments.
not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out"
  [ -f "$tmp/err" ] && sed 's/^/# /' "$tmp/err"
  [ -f "$tmp/why" ] && sed 's/^/# /' "$tmp/why"
  return 0
}

# expect STATUS DESCRIPTION -- COMMAND…: runs it, output in $tmp/out and $tmp/err
expect () {
  want=$1
  what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what (exit $got, wanted $want)"; fi
}

# contains FILE TEXT DESCRIPTION, lacks FILE TEXT DESCRIPTION
contains () {
  if grep -qF -- "$2" "$1"; then ok "$3"; else not_ok "$3: no “$2” in $(basename "$1")"; fi
}
lacks () {
  if grep -qF -- "$2" "$1"; then not_ok "$3: “$2” in $(basename "$1")"; else ok "$3"; fi
}

# new_ready_plan PLAN STUDENT: a plan from scu to cqu with everything its
# approval needs (bridge_plan_check_ready ()), so tests can approve it.
new_ready_plan () {
  "$cli" plan new "$1" --student "$2" --home scu --host cqu --term 2026-autumn \
    --student-number 2023141460001 --email lihua@stu.scu.edu.cn --birth-date 2004-05-06 --nationality CN \
    --isced 0613 --language en --cefr B2 --home-faculty "College of Computer Science" \
    --home-responsible 王芳 --home-position "Exchange coordinator" --home-email wangfang@scu.edu.cn \
    --host-responsible "Zhang Wei" --host-position "International office" --host-email zhangwei@cqu.edu.cn
}
