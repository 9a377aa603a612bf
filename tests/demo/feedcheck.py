# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks of a Credit Bridge catalog feed, for the tests of the demo catalog
and of the synthetic feed generator (tests/gen-feed.py).

Two layers, as in shared/spec/catalog-feed.md:
  schema_problems()  validates feed.json and every course line against the
                     JSON Schema (draft 2020-12, with a format checker);
  semantic_check()   applies the "Checks beyond the schema" and returns the
                     errors and the warnings the spec defines.

Every problem is a string "place: reason", the place being a JSON path, and
file:line for a line of a course file.
"""

import datetime
import json
import math
import os
import re

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


class FeedError(Exception):
    pass


def _no_constant(name):
    raise ValueError("%s is not a finite number" % name)


def _check_finite(value, place):
    if isinstance(value, float) and not math.isfinite(value):
        raise FeedError("%s: number is not finite" % place)
    if isinstance(value, dict):
        for k, v in value.items():
            _check_finite(v, "%s.%s" % (place, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_finite(v, "%s[%d]" % (place, i))


def parse_text(data, place):
    """Parse JSON bytes strictly: UTF-8 without BOM, no NaN/Infinity, finite numbers."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise FeedError("%s: starts with a byte order mark" % place)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FeedError("%s: not valid UTF-8 at byte %d" % (place, e.start))
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except ValueError as e:
        raise FeedError("%s: %s" % (place, e))
    _check_finite(value, "$")
    return value


def load_feed(path):
    with open(path, "rb") as f:
        return parse_text(f.read(), path)


def iter_course_lines(feed_path, feed):
    """Yield (place, course or None, error or None) for every line of every course file."""
    base = os.path.dirname(os.path.abspath(feed_path))
    for i, rel in enumerate(feed.get("course_files", []) or []):
        path = os.path.join(base, rel)
        if not os.path.isfile(path):
            yield ("$.course_files[%d]" % i, None, "course file %s does not exist" % rel)
            continue
        lines = 0
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                lines += 1
                place = "%s:%d" % (rel, n)
                line = raw.rstrip(b"\n").rstrip(b"\r")
                if not line.strip():
                    yield (place, None, "blank line")
                    continue
                try:
                    value = parse_text(line, place)
                except FeedError as e:
                    yield (place, None, str(e))
                    continue
                if not isinstance(value, dict):
                    yield (place, None, "line is not a JSON object")
                    continue
                yield (place, value, None)
        if lines == 0:
            yield ("$.course_files[%d]" % i, None, "course file %s is empty" % rel)


# ---------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------

_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")


def format_checker():
    """A FormatChecker that checks date-time, date and uri itself, so that the
    result does not depend on optional packages (Debian's python3-jsonschema
    checks neither date-time nor uri without them)."""
    fc = FormatChecker()

    @fc.checks("date-time", raises=ValueError)
    def _date_time(value):
        if not isinstance(value, str):
            return True
        m = _DATE_TIME.match(value)
        if not m:
            return False
        y, mo, d, h, mi, s = (int(x) for x in m.groups()[:6])
        datetime.date(y, mo, d)
        if h > 23 or mi > 59 or s > 60:
            return False
        off = m.group(8)
        if off not in ("Z", "z") and (int(off[1:3]) > 23 or int(off[4:6]) > 59):
            return False
        return True

    @fc.checks("date", raises=ValueError)
    def _date(value):
        if not isinstance(value, str):
            return True
        if not _DATE.match(value):
            return False
        datetime.date.fromisoformat(value)
        return True

    @fc.checks("uri")
    def _uri(value):
        if not isinstance(value, str):
            return True
        return bool(_URI.match(value))

    return fc


def load_schema(path):
    with open(path, "rb") as f:
        schema = json.loads(f.read().decode("utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


def _path(error, prefix="$"):
    out = prefix
    for p in error.absolute_path:
        out += "[%d]" % p if isinstance(p, int) else ".%s" % p
    return out


def schema_problems(schema, feed_path, max_problems=200):
    """Validate feed.json and each course line; return a list of problems."""
    fc = format_checker()
    problems = []
    try:
        feed = load_feed(feed_path)
    except FeedError as e:
        return [str(e)]
    root = Draft202012Validator(schema, format_checker=fc)
    for e in sorted(root.iter_errors(feed), key=lambda e: list(e.absolute_path)):
        problems.append("%s: %s" % (_path(e), e.message))
    course_schema = {"$schema": schema.get("$schema"), "$defs": schema["$defs"],
                     "$ref": "#/$defs/course"}
    course_validator = Draft202012Validator(course_schema, format_checker=fc)
    if isinstance(feed, dict):
        for place, course, error in iter_course_lines(feed_path, feed):
            if error:
                problems.append("%s: %s" % (place, error))
                continue
            for e in course_validator.iter_errors(course):
                problems.append("%s: %s: %s" % (place, _path(e), e.message))
            if len(problems) >= max_problems:
                break
    return problems


# ---------------------------------------------------------------------------
# Checks beyond the schema
# ---------------------------------------------------------------------------

ROOT_MEMBERS = {"format", "version", "revision", "generated", "alliance", "universities", "courses",
                "course_files", "certificates", "equivalences"}
KINDS = ("lecture", "lab", "seminar")


def hours_per_local_credit(policy):
    return (policy["periods_per_credit"]["lecture"] * policy["period_minutes"] / 60.0
            * (1 + policy["self_study_ratio"]["lecture"]))


def course_workload(policy, course):
    if "workload_hours" in course:
        return course["workload_hours"]
    w = 0.0
    for k in KINDS:
        n = course.get("periods", {}).get(k, 0)
        w += n * policy["period_minutes"] / 60.0 * (1 + policy["self_study_ratio"].get(k, 0))
    return w + course.get("practice_weeks", 0) * policy["practice_week_hours"]


class Result:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.courses_by_university = {}
        self.courses = 0

    def error(self, place, msg):
        self.errors.append("%s: %s" % (place, msg))

    def warn(self, place, msg):
        self.warnings.append("%s: %s" % (place, msg))


def semantic_check(feed_path, course_hook=None):
    """Apply the spec's checks beyond the schema to a feed that passed the schema.

    course_hook(place, course) is called for every course (inline or in a file),
    so that callers can gather more facts without reading the files twice."""
    r = Result()
    try:
        feed = load_feed(feed_path)
    except FeedError as e:
        r.errors.append(str(e))
        return r, None

    for k in feed:
        if k not in ROOT_MEMBERS and not k.startswith("x-"):
            r.warn("$.%s" % k, "unknown root member")

    unis = {}
    for i, u in enumerate(feed["universities"]):
        up = "$.universities[%d]" % i
        if u["id"] in unis:
            r.error(up + ".id", "university id %s repeats" % u["id"])
        scales = {}
        for j, s in enumerate(u["grading_scales"]):
            sp = "%s.grading_scales[%d]" % (up, j)
            if s["id"] in scales:
                r.error(sp + ".id", "grading scale id %s repeats" % s["id"])
            scales[s["id"]] = s
            bands = []
            for g_i, g in enumerate(s["grades"]):
                if "min" in g and g["min"] > g["max"]:
                    r.error("%s.grades[%d]" % (sp, g_i), "min %s is above max %s" % (g["min"], g["max"]))
                if "min" in g:
                    bands.append((g["min"], g["max"], g_i))
            bands.sort()
            for a, b in zip(bands, bands[1:]):
                if b[0] <= a[1]:
                    r.error("%s.grades[%d]" % (sp, b[2]),
                            "numeric band overlaps that of grade %d" % a[2])
        for j, t in enumerate(u.get("grading_tables", [])):
            tp = "%s.grading_tables[%d]" % (up, j)
            scale = scales.get(t["scale"])
            if scale is None:
                r.error(tp + ".scale", "no grading scale %s at %s" % (t["scale"], u["id"]))
                continue
            passing = [g["label"] for g in scale["grades"] if g["passing"]]
            listed = [c["grade"] for c in t["counts"]]
            if listed != passing:
                r.error(tp + ".counts", "lists %s, but the passing grades of %s are %s"
                        % (listed, t["scale"], passing))
            total = sum(c["count"] for c in t["counts"])
            if total == 0:
                r.error(tp + ".counts", "all counts are 0")
            elif total < 100:
                r.warn(tp + ".counts", "counts only %d grades (fewer than 100)" % total)
        load = u["credit_policy"].get("term_load")
        if load is not None and load["min"] > load["max"]:
            r.error(up + ".credit_policy.term_load.min", "min %s is above max %s" % (load["min"], load["max"]))
        terms = set()
        for j, t in enumerate(u.get("terms", [])):
            if t["id"] in terms:
                r.error("%s.terms[%d].id" % (up, j), "term id %s repeats" % t["id"])
            terms.add(t["id"])
            if "start" in t and "end" in t and t["start"] > t["end"]:
                r.error("%s.terms[%d]" % (up, j), "starts after it ends")
        unis[u["id"]] = (u, scales, terms)

    course_ids = {}
    prereqs = []

    def check_course(place, c):
        r.courses += 1
        if c["id"] in course_ids:
            r.error(place + ".id", "course id %s repeats" % c["id"])
        course_ids[c["id"]] = c["university"]
        entry = unis.get(c["university"])
        if entry is None:
            r.error(place + ".university", "no university %s" % c["university"])
            return
        u, scales, terms = entry
        r.courses_by_university[u["id"]] = r.courses_by_university.get(u["id"], 0) + 1
        if c["grading_scale"] not in scales:
            r.error(place + ".grading_scale", "no grading scale %s at %s" % (c["grading_scale"], u["id"]))
        for j, t in enumerate(c.get("terms", [])):
            if t not in terms:
                r.error("%s.terms[%d]" % (place, j), "no term %s at %s" % (t, u["id"]))
        for j, p in enumerate(c.get("prerequisites", [])):
            prereqs.append(("%s.prerequisites[%d]" % (place, j), p))
        periods = c["periods"]
        if ("workload_hours" not in c and all(periods.get(k, 0) == 0 for k in KINDS)
                and c.get("practice_weeks", 0) == 0):
            r.error(place, "course has no workload")
            return
        policy = u["credit_policy"]
        expected = course_workload(policy, c) / hours_per_local_credit(policy)
        if abs(c["credits"] - expected) > 0.25 * expected:
            r.warn(place + ".credits", "%s local credits, but the policy of %s gives %.2f for the workload"
                   % (c["credits"], u["id"], expected))
        if course_hook:
            course_hook(place, c)

    for i, c in enumerate(feed.get("courses", []) or []):
        check_course("$.courses[%d]" % i, c)
    for place, c, err in iter_course_lines(feed_path, feed):
        if err:
            r.error(place, err)
        else:
            check_course(place + ": $", c)

    for place, p in prereqs:
        if p not in course_ids:
            r.error(place, "no course %s" % p)

    certs = set()
    for i, cert in enumerate(feed.get("certificates", []) or []):
        cp = "$.certificates[%d]" % i
        if cert["id"] in certs:
            r.error(cp + ".id", "certificate id %s repeats" % cert["id"])
        certs.add(cert["id"])
        for j, rec in enumerate(cert["recognitions"]):
            rp = "%s.recognitions[%d]" % (cp, j)
            if rec["university"] not in unis:
                r.error(rp + ".university", "no university %s" % rec["university"])
            for k, rid in enumerate(rec.get("replaces", [])):
                if rid not in course_ids:
                    r.error("%s.replaces[%d]" % (rp, k), "no course %s" % rid)
    check_equivalences(r, feed.get("equivalences", []) or [], unis, course_ids)
    return r, feed


def _calendar_date(value):
    try:
        datetime.date.fromisoformat(value)
        return bool(_DATE.match(value))
    except ValueError:
        return False


def check_equivalences(r, register, unis, course_ids):
    """The rules of the spec's "equivalences[] (revision 2)" section;
    @course_ids maps every course id to its university."""
    seen = set()
    for i, e in enumerate(register):
        ep = "$.equivalences[%d]" % i
        if e["id"] in seen:
            r.error(ep + ".id", "equivalence id %s repeats" % e["id"])
        seen.add(e["id"])
        home = e["home"]
        if home not in unis:
            r.error(ep + ".home", "no university %s" % home)
        for j, cid in enumerate(e["home_courses"]):
            if cid not in course_ids:
                r.error("%s.home_courses[%d]" % (ep, j), "no course %s" % cid)
            elif course_ids[cid] != home:
                r.error("%s.home_courses[%d]" % (ep, j), "%s is a course of %s, not of the home university %s"
                        % (cid, course_ids[cid], home))
        host = None
        for j, cid in enumerate(e["host_courses"]):
            hp = "%s.host_courses[%d]" % (ep, j)
            if cid in e["host_courses"][:j]:
                r.error(hp, "%s appears twice" % cid)
            if cid not in course_ids:
                r.error(hp, "no course %s" % cid)
                continue
            uni = course_ids[cid]
            if uni == home:
                r.error(hp, "%s is a course of the home university %s" % (cid, home))
            elif host is None:
                host = uni
            elif uni != host:
                r.error(hp, "%s is a course of %s, but the host courses before it are of %s" % (cid, uni, host))
        dates_ok = True
        for member in ("decided", "valid_until"):
            if member in e and not _calendar_date(e[member]):
                r.error("%s.%s" % (ep, member), "%s is not a calendar date" % e[member])
                dates_ok = False
        if dates_ok and "valid_until" in e and e["valid_until"] < e["decided"]:
            r.error(ep + ".valid_until", "%s is before the decision of %s" % (e["valid_until"], e["decided"]))
        if not e["home_courses"] and "home_credits" not in e:
            r.error(ep, "no home_courses and no home_credits: say the elective credits granted")
