#!/usr/bin/env python3
"""Writes the bad-input corpus of the catalog feed reader.

Each case is a folder under bad/ holding a feed (feed.json, and course files
where the case needs them) that breaks one rule of catalog-feed.md, and
expected.txt: lines that the error message must contain (the place, then the
reason). The cases start from the valid feed in feeds/minimal/.

Run it from anywhere; it rewrites bad/ entirely.
"""
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
MINIMAL = os.path.join(HERE, "feeds", "minimal")
BAD = os.path.join(HERE, "bad")

with open(os.path.join(MINIMAL, "feed.json"), encoding="utf-8") as f:
    BASE = json.load(f)
with open(os.path.join(MINIMAL, "courses.jsonl"), encoding="utf-8") as f:
    LINES = [json.loads(line) for line in f if line.strip()]

cases = {}


def case(name, expected, feed=None, raw=None, files=None):
    cases[name] = (expected, feed, raw, files)


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1)


def jsonl(objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def feed(mutate):
    f = copy.deepcopy(BASE)
    mutate(f)
    return f


def lines(mutate):
    ls = copy.deepcopy(LINES)
    mutate(ls)
    return {"courses.jsonl": jsonl(ls)}


# Syntax and bytes
case("truncated-json", ["feed.json:", "Parse error"], raw=dump(BASE)[:300])
case("empty-file", ["feed.json", "empty"], raw="")
case("not-utf8", ["feed.json:", "not valid UTF-8"],
     raw=dump(BASE).encode("utf-8").replace(b"Alpha", b"Al\xffha", 1))
case("byte-order-mark", ["feed.json:1:1", "byte order mark"], raw="\ufeff" + dump(BASE))
case("nul-byte", ["feed.json:", "NUL"], raw=dump(BASE).replace("Alpha", "Al\u0000pha", 1))
case("nesting-10000-deep", ["feed.json:", "nested more than"],
     feed=None, raw='{"format": "credit-bridge-catalog", "x-deep": ' + "[" * 10000 + "]" * 10000 + "}")
# Brackets inside a string with escaped quotes and an escaped backslash are
# text; the line and column of the bracket too deep are those of the file.
DEEP_PREFIX = '{"x-note": "\\"[[[[\\" 数学\\\\", "x-deep": '
case("course-line-nesting-after-escapes",
     ["courses.jsonl:2:%d: the JSON is nested more than 64 levels deep" % (len(DEEP_PREFIX) + 64)],
     files={"courses.jsonl": jsonl(LINES[:1]) + DEEP_PREFIX + "[" * 100 + "]" * 100 + "}\n" + jsonl(LINES[1:])})
case("root-not-object", ["$", "a feed is a JSON object"], raw="[1, 2, 3]")

case("university-not-object", ["$.universities[1]", "expected a university object, found a string"],
     feed=feed(lambda f: f["universities"].__setitem__(1, "cb")))
case("scale-not-object", ["$.universities[0].grading_scales[1]", "expected a grading scale object, found a number"],
     feed=feed(lambda f: f["universities"][0]["grading_scales"].__setitem__(1, 5)))
case("term-not-object", ["$.universities[1].terms[0]", "expected a term object, found a string"],
     feed=feed(lambda f: f["universities"][1]["terms"].__setitem__(0, "2026-autumn")))
case("certificate-not-object", ["$.certificates[0]", "expected a certificate object, found an array"],
     feed=feed(lambda f: f["certificates"].__setitem__(0, [])))

# Version and format
case("unknown-version", ["$.version", "unknown feed format version 2;"], feed=feed(lambda f: f.update(version=2)))
case("version-is-string", ["$.version", "expected a number"], feed=feed(lambda f: f.update(version="1")))
case("wrong-format", ["$.format", "not a catalog feed"], feed=feed(lambda f: f.update(format="ical")))
case("generated-not-date-time", ["$.generated", "RFC 3339"], feed=feed(lambda f: f.update(generated="yesterday")))

# Missing required members
case("missing-universities", ["$", "“universities” is missing"], feed=feed(lambda f: f.pop("universities")))
case("missing-alliance-hours", ["$.alliance", "“hours_per_credit” is missing"],
     feed=feed(lambda f: f["alliance"].pop("hours_per_credit")))
case("missing-course-title", ["courses.jsonl:2: $", "“title” is missing"],
     files=lines(lambda ls: ls[1].pop("title")))
case("missing-policy", ["$.universities[1]", "“credit_policy” is missing"],
     feed=feed(lambda f: f["universities"][1].pop("credit_policy")))
case("empty-universities", ["$.universities", "at least 1 item"], feed=feed(lambda f: f.update(universities=[])))

# Wrong types
case("credits-is-string", ["$.courses[0].credits", "expected a number, found a string"],
     feed=feed(lambda f: f["courses"][0].update(credits="3")))
case("title-is-string", ["courses.jsonl:1: $.title", "localised text"],
     files=lines(lambda ls: ls[0].update(title="Ecology")))
case("languages-not-array", ["$.courses[0].languages", "expected an array"],
     feed=feed(lambda f: f["courses"][0].update(languages="zh")))
case("count-not-integer", ["$.universities[0].grading_tables[0].counts[1].count", "whole number"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0]["counts"][1].update(count=12.5)))
case("count-negative", ["$.universities[0].grading_tables[0].counts[0].count", "must not be negative"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0]["counts"][0].update(count=-3)))
case("unknown-level", ["$.courses[0].level", "“advanced” is not one of"],
     feed=feed(lambda f: f["courses"][0].update(level="advanced")))
case("bad-identifier", ["$.universities[0].id", "is not an identifier"],
     feed=feed(lambda f: f["universities"][0].update(id="Sichuan Alpha")))
case("bad-isced", ["courses.jsonl:1: $.isced", "ISCED-F code"], files=lines(lambda ls: ls[0].update(isced="06130")))
# The rules of bridge-validate.h, which the plan and its exports follow too:
# a broad field of ISCED-F 2013 (00 to 10, 99), a BCP 47 tag, a real day.
case("isced-unknown-field", ["courses.jsonl:1: $.isced", "“55” is not an ISCED-F code"],
     files=lines(lambda ls: ls[0].update(isced="55")))
case("table-isced-unknown-field", ["$.universities[0].grading_tables[1].isced", "“5513” is not an ISCED-F code"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][1].update(isced="5513")))
case("language-not-a-tag", ["$.courses[0].languages[0]", "“zh_CN” is not a language tag"],
     feed=feed(lambda f: f["courses"][0].update(languages=["zh_CN"])))
case("term-start-not-a-day", ["$.universities[1].terms[0].start", "“2026-02-30” is not a date"],
     feed=feed(lambda f: f["universities"][1]["terms"][0].update(start="2026-02-30")))
case("unknown-period-kind", ["$.courses[0].periods.workshop", "unknown kind of teaching"],
     feed=feed(lambda f: f["courses"][0]["periods"].update(workshop=4)))

# References and duplicates
case("dangling-university", ["courses.jsonl:1: $.university", "“nowhere” is not in the feed"],
     files=lines(lambda ls: ls[0].update(university="nowhere")))
case("dangling-scale", ["$.courses[0].grading_scale", "“letters” is not defined"],
     feed=feed(lambda f: f["courses"][0].update(grading_scale="letters")))
case("dangling-term", ["$.courses[0].terms[0]", "“2031-spring” is not defined"],
     feed=feed(lambda f: f["courses"][0].update(terms=["2031-spring"])))
case("dangling-prerequisite", ["courses.jsonl:2: $.prerequisites[0]", "“sa:nope101” is not in the feed"],
     files=lines(lambda ls: ls[1].update(prerequisites=["sa:nope101"])))
case("dangling-replaces", ["$.certificates[0].recognitions[0].replaces[0]", "“sa:gone” is not in the feed"],
     feed=feed(lambda f: f["certificates"][0]["recognitions"][0].update(replaces=["sa:gone"])))
case("dangling-table-scale", ["$.universities[0].grading_tables[0].scale", "is not defined by this university"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0].update(scale="nope")))
case("duplicate-university", ["$.universities[1].id", "“sa” is defined twice"],
     feed=feed(lambda f: f["universities"][1].update(id="sa")))
case("duplicate-course-across-files", ["courses.jsonl:1: $.id", "is defined twice"],
     files=lines(lambda ls: ls[0].update(id=BASE["courses"][0]["id"])))
case("duplicate-course-in-file", ["courses.jsonl:2: $.id", "is defined twice"],
     files=lines(lambda ls: ls[1].update(id=ls[0]["id"])))
case("duplicate-scale", ["$.universities[0].grading_scales[1].id", "defined twice"],
     feed=feed(lambda f: f["universities"][0]["grading_scales"][1].update(id=f["universities"][0]["grading_scales"][0]["id"])))
case("duplicate-certificate", ["$.certificates[1].id", "defined twice"],
     feed=feed(lambda f: f["certificates"].append(copy.deepcopy(f["certificates"][0]))))

# Grading tables and scales
case("table-counts-missing-grade", ["$.universities[0].grading_tables[0].counts", "stop before the passing grade"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0]["counts"].pop()))
case("table-counts-wrong-order", ["$.universities[0].grading_tables[0].counts[0].grade", "expected the passing grade"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0]["counts"].reverse()))
case("table-counts-failing-grade", ["$.universities[0].grading_tables[0].counts[4].grade", "one too many"],
     feed=feed(lambda f: f["universities"][0]["grading_tables"][0]["counts"].append({"grade": "不及格", "count": 10})))
case("table-all-zero", ["$.universities[0].grading_tables[0].counts", "all counts are 0"],
     feed=feed(lambda f: [c.update(count=0) for c in f["universities"][0]["grading_tables"][0]["counts"]]))
case("grade-min-above-max", ["$.universities[0].grading_scales[0].grades[1].min", "above “max”"],
     feed=feed(lambda f: f["universities"][0]["grading_scales"][0]["grades"][1].update(min=95, max=89.99)))
case("grade-bands-overlap", ["$.universities[0].grading_scales[0].grades[1]", "overlap"],
     feed=feed(lambda f: f["universities"][0]["grading_scales"][0]["grades"][1].update(min=85, max=95)))
case("grade-min-without-max", ["$.universities[0].grading_scales[0].grades[0].min", "give both or neither"],
     feed=feed(lambda f: f["universities"][0]["grading_scales"][0]["grades"][0].pop("max")))

# Numbers
case("absurd-periods", ["courses.jsonl:1: $.periods.lecture", "absurd"],
     files=lines(lambda ls: ls[0]["periods"].update(lecture=1e9)))
# json-glib holds no number beyond these: each is refused as written, where it
# is, before it can become another (issue 15, item 3 for feeds).
case("huge-periods", ["courses.jsonl:1: $.periods.lecture", "the number 1e+308 is out of range"],
     files=lines(lambda ls: ls[0]["periods"].update(lecture=1e308)))
case("not-finite-number", ["courses.jsonl:1: $.credits", "the number 1e999 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": 1e999', 1)})
case("course-line-huge-integer", ["courses.jsonl:2: $.credits", "the number 99999999999999999999 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": 99999999999999999999', 2)
            .replace('"credits": 99999999999999999999', '"credits": 3', 1)})
case("course-line-integer-over-2-64", ["courses.jsonl:1: $.credits", "the number 18446744073709551619 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": 18446744073709551619', 1)})
case("course-line-huge-negative", ["courses.jsonl:3: $.periods.lecture", "the number -99999999999999999999 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"periods": {"lecture": 16}', '"periods": {"lecture": -99999999999999999999}', 1)})
case("course-line-huge-in-array", ["courses.jsonl:1: $.x-weights[2]", "out of range"],
     files=lines(lambda ls: ls[0].update({"x-weights": [1, 2, 10 ** 30]})))
# The boundary where the check reads a number's value (issue 20): 15 digits
# and no exponent are below 10^15 unread, and the credit check finds that
# absurd; 16 digits are read and refused.
case("course-line-15-digits", ["courses.jsonl:1: $.seats", "absurd"],
     files=lines(lambda ls: ls[0].update(seats=999999999999999)))
case("course-line-16-digits", ["courses.jsonl:1: $.credits", "the number 1000000000000001 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": 1000000000000001', 1)})
case("course-line-16-digits-decimal", ["courses.jsonl:1: $.credits", "the number 1000000000000000.5 is out of range"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": 1000000000000000.5', 1)})
case("inline-course-integer-over-2-64", ["$.courses[1].credits", "the number 18446744073709551619 is out of range"],
     raw=dump(BASE).replace('"credits": 3', '"credits": 18446744073709551619', 1))
case("nan-literal", ["courses.jsonl:1:", "Parse error"],
     files={"courses.jsonl": jsonl(LINES).replace('"credits": 3', '"credits": NaN', 1)})
case("zero-workload", ["$.courses[0]", "no workload"],
     feed=feed(lambda f: f["courses"][0].update(periods={"lecture": 0}, practice_weeks=0)))
case("negative-hours-per-credit", ["$.alliance.hours_per_credit", "greater than 0"],
     feed=feed(lambda f: f["alliance"].update(hours_per_credit=-27)))

# Course files
case("course-file-empty", ["courses.jsonl", "course file is empty"], files={"courses.jsonl": ""})
case("course-file-blank-lines", ["courses.jsonl", "course file is empty"], files={"courses.jsonl": "\n\n  \n"})
case("course-line-not-object", ["courses.jsonl:2: $", "expected a course object, found an array"],
     files={"courses.jsonl": json.dumps(LINES[0], ensure_ascii=False) + "\n[1, 2]\n"})
case("course-line-truncated", ["courses.jsonl:2:", "Parse error"],
     files={"courses.jsonl": json.dumps(LINES[0], ensure_ascii=False) + "\n" + json.dumps(LINES[1], ensure_ascii=False)[:40] + "\n"})
case("course-line-not-utf8", ["courses.jsonl:1:", "not valid UTF-8"],
     files={"courses.jsonl": "\x00"})
# Valid bytes, but escapes that json-glib turns into text that is not UTF-8:
# a lone surrogate, an octal escape. The reader validates a string again only
# where its line holds a backslash (issue 20): these lines do.
case("course-line-escape-surrogate", ["courses.jsonl:2: $.title.en", "the text is not valid UTF-8"],
     files={"courses.jsonl": jsonl(LINES).replace('"en": "Programming Fundamentals"', '"en": "Programming \\udc00s"', 1)})
case("course-line-escape-octal", ["courses.jsonl:1: $.languages[0]", "the text is not valid UTF-8"],
     files={"courses.jsonl": jsonl(LINES).replace('"languages": ["en"]', '"languages": ["\\377"]', 1)})
case("course-file-missing", ["$.course_files[1]", "cannot open the course file “missing.jsonl”"],
     feed=feed(lambda f: f["course_files"].append("missing.jsonl")))
case("course-file-absolute", ["$.course_files[0]", "not a relative path"],
     feed=feed(lambda f: f.update(course_files=["/etc/passwd"])))
case("course-file-parent", ["$.course_files[0]", "leaves the feed’s folder"],
     feed=feed(lambda f: f.update(course_files=["../../etc/passwd"])))
case("course-file-inner-parent", ["$.course_files[0]", "leaves the feed’s folder"],
     feed=feed(lambda f: f.update(course_files=["courses/../../courses.jsonl"])))
case("course-file-backslash-parent", ["$.course_files[0]", "leaves the feed’s folder"],
     feed=feed(lambda f: f.update(course_files=["..\\..\\etc\\passwd"])))
case("course-file-encoded-parent", ["$.course_files[0]", "leaves the feed’s folder"],
     feed=feed(lambda f: f.update(course_files=["%2e%2e/%2e%2e/etc/passwd"])))
case("course-file-encoded-slash", ["$.course_files[0]", "leaves the feed’s folder"],
     feed=feed(lambda f: f.update(course_files=["..%2F..%2Fetc%2Fpasswd"])))
case("course-file-bad-escape", ["$.course_files[0]", "invalid %-escape"],
     feed=feed(lambda f: f.update(course_files=["courses%00.jsonl"])))
case("course-file-uri", ["$.course_files[0]", "is not a relative path"],
     feed=feed(lambda f: f.update(course_files=["file:///etc/passwd"])))
case("unknown-version-huge", ["$.version", "unknown feed format version 99999999999999999999;"],
     raw=dump(BASE).replace('"version": 1,', '"version": 99999999999999999999,', 1))

# Revision 2: credit_policy.rounding and credit_policy.term_load
case("rounding-unknown", ["$.universities[1].credit_policy.rounding", "“up” is not one of “down”, “nearest”"],
     feed=feed(lambda f: f["universities"][1]["credit_policy"].update(rounding="up")))
case("rounding-not-string", ["$.universities[0].credit_policy.rounding", "expected a string, found a number"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(rounding=1)))
case("rounding-empty", ["$.universities[0].credit_policy.rounding", "the string is empty"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(rounding="")))
case("term-load-not-object", ["$.universities[0].credit_policy.term_load", "expected an object, found an array"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load=[15, 30])))
case("term-load-missing-min", ["$.universities[0].credit_policy.term_load", "“min” is missing"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load={"max": 30})))
case("term-load-missing-max", ["$.universities[1].credit_policy.term_load", "“max” is missing"],
     feed=feed(lambda f: f["universities"][1]["credit_policy"].update(term_load={"min": 15})))
case("term-load-min-above-max", ["$.universities[1].credit_policy.term_load.min", "“min” (30) is above “max” (15)"],
     feed=feed(lambda f: f["universities"][1]["credit_policy"].update(term_load={"min": 30, "max": 15})))
case("term-load-max-zero", ["$.universities[0].credit_policy.term_load.max", "greater than 0, not 0"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load={"min": 0, "max": 0})))
case("term-load-min-negative", ["$.universities[0].credit_policy.term_load.min", "must not be negative, not -5"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load={"min": -5, "max": 30})))
case("term-load-min-string", ["$.universities[0].credit_policy.term_load.min", "expected a number, found a string"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load={"min": "15", "max": 30})))
case("term-load-max-absurd", ["$.universities[0].credit_policy.term_load.max", "absurd"],
     feed=feed(lambda f: f["universities"][0]["credit_policy"].update(term_load={"min": 15, "max": 1e9})))


# Revision 2: the recognition register. Each case starts from a valid
# register (REGISTER) and breaks one rule of "equivalences[]".
DECISION = {
    "id": "sa-2025-001", "home": "sa", "host_courses": ["cb:mm200"], "home_courses": ["sa:math101"],
    "decided": "2025-06-01", "valid_until": "2027-06-30", "reference": "SA-2025-17",
    "conditions": {"zh": "成绩不低于良好", "en": "with at least 良好"},
}
THIRD = {"id": "cc:phy100", "university": "cc", "code": "PHY-100",
         "title": {"zh": "大学物理", "en": "University Physics"}, "isced": "0533", "cycle": "bachelor",
         "level": "foundation", "periods": {"lecture": 48}, "credits": 3, "grading_scale": "percent",
         "languages": ["zh"], "delivery": "on-campus"}


def register(mutate=None, third=False):
    def change(f):
        f["revision"] = 2
        f["equivalences"] = [copy.deepcopy(DECISION)]
        if third:
            uni = copy.deepcopy(f["universities"][1])
            uni.update(id="cc", name={"zh": "重庆丙大学", "en": "Chongqing Gamma University"})
            uni.pop("hei_id", None)
            uni.pop("website", None)
            uni.pop("grading_tables", None)
            f["universities"].append(uni)
            f["courses"].append(copy.deepcopy(THIRD))
        if mutate is not None:
            mutate(f["equivalences"][0], f)
    return feed(change)


def decision(**changes):
    def mutate(e, f):
        for k, v in changes.items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
    return mutate


case("revision-not-integer", ["$.revision", "expected a whole number, not 2.5"], feed=feed(lambda f: f.update(revision=2.5)))
case("revision-zero", ["$.revision", "greater than 0"], feed=feed(lambda f: f.update(revision=0)))
case("revision-string", ["$.revision", "expected a number"], feed=feed(lambda f: f.update(revision="2")))
case("equivalences-not-array", ["$.equivalences", "expected an array"],
     feed=feed(lambda f: f.update(equivalences={"id": "x"})))
case("equivalence-not-object", ["$.equivalences[0]", "expected an equivalence object"],
     feed=register(lambda e, f: f.update(equivalences=["sa-2025-001"])))
case("equivalence-id-missing", ["$.equivalences[0]", "“id” is missing"], feed=register(decision(id=None)))
case("equivalence-id-twice", ["$.equivalences[1].id", "the equivalence “sa-2025-001” is defined twice"],
     feed=register(lambda e, f: f["equivalences"].append(copy.deepcopy(e))))
case("equivalence-home-unknown", ["$.equivalences[0].home", "the university “zz” is not in the feed"],
     feed=register(decision(home="zz")))
case("equivalence-host-courses-missing", ["$.equivalences[0]", "“host_courses” is missing"],
     feed=register(decision(host_courses=None)))
case("equivalence-host-courses-empty", ["$.equivalences[0].host_courses", "at least 1"],
     feed=register(decision(host_courses=[])))
case("equivalence-host-course-unknown", ["$.equivalences[0].host_courses[0]", "the course “cb:nope” is not in the feed"],
     feed=register(decision(host_courses=["cb:nope"])))
case("equivalence-host-course-not-id", ["$.equivalences[0].host_courses[0]", "expected an identifier"],
     feed=register(decision(host_courses=[7])))
case("equivalence-host-course-twice", ["$.equivalences[0].host_courses[1]", "the course “cb:mm200” is listed twice"],
     feed=register(decision(host_courses=["cb:mm200", "cb:mm200"])))
case("equivalence-host-course-of-home", ["$.equivalences[0].host_courses[0]", "of the home university “sa” itself"],
     feed=register(decision(host_courses=["sa:bio210"])))
case("equivalence-hosts-two-universities",
     ["$.equivalences[0].host_courses[1]", "the course “cc:phy100” is of “cc”", "all of one university"],
     feed=register(decision(host_courses=["cb:mm200", "cc:phy100"]), third=True))
case("equivalence-home-courses-missing", ["$.equivalences[0]", "“home_courses” is missing"],
     feed=register(decision(home_courses=None)))
case("equivalence-home-course-unknown", ["$.equivalences[0].home_courses[0]", "the course “sa:nope” is not in the feed"],
     feed=register(decision(home_courses=["sa:nope"])))
case("equivalence-home-course-of-other",
     ["$.equivalences[0].home_courses[0]", "the course “cb:env300” is of “cb”, not of the home university “sa”"],
     feed=register(decision(home_courses=["cb:env300"])))
case("equivalence-home-course-twice", ["$.equivalences[0].home_courses[1]", "listed twice"],
     feed=register(decision(home_courses=["sa:math101", "sa:math101"])))
case("equivalence-elective-without-credits", ["$.equivalences[0].home_credits", "free elective credits"],
     feed=register(decision(home_courses=[])))
case("equivalence-home-credits-zero", ["$.equivalences[0].home_credits", "greater than 0"],
     feed=register(decision(home_credits=0)))
case("equivalence-home-credits-string", ["$.equivalences[0].home_credits", "expected a number"],
     feed=register(decision(home_credits="4")))
case("equivalence-decided-missing", ["$.equivalences[0]", "“decided” is missing"],
     feed=register(decision(decided=None)))
case("equivalence-decided-not-calendar", ["$.equivalences[0].decided", "“2026-02-30” is not a date"],
     feed=register(decision(decided="2026-02-30")))
case("equivalence-decided-date-time", ["$.equivalences[0].decided", "is not a date"],
     feed=register(decision(decided="2025-06-01T08:00:00Z")))
case("equivalence-valid-until-not-date", ["$.equivalences[0].valid_until", "“June 2027” is not a date"],
     feed=register(decision(valid_until="June 2027")))
case("equivalence-valid-before-decided",
     ["$.equivalences[0].valid_until", "valid until 2024-12-31, before it was taken (2025-06-01)"],
     feed=register(decision(valid_until="2024-12-31")))
case("equivalence-conditions-not-text", ["$.equivalences[0].conditions", "expected a localised text"],
     feed=register(decision(conditions="with at least 良好")))
case("equivalence-reference-empty", ["$.equivalences[0].reference", "the string is empty"],
     feed=register(decision(reference="")))
case("equivalence-reference-number", ["$.equivalences[0].reference", "expected a string"],
     feed=register(decision(reference=17)))


def main():
    shutil.rmtree(BAD, ignore_errors=True)
    for name, (expected, f, raw, files) in sorted(cases.items()):
        folder = os.path.join(BAD, name)
        os.makedirs(folder)
        if raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
        else:
            data = dump(f if f is not None else BASE).encode("utf-8")
        with open(os.path.join(folder, "feed.json"), "wb") as out:
            out.write(data)
        course_files = dict(files or {})
        if "courses.jsonl" not in course_files:
            course_files["courses.jsonl"] = jsonl(LINES)
        for fname, text in course_files.items():
            payload = text.encode("utf-8")
            if name == "course-line-not-utf8":
                payload = jsonl(LINES).encode("utf-8").replace("生态".encode("utf-8"), b"\xc3\x28", 1)
            with open(os.path.join(folder, fname), "wb") as out:
                out.write(payload)
        with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8") as out:
            out.write("\n".join(expected) + "\n")
    print(f"{len(cases)} cases in {BAD}")


if __name__ == "__main__":
    main()
