# tap.sh: what the shell tests of tests/core share, sourced after they set
# $TMP (a scratch folder). TAP output: ok/not_ok count into $n and $failed;
# expect runs a command and keeps its stdout in $out and stderr in $err.
# SPDX-License-Identifier: GPL-3.0-or-later
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done; }

# expect STATUS NAME COMMAND...: runs COMMAND, keeps stdout in $out and stderr in $err.
expect () {
  local want="$1" name="$2"; shift 2
  "$@" > "$TMP/out" 2> "$TMP/err"
  local got=$?
  out=$(cat "$TMP/out"); err=$(cat "$TMP/err")
  if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit status $got, expected $want" "stderr: $err"; fi
}
contains () {
  local name="$1" haystack="$2" needle="$3"
  case "$haystack" in *"$needle"*) ok "$name" ;; *) not_ok "$name" "“$needle” not in: $haystack" ;; esac
}
lacks () {
  local name="$1" haystack="$2" needle="$3"
  case "$haystack" in *"$needle"*) not_ok "$name" "“$needle” should not be in: $haystack" ;; *) ok "$name" ;; esac
}
# json_is NAME PYTHON-EXPRESSION: evaluates it with `j` the JSON of $out
# (needs $TMP).
json_is () {
  local name="$1" expr="$2"
  if printf '%s' "$out" | /usr/bin/python3 -c "import json, sys; j = json.load(sys.stdin); sys.exit(0 if ($expr) else 1)" 2> "$TMP/py"; then
    ok "$name"
  else
    not_ok "$name" "not true: $expr" "$(cat "$TMP/py")" "$out"
  fi
}

# The plan: how many ran, and the exit status.
finish () {
  echo "1..$n"
  echo "# $((n - failed)) passed, $failed failed"
  [ $failed = 0 ]
}
