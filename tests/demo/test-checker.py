#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo tests are only as good as their checker: each case here breaks a
copy of the demo catalog in one way and asserts that the checker names the
place and the reason.

    test-checker.py SCHEMA CATALOG_DIR
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import feedcheck  # noqa: E402

SCHEMA = CATALOG = None


class Broken(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="demo-checker-")
        self.dir = os.path.join(self.tmp.name, "catalog")
        os.makedirs(os.path.join(self.dir, "courses"))
        shutil.copy(os.path.join(CATALOG, "feed.json"), self.dir)
        for name in os.listdir(os.path.join(CATALOG, "courses")):
            shutil.copy(os.path.join(CATALOG, "courses", name), os.path.join(self.dir, "courses"))
        self.feed_path = os.path.join(self.dir, "feed.json")
        with open(self.feed_path, encoding="utf-8") as f:
            self.feed = json.load(f)
        self.save()
        self.cqu_file = self.feed["course_files"].index("courses/cqu.jsonl")

    def tearDown(self):
        self.tmp.cleanup()

    def save(self):
        with open(self.feed_path, "w", encoding="utf-8") as f:
            json.dump(self.feed, f, ensure_ascii=False)

    def lines(self, name="scu.jsonl"):
        with open(os.path.join(self.dir, "courses", name), "rb") as f:
            return f.read().split(b"\n")[:-1]

    def set_lines(self, lines, name="scu.jsonl"):
        with open(os.path.join(self.dir, "courses", name), "wb") as f:
            f.write(b"".join(l + b"\n" for l in lines))

    def edit_course(self, n, fn, name="scu.jsonl"):
        lines = self.lines(name)
        c = json.loads(lines[n])
        fn(c)
        lines[n] = json.dumps(c, ensure_ascii=False).encode()
        self.set_lines(lines, name)

    def uni(self, uid="scu"):
        return next(u for u in self.feed["universities"] if u["id"] == uid)

    def check(self):
        result, _ = feedcheck.semantic_check(self.feed_path)
        return result

    def assertProblem(self, problems, place, reason):
        hits = [p for p in problems if p.startswith(place) and reason in p]
        self.assertTrue(hits, "no problem at %r saying %r in %r" % (place, reason, problems))

    def schema(self):
        return feedcheck.schema_problems(feedcheck.load_schema(SCHEMA), self.feed_path)

    # -- the unbroken copy passes ------------------------------------------

    def test_copy_is_clean(self):
        r = self.check()
        self.assertEqual((r.errors, r.warnings), ([], []))
        self.assertEqual(self.schema(), [])

    # -- checks beyond the schema: errors ------------------------------------

    def test_dangling_university(self):
        self.edit_course(3, lambda c: c.update(university="nowhere"))
        self.assertProblem(self.check().errors, "courses/scu.jsonl:4: $.university", "no university nowhere")

    def test_duplicate_course_id(self):
        lines = self.lines()
        self.set_lines(lines + [lines[0]])
        self.assertProblem(self.check().errors, "courses/scu.jsonl:%d: $.id" % (len(lines) + 1), "repeats")

    def test_duplicate_university_id(self):
        self.feed["universities"][1]["id"] = "scu"
        self.save()
        self.assertProblem(self.check().errors, "$.universities[1].id", "repeats")

    def test_counts_out_of_order(self):
        t = self.uni()["grading_tables"][0]
        t["counts"][0], t["counts"][1] = t["counts"][1], t["counts"][0]
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_tables[0].counts", "passing grades")

    def test_counts_missing_grade(self):
        self.uni()["grading_tables"][1]["counts"].pop()
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_tables[1].counts", "passing grades")

    def test_counts_all_zero(self):
        for c in self.uni()["grading_tables"][0]["counts"]:
            c["count"] = 0
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_tables[0].counts", "all counts are 0")

    def test_table_scale_dangling(self):
        self.uni()["grading_tables"][0]["scale"] = "gpa"
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_tables[0].scale", "no grading scale gpa")

    def test_bands_overlap(self):
        self.uni()["grading_scales"][0]["grades"][1]["max"] = 92
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_scales[0].grades", "overlaps")

    def test_min_above_max(self):
        g = self.uni()["grading_scales"][0]["grades"][4]
        g["min"], g["max"] = 59.99, 0
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].grading_scales[0].grades[4]", "min 59.99 is above max 0")

    def test_no_workload(self):
        self.edit_course(5, lambda c: (c.update(periods={"lecture": 0}), c.pop("workload_hours", None),
                                       c.pop("practice_weeks", None)))
        self.assertProblem(self.check().errors, "courses/scu.jsonl:6", "no workload")

    def test_dangling_prerequisite(self):
        self.edit_course(7, lambda c: c.update(prerequisites=["scu:none999"]), "cqu.jsonl")
        self.assertProblem(self.check().errors, "courses/cqu.jsonl:8: $.prerequisites[0]", "no course scu:none999")

    def test_prerequisite_at_other_university_resolves(self):
        first_cqu = json.loads(self.lines("cqu.jsonl")[0])["id"]
        self.edit_course(2, lambda c: c.update(prerequisites=[first_cqu]))
        self.assertEqual(self.check().errors, [])

    def test_dangling_term(self):
        self.edit_course(0, lambda c: c.update(terms=["2026-winter"]))
        self.assertProblem(self.check().errors, "courses/scu.jsonl:1: $.terms[0]", "no term 2026-winter")

    def test_dangling_grading_scale(self):
        self.edit_course(0, lambda c: c.update(grading_scale="pf"))   # SCU has no pass/fail scale
        self.assertProblem(self.check().errors, "courses/scu.jsonl:1: $.grading_scale", "no grading scale pf")

    def test_dangling_replaces(self):
        self.feed["certificates"][0]["recognitions"][0]["replaces"] = ["scu:nothing"]
        self.save()
        self.assertProblem(self.check().errors, "$.certificates[0].recognitions[0].replaces[0]", "no course scu:nothing")

    def test_dangling_recognition_university(self):
        self.feed["certificates"][1]["recognitions"][0]["university"] = "mit"
        self.save()
        self.assertProblem(self.check().errors, "$.certificates[1].recognitions[0].university", "no university mit")

    def test_nan(self):
        lines = self.lines()
        lines[9] = lines[9].replace(b'"credits":', b'"credits":NaN,"x":', 1)
        self.set_lines(lines)
        self.assertProblem(self.check().errors, "courses/scu.jsonl:10", "not a finite number")

    def test_huge_number_is_not_finite(self):
        lines = self.lines()
        lines[9] = lines[9].replace(b'"periods":{', b'"periods":{"seminar":1e999,', 1)
        self.set_lines(lines)
        self.assertProblem(self.check().errors, "courses/scu.jsonl:10", "not finite")

    def test_not_utf8(self):
        lines = self.lines()
        lines[11] = lines[11].replace(b'"zh":"', b'"zh":"\xff', 1)
        self.set_lines(lines)
        self.assertProblem(self.check().errors, "courses/scu.jsonl:12", "not valid UTF-8")

    def test_bom(self):
        with open(self.feed_path, "rb") as f:
            data = f.read()
        with open(self.feed_path, "wb") as f:
            f.write(b"\xef\xbb\xbf" + data)
        self.assertProblem(self.check().errors, self.feed_path, "byte order mark")

    def test_line_not_object(self):
        lines = self.lines()
        self.set_lines(lines[:3] + [b"[1, 2]"] + lines[3:])
        self.assertProblem(self.check().errors, "courses/scu.jsonl:4", "not a JSON object")

    def test_truncated_line(self):
        lines = self.lines()
        lines[0] = lines[0][:40]
        self.set_lines(lines)
        self.assertProblem(self.check().errors, "courses/scu.jsonl:1", "Expecting property name")

    def test_empty_course_file(self):
        self.set_lines([], "cqu.jsonl")
        self.assertProblem(self.check().errors, "$.course_files[%d]" % self.cqu_file, "is empty")

    def test_missing_course_file(self):
        self.feed["course_files"].append("courses/none.jsonl")
        self.save()
        self.assertProblem(self.check().errors, "$.course_files[20]", "does not exist")

    # -- revision 2: the recognition register and the term load ---------------

    def equivalence(self, i=0):
        return self.feed["equivalences"][i]

    def course_id(self, name, n=0):
        return json.loads(self.lines(name)[n])["id"]

    def test_register_home_course_of_another_university(self):
        self.equivalence()["home_courses"] = [self.course_id("uestc.jsonl")]
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].home_courses[0]",
                           "is a course of uestc, not of the home university scu")

    def test_register_host_courses_of_two_universities(self):
        self.equivalence()["host_courses"].append(self.course_id("uestc.jsonl"))
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].host_courses[1]",
                           "is a course of uestc, but the host courses before it are of cqu")

    def test_register_host_course_of_the_home(self):
        self.equivalence()["host_courses"] = [self.course_id("scu.jsonl", 5)]
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].host_courses[0]",
                           "is a course of the home university scu")

    def test_register_host_course_twice(self):
        e = self.equivalence()
        e["host_courses"].append(e["host_courses"][0])
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].host_courses[1]", "appears twice")

    def test_register_dangling_course(self):
        self.equivalence(3)["host_courses"] = ["sisu:none999"]
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[3].host_courses[0]", "no course sisu:none999")

    def test_register_dangling_home(self):
        self.equivalence()["home"] = "mit"
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].home", "no university mit")

    def test_register_valid_until_before_decided(self):
        self.equivalence().update(decided="2025-03-18", valid_until="2025-03-17")
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].valid_until",
                           "2025-03-17 is before the decision of 2025-03-18")

    def test_register_valid_on_the_day_it_is_decided(self):
        self.equivalence().update(decided="2025-03-18", valid_until="2025-03-18")
        self.save()
        self.assertEqual(self.check().errors, [])

    def test_register_elective_without_credits(self):
        e = next(e for e in self.feed["equivalences"] if not e["home_courses"])
        del e["home_credits"]
        self.save()
        i = self.feed["equivalences"].index(e)
        self.assertProblem(self.check().errors, "$.equivalences[%d]" % i, "no home_credits")

    def test_register_not_a_calendar_date(self):
        self.equivalence()["decided"] = "2026-02-30"
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[0].decided", "2026-02-30 is not a calendar date")

    def test_register_duplicate_id(self):
        self.equivalence(1)["id"] = self.equivalence(0)["id"]
        self.save()
        self.assertProblem(self.check().errors, "$.equivalences[1].id", "repeats")

    def test_term_load_min_above_max(self):
        self.uni()["credit_policy"]["term_load"] = {"min": 30, "max": 15}
        self.save()
        self.assertProblem(self.check().errors, "$.universities[0].credit_policy.term_load.min",
                           "min 30 is above max 15")

    def test_schema_unknown_rounding(self):
        self.uni()["credit_policy"]["rounding"] = "up"
        self.save()
        self.assertProblem(self.schema(), "$.universities[0].credit_policy.rounding", "is not one of")

    def test_schema_register_without_decided(self):
        del self.equivalence(2)["decided"]
        self.save()
        self.assertProblem(self.schema(), "$.equivalences[2]", "'decided' is a required property")

    def test_schema_register_without_host_course(self):
        self.equivalence(2)["host_courses"] = []
        self.save()
        self.assertProblem(self.schema(), "$.equivalences[2].host_courses", "[]")   # too short, non-empty

    # -- checks beyond the schema: warnings ----------------------------------

    def test_credits_disagree(self):
        self.edit_course(0, lambda c: c.update(credits=c["credits"] * 1.5))
        r = self.check()
        self.assertEqual(r.errors, [])
        self.assertProblem(r.warnings, "courses/scu.jsonl:1: $.credits", "policy of scu gives")

    def test_credits_within_25_percent(self):
        self.edit_course(0, lambda c: c.update(credits=c["credits"] * 1.2))
        self.assertEqual(self.check().warnings, [])

    def test_small_table(self):
        for c in self.uni("cqu")["grading_tables"][0]["counts"]:
            c["count"] = 20
        self.save()
        self.assertProblem(self.check().warnings, "$.universities[12].grading_tables[0].counts", "fewer than 100")

    def test_unknown_root_member(self):
        self.feed["extra"] = 1
        self.feed["x-extra"] = 1
        self.save()
        r = self.check()
        self.assertEqual(r.warnings, ["$.extra: unknown root member"])

    # -- the schema ----------------------------------------------------------

    def test_schema_missing_title(self):
        self.edit_course(2, lambda c: c.pop("title"))
        self.assertProblem(self.schema(), "courses/scu.jsonl:3", "'title' is a required property")

    def test_schema_wrong_type(self):
        self.edit_course(2, lambda c: c.update(credits="3"))
        self.assertProblem(self.schema(), "courses/scu.jsonl:3: $.credits", "is not of type 'number'")

    def test_schema_uppercase_id(self):
        self.edit_course(2, lambda c: c.update(id=c["id"].upper()))
        self.assertProblem(self.schema(), "courses/scu.jsonl:3: $.id", "does not match")

    def test_schema_bad_generated(self):
        self.feed["generated"] = "2026-11-20 10:00"
        self.save()
        self.assertProblem(self.schema(), "$.generated", "is not a 'date-time'")

    def test_schema_bad_term_date(self):
        self.uni()["terms"][0]["start"] = "2026-02-30"
        self.save()
        self.assertProblem(self.schema(), "$.universities[0].terms[0].start", "is not a 'date'")

    def test_schema_bad_website(self):
        self.uni()["website"] = "www.scu.edu.cn"
        self.save()
        self.assertProblem(self.schema(), "$.universities[0].website", "is not a 'uri'")

    def test_schema_unknown_version(self):
        self.feed["version"] = 2
        self.save()
        self.assertProblem(self.schema(), "$.version", "1 was expected")

    # -- the demo's own promises -----------------------------------------------

    def run_demo_check(self):
        return subprocess.run([sys.executable, os.path.join(HERE, "check-feed.py"), "--demo", "--strict",
                               self.feed_path], capture_output=True, text=True)

    def test_demo_check_passes_the_copy(self):
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_demo_check_wants_sixty_courses(self):
        lines = self.lines("cqnu.jsonl")
        self.set_lines(lines[:59], "cqnu.jsonl")
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.universities[19]: 59 courses, at least 60 expected", p.stdout)

    def test_demo_check_wants_twelve_and_eight(self):
        self.uni("cwnu")["city"] = {"zh": "重庆", "en": "Chongqing"}
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("11 in Sichuan and 9 in Chongqing", p.stdout)

    def test_demo_check_fails_on_warnings(self):
        self.edit_course(0, lambda c: c.update(credits=c["credits"] * 2))
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("error: (warning) courses/scu.jsonl:1: $.credits", p.stdout)

    def test_demo_check_wants_a_register(self):
        self.feed["equivalences"] = self.feed["equivalences"][:10]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.equivalences: 10 decisions, 30 to 50 expected", p.stdout)

    def test_demo_check_wants_term_loads(self):
        del self.uni("cqu")["credit_policy"]["term_load"]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.universities[12].credit_policy: term_load expected", p.stdout)

    def test_demo_check_wants_demo_marking(self):
        del self.feed["x-demo"]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.x-demo", p.stdout)

    def cert(self, cid):
        return next(c for c in self.feed["certificates"] if c["id"] == cid)

    def test_demo_check_wants_25_certificates(self):
        self.feed["certificates"] = self.feed["certificates"][:24]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.certificates: 24 certificates, at least 25 expected", p.stdout)

    def test_demo_check_wants_every_kind_of_certificate(self):
        self.feed["certificates"] = [c for c in self.feed["certificates"]
                                     if not c.get("isced", "").startswith("011") and c.get("isced") != "0232"]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.certificates: no certificate of teaching", p.stdout)

    def test_demo_check_wants_a_known_kind(self):
        i = next(i for i, c in enumerate(self.feed["certificates"]) if c["id"] == "cet-4")
        self.feed["certificates"][i]["isced"] = "0541"
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.certificates[%d].isced: 0541 is of none of the five kinds" % i, p.stdout)

    def test_demo_check_wants_eight_universities(self):
        for c in self.feed["certificates"]:
            c["recognitions"] = [dict(r, university="scu", replaces=[]) for r in c["recognitions"][:1]]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.certificates: recognised at 1 universities, at least 8 expected", p.stdout)

    def test_demo_check_wants_at_most_six_recognitions(self):
        cet6 = self.cert("cet-6")
        cet6["recognitions"].append({"university": "swu", "credits": 2, "replaces": []})
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        i = self.feed["certificates"].index(cet6)
        self.assertIn("$.certificates[%d].recognitions: 7 universities, 1 to 6 expected" % i, p.stdout)

    def test_demo_check_wants_bilingual_certificates(self):
        i = next(i for i, c in enumerate(self.feed["certificates"]) if c["id"] == "jlpt-n1")
        del self.feed["certificates"][i]["issuer"]["en"]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("$.certificates[%d]: name and issuer need en" % i, p.stdout)

    def test_demo_check_wants_replaced_courses_of_the_recognising_university(self):
        cet6 = self.cert("cet-6")
        cet6["recognitions"][0]["replaces"] = ["cqu:fl1006"]
        self.save()
        p = self.run_demo_check()
        self.assertEqual(p.returncode, 1)
        i = self.feed["certificates"].index(cet6)
        self.assertIn("$.certificates[%d].recognitions[0].replaces[0]: cqu:fl1006 is not a course of scu" % i,
                      p.stdout)


if __name__ == "__main__":
    SCHEMA, CATALOG = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
