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
    u = copy.deepcopy(u)
    u["grading_tables"] = u.get("grading_tables", [])[:tables]
    return u


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
    os.makedirs(out, exist_ok=True)
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

    for name, text in sorted(seeds.items()):
        data = text.encode("utf-8")
        if len(data) > 8192:
            sys.exit(f"{name}: {len(data)} bytes, more than -max_len=8192")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
