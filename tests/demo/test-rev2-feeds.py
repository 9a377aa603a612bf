#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The hand-made feeds of revision 2 are what they claim to be, by the
feed contract's own checker: tests/core/feeds/rev2-register/ is valid with
no warning, and each case of tests/core/bad-rev2/ (make-rev2-corpus.py)
breaks a rule at the place its expected.txt names. So that a reader that
refuses them is refusing what the spec refuses.

    test-rev2-feeds.py SCHEMA TESTS_CORE_DIR
"""

import filecmp
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import feedcheck  # noqa: E402

SCHEMA = CORE = None


def problems(feed_path):
    """Schema problems, or else the errors and warnings of the checks beyond it."""
    found = feedcheck.schema_problems(feedcheck.load_schema(SCHEMA), feed_path)
    if found:
        return found
    result, _ = feedcheck.semantic_check(feed_path)
    return result.errors + result.warnings


class Rev2Feeds(unittest.TestCase):
    def test_register_is_valid(self):
        self.assertEqual(problems(os.path.join(CORE, "feeds", "rev2-register", "feed.json")), [])

    def test_each_bad_case_is_refused_at_its_place(self):
        bad = os.path.join(CORE, "bad-rev2")
        names = sorted(n for n in os.listdir(bad) if n.startswith("rev2-"))
        self.assertGreaterEqual(len(names), 15)
        for name in names:
            with self.subTest(case=name):
                with open(os.path.join(bad, name, "expected.txt"), encoding="utf-8") as f:
                    place = f.readline().strip()
                found = problems(os.path.join(bad, name, "feed.json"))
                self.assertTrue(found, "accepted")
                self.assertTrue(found[0].startswith(place + ":") or found[0].startswith(place + "."),
                                "%s: the first problem is %r" % (place, found[0]))

    def test_cases_are_what_the_script_writes(self):
        with tempfile.TemporaryDirectory(prefix="bad-rev2-") as out:
            subprocess.run([sys.executable, os.path.join(CORE, "make-rev2-corpus.py"), out],
                           check=True, stdout=subprocess.DEVNULL)
            bad = os.path.join(CORE, "bad-rev2")
            self.assertEqual(sorted(os.listdir(bad)), sorted(os.listdir(out)))
            for name in os.listdir(out):
                if name == "README.md":
                    self.assertTrue(filecmp.cmp(os.path.join(bad, name), os.path.join(out, name), shallow=False))
                    continue
                for f in ("feed.json", "expected.txt"):
                    self.assertTrue(filecmp.cmp(os.path.join(bad, name, f), os.path.join(out, name, f),
                                                shallow=False), "%s/%s: rerun make-rev2-corpus.py" % (name, f))


if __name__ == "__main__":
    SCHEMA, CORE = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
