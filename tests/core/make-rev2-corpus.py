#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad-input cases of feed revision 2 (issue 17, item 1).

Each case is a folder under bad-rev2/, shaped like those of bad/ (see
make-corpus.py): feed.json, the hand-made valid feed feeds/rev2-register/
with one rule of revision 2 broken, and expected.txt, the place the error
message must name (a JSON path). The reason is left to the reader's own
words: add it as a second line when the reader says it.

The cases are not run yet: test-feed runs every folder of bad/, and today's
reader accepts these feeds (it ignores "equivalences" and the policy's new
members with a warning). Once it refuses them, move them there:

    git mv tests/core/bad-rev2/rev2-* tests/core/bad/

and write them to bad/ from then on (BAD below). bad-rev2/README.md lists
the rule each case breaks. Run it from anywhere; it rewrites its folder
(or OUT_DIR, the first argument).
"""
import copy
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VALID = os.path.join(HERE, "feeds", "rev2-register", "feed.json")
BAD = os.path.join(HERE, "bad-rev2")

with open(VALID, encoding="utf-8") as f:
    BASE = json.load(f)

cases = {}


def case(name, place, rule, mutate):
    feed = copy.deepcopy(BASE)
    mutate(feed)
    cases["rev2-" + name] = (place, rule, feed)


def eq(feed, i):
    return feed["equivalences"][i]


def policy(feed, i):
    return feed["universities"][i]["credit_policy"]


# Every id resolves.
case("dangling-home", "$.equivalences[0].home", "every id resolves: `home` is not a university of the feed",
     lambda f: eq(f, 0).update(home="nowhere"))
case("dangling-home-course", "$.equivalences[0].home_courses[0]", "every id resolves: a home course that is not in the feed",
     lambda f: eq(f, 0).update(home_courses=["sa:nowhere"]))
case("dangling-host-course", "$.equivalences[0].host_courses[0]", "every id resolves: a host course that is not in the feed",
     lambda f: eq(f, 0).update(host_courses=["cb:nowhere"]))
case("duplicate-id", "$.equivalences[1].id", "`id` is unique among equivalences",
     lambda f: eq(f, 1).update(id=eq(f, 0)["id"]))
# Home courses belong to home; host courses to one other university, once each.
case("home-course-elsewhere", "$.equivalences[0].home_courses[0]",
     "every `home_courses` entry belongs to `home` (sc:ee2003 is of sc, home is sa)",
     lambda f: eq(f, 0).update(home_courses=["sc:ee2003"]))
case("host-courses-two-universities", "$.equivalences[0].host_courses[1]",
     "all `host_courses` belong to one university (cb:cs2008 of cb, then sc:ee2003 of sc)",
     lambda f: eq(f, 0)["host_courses"].append("sc:ee2003"))
case("host-course-of-home", "$.equivalences[0].host_courses[0]",
     "the host courses' university is not `home` (sa:ma101 for home sa)",
     lambda f: eq(f, 0).update(host_courses=["sa:ma101"]))
case("host-course-twice", "$.equivalences[4].host_courses[2]", "a host course appears at most once in one equivalence",
     lambda f: eq(f, 4)["host_courses"].append("sa:fl102"))
# Dates.
case("valid-until-before-decided", "$.equivalences[1].valid_until",
     "`valid_until` is not before `decided` (2023-06-11 before 2023-06-12)",
     lambda f: eq(f, 1).update(valid_until="2023-06-11"))
case("decided-not-a-date", "$.equivalences[0].decided", "a date is a calendar date (2026-02-30)",
     lambda f: eq(f, 0).update(decided="2026-02-30"))
case("valid-until-not-a-date", "$.equivalences[6].valid_until", "a date is a calendar date (2025-02-29)",
     lambda f: eq(f, 6).update(valid_until="2025-02-29"))
# Credits.
case("elective-without-credits", "$.equivalences[3]", "with empty `home_courses`, `home_credits` is present",
     lambda f: eq(f, 3).pop("home_credits"))
case("home-credits-zero", "$.equivalences[3].home_credits", "`home_credits` is a number > 0 (schema)",
     lambda f: eq(f, 3).update(home_credits=0))
case("no-host-course", "$.equivalences[0].host_courses", "`host_courses` has at least one course (schema)",
     lambda f: eq(f, 0).update(host_courses=[]))
case("missing-decided", "$.equivalences[2]", "`decided` is required (schema)",
     lambda f: eq(f, 2).pop("decided"))
case("equivalence-not-object", "$.equivalences[8]", "an equivalence is an object (schema)",
     lambda f: f["equivalences"].append("sa:eq-2025-112"))
# The credit policy's new members.
case("rounding-up", "$.universities[0].credit_policy.rounding", "`rounding` is \"down\" or \"nearest\" (schema)",
     lambda f: policy(f, 0).update(rounding="up"))
case("term-load-min-above-max", "$.universities[1].credit_policy.term_load",
     "a `term_load`'s `min` is not above its `max` (28 above 16)",
     lambda f: policy(f, 1).update(term_load={"min": 28, "max": 16}))
case("term-load-without-max", "$.universities[1].credit_policy.term_load", "`term_load` has `min` and `max` (schema)",
     lambda f: policy(f, 1).update(term_load={"min": 16}))


def main(out=BAD):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    rows = []
    for name, (place, rule, feed) in sorted(cases.items()):
        folder = os.path.join(out, name)
        os.makedirs(folder)
        with open(os.path.join(folder, "feed.json"), "w", encoding="utf-8") as f:
            json.dump(feed, f, ensure_ascii=False, indent=1)
            f.write("\n")
        with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8") as f:
            f.write(place + "\n")
        rows.append("| `%s` | %s | `%s` |" % (name, rule, place))
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(README % "\n".join(rows))
    print(f"{len(cases)} cases in {out}")


README = """# Bad inputs of feed revision 2 (waiting for the reader)

Written by `../make-rev2-corpus.py`; do not edit. Each folder is the valid
feed `../feeds/rev2-register/feed.json` with one rule of revision 2 of
`shared/spec/catalog-feed.md` broken, and `expected.txt`, the place (JSON
path) the reader's error must name. The folders have the shape of those of
`../bad/`; they wait here because today's reader accepts them (it ignores
`equivalences` and the policy's new members). Once it refuses them:
`git mv tests/core/bad-rev2/rev2-* tests/core/bad/`, and add the reason the
reader gives as a second line of each `expected.txt`.

The valid feed: three universities (sa rounds down, term load 15–28; cb
rounds to the nearest, 16–30; sc says neither, so the defaults apply), twelve
courses inline, and eight decisions: in force (`[0]`), expired (`[1]`), with
conditions (`[2]`, `[4]`, `[6]`, `[7]`), elective credits only (`[3]`, and
`[7]` with a condition on a pass/fail course), two host courses for one home
course (`[4]`), one host course for two home courses (`[5]`), and
`valid_until` on the day of `decided`, a 29 February (`[6]`).

| case | rule broken | place |
|---|---|---|
%s
"""


if __name__ == "__main__":
    main(*sys.argv[1:2])
