#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a valid synthetic catalog feed of N courses, for the benchmarks.

    tests/gen-feed.py --courses N --out DIR [--seed S] [--files K]

DIR/feed.json holds the alliance, the 20 universities of the demo catalog
(credit policies, grading scales and tables, terms) and a few certificates;
the courses are in DIR/courses/part-NN.jsonl (K files, JSON Lines). The feed
is valid against shared/spec/catalog-feed.schema.json and passes the spec's
checks beyond the schema without warnings.

Titles are drawn from combinatorial Chinese/English word lists (modifier +
subject + kind of course), so that one-, two- and four-character Chinese
queries, English words and prefixes, and course codes all find realistic
numbers of results. The same seed writes the same bytes. Courses are written
as they are made, so memory stays bounded for any N.
"""

import argparse
import importlib.util
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO_SCRIPT = os.path.join(HERE, "..", "data", "catalog", "make-demo-catalog.py")


def load_demo():
    spec = importlib.util.spec_from_file_location("make_demo_catalog", DEMO_SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# Subjects: Chinese, English, ISCED-F field. The common ones (mathematics,
# English, computing …) are taught everywhere; the others where the
# university has the field.
SUBJECTS = """
数学 Mathematics 0541
代数 Algebra 0541
几何 Geometry 0541
微分方程 Differential Equations 0541
数学建模 Mathematical Modelling 0541
概率 Probability 0542
统计 Statistics 0542
数据科学 Data Science 0542
物理 Physics 0533
力学 Mechanics 0533
光学 Optics 0533
天文 Astronomy 0533
化学 Chemistry 0531
材料化学 Materials Chemistry 0531
生物 Biology 0511
生态 Ecology 0511
遗传 Genetics 0511
鸟类 Ornithology 0511
植物 Plant Biology 0511
环境 Environment 0521
气候 Climate 0521
地质 Geology 0532
矿物 Mineralogy 0532
地球物理 Geophysics 0532
石油 Petroleum 0724
天然气 Natural Gas 0724
程序设计 Programming 0613
软件 Software 0613
算法 Algorithms 0613
机器学习 Machine Learning 0613
人工智能 Artificial Intelligence 0613
数据库 Databases 0612
网络 Networks 0612
信息安全 Information Security 0612
电路 Circuits 0714
信号 Signals 0714
通信 Communications 0714
控制 Control 0714
电子 Electronics 0714
电力 Electric Power 0713
能源 Energy 0713
机械 Mechanical Engineering 0715
制造 Manufacturing 0715
机器人 Robotics 0715
结构 Structures 0732
桥梁 Bridges 0732
隧道 Tunnels 0732
道路 Highways 0732
建筑 Architecture 0731
城市规划 Urban Planning 0731
交通 Transport 1041
铁路 Railways 1041
物流 Logistics 1041
作物 Crops 0811
土壤 Soils 0811
茶 Tea 0811
兽医 Veterinary Medicine 0841
解剖 Anatomy 0912
生理 Physiology 0912
病理 Pathology 0912
临床医学 Clinical Medicine 0912
护理 Nursing 0913
药物 Pharmaceutics 0916
中医 Chinese Medicine 0917
针灸 Acupuncture 0917
中药 Chinese Materia Medica 0917
口腔 Dentistry 0911
经济 Economics 0311
金融 Finance 0412
银行 Banking 0412
保险 Insurance 0412
会计 Accounting 0411
审计 Auditing 0411
税收 Taxation 0411
管理 Management 0413
营销 Marketing 0413
法律 Law 0421
宪法 Constitutional Law 0421
民法 Civil Law 0421
刑法 Criminal Law 0421
教育 Education 0111
课程 Curriculum 0111
英语 English 0231
日语 Japanese 0231
翻译 Translation 0231
文学 Literature 0232
语言学 Linguistics 0232
汉语 Chinese Language 0232
新闻 Journalism 0321
传播 Communication 0321
社会 Society 0314
民族 Ethnology 0314
美术 Fine Art 0213
书法 Calligraphy 0213
历史 History 0222
旅游 Tourism 1015
心理 Psychology 0313
"""

COMMON = {"0541", "0542", "0231", "0613", "0313"}

# Modifiers: Chinese, English (with trailing space), weight.
MODIFIERS = [
    ("", "", 10), ("高级", "Advanced ", 3), ("现代", "Modern ", 2), ("应用", "Applied ", 3),
    ("计算", "Computational ", 1), ("工程", "Engineering ", 2), ("国际", "International ", 1),
    ("比较", "Comparative ", 1), ("实验", "Experimental ", 1), ("基础", "Basic ", 2),
    ("智能", "Intelligent ", 1), ("区域", "Regional ", 1), ("绿色", "Green ", 1),
]

# Kinds of course: Chinese suffix, English pattern, teaching kind (as in the
# demo generator: L lecture, X with lab, S seminar, B practical, P practice weeks).
SUFFIXES = [
    ("导论", "Introduction to {}", "L"), ("原理", "Principles of {}", "L"),
    ("基础", "Foundations of {}", "L"), ("方法", "Methods in {}", "L"),
    ("分析", "{} Analysis", "L"), ("理论", "{} Theory", "L"), ("学", "{}", "L"),
    ("设计", "{} Design", "X"), ("实验", "{} Laboratory", "B"), ("技术", "{} Technology", "X"),
    ("专题研究", "Topics in {}", "S"), ("研讨", "Seminar on {}", "S"),
    ("前沿", "Frontiers of {}", "S"), ("实习", "{} Internship", "P"),
    ("课程设计", "{} Project", "P"), ("建模", "{} Modelling", "X"),
]
NUMBERS = [("", ""), ("（一）", " I"), ("（二）", " II"), ("（三）", " III")]

LEVELS = [("general", 1), ("foundation", 2), ("core", 4), ("elective", 3)]

OUTCOMES = [
    ("理解{zh}的基本概念、原理和方法", "Explain the key concepts, principles and methods of {en}"),
    ("运用{zh}的知识分析和解决典型问题", "Apply {en} to analyse and solve typical problems"),
    ("阅读{zh}领域的专业文献并作出评述", "Read the literature of {en} and review it critically"),
    ("独立完成{zh}相关的实验或项目并撰写报告", "Carry out an experiment or project in {en} and report on it"),
    ("在团队中协作完成{zh}相关任务", "Work in a team on a task in {en}"),
]


def parse_subjects():
    out = []
    for line in SUBJECTS.strip().splitlines():
        parts = line.split(" ")
        out.append((parts[0], " ".join(parts[1:-1]), parts[-1]))
    return out


def js(s):
    """A JSON string literal (UTF-8, not ASCII-escaped)."""
    return json.dumps(s, ensure_ascii=False)


class Generator:
    def __init__(self, demo, seed):
        self.demo = demo
        self.rng = random.Random(seed)
        self.unis = demo.universities()
        subjects = parse_subjects()
        for zh, en, _ in subjects:
            assert '"' not in zh + en and "\\" not in zh + en
        self.uni_subjects = []
        for row in demo.UNIVERSITIES:
            fields = set(row[7]) | COMMON
            self.uni_subjects.append([s for s in subjects if s[2] in fields])
        self.modifiers = [m for m in MODIFIERS for _ in range(m[2])]
        self.levels = [lv for lv, w in LEVELS for _ in range(w)]
        self.load_cache = {}
        self.recent = []
        self.first_ids = {}

    def load(self, ui, kind, credits):
        """(periods JSON, practice weeks, credits) for a kind of course, cached."""
        key = (ui, kind, credits)
        hit = self.load_cache.get(key)
        if hit is not None:
            return hit
        uni = self.unis[ui]
        policy = uni["credit_policy"]
        step = policy["credit_step"]
        nominal = self.demo.snap(credits, step)
        periods, weeks = self.demo.build_periods({"kind": kind}, policy, nominal)
        workload = self.demo.course_workload(policy, periods, weeks)
        expected = workload / self.demo.hours_per_local_credit(policy)
        if abs(nominal - expected) > 0.2 * expected:
            nominal = self.demo.snap(expected, step)
        assert abs(nominal - expected) <= 0.25 * expected
        periods_js = json.dumps(periods, separators=(",", ":"))
        hit = (periods_js, self.demo.num(weeks), self.demo.num(nominal), workload)
        self.load_cache[key] = hit
        return hit

    def course(self, i):
        rng = self.rng
        ui = rng.randrange(len(self.unis))
        uni = self.unis[ui]
        uid = uni["id"]
        szh, sen, isced = rng.choice(self.uni_subjects[ui])
        mzh, men, _ = rng.choice(self.modifiers)
        fzh, fen, kind = rng.choice(SUFFIXES)
        nzh, nen = NUMBERS[0] if rng.random() < 0.8 else rng.choice(NUMBERS[1:])
        if szh.endswith(fzh) or (fzh == "学" and szh.endswith("学")):
            fzh, fen = "", "{}"          # not 数学学 or 数学建模建模
        if mzh == fzh:
            mzh, men = "", ""            # not 基础数学基础
        title_zh = mzh + szh + fzh + nzh
        title_en = fen.format(men + sen) + nen
        dept = self.demo.DEPT[isced]
        code = "%s%06d" % (dept, i)
        cid = "%s:%s" % (uid, code.lower())
        cycle = "master" if rng.random() < 0.12 else "bachelor"
        level = "core" if cycle == "master" else rng.choice(self.levels)
        credits = rng.choice((1, 2, 2, 2, 3, 3, 3, 4)) if kind != "P" else rng.choice((1, 2, 3))
        if kind == "X" and credits < 2:
            credits = 2
        periods_js, weeks, credits, workload = self.load(ui, kind, credits)

        scales = [s["id"] for s in uni["grading_scales"]]
        if kind == "P" and "pf" in scales:
            scale = "pf"
        elif "five" in scales and rng.random() < 0.15:
            scale = "five"
        else:
            scale = "pct"
        terms = uni["terms"]
        r = rng.random()
        if r < 0.45:
            terms_js = '["2026-autumn"]'
        elif r < 0.9:
            terms_js = '["2027-spring"]'
        elif r < 0.97 or len(terms) < 3:
            terms_js = '["2026-autumn","2027-spring"]'
        else:
            terms_js = '["2027-summer"]'
        r = rng.random()
        langs = '["zh"]' if r < 0.82 else ('["en"]' if r < 0.9 else '["zh","en"]')
        r = rng.random()
        delivery = "on-campus" if r < 0.75 or kind in "PB" else ("blended" if r < 0.9 else "online")

        parts = [
            '{"id":"%s","university":"%s","code":"%s","title":{"zh":"%s","en":"%s"},'
            '"isced":"%s","cycle":"%s","level":"%s","periods":%s'
            % (cid, uid, code, title_zh, title_en, isced, cycle, level, periods_js)
        ]
        if weeks:
            parts.append(',"practice_weeks":%s' % weeks)
        if rng.random() < 0.1:
            parts.append(',"workload_hours":%d' % round(workload * rng.uniform(0.95, 1.08)))
        parts.append(',"credits":%s,"grading_scale":"%s","terms":%s,"languages":%s,"delivery":"%s"'
                     % (credits, scale, terms_js, langs, delivery))
        if rng.random() < 0.8:
            parts.append(',"seats":%d' % rng.randrange(0, 81, 5))
        n = rng.choice((1, 2, 2, 3))
        base_zh = mzh + szh
        base_en = men + sen
        outs = []
        for zh, en in rng.sample(OUTCOMES, n):
            outs.append('{"zh":"%s","en":"%s"}' % (zh.format(zh=base_zh), en.format(en=base_en)))
        parts.append(',"learning_outcomes":[%s]' % ",".join(outs))
        if self.recent and rng.random() < 0.15:
            parts.append(',"prerequisites":["%s"]' % rng.choice(self.recent))
        if rng.random() < 0.2:
            parts.append(',"description":{"zh":"本课程介绍%s的核心内容与方法。","en":"This course covers the core ideas and methods of %s."}'
                         % (title_zh, title_en))
        parts.append("}\n")

        if len(self.recent) < 512:
            self.recent.append(cid)
        else:
            self.recent[rng.randrange(512)] = cid
        if uid not in self.first_ids:
            self.first_ids[uid] = cid
        return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic Credit Bridge catalog feed.")
    ap.add_argument("--courses", type=int, required=True, help="number of courses (N)")
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--files", type=int, default=0,
                    help="number of course files (default: one per 250,000 courses, at least 1)")
    args = ap.parse_args()
    if args.courses < 1:
        ap.error("--courses must be at least 1")
    files = args.files or max(1, (args.courses + 249999) // 250000)
    if files < 1 or files > args.courses:
        ap.error("--files must be between 1 and --courses")

    start = time.monotonic()
    demo = load_demo()
    gen = Generator(demo, args.seed)
    os.makedirs(os.path.join(args.out, "courses"), exist_ok=True)
    names = []
    done = 0
    for k in range(files):
        name = "courses/part-%02d.jsonl" % k
        names.append(name)
        end = args.courses * (k + 1) // files
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n",
                  buffering=1 << 20) as f:
            write = f.write
            course = gen.course
            while done < end:
                write(course(done))
                done += 1

    certificates = []
    for i, (uid, cid) in enumerate(sorted(gen.first_ids.items())[:5]):
        certificates.append({
            "id": "synthetic-cert-%d" % i,
            "name": {"zh": "合成证书%d" % i, "en": "Synthetic certificate %d" % i},
            "issuer": {"zh": "基准测试", "en": "Benchmark"},
            "workload_hours": 60,
            "recognitions": [{"university": uid, "credits": 2, "replaces": [cid], "valid_years": 3}],
        })
    feed = {
        "format": "credit-bridge-catalog",
        "version": 1,
        "generated": "2026-11-20T10:00:00+08:00",
        "x-synthetic": {"courses": args.courses, "seed": args.seed},
        "x-notice": {"zh": "合成的基准测试数据，并非真实课程。", "en": "Synthetic benchmark data, not real courses."},
        "alliance": {
            "id": "cy-alliance-synthetic",
            "name": {"zh": "成渝地区双城经济圈高校联盟（合成数据）",
                     "en": "Chengdu–Chongqing University Alliance (synthetic data)"},
            "hours_per_credit": demo.ALLIANCE["hours_per_credit"],
            "ects_hours_per_credit": demo.ALLIANCE["ects_hours_per_credit"],
        },
        "universities": gen.unis,
        "course_files": names,
        "certificates": certificates,
    }
    with open(os.path.join(args.out, "feed.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(feed, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %s: %d courses in %d files in %.1f s"
          % (args.out, args.courses, files, time.monotonic() - start), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
