#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The committed demo catalog is what make-demo-catalog.py writes, byte for
byte, and data/catalog/meson.build installs every course file it lists.

    test-regenerate.py CATALOG_DIR
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

CATALOG = None


class Regenerate(unittest.TestCase):
    def test_committed_files_match_the_generator(self):
        with tempfile.TemporaryDirectory(prefix="demo-catalog-") as out:
            subprocess.run([sys.executable, os.path.join(CATALOG, "make-demo-catalog.py"), "--out", out],
                           check=True, stdout=subprocess.DEVNULL)
            written = sorted(["feed.json"] + ["courses/" + n for n in os.listdir(os.path.join(out, "courses"))])
            committed = sorted(["feed.json"] + ["courses/" + n
                                                for n in os.listdir(os.path.join(CATALOG, "courses"))])
            self.assertEqual(committed, written)
            match, mismatch, errors = filecmp.cmpfiles(CATALOG, out, written, shallow=False)
            self.assertEqual((mismatch, errors), ([], []),
                             "edit make-demo-catalog.py and rerun it; do not edit its output")

    def test_generator_is_deterministic(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for out in (a, b):
                subprocess.run([sys.executable, os.path.join(CATALOG, "make-demo-catalog.py"), "--out", out],
                               check=True, stdout=subprocess.DEVNULL)
            self.assertTrue(filecmp.cmp(os.path.join(a, "feed.json"), os.path.join(b, "feed.json"), shallow=False))
            self.assertTrue(filecmp.cmp(os.path.join(a, "courses", "scu.jsonl"),
                                        os.path.join(b, "courses", "scu.jsonl"), shallow=False))

    def test_meson_installs_every_course_file(self):
        with open(os.path.join(CATALOG, "feed.json"), encoding="utf-8") as f:
            listed = sorted(json.load(f)["course_files"])
        with open(os.path.join(CATALOG, "meson.build"), encoding="utf-8") as f:
            installed = sorted(re.findall(r"'(courses/[^']+\.jsonl)'", f.read()))
        self.assertEqual(listed, installed)

    def test_one_course_per_line(self):
        with open(os.path.join(CATALOG, "feed.json"), encoding="utf-8") as f:
            feed = json.load(f)
        self.assertNotIn("courses", feed)
        for rel in feed["course_files"]:
            with open(os.path.join(CATALOG, rel), "rb") as f:
                data = f.read()
            self.assertTrue(data.endswith(b"\n"), rel)
            for n, line in enumerate(data.split(b"\n")[:-1], 1):
                with self.subTest(place="%s:%d" % (rel, n)):
                    self.assertIsInstance(json.loads(line), dict)


if __name__ == "__main__":
    CATALOG = sys.argv[1]
    unittest.main(argv=[sys.argv[0], "-v"])
