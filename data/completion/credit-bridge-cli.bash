# bash completion for credit-bridge-cli                    -*- shell-script -*-
#
# Installed as bash-completion/completions/credit-bridge-cli. The commands,
# their options, which options take a value and the parameters of each
# command all come from the program's own --help (read in the C locale), so
# that nothing here goes out of date; the ids of universities, courses and
# certificates from `credit-bridge-cli __complete`, which only reads the
# cache (the one --db or $CREDIT_BRIDGE_DB names, else the default) and
# prints nothing when there is none.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# _credit_bridge_cli_help WORDS...: sets $help to the --help of the command
# WORDS, untranslated; asked once a Tab (the caller's $helps keeps them).
_credit_bridge_cli_help ()
{
  local key="_$*"
  if [[ ! -v helps[$key] ]]; then
    helps[$key]=$(LC_ALL=C.UTF-8 LANGUAGE='' "$cli" "$@" --help 2> /dev/null)
  fi
  help=${helps[$key]}
}

# The commands a help lists: its usage names COMMAND, and each command is a
# two-space-indented "name  summary" line.
_credit_bridge_cli_commands ()
{
  awk 'NR == 1, /^$/ { if (/COMMAND/) group = 1 }
       group && /^  [a-z][a-z0-9-]* +[^ ]/ && $1 != "credit-bridge-cli" { print $1 }'
}

# The options a help lists, one a line: "--long=ARG" or "--long", then the
# short form ("-o") when there is one, with the same "=ARG".
_credit_bridge_cli_options ()
{
  awk '/^ +(-[A-Za-z], )?--[a-z]/ {
         short = ""
         if ($1 ~ /^-[A-Za-z],$/) { short = substr($1, 1, 2); long = $2 } else long = $1
         print long
         if (short != "") { arg = long; sub(/^[^=]*/, "", arg); print short arg }
       }'
}

# The parameters of a leaf command's usage line, one a line, after
# [OPTION…] and before the " — summary"; an option and its value are left
# out, and brackets taken off.
_credit_bridge_cli_parameters ()
{
  awk '/^  credit-bridge-cli .*\[OPTION/ {
         sub(/ — .*/, ""); sub(/^.*\[OPTION[^]]*\] */, "")
         n = split($0, word, " ")
         for (i = 1; i <= n; i++) {
           if (word[i] ~ /^-/) { i++; continue }
           if (word[i] == "<") break
           gsub(/[][]/, "", word[i]); print word[i]
         }
         exit
       }'
}

# _credit_bridge_cli_ids KIND: ids of the cache, beginning with $cur.
_credit_bridge_cli_ids ()
{
  local -a db=()
  local ids
  [[ -n $db_path ]] && db=(--db "$db_path")
  ids=$("$cli" __complete "${db[@]}" "$1" "$cur" 2> /dev/null)
  [[ -n $ids ]] && mapfile -t -O ${#COMPREPLY[@]} COMPREPLY <<< "$ids"
  __ltrim_colon_completions "$cur"
}

# _credit_bridge_cli_value NAME OPTION: completes $cur as a value called
# NAME (an option's ARG, or a usage line's parameter).
_credit_bridge_cli_value ()
{
  local name=${1%%…*} option=$2
  name=${name%%=*}
  case $name in
    *UNIVERSITY*) _credit_bridge_cli_ids universities ;;
    *COURSE*) _credit_bridge_cli_ids courses ;;
    CERTIFICATE) _credit_bridge_cli_ids certificates ;;
    ID)
      if [[ $option == --university ]]; then
        _credit_bridge_cli_ids universities
      elif [[ -z $option && ${path[*]} == "certificate show" ]]; then
        _credit_bridge_cli_ids certificates
      fi ;;
    *.csv) _filedir csv ;;
    *FOLDER*|*FILE*|PATH|SOURCE|FEED) _filedir ;;
    PLAN) _filedir creditplan ;;
  esac
}

_credit_bridge_cli ()
{
  local cur prev words cword split
  _init_completion -s -n : || return

  local cli=${words[0]}
  [[ $cli == "~"/* ]] && cli=$HOME/${cli#"~"/}
  local db_path=${CREDIT_BRIDGE_DB-}
  local -a path=() positional=()
  local -A helps=()
  local help top_help options word value_of="" ended="" i

  _credit_bridge_cli_help
  top_help=$help
  # Walk what was typed before the word being completed.
  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    if [[ -n $value_of ]]; then
      [[ $value_of == --db ]] && db_path=$word
      value_of=""
    elif [[ -n $ended ]]; then
      positional+=("$word")
    elif [[ $word == -- ]]; then
      ended=1
    elif [[ $word == --db ]]; then
      value_of=--db
    elif [[ $word == --db=* ]]; then
      db_path=${word#--db=}
    elif [[ $word == -* ]]; then
      # An option of the command: does it take a value?
      _credit_bridge_cli_help "${path[@]}"
      if [[ $word != *=* ]] && _credit_bridge_cli_options <<< "$help" | grep -qx -- "$word=.*"; then
        value_of=$word
      fi
    elif ((${#positional[@]} == 0)) && _credit_bridge_cli_help "${path[@]}" &&
        _credit_bridge_cli_commands <<< "$help" | grep -qx -- "$word"; then
      path+=("$word")
    else
      positional+=("$word")
    fi
  done
  [[ $db_path == "~"/* ]] && db_path=$HOME/${db_path#"~"/}

  COMPREPLY=()
  _credit_bridge_cli_help "${path[@]}"
  options=$(_credit_bridge_cli_options <<< "$help")

  # The value of an option.
  if [[ $prev == --db ]]; then
    _filedir
    return
  fi
  if [[ $prev == -* ]] && [[ -z $ended ]]; then
    local arg
    arg=$(grep -m1 -x -- "$prev=.*" <<< "$options")
    if [[ -n $arg ]]; then
      _credit_bridge_cli_value "${arg#*=}" "$prev"
      return
    fi
  fi
  [[ $split == true ]] && return

  # An option.
  if [[ $cur == -* ]] && [[ -z $ended ]]; then
    local names
    # The command's options; the program's own: those its --help names.
    names=$({
      sed -n 's/^\(--[a-z][a-z0-9-]*\).*/\1/p' <<< "$options"
      ((${#path[@]} == 0)) && grep -o -- '--[a-z][a-z-]*' <<< "$top_help"
      printf '%s\n' --db --help
    } | sort -u)
    COMPREPLY=($(compgen -W '$names' -- "$cur"))
    return
  fi

  # A command of the program or of the group.
  local commands
  commands=$(_credit_bridge_cli_commands <<< "$help")
  if [[ -n $commands ]] && ((${#positional[@]} == 0)); then
    COMPREPLY=($(compgen -W '$commands' -- "$cur"))
    return
  fi

  # A parameter: the one the usage line names at this place; the first
  # one that may repeat ("HOST_COURSE…") takes every place after it.
  local -a parameters=()
  parameters=($(_credit_bridge_cli_parameters <<< "$help"))
  local n=${#positional[@]} j
  for ((j = 0; j < ${#parameters[@]}; j++)); do
    if ((j == n)) || [[ ${parameters[j]} == *… ]]; then
      _credit_bridge_cli_value "${parameters[j]}" ""
      return
    fi
  done
} &&
  complete -F _credit_bridge_cli credit-bridge-cli

# ex: filetype=sh
