#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the fuzzer's seed corpus (tests/fuzz/corpus/feed/) from the demo catalog.

    tests/fuzz/make-seeds.py [OUT_DIR]

Each seed is one harness input: a root document, then up to two course files,
separated by the byte 0x1E (see fuzz-feed.h). The seeds are small (under
8 KiB, the -max_len of the fuzzing runs) and cut from data/catalog: two
universities with their real policies, scales, tables and terms, a few of
their courses and a certificate. valid-* seeds must be accepted by the
reader and invalid-* refused (the regression test checks it); the others
are a single course line and a feed with warnings.

Revision 2 of the feed (issue 17: the recognition register `equivalences`,
`credit_policy.rounding` and `credit_policy.term_load`) has seeds of its
own, valid-rev2-* and invalid-rev2-*, which the reader refuses as it does
every other invalid-* seed.
"""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "..", "data", "catalog")
SEP = "\x1e"



def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def load():
    with open(os.path.join(CATALOG, "feed.json"), encoding="utf-8") as f:
        feed = json.load(f)
    unis = {u["id"]: u for u in feed["universities"]}
    courses = {}
    for name in feed["course_files"]:
        with open(os.path.join(CATALOG, name), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    c = json.loads(line)
                    courses.setdefault(c["university"], []).append(c)
    return feed, unis, courses


def small_university(u, tables=2):
    """@u with @tables grading tables, as a university of revision 1."""
    u = copy.deepcopy(u)
    u["grading_tables"] = u.get("grading_tables", [])[:tables]
    for member in ("rounding", "term_load"):
        u["credit_policy"].pop(member, None)
    return u


def unis_of(feed):
    return {u["id"]: u for u in feed["universities"]}


def small_course(c, keep_prerequisites=()):
    c = copy.deepcopy(c)
    c.pop("description", None)
    c["learning_outcomes"] = c.get("learning_outcomes", [])[:1]
    pre = [p for p in c.get("prerequisites", []) if p in keep_prerequisites]
    if pre:
        c["prerequisites"] = pre
    else:
        c.pop("prerequisites", None)
    return c


def root(feed, universities, **extra):
    r = {
        "format": feed["format"],
        "version": feed["version"],
        "generated": feed["generated"],
        "x-demo": True,
        "alliance": feed["alliance"],
        "universities": universities,
    }
    r.update(extra)
    return r


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus", "feed")
    feed, unis, courses = load()
    a, b = unis["scu"], unis["cqu"]
    ua, ub = small_university(a), small_university(b, tables=1)
    ca = [small_course(c) for c in courses["scu"][:3]]
    cb = [small_course(c) for c in courses["cqu"][:2]]
    # A prerequisite across files and universities, resolved at the end.
    ca[1]["prerequisites"] = [cb[0]["id"]]
    cert = {
        "id": "ncre-2-python",
        "name": {"zh": "全国计算机等级考试二级", "en": "NCRE Level 2"},
        "issuer": {"zh": "教育部教育考试院", "en": "National Education Examinations Authority"},
        "level": "二级",
        "isced": "0613",
        "workload_hours": 72,
        "recognitions": [
            {"university": "scu", "credits": 2, "replaces": [ca[0]["id"]], "valid_years": 3},
            {"university": "cqu", "credits": 2, "replaces": []},
        ],
    }

    seeds = {}
    # Courses inline, one university.
    seeds["valid-inline.json"] = dumps(root(feed, [ua], courses=[small_course(c) for c in courses["scu"][:2]]))
    # Two course files, two universities, a certificate.
    seeds["valid-two-files.txt"] = (
        dumps(root(feed, [ua, ub], course_files=["courses/scu.jsonl", "courses/cqu.jsonl"], certificates=[cert]))
        + SEP + "\n".join(dumps(c) for c in ca) + "\n"
        + SEP + "\r\n".join(dumps(c) for c in cb) + "\r\n\n"
    )
    # Both inline courses and a file; pretty-printed root.
    seeds["valid-inline-and-file.txt"] = (
        json.dumps(root(feed, [ub], courses=[cb[0]], course_files=["more.jsonl"]), ensure_ascii=False, indent=2)
        + SEP + dumps(cb[1])
    )
    # Warnings: an unknown root member, a small grading table, credits off.
    w = small_university(a, tables=1)
    w["grading_tables"][0]["counts"] = [dict(g, count=3) for g in w["grading_tables"][0]["counts"]]
    wc = small_course(courses["scu"][0])
    wc["credits"] = wc["credits"] * 3
    seeds["warnings.json"] = dumps(root(feed, [w], courses=[wc], comment="unknown member"))
    # A course line alone, as the fuzzer may find it.
    seeds["course-line.jsonl"] = dumps(ca[0]) + "\n"
    # A few refusals, so that the error paths are seeds too.
    bad = copy.deepcopy(ca[0])
    bad["prerequisites"] = ["scu:nowhere"]
    seeds["invalid-dangling.txt"] = dumps(root(feed, [ua], course_files=["a.jsonl"])) + SEP + dumps(bad) + "\n"
    seeds["invalid-version.json"] = dumps(dict(root(feed, [ua]), version=2))
    seeds["invalid-truncated.json"] = seeds["valid-inline.json"][:700]
    seeds["invalid-empty-file.txt"] = dumps(root(feed, [ua], course_files=["a.jsonl"])) + SEP + "\n\n"
    dup = root(feed, [ua, ua])
    seeds["invalid-duplicate.json"] = dumps(dup)

    # Branches the first runs did not reach: each a valid feed with one change.
    def one_university(change):
        u = small_university(a, tables=1)
        change(u)
        return u
    pc = small_course(courses["scu"][0])
    pc["practice_weeks"] = 2
    twin = small_university(a, tables=1)
    twin["grading_tables"].append(copy.deepcopy(twin["grading_tables"][0]))
    seeds["valid-practice-and-twin-table.json"] = dumps(root(feed, [twin], courses=[pc]))
    seeds["invalid-counts-short.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_tables"][0].update(counts=u["grading_tables"][0]["counts"][:-1]))]))
    seeds["invalid-counts-zero.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_tables"][0].update(counts=[dict(g, count=0) for g in u["grading_tables"][0]["counts"]]))]))
    seeds["invalid-counts-absurd.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_tables"][0]["counts"][0].update(count=3000000000))]))
    seeds["invalid-lecture-zero.json"] = dumps(root(feed, [one_university(
        lambda u: u["credit_policy"]["periods_per_credit"].update(lecture=0))]))
    seeds["invalid-course-twice.txt"] = (
        dumps(root(feed, [ua], courses=[ca[0]], course_files=["a.jsonl"])) + SEP + dumps(ca[0]) + "\n")
    seeds["invalid-course-file-not-string.json"] = dumps(root(feed, [ua], course_files=[7]))
    bad = copy.deepcopy(ca[0])
    bad["languages"] = ["z"]
    seeds["invalid-language-tag.txt"] = dumps(root(feed, [ua], course_files=["a.jsonl"])) + SEP + dumps(bad) + "\n"

    # Entries that are not objects where objects go, and certificates that
    # break the rules: refusals the fuzzer had not reached after 47 minutes.
    seeds["invalid-grade-not-object.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_scales"][0]["grades"].append(7))]))
    seeds["invalid-scale-not-object.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_scales"].append("pct"))]))
    seeds["invalid-table-not-object.json"] = dumps(root(feed, [one_university(
        lambda u: u["grading_tables"].append([]))]))
    seeds["invalid-recognition-not-object.json"] = dumps(root(feed, [ua], courses=[ca[0]], certificates=[
        dict(cert, recognitions=[cert["recognitions"][0], "scu"])]))
    seeds["invalid-certificate-twice.json"] = dumps(root(feed, [ua], courses=[ca[0]], certificates=[
        dict(cert, recognitions=cert["recognitions"][:1])] * 2))
    seeds["invalid-certificate-level.json"] = dumps(root(feed, [ua], courses=[ca[0]], certificates=[
        dict(cert, level=2, recognitions=cert["recognitions"][:1])]))

    # Revision 2's credit policy: a home that rounds to the nearest with a
    # usual term load, and the two ways to get them wrong.
    seeds["valid-rounding-term-load.json"] = dumps(root(feed, [one_university(
        lambda u: u["credit_policy"].update(rounding="nearest", term_load={"min": 15, "max": 30}))],
        courses=[ca[0]]))
    seeds["invalid-rounding-unknown.json"] = dumps(root(feed, [one_university(
        lambda u: u["credit_policy"].update(rounding="up"))]))
    seeds["invalid-term-load-min-above-max.json"] = dumps(root(feed, [one_university(
        lambda u: u["credit_policy"].update(term_load={"min": 30, "max": 15}))]))

    rev2 = revision_2_seeds(feed, a, b, courses)
    seeds.update(rev2)
    write_seeds(out, seeds)


def revision_2_seeds(feed, a, b, courses):
    """Feeds of revision 2: a register with a decision of each kind, both
    roundings and term loads; and near misses that break one rule each."""
    ua = small_university(a, tables=1)
    ub = small_university(b, tables=1)
    ua["credit_policy"].update(rounding="down", term_load={"min": 15, "max": 28})
    ub["credit_policy"].update(rounding="nearest", term_load={"min": 15.5, "max": 28})
    # A third university, so that host courses can be of two universities.
    uc = small_university(unis_of(feed)["uestc"], tables=0)
    ca = [small_course(c) for c in courses["scu"][:3]]
    cb = [small_course(c) for c in courses["cqu"][:3]]
    cc = [small_course(courses["uestc"][0])]
    uc.pop("terms", None)
    cc[0].pop("terms", None)
    for c in ca + cb + cc:
        c.pop("learning_outcomes", None)
    grade = {"zh": "每门课程成绩不低于良好", "en": "with at least 良好 in each host course"}
    register = [
        # One for one, in force, with conditions.
        {"id": "scu:eq-2025-112-1", "home": "scu", "host_courses": [cb[0]["id"]], "home_courses": [ca[0]["id"]],
         "decided": "2025-03-18", "valid_until": "2028-08-31", "conditions": grade,
         "reference": "川大教〔2025〕112号"},
        # Expired; valid_until on the day it was decided is allowed.
        {"id": "scu:eq-2023-087-1", "home": "scu", "host_courses": [cb[1]["id"]], "home_courses": [ca[1]["id"]],
         "decided": "2023-06-12", "valid_until": "2025-08-31"},
        {"id": "scu:eq-2024-010-1", "home": "scu", "host_courses": [cb[2]["id"]], "home_courses": [ca[2]["id"]],
         "decided": "2024-02-29", "valid_until": "2024-02-29"},
        # Elective credits only.
        {"id": "cqu:eq-2024-045-1", "home": "cqu", "host_courses": [ca[2]["id"]], "home_courses": [],
         "home_credits": 2.5, "decided": "2024-04-10", "reference": "重大教〔2024〕45号"},
        # Two for two, with credits given.
        {"id": "cqu:eq-2024-045-2", "home": "cqu", "host_courses": [ca[0]["id"], ca[1]["id"]],
         "home_courses": [cb[0]["id"], cb[1]["id"]], "home_credits": 9.5, "decided": "2024-04-10",
         "conditions": {"zh": "每门课程成绩不低于中等"}},
    ]
    seeds = {}

    def rev2_root(unis=(ua, ub, uc), **extra):
        r = root(feed, [copy.deepcopy(u) for u in unis], courses=ca + cb + cc,
                 equivalences=copy.deepcopy(register))
        r["revision"] = 2
        r.update(extra)
        return r

    seeds["valid-rev2-register.json"] = dumps(rev2_root())
    # Without a register: only the policy's new members; revision 1 is still read.
    seeds["valid-rev2-policy-only.json"] = dumps(dict(root(feed, [ua, ub], courses=ca[:1] + cb[:1]), revision=2))
    # The register names courses of a course file, resolved at the end.
    seeds["valid-rev2-register-files.txt"] = (
        dumps(dict(root(feed, [ua, ub], course_files=["scu.jsonl", "cqu.jsonl"],
                        equivalences=register[:2]), revision=2))
        + SEP + "\n".join(dumps(c) for c in ca) + "\n" + SEP + "\n".join(dumps(c) for c in cb) + "\n")

    def near_miss(name, change):
        r = rev2_root()
        change(r)
        seeds["invalid-rev2-" + name] = dumps(r)

    eq = lambda r, i=0: r["equivalences"][i]  # noqa: E731
    near_miss("home-course-elsewhere.json", lambda r: eq(r).update(home_courses=[cb[2]["id"]]))
    near_miss("hosts-two-universities.json", lambda r: eq(r)["host_courses"].append(cc[0]["id"]))
    near_miss("host-of-home.json", lambda r: eq(r).update(host_courses=[ca[1]["id"]]))
    near_miss("host-twice.json", lambda r: eq(r, 4)["host_courses"].append(ca[0]["id"]))
    near_miss("dangling-host.json", lambda r: eq(r).update(host_courses=["cqu:nowhere"]))
    near_miss("dangling-home.json", lambda r: eq(r).update(home="nowhere"))
    near_miss("duplicate-id.json", lambda r: eq(r, 1).update(id=eq(r)["id"]))
    near_miss("valid-until-before-decided.json", lambda r: eq(r, 1).update(valid_until="2023-06-11"))
    near_miss("elective-without-credits.json", lambda r: eq(r, 3).pop("home_credits"))
    near_miss("no-host-course.json", lambda r: eq(r).update(host_courses=[]))
    near_miss("home-credits-zero.json", lambda r: eq(r, 3).update(home_credits=0))
    near_miss("decided-feb-30.json", lambda r: eq(r).update(decided="2026-02-30"))
    near_miss("valid-until-not-a-date.json", lambda r: eq(r).update(valid_until="2028-13-01"))
    near_miss("rounding-up.json", lambda r: r["universities"][0]["credit_policy"].update(rounding="up"))
    near_miss("term-load-min-above-max.json",
              lambda r: r["universities"][1]["credit_policy"].update(term_load={"min": 28, "max": 15}))
    near_miss("term-load-no-max.json", lambda r: r["universities"][1]["credit_policy"].update(term_load={"min": 15}))
    near_miss("equivalence-not-object.json", lambda r: r["equivalences"].append("scu:eq-2025-112-1"))
    near_miss("revision-zero.json", lambda r: r.update(revision=0))
    return seeds


def write_seeds(out, seeds):
    os.makedirs(out, exist_ok=True)
    for name, text in sorted(seeds.items()):
        data = text.encode("utf-8")
        if len(data) > 8192:
            sys.exit(f"{name}: {len(data)} bytes, more than -max_len=8192")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
