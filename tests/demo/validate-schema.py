#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate a catalog feed and every line of its course files against the
feed's JSON Schema (draft 2020-12, formats checked).

    validate-schema.py SCHEMA FEED
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feedcheck  # noqa: E402


def main(argv):
    if len(argv) != 3:
        print("usage: validate-schema.py SCHEMA FEED", file=sys.stderr)
        return 2
    schema = feedcheck.load_schema(argv[1])
    problems = feedcheck.schema_problems(schema, argv[2])
    for p in problems:
        print("error: %s" % p)
    if problems:
        print("%s: %d schema problems" % (argv[2], len(problems)))
        return 1
    print("%s: valid against %s" % (argv[2], argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
