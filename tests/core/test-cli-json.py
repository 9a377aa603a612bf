#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-cli-json.py: every --json output of credit-bridge-cli against its
JSON Schema in docs/json-schema/ (issue 21, item 4).

    test-cli-json.py CLI SOURCE_ROOT                (TAP output)
    test-cli-json.py --print-members SOURCE_ROOT    (the lines of stable-members.txt)

- Each schema is a valid draft 2020-12 schema, with $id, title, a version
  member and a description on every member.
- The commands that take --json are found in their own --help (LC_ALL=C):
  each has a schema, and each schema a command.
- Every such command is run, in each of its forms (a search that finds
  courses and one that finds none, one grade and several, each plan of the
  fixtures…), on the demo catalog and on the plans' test catalog, and what
  it prints is validated; an undescribed member fails too (the test closes
  every object the schema does not leave open on purpose).
- The stability rule: every member docs/json-schema/stable-members.txt
  lists for a schema's version is still there, with the same type, and
  still required if it was; and every member of the schema is listed.
"""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

from jsonschema import Draft202012Validator

n = 0
failed = 0

# JSON files written with -o that have no --json option: schema -> command.
FILES = {"certificate-statement": ["certificate", "statement"]}


def ok(name):
    global n
    n += 1
    print("ok %d - %s" % (n, name))


def not_ok(name, *why):
    global n, failed
    n += 1
    failed += 1
    print("not ok %d - %s" % (n, name))
    for text in why:
        for line in str(text).splitlines():
            print("# " + line)


def check(condition, name, *why):
    if condition:
        ok(name)
    else:
        not_ok(name, *why)
    return condition


# Schemas -------------------------------------------------------------------

def load_schemas(folder):
    schemas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schemas[name[:-len(".schema.json")]] = json.load(f)
    return schemas


def resolve(schema, root):
    while "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), "only local references: " + ref
        schema = root["$defs"][ref[len("#/$defs/"):]]
    return schema


def type_of(schema, root):
    """The JSON types a member may have, as "null|string"."""
    schema = resolve(schema, root)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    elif "oneOf" in schema:
        types = [type_of(s, root) for s in schema["oneOf"]]
    elif "const" in schema:
        types = [{str: "string", int: "integer", bool: "boolean"}.get(type(schema["const"]), "?")]
    else:
        types = ["any"]
    return "|".join(sorted(set("|".join(types).split("|"))))


def members(schema, root, path=""):
    """Every member the schema describes: (path, type, required)."""
    schema = resolve(schema, root)
    out = []
    for i, branch in enumerate(schema.get("oneOf", [])):
        if "$ref" in branch or "properties" in resolve(branch, root) or "oneOf" in resolve(branch, root):
            out += members(branch, root, "%s(%d)" % (path, i))
    required = schema.get("required", [])
    for name, sub in schema.get("properties", {}).items():
        member = path + ("." if path else "") + name
        out.append((member, type_of(sub, root), name in required))
        out += members(sub, root, member)
    if "items" in schema:
        out += members(schema["items"], root, path + "[]")
    return out


def undescribed(schema, path="$"):
    """The members of @schema without a description."""
    out = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            if "description" not in sub:
                out.append("%s.%s" % (path, name))
        for key, sub in schema.items():
            if key in ("properties", "$defs"):
                out += [m for k, v in sub.items() for m in undescribed(v, "%s.%s" % (path, k))]
            elif isinstance(sub, (dict, list)):
                out += undescribed(sub, path + "." + key)
    elif isinstance(schema, list):
        for i, sub in enumerate(schema):
            out += undescribed(sub, "%s[%d]" % (path, i))
    return out


def closed(schema):
    """@schema with every object it does not leave open closed, so that a
    member the output has and the schema does not describe fails."""
    if isinstance(schema, dict):
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for value in schema.values():
            closed(value)
    elif isinstance(schema, list):
        for value in schema:
            closed(value)
    return schema


def version_of(schema):
    for branch in [schema] + schema.get("oneOf", []):
        const = branch.get("properties", {}).get("version", {}).get("const")
        if const is not None:
            return const
    return None


def member_lines(name, schema):
    return ["%s %s %s %s %s" % (name, version_of(schema), path, kind, "required" if req else "optional")
            for path, kind, req in members(schema, schema)]


def check_schemas(schemas, folder):
    for name, schema in schemas.items():
        try:
            Draft202012Validator.check_schema(schema)
            ok("%s: a valid JSON Schema" % name)
        except Exception as e:  # noqa: BLE001 - the message says which rule
            not_ok("%s: a valid JSON Schema" % name, e)
        check(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
              and schema.get("$id", "").endswith("/%s-%s.schema.json" % (name, version_of(schema)))
              and schema.get("title") and schema.get("description"),
              "%s: draft 2020-12, with an $id that names it and its version, a title and a description" % name)
        check(isinstance(version_of(schema), int), "%s: its output has an integer version" % name)
        missing = undescribed(schema)
        check(not missing, "%s: every member is described" % name, *missing)
    check_stable(schemas, os.path.join(folder, "stable-members.txt"))


def check_stable(schemas, path):
    frozen = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                parts = line.split()
                if len(parts) != 5 or parts[4] not in ("required", "optional"):
                    not_ok("stable-members.txt line %d is SCHEMA VERSION MEMBER TYPE required|optional" % number, line)
                    continue
                frozen.setdefault((parts[0], int(parts[1])), {})[parts[2]] = (parts[3], parts[4])
    for name, schema in schemas.items():
        version = version_of(schema)
        listed = frozen.get((name, version))
        if not check(listed, "%s: stable-members.txt freezes the members of version %s" % (name, version),
                     "add the lines `test-cli-json.py --print-members SOURCE_ROOT` prints for it"):
            continue
        now = {path: (kind, "required" if req else "optional") for path, kind, req in members(schema, schema)}
        broken = []
        for member, (kind, req) in listed.items():
            if member not in now:
                broken.append("%s was removed or renamed" % member)
            elif now[member][0] != kind:
                broken.append("%s changed type: %s, was %s" % (member, now[member][0], kind))
            elif req == "required" and now[member][1] != "required":
                broken.append("%s is no longer required" % member)
        check(not broken, "%s: version %s keeps every member, type and requirement it had" % (name, version),
              *(broken + ["within a version members are only added: raise the version (README.md)"]))
        unlisted = sorted(set(now) - set(listed))
        check(not unlisted, "%s: every member of version %s is in stable-members.txt" % (name, version),
              *(["not listed: " + m for m in unlisted] + ["append the lines of `test-cli-json.py --print-members`"]))
    for name, version in frozen:
        check(name in schemas, "stable-members.txt: %s has a schema" % name)


# Commands ----------------------------------------------------------------

def help_text(cli, words):
    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    r = subprocess.run([cli] + words + ["--help"], env=env, capture_output=True, text=True)
    return r.stdout


def json_commands(cli):
    """The commands whose --help lists --json, as lists of words."""
    found = []
    pending = [[]]
    while pending:
        words = pending.pop(0)
        text = help_text(cli, words)
        usage = " ".join(["credit-bridge-cli"] + words + ["COMMAND"])
        if usage in text:
            # The lines "  name  summary" (after "Commands:" where it is said).
            listed = text.split("Commands:", 1)[1].split("\n\n", 1)[0] if "Commands:" in text else text
            subs = re.findall(r"^  ([a-z][a-z-]*) +\S", listed, re.M)
            check(subs, "`credit-bridge-cli %s --help` lists commands" % " ".join(words), text)
            pending += [words + [s] for s in subs]
        elif re.search(r"^\s+--json\b", text, re.M):
            found.append(words)
    return found


class Runner:
    def __init__(self, cli, schemas, tmp):
        self.cli = cli
        self.schemas = schemas
        self.validators = {name: Draft202012Validator(closed(copy.deepcopy(s))) for name, s in schemas.items()}
        self.tmp = tmp
        self.validated = set()
        self.env = dict(os.environ, LC_ALL="C.UTF-8", HOME=os.path.join(tmp, "home"),
                        XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        self.env.pop("CREDIT_BRIDGE_FEED", None)

    def run(self, db, words, status=0, stdin=None):
        env = dict(self.env, CREDIT_BRIDGE_DB=db)
        return subprocess.run([self.cli] + words, env=env, input=stdin, capture_output=True, text=True), status

    def quiet(self, db, words, stdin=None):
        r, _ = self.run(db, words, stdin=stdin)
        if r.returncode != 0:
            not_ok("setup: credit-bridge-cli %s" % " ".join(words), r.stderr)
        return r

    def output(self, db, schema, what, words, status=0, stdin=None, output=None):
        """Runs the command and validates what it prints (or writes to @output)."""
        r, _ = self.run(db, words, stdin=stdin)
        name = "%s: %s" % (schema, what)
        if r.returncode != status:
            not_ok(name, "credit-bridge-cli %s: exit %d, wanted %d" % (" ".join(words), r.returncode, status), r.stderr)
            return None
        try:
            if output is not None:
                with open(output, encoding="utf-8") as f:
                    data = json.load(f)
            else:
                data = json.loads(r.stdout)
        except ValueError as e:
            not_ok(name, "not JSON: %s" % e, r.stdout[:2000])
            return None
        errors = sorted(self.validators[schema].iter_errors(data), key=lambda e: list(e.absolute_path))
        if check(not errors, name, *["$%s: %s" % ("".join("[%r]" % p for p in e.absolute_path), e.message[:300])
                                     for e in errors[:10]]):
            self.validated.add(schema)
        return data


# The runs ----------------------------------------------------------------

def feed_with(source, tmp, name, change):
    with open(source, encoding="utf-8") as f:
        feed = json.load(f)
    change(feed)
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(feed, f, ensure_ascii=False)
    return path


def run_catalog(r, root):
    db = os.path.join(r.tmp, "demo.db")
    r.quiet(db, ["catalog", "import", "--quiet", os.path.join(root, "data", "catalog", "feed.json")])
    r.output(db, "catalog-stats", "the demo catalog", ["catalog", "stats", "--json"])
    r.output(db, "catalog-universities", "the demo catalog's universities", ["catalog", "universities", "--json"])
    d = r.output(db, "catalog-search", "a search that finds courses", ["catalog", "search", "--json", "数学"])
    check(d is not None and len(d["results"]) > 0, "… and finds some")
    d = r.output(db, "catalog-search", "a search that finds nothing", ["catalog", "search", "--json", "zzzqqq"])
    check(d is not None and d["results"] == [] and d["total"] == 0, "… and finds none")
    r.output(db, "catalog-search", "filters without a query, all of them",
             ["catalog", "search", "--json", "--limit", "0", "--cycle", "master"])
    r.output(db, "catalog-search", "a search counted beyond its cap", ["catalog", "search", "--json", "--limit", "5"])
    r.output(db, "catalog-show", "a course", ["catalog", "show", "--json", "cqu:math4010"])
    r.output(db, "catalog-update", "an update from an unchanged source", ["catalog", "update", "--json"])
    run_update(r, root)


def run_update(r, root):

    # An update that changes a course: a feed in one file, imported, changed.
    plan_feed = os.path.join(root, "tests", "plan", "feed.json")
    updated_db = os.path.join(r.tmp, "update.db")
    path = feed_with(plan_feed, r.tmp, "update.json", lambda feed: None)
    r.quiet(updated_db, ["catalog", "import", "--quiet", path])

    removed = []

    def change(feed):
        needed = {p for c in feed["courses"] for p in c.get("prerequisites", [])}
        removed.append([c["id"] for c in feed["courses"] if c["id"] not in needed and c["id"] != "cqu:cs301"][0])
        for course in feed["courses"]:
            if course["id"] == "cqu:cs301":
                course["credits"] = 4.5
        feed["courses"] = [c for c in feed["courses"] if c["id"] != removed[0]]
    feed_with(path, r.tmp, "update.json", change)
    d = r.output(updated_db, "catalog-update", "an update that changes and removes courses",
                 ["catalog", "update", "--json"])
    check(d is not None and d["changed_courses"] == ["cqu:cs301"] and d["removed_courses"] == removed,
          "… and names them", d)


def run_certificates(r, db):
    r.output(db, "certificate-list", "every certificate", ["certificate", "list", "--json"])
    d = r.output(db, "certificate-list", "with --home", ["certificate", "list", "--json", "--home", "scu"])
    check(d is not None and any(c["home"] is None for c in d["certificates"])
          and any(c["home"] is not None for c in d["certificates"]),
          "… some recognised at home, some not")
    r.output(db, "certificate-show", "one certificate", ["certificate", "show", "--json", "cet-6"])
    r.output(db, "certificate-credits", "a recognised certificate",
             ["certificate", "credits", "--json", "--home", "scu", "cet-6", "--obtained", "2025-06-20", "--on", "2026-01-01"])
    r.output(db, "certificate-credits", "an expired recognition",
             ["certificate", "credits", "--json", "--home", "scu", "cet-6", "--obtained", "2020-06-20", "--on", "2026-01-01"])
    listed = r.quiet(db, ["certificate", "list", "--json", "--home", "scu"])
    unknown_there = [c["id"] for c in json.loads(listed.stdout)["certificates"] if c["home"] is None]
    if check(unknown_there, "the demo catalog has a certificate scu does not recognise"):
        r.output(db, "certificate-credits", "a certificate the home university does not recognise",
                 ["certificate", "credits", "--json", "--home", "scu", unknown_there[0], "--obtained", "2025-06-20"])
    record = os.path.join(r.tmp, "certificates.json")
    r.output(db, "certificate-mine", "an empty record",
             ["certificate", "mine", "--json", "--home", "scu", "--file", record])
    for day in ("2025-06-05", "2020-06-05"):
        r.quiet(db, ["certificate", "add", "cet-6", "--obtained", day, "--file", record])
    if unknown_there:
        r.quiet(db, ["certificate", "add", unknown_there[0], "--obtained", "2025-01-01", "--file", record])
    r.output(db, "certificate-mine", "a record: recognised, expired, not recognised",
             ["certificate", "mine", "--json", "--home", "scu", "--file", record, "--on", "2026-01-01"])
    # A certificate the catalog no longer knows: the record names an id it lacks.
    with open(record, encoding="utf-8") as f:
        holdings = json.load(f)
    holdings["certificates"][0]["certificate"] = "no-such-certificate"
    with open(record, "w", encoding="utf-8") as f:
        json.dump(holdings, f, ensure_ascii=False)
    r.output(db, "certificate-mine", "a certificate the catalog does not know",
             ["certificate", "mine", "--json", "--home", "scu", "--file", record, "--on", "2026-01-01"])
    out = os.path.join(r.tmp, "statement.json")
    r.output(db, "certificate-statement", "a statement without the student's name",
             ["certificate", "statement", "-o", out, "--home", "scu", "--file", record, "--on", "2026-01-01"], output=out)
    r.quiet(db, ["certificate", "student", "--name", "李华", "--id", "2023141460001", "--file", record])
    out = os.path.join(r.tmp, "statement.txt")
    r.output(db, "certificate-statement", "--format json, with the student",
             ["certificate", "statement", "-o", out, "--format", "json", "--home", "scu", "--file", record],
             output=out)


def run_credits_and_grades(r, db, root):
    r.output(db, "credits", "a host course at home", ["credits", "--json", "--home", "scu", "cqu:math4010"])
    search = r.quiet(db, ["catalog", "search", "--json", "--university", "scu", "--limit", "1"])
    own = json.loads(search.stdout)["results"][0]["id"]
    r.output(db, "credits", "a course of the home university itself", ["credits", "--json", "--home", "scu", own])
    r.output(db, "recognize", "what host courses could replace",
             ["recognize", "--json", "--home", "scu", "cqu:math4010"])
    d = r.output(db, "recognize", "what could replace a home course, with the register's decisions",
                 ["recognize", "--json", "--home", "scu", "--replace", own, "--limit", "3"])
    check(d is not None and d["replace"] == own, "… names the course to replace")
    r.output(db, "grade-convert", "one grade", ["grade", "convert", "--json", "--course", "cqu:math4010", "--to", "scu", "85"])
    d = r.output(db, "grade-convert", "several grades, one failing",
                 ["grade", "convert", "--json", "--course", "cqu:math4010", "--to", "scu", "85", "30"], status=1)
    check(d is not None and len(d["conversions"]) == 2 and d["conversions"][1]["failing"],
          "… one item each, the failing one an error")
    failing, _ = r.run(db, ["grade", "convert", "--json", "--course", "cqu:math4010", "--to", "scu", "30"])
    check(failing.returncode == 1 and failing.stdout == "" and "failing grade" in failing.stderr,
          "grade-convert: one failing grade prints no JSON, exit status 1 and why on stderr",
          failing.returncode, failing.stdout, failing.stderr)
    grading = os.path.join(root, "tests", "grading", "data")
    r.output(db, "grade-convert", "through grading tables read from files",
             ["grade", "convert", "--json", "--from-table", os.path.join(grading, "slu-opava.csv"),
              "--to-table", os.path.join(grading, "ects-scale.csv"), "A", "B"])
    scale = os.path.join(grading, "pct-scale.csv")
    r.output(db, "grade-table", "a table of marks", ["grade", "table", "--json", "--scale", scale],
             stdin="95\n85\n84\n72\n61\n40\n")
    r.output(db, "grade-table", "… with its reference group",
             ["grade", "table", "--json", "--scale", scale, "--field", "0613", "--cycle", "master",
              "--period", "2023/24–2024/25"], stdin="95\n85\n72\n")


def new_ready_plan(r, db, plan, student):
    r.quiet(db, ["plan", "new", plan, "--student", student, "--home", "scu", "--host", "cqu", "--term", "2026-autumn",
                 "--student-number", "2023141460001", "--email", "lihua@stu.scu.edu.cn", "--birth-date", "2004-05-06",
                 "--nationality", "CN", "--isced", "0613", "--language", "en", "--cefr", "B2",
                 "--home-faculty", "College of Computer Science", "--home-responsible", "王芳",
                 "--home-position", "Exchange coordinator", "--home-email", "wangfang@scu.edu.cn",
                 "--host-responsible", "Zhang Wei", "--host-position", "International office",
                 "--host-email", "zhangwei@cqu.edu.cn"])


def approve(r, db, plan):
    r.quiet(db, ["plan", "approve", plan, "--as", "student", "--name", "李华"])
    r.quiet(db, ["plan", "approve", plan, "--as", "sending", "--name", "王芳", "--position", "Coordinator",
                 "--email", "wangfang@scu.edu.cn"])
    r.quiet(db, ["plan", "approve", plan, "--as", "receiving", "--name", "Zhang Wei", "--position", "Office",
                 "--email", "zhangwei@cqu.edu.cn"])


def run_plans(r, root):
    here = os.path.join(root, "tests", "plan")

    def with_register(feed):
        feed["revision"] = 2
        with open(os.path.join(here, "register.json"), encoding="utf-8") as f:
            feed["equivalences"] = json.load(f)
    path = feed_with(os.path.join(here, "feed.json"), r.tmp, "plans.json", with_register)
    db = os.path.join(r.tmp, "plans.db")
    r.quiet(db, ["catalog", "import", "--quiet", path])
    plans = os.path.join(r.tmp, "plans")
    os.mkdir(plans)

    # The plan fixtures of the fuzzer's corpus: every stage of an agreement.
    corpus = os.path.join(root, "tests", "fuzz", "corpus", "plan")
    for name in sorted(os.listdir(corpus)):
        if name.startswith("valid-"):
            r.output(db, "plan-show", "the fixture " + name, ["plan", "show", "--json", os.path.join(corpus, name)])

    plan = os.path.join(plans, "li.creditplan")
    new_ready_plan(r, db, plan, "李华")
    r.output(db, "plan-show", "a plan without groups", ["plan", "show", "--json", plan])
    r.quiet(db, ["plan", "add", plan, "CS301", "--replaces", "CS305"])   # a valid decision, with a condition
    r.quiet(db, ["plan", "add", plan, "CS302", "--replaces", "CS306"])   # an expired one
    r.quiet(db, ["plan", "add", plan, "MA101"])                          # free elective credits
    r.quiet(db, ["plan", "add", plan, "CS201"])                          # none
    d = r.output(db, "plan-show", "a draft recognised by the register's decisions", ["plan", "show", "--json", plan])
    check(d is not None and d["groups"][0]["precedent"] is not None and d["warnings"],
          "… with a decision and warnings")
    approve(r, db, plan)
    r.quiet(db, ["plan", "feedback", plan, "CS301", "--hours", "150", "--rating", "4", "--comment", "实验很多"])
    r.output(db, "plan-grades", "grades that convert", ["plan", "grades", "--json", plan, "CS301=A", "CS302=85"])
    d = r.output(db, "plan-grades", "a failing grade and a grade not yet entered",
                 ["plan", "grades", "--json", plan, "CS302=30"])
    check(d is not None and any(line["grade"] is None for line in d["recognition"]), "… lines without a home grade")
    r.output(db, "plan-show", "an approved agreement with grades and feedback", ["plan", "show", "--json", plan])

    # A course an update changed.
    def change(feed):
        for course in feed["courses"]:
            if course["id"] == "cqu:cs301":
                course["credits"] = 4.5
                course["workload_hours"] = 144
    r.quiet(db, ["catalog", "import", "--quiet", feed_with(path, r.tmp, "plans.json", change)])
    d = r.output(db, "plan-show", "a course an update changed", ["plan", "show", "--json", plan])
    check(d is not None and d["groups"][0]["changed_courses"], "… listed with both figures")

    # The report: the plans, and the files a folder may also hold (skipped).
    other = os.path.join(plans, "wang.creditplan")
    new_ready_plan(r, db, other, "王五")
    r.quiet(db, ["plan", "add", other, "CS302", "--replaces", "CS306"])
    r.quiet(db, ["plan", "feedback", other, "CS302", "--hours", "80", "--rating", "3"])
    skipped = os.path.join(here, "report")
    d = r.output(db, "report", "plans and files it skips", ["report", "--json", plans, skipped])
    check(d is not None and d["skipped"]["damaged"] == 1 and d["overall"]["plans"] == 2,
          "… counts the plans and the skipped files", d)
    r.output(db, "report", "with the comments, under K = 1", ["report", "--json", "--comments", "--min-students", "1", plans])
    out = os.path.join(r.tmp, "report.json")
    r.output(db, "report", "written with -o FILE", ["report", "--json", "-o", out, plans], output=out)


def main(argv):
    if len(argv) == 3 and argv[1] == "--print-members":
        for name, schema in load_schemas(os.path.join(argv[2], "docs", "json-schema")).items():
            print("\n".join(member_lines(name, schema)))
        return 0
    if len(argv) != 3:
        print("usage: test-cli-json.py CLI SOURCE_ROOT | --print-members SOURCE_ROOT", file=sys.stderr)
        return 2
    cli, root = argv[1], argv[2]
    folder = os.path.join(root, "docs", "json-schema")
    schemas = load_schemas(folder)
    check(schemas, "docs/json-schema/ holds schemas")
    check_schemas(schemas, folder)

    commands = json_commands(cli)
    check(len(commands) >= 10, "the commands' --help lists --json for %d commands" % len(commands),
          "found: %s" % commands)
    names = {"-".join(words): words for words in commands}
    for name, words in sorted(names.items()):
        check(name in schemas, "`%s --json` has a schema: docs/json-schema/%s.schema.json" % (" ".join(words), name))
    for name in schemas:
        check(name in names or name in FILES,
              "docs/json-schema/%s.schema.json is the schema of a command that has --json" % name)

    tmp = tempfile.mkdtemp(prefix="test-cli-json-")
    try:
        r = Runner(cli, schemas, tmp)
        db = os.path.join(tmp, "demo.db")
        # An output of an unexpected shape fails its part, not the whole test.
        for part, args in ((run_catalog, (r, root)), (run_certificates, (r, db)),
                           (run_credits_and_grades, (r, db, root)), (run_plans, (r, root))):
            try:
                part(*args)
            except Exception:  # noqa: BLE001 - reported as a failure with its traceback
                not_ok("%s ran to its end" % part.__name__, traceback.format_exc())
        for name, words in sorted(dict(names, **FILES).items()):
            check(name in r.validated, "`%s` was run and what it printed or wrote validated" % " ".join(words))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % n)
    print("# %d passed, %d failed" % (n - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
