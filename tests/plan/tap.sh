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
