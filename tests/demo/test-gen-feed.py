#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/gen-feed.py writes a valid feed: 500 courses in 3 JSON Lines files,
valid against the schema, passing the checks beyond the schema with no
warnings, and the same bytes for the same seed.

    test-gen-feed.py SCHEMA GEN_FEED
"""

import filecmp
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feedcheck  # noqa: E402

SCHEMA = GEN = None


def generate(out, *extra):
    subprocess.run([sys.executable, GEN, "--courses", "500", "--out", out] + list(extra),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(out, "feed.json")


class GenFeed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="gen-feed-")
        cls.feed = generate(os.path.join(cls.tmp.name, "a"), "--seed", "7", "--files", "3")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_valid_against_schema(self):
        schema = feedcheck.load_schema(SCHEMA)
        self.assertEqual(feedcheck.schema_problems(schema, self.feed), [])

    def test_checks_beyond_schema(self):
        result, feed = feedcheck.semantic_check(self.feed)
        self.assertEqual(result.errors, [])
        self.assertEqual(result.warnings, [])
        self.assertEqual(result.courses, 500)
        self.assertEqual(len(feed["universities"]), 20)

    def test_files(self):
        result, feed = feedcheck.semantic_check(self.feed)
        self.assertEqual(len(feed["course_files"]), 3)
        base = os.path.dirname(self.feed)
        lines = []
        for rel in feed["course_files"]:
            with open(os.path.join(base, rel), encoding="utf-8") as f:
                lines.append(sum(1 for _ in f))
        self.assertEqual(sum(lines), 500)
        self.assertTrue(all(n >= 166 for n in lines), lines)

    def test_same_seed_same_bytes(self):
        again = generate(os.path.join(self.tmp.name, "b"), "--seed", "7", "--files", "3")
        base_a, base_b = os.path.dirname(self.feed), os.path.dirname(again)
        names = ["feed.json"] + ["courses/part-%02d.jsonl" % k for k in range(3)]
        match, mismatch, errors = filecmp.cmpfiles(base_a, base_b, names, shallow=False)
        self.assertEqual((mismatch, errors), ([], []))

    def test_other_seed_other_courses(self):
        other = generate(os.path.join(self.tmp.name, "c"), "--seed", "8", "--files", "3")
        self.assertFalse(filecmp.cmp(os.path.join(os.path.dirname(self.feed), "courses/part-00.jsonl"),
                                     os.path.join(os.path.dirname(other), "courses/part-00.jsonl"),
                                     shallow=False))

    def test_search_targets(self):
        """The benchmark's queries find something: 1-, 2- and 4-character
        Chinese, an English word and prefix, and codes with letters and digits."""
        titles = []

        def hook(place, c):
            titles.append((c["title"]["zh"], c["title"]["en"], c["code"]))
        r, _ = feedcheck.semantic_check(self.feed, hook)
        self.assertEqual(len(titles), 500)
        zh = [t[0] for t in titles]
        en = [t[1].lower() for t in titles]
        self.assertGreater(sum("学" in t for t in zh), 50)
        self.assertGreater(sum("数学" in t for t in zh), 5)
        self.assertGreater(sum(any(w.startswith("manage") for w in t.split()) for t in en), 0)
        self.assertTrue(all(any(ch.isalpha() for ch in t[2]) and any(ch.isdigit() for ch in t[2])
                            for t in titles))

    def test_bad_arguments(self):
        for args in (["--courses", "0"], ["--courses", "5", "--files", "6"], ["--courses", "x"]):
            with self.subTest(args=args), tempfile.TemporaryDirectory() as out:
                p = subprocess.run([sys.executable, GEN, "--out", out] + args,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    SCHEMA, GEN = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
