#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write N synthetic plans against the demo catalog, for the report benchmark.

    tests/bench/gen-plans.py --plans 10000 --out DIR [--seed 19] [--catalog data/catalog]

Deterministic: the same seed and N give the same files. Each plan goes from
one university of the demo catalog to another, in a term the host offers,
with 2 to 4 recognition groups of 1 or 2 host courses (of that term when the
host has enough) and 0 to 2 home courses; most have their grades, a
recognition record and the student's feedback after the stay, as a plan
file of format version 3 would (issue 19). The recognition record is made
up here (no grading engine): a line per home course with its credits, a home
grade for a passing host mark, and about one in six approximate. Files go
into DIR/NNN/ folders of 1,000, as an office would file them by year and
university, named plan-NNNNN.creditplan.
"""

import argparse
import json
import os
import random
import uuid


def load_catalog(folder):
    with open(os.path.join(folder, "feed.json"), encoding="utf-8") as f:
        feed = json.load(f)
    courses = {}
    for name in feed.get("course_files", []):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    c = json.loads(line)
                    courses.setdefault(c["university"], []).append(c)
    terms = {u["id"]: [t for t in u.get("terms", []) if t.get("start") and t.get("end")]
             for u in feed["universities"]}
    return [u["id"] for u in feed["universities"] if courses.get(u["id"])], courses, terms


def component(c):
    out = {"course": c["id"], "code": c["code"], "title": c["title"], "credits": float(c["credits"])}
    if c.get("workload_hours"):
        out["workload_hours"] = float(c["workload_hours"])
    return out


def make_plan(rng, n, universities, courses, terms):
    home, host = rng.sample(universities, 2)
    host_terms = terms.get(host) or [{"id": "2026-autumn", "start": "2026-09-01", "end": "2027-01-20"}]
    term = rng.choice(host_terms)
    offered = [c for c in courses[host] if term["id"] in c.get("terms", [])]
    pool = offered if len(offered) >= 8 else courses[host]
    host_courses = rng.sample(pool, min(len(pool), 8))
    home_courses = rng.sample(courses[home], min(len(courses[home]), 6))
    after_stay = rng.random() < 0.8
    groups, grades, recognition, feedback = [], {}, [], []
    for g in range(rng.randint(2, 4)):
        gid = "g%d" % (g + 1)
        hosts = [host_courses.pop() for _ in range(rng.choice((1, 1, 2))) if host_courses]
        homes = [home_courses.pop() for _ in range(rng.choice((0, 1, 1, 2))) if home_courses]
        if not hosts:
            break
        groups.append({"id": gid, "status": "approved",
                       "host": [component(c) for c in hosts],
                       "home": [component(c) for c in homes]})
        if not after_stay:
            continue
        marks = {c["id"]: rng.choice((55, 62, 68, 74, 79, 83, 88, 91, 95)) for c in hosts}
        graded = rng.random() < 0.9
        if graded:
            for cid, mark in marks.items():
                grades[cid] = str(mark)
        approximate = rng.random() < 1 / 6
        passed = graded and all(m >= 60 for m in marks.values())
        for c in homes:
            recognition.append({
                "group": gid, "course": c["id"], "code": c["code"], "title": c["title"],
                "credits": float(c["credits"]),
                "host_grades": ", ".join("%s=%s" % (h["code"], marks[h["id"]] if graded else "—")
                                         for h in hosts),
                "grade": ("A" if min(marks.values()) >= 85 else "B") if passed else None,
                "rule": "midpoint", "approximate": approximate,
                "reason": None if passed else "no grade yet",
            })
        for c in hosts:
            if rng.random() < 0.7:
                declared = c.get("workload_hours") or 36.0 * c["credits"]
                feedback.append({
                    "course": c["id"],
                    "hours": round(declared * rng.uniform(0.6, 1.5)),
                    "rating": rng.randint(1, 5),
                    **({"comment": "Synthetic comment %d" % rng.randint(1, 50)}
                       if rng.random() < 0.2 else {}),
                })
    plan = {
        "format": "credit-bridge-plan",
        "version": 3,
        "mobility_id": "cb-" + str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "student": {"name": "Student %05d" % n, "student_number": "S%07d" % n, "cycle": "bachelor"},
        "sending": {"university": home},
        "receiving": {"university": host},
        "mobility": {"academic_year": "2026/2027", "terms": [term["id"]],
                     "start": term.get("start"), "end": term.get("end")},
        "groups": groups,
        "approvals": [],
        "versions": [],
        "grades": grades,
    }
    if recognition:
        plan["recognition"] = recognition
    if feedback:
        plan["feedback"] = feedback
    return plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=19)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--catalog", default=os.path.join(here, "..", "..", "data", "catalog"))
    args = parser.parse_args()

    rng = random.Random(args.seed)
    universities, courses, terms = load_catalog(args.catalog)
    for n in range(1, args.plans + 1):
        folder = os.path.join(args.out, "%03d" % ((n - 1) // 1000))
        os.makedirs(folder, exist_ok=True)
        plan = make_plan(rng, n, universities, courses, terms)
        with open(os.path.join(folder, "plan-%05d.creditplan" % n), "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
