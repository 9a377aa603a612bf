#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a page documents every command and option of the CLI.

Usage: check-cli-help.py CREDIT_BRIDGE_CLI PAGE

PAGE is the help page (help/C/command-line.page, Mallard) or the manual
page's source (docs/man/credit-bridge-cli.1.scd, scdoc). Asks
credit-bridge-cli itself: `--help` lists the command groups, `GROUP --help`
their commands, `GROUP COMMAND --help` their options. Each command must
appear on the page as "GROUP COMMAND" (or the group alone when it has no
commands), and each long option as "--option". On the help page --help and
--db are documented once for all; the manual page names every option.
Prints what is missing.
"""

import os
import re
import subprocess
import sys

COMMON = {'--help', '--db'}


def run(cli, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    p = subprocess.run([cli, *args], capture_output=True, text=True, env=env, timeout=60)
    return p.stdout + p.stderr


def listed_commands(text):
    """Names in the indented "name  summary" listing of a usage text that
    names COMMAND in its usage (before its first empty line): the program's
    and a group's, not a command's, whose text may indent other lines."""
    usage = text.split('\n\n', 1)[0]
    if 'COMMAND' not in usage:
        return []
    names = []
    for line in text.splitlines():
        m = re.match(r'^  ([a-z][a-z-]*) +\S', line)
        if m and m.group(1) != 'credit-bridge-cli':
            names.append(m.group(1))
    return names


def options(text):
    return set(re.findall(r'^\s+(?:-[A-Za-z], )?(--[a-z][a-z-]*)', text, re.M))


def main():
    cli, page_path = sys.argv[1], sys.argv[2]
    with open(page_path, encoding='utf-8') as f:
        page = f.read()
    # the words a reader sees: markup gone, white space single
    if page_path.endswith('.scd'):
        common = set()
        text = re.sub(r'\s+', ' ', re.sub(r'[*_\\]', '', page))
    else:
        common = COMMON
        text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', '', page))

    groups = listed_commands(run(cli, '--help'))
    if not groups:
        print(f'{cli} --help lists no commands')
        return 1

    problems = []
    checked = 0
    for opt in sorted(options(run(cli, '--help')) - common):
        if not re.search(re.escape(opt) + r'(?![a-z-])', text):
            problems.append(f'the option {opt} of the program is not documented')
    for group in groups:
        commands = listed_commands(run(cli, group, '--help'))
        for words in ([[group, c] for c in commands] or [[group]]):
            checked += 1
            name = ' '.join(words)
            if not re.search(r'(^|[\s(])' + re.escape(name) + r'(\s|$)', text):
                problems.append(f'the command “{name}” is not documented')
                continue
            for opt in sorted(options(run(cli, *words, '--help')) - common):
                if not re.search(re.escape(opt) + r'(?![a-z-])', text):
                    problems.append(f'{name}: the option {opt} is not documented')

    for p in problems:
        print(f'{page_path}: {p}')
    print(f'{checked} commands of credit-bridge-cli checked, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
