#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Apply the catalog feed spec's "Checks beyond the schema" to a feed.

    check-feed.py [--strict] [--demo] [--courses N] FEED

Errors always fail. --strict: warnings fail too. --demo: also check what the
bundled demo catalog promises (issue 2, item 12; issue 17, item 1). --courses N: the feed must
hold exactly N courses. Run validate-schema.py first: this script assumes the
feed follows the schema.
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feedcheck  # noqa: E402

SICHUAN_CITIES = {"成都", "绵阳", "南充", "雅安", "泸州", "自贡", "宜宾", "乐山", "德阳", "达州",
                  "眉山", "内江", "遂宁", "广元", "攀枝花", "广安", "巴中", "资阳", "西昌"}
CHONGQING_CITIES = {"重庆"}


class DemoFacts:
    """What the demo check needs to know about the courses, gathered in one pass."""

    def __init__(self):
        self.levels = set()
        self.cycles = set()
        self.languages = set()
        self.delivery = set()
        self.isced = {}
        self.titles_zh = set()
        self.titles_en = set()
        self.terms = {}
        self.problems = []
        self.with_workload = 0
        self.with_practice = 0
        self.with_description = 0
        self.with_prereq = 0
        self.cross_prereq = 0
        self.university = {}

    def course(self, place, c):
        u = c["university"]
        self.university[c["id"]] = u
        self.levels.add(c["level"])
        self.cycles.add(c["cycle"])
        self.languages.add(tuple(c["languages"]))
        self.delivery.add(c["delivery"])
        self.isced.setdefault(u, set()).add(c["isced"])
        self.titles_zh.add(c["title"].get("zh", ""))
        self.titles_en.add(c["title"].get("en", ""))
        self.terms.setdefault(u, set()).update(c.get("terms", []))
        if not (c["title"].get("zh") and c["title"].get("en")):
            self.problems.append("%s.title: not bilingual" % place)
        if not re.search(r"[A-Za-z]", c["code"]) or not re.search(r"[0-9]", c["code"]):
            self.problems.append("%s.code: %s has not both letters and digits" % (place, c["code"]))
        if not re.fullmatch(r"[0-9]{4}", c["isced"]):
            self.problems.append("%s.isced: %s is not a 4-digit field" % (place, c["isced"]))
        outcomes = c.get("learning_outcomes", [])
        if not 1 <= len(outcomes) <= 3:
            self.problems.append("%s.learning_outcomes: %d outcomes, 1 to 3 expected" % (place, len(outcomes)))
        for i, o in enumerate(outcomes):
            if not (o.get("zh") and o.get("en")):
                self.problems.append("%s.learning_outcomes[%d]: not bilingual" % (place, i))
        self.with_workload += "workload_hours" in c
        self.with_practice += c.get("practice_weeks", 0) > 0
        self.with_description += "description" in c
        self.with_prereq += bool(c.get("prerequisites"))
        self.cross_prereq += any(not p.startswith(u + ":") for p in c.get("prerequisites", []))


def demo_problems(feed, result, facts):
    p = list(facts.problems)
    if feed.get("x-demo") is not True:
        p.append("$.x-demo: the demo feed must say it is demo data")
    notice = feed.get("x-notice", {})
    if "演示" not in notice.get("zh", "") or "demo" not in notice.get("en", "").lower():
        p.append("$.x-notice: must say in Chinese and English that this is demo data")
    name = feed["alliance"]["name"]
    if "演示" not in name.get("zh", "") or "demo" not in name.get("en", "").lower():
        p.append("$.alliance.name: must say that this is demo data")

    unis = feed["universities"]
    if len(unis) != 20:
        p.append("$.universities: %d universities, 20 expected" % len(unis))
    sichuan = [u["id"] for u in unis if u["city"]["zh"] in SICHUAN_CITIES]
    chongqing = [u["id"] for u in unis if u["city"]["zh"] in CHONGQING_CITIES]
    if len(sichuan) != 12 or len(chongqing) != 8 or len(sichuan) + len(chongqing) != len(unis):
        p.append("$.universities: %d in Sichuan and %d in Chongqing, 12 and 8 expected"
                 % (len(sichuan), len(chongqing)))
    policies = set()
    table_shapes = set()
    digits = set()
    cycles = set()
    for i, u in enumerate(unis):
        up = "$.universities[%d]" % i
        for k in ("zh", "en"):
            if not u["name"].get(k) or not u["city"].get(k):
                p.append("%s: name and city need %s" % (up, k))
        if not u.get("hei_id") or not u.get("website"):
            p.append("%s: hei_id and website expected" % up)
        pol = u["credit_policy"]
        policies.add(repr(sorted((k, repr(v)) for k, v in pol.items())))
        scale_names = {s["name"].get("zh") for s in u["grading_scales"]}
        if not scale_names & {"百分制", "五级制"}:
            p.append("%s.grading_scales: a 百分制 or 五级制 scale expected" % up)
        tables = u.get("grading_tables", [])
        if len(tables) < 3:
            p.append("%s.grading_tables: %d tables, at least 3 expected" % (up, len(tables)))
        for t in tables:
            digits.add(len(t["isced"]))
            cycles.add(t["cycle"])
            total = sum(c["count"] for c in t["counts"])
            table_shapes.add(tuple(round(100.0 * c["count"] / total) for c in t["counts"]))
        n = result.courses_by_university.get(u["id"], 0)
        if n < 60:
            p.append("%s: %d courses, at least 60 expected" % (up, n))
        if len(facts.terms.get(u["id"], ())) < 2:
            p.append("%s: courses in fewer than 2 terms" % up)
        if len(facts.isced.get(u["id"], ())) < 5:
            p.append("%s: courses in fewer than 5 fields" % up)
    if len(policies) < 15:
        p.append("$.universities: only %d different credit policies" % len(policies))
    if digits != {2, 3, 4}:
        p.append("grading tables: broad, narrow and detailed fields expected, got %s digits" % sorted(digits))
    if not {"bachelor", "master"} <= cycles:
        p.append("grading tables: bachelor and master tables expected")
    if len(table_shapes) < 40:
        p.append("grading tables: only %d different distributions" % len(table_shapes))

    if facts.levels != {"general", "foundation", "core", "elective"}:
        p.append("courses: levels %s, all four expected" % sorted(facts.levels))
    if not {"bachelor", "master"} <= facts.cycles:
        p.append("courses: bachelor and master courses expected")
    if not {("zh",), ("en",), ("zh", "en")} <= facts.languages:
        p.append("courses: zh, en and bilingual courses expected, got %s" % sorted(facts.languages))
    if facts.delivery != {"on-campus", "online", "blended"}:
        p.append("courses: all delivery modes expected, got %s" % sorted(facts.delivery))
    for title in ("高等数学（上）", "数学建模"):
        if title not in facts.titles_zh:
            p.append("courses: %s expected (the search tests look for it)" % title)
    if "Ecology" not in facts.titles_en:
        p.append("courses: a course titled Ecology expected (the search tests look for it)")
    for what, n, least in (("workload_hours", facts.with_workload, 50),
                           ("practice_weeks", facts.with_practice, 30),
                           ("description", facts.with_description, 200),
                           ("prerequisites", facts.with_prereq, 100),
                           ("prerequisites at another university", facts.cross_prereq, 3)):
        if n < least:
            p.append("courses: %d with %s, at least %d expected" % (n, what, least))
    p += certificate_problems(feed, facts)
    p += revision_2_problems(feed)
    return p


# The five kinds of certificate the credit bank's demo shows (issue 18, item
# 6), by the ISCED-F field of the certificate; the Putonghua test belongs
# with teaching, every teacher needs it. A certificate of no field is a
# vocational one (first aid).
CERTIFICATE_KINDS = (
    ("computing", ("061",)),
    ("foreign languages", ("0231",)),
    ("accounting and finance", ("041",)),
    ("teaching", ("011", "0232")),
    ("vocational skills", ("07",)),
)


def certificate_kind(cert):
    isced = cert.get("isced")
    if isced is None:
        return "vocational skills"
    return next((kind for kind, prefixes in CERTIFICATE_KINDS if isced.startswith(prefixes)), None)


def certificate_problems(feed, facts):
    """What the demo promises of the credit bank (issue 18, item 6): enough
    certificates of every kind, recognised at many universities, each course
    they replace a course of the university that recognises them."""
    p = []
    certs = feed.get("certificates", [])
    if len(certs) < 25:
        p.append("$.certificates: %d certificates, at least 25 expected" % len(certs))
    kinds = {certificate_kind(c) for c in certs}
    for kind, _ in CERTIFICATE_KINDS:
        if kind not in kinds:
            p.append("$.certificates: no certificate of %s" % kind)
    universities = set()
    for i, c in enumerate(certs):
        cp = "$.certificates[%d]" % i
        for k in ("zh", "en"):
            if not c["name"].get(k) or not c["issuer"].get(k):
                p.append("%s: name and issuer need %s" % (cp, k))
        if certificate_kind(c) is None:
            p.append("%s.isced: %s is of none of the five kinds" % (cp, c["isced"]))
        if not 1 <= len(c["recognitions"]) <= 6:
            p.append("%s.recognitions: %d universities, 1 to 6 expected" % (cp, len(c["recognitions"])))
        for j, r in enumerate(c["recognitions"]):
            universities.add(r["university"])
            for k, cid in enumerate(r.get("replaces", [])):
                if facts.university.get(cid) != r["university"]:
                    p.append("%s.recognitions[%d].replaces[%d]: %s is not a course of %s"
                             % (cp, j, k, cid, r["university"]))
    if len(universities) < 8:
        p.append("$.certificates: recognised at %d universities, at least 8 expected" % len(universities))
    return p


# The register is seen from December 2026, after the feed was generated.
REGISTER_DAY = "2026-12-01"


def revision_2_problems(feed):
    """What the demo promises of feed revision 2 (issue 17, item 1)."""
    p = []
    if feed.get("revision") != 2:
        p.append("$.revision: the demo feed must say revision 2")
    roundings = set()
    for i, u in enumerate(feed["universities"]):
        pol = u["credit_policy"]
        for member in ("rounding", "term_load"):
            if member not in pol:
                p.append("$.universities[%d].credit_policy: %s expected" % (i, member))
        roundings.add(pol.get("rounding"))
    if not {"down", "nearest"} <= roundings:
        p.append("$.universities: both roundings expected, got %s" % sorted(r for r in roundings if r))
    register = feed.get("equivalences", [])
    expired = sum(e.get("valid_until", "9999") < REGISTER_DAY for e in register)
    conditions = sum("conditions" in e for e in register)
    elective = sum(not e["home_courses"] for e in register)
    homes = len({e["home"] for e in register})
    if not 30 <= len(register) <= 50:
        p.append("$.equivalences: %d decisions, 30 to 50 expected" % len(register))
    for what, n, least in (("expired", expired, 5), ("with conditions", conditions, 5),
                           ("granting elective credits only", elective, 5), ("home universities", homes, 15)):
        if n < least:
            p.append("$.equivalences: %d %s, at least %d expected" % (n, what, least))
    return p


def main():
    ap = argparse.ArgumentParser(description="Apply the catalog feed checks beyond the schema.")
    ap.add_argument("--strict", action="store_true", help="warnings fail too")
    ap.add_argument("--demo", action="store_true", help="check the demo catalog's promises")
    ap.add_argument("--courses", type=int, help="the feed must hold exactly this many courses")
    ap.add_argument("feed")
    args = ap.parse_args()

    facts = DemoFacts()
    try:
        result, feed = feedcheck.semantic_check(args.feed, facts.course if args.demo else None)
    except (KeyError, TypeError, AttributeError) as e:
        print("error: %s does not follow the schema (%s: %s); run validate-schema.py"
              % (args.feed, type(e).__name__, e))
        return 1
    failures = list(result.errors)
    for w in result.warnings:
        print("warning: %s" % w)
    if args.strict:
        failures += ["(warning) " + w for w in result.warnings]
    if args.courses is not None and result.courses != args.courses:
        failures.append("%s: %d courses, %d expected" % (args.feed, result.courses, args.courses))
    if args.demo and feed is not None:
        failures += demo_problems(feed, result, facts)
    for f in failures:
        print("error: %s" % f)
    per = result.courses_by_university
    print("%s: %d universities, %d courses (%s), %d errors, %d warnings"
          % (args.feed, len(per), result.courses,
             ", ".join("%s %d" % (k, per[k]) for k in sorted(per)) if len(per) <= 30 else "…",
             len(result.errors), len(result.warnings)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
