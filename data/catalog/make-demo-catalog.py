#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the Credit Bridge demo catalog of the Chengdu–Chongqing alliance.

The demo feed follows ../../shared/spec/catalog-feed.md (format
"credit-bridge-catalog", version 1, revision 2): feed.json holds the
alliance, the 20 member universities (credit policies with rounding and term
loads, grading scales and tables, terms), the certificates and the
recognition register (equivalences); the courses are in
courses/<university>.jsonl, one course object per line.

The output is deterministic: running this script twice writes the same bytes,
so the committed files can be checked against it (tests/demo does).

    data/catalog/make-demo-catalog.py [--out DIR]

The universities are real; the courses, figures and distributions are
illustrative demo data (the feed says so in "x-demo" and "x-notice").
"""

import argparse
import datetime
import hashlib
import json
import os
import random
import sys

# The certificates live beside this script (also when another script loads it).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_certificates  # noqa: E402

GENERATED = "2026-11-20T10:00:00+08:00"
PERIOD = "2023/24–2024/25"

ALLIANCE = {
    "id": "cy-alliance",
    "name": {
        "zh": "成渝地区双城经济圈高校联盟（演示数据）",
        "en": "Chengdu–Chongqing Economic Circle University Alliance (demo data)",
    },
    "hours_per_credit": 30,
    "ects_hours_per_credit": 27.5,
}

NOTICE = {
    "zh": "演示数据：成员高校与证书均真实存在，但课程、学分、成绩分布以及各校对证书的学分认定等内容均为示意，"
          "并非各校官方信息，请勿用于实际选课或学分认定。",
    "en": "Demo data: the member universities and the certificates are real, but the courses, "
          "credits, grade distributions, what each university grants for a certificate and other "
          "figures are illustrative, not the "
          "universities' official information. Do not use them to plan real study "
          "or to recognise credits.",
}

# ---------------------------------------------------------------------------
# The member universities.
#
# id, zh name, en name, city zh, city en, province, hei_id (web domain),
# fields of study (ISCED-F 2013, most important first), course-code style,
# and whether its membership could be confirmed from memory (see README.md).
# ---------------------------------------------------------------------------

UNIVERSITIES = [
    # Sichuan (12)
    ("scu", "四川大学", "Sichuan University", "成都", "Chengdu", "sichuan", "scu.edu.cn",
     ["0912", "0911", "0613", "0541", "0533", "0531", "0222", "0232", "0311", "0421"], "dept4"),
    ("uestc", "电子科技大学", "University of Electronic Science and Technology of China",
     "成都", "Chengdu", "sichuan", "uestc.edu.cn",
     ["0714", "0613", "0612", "0541", "0533", "0413"], "letter"),
    ("swjtu", "西南交通大学", "Southwest Jiaotong University", "成都", "Chengdu", "sichuan",
     "swjtu.edu.cn", ["1041", "0732", "0713", "0715", "0613", "0731"], "dept4"),
    ("swufe", "西南财经大学", "Southwestern University of Finance and Economics", "成都",
     "Chengdu", "sichuan", "swufe.edu.cn",
     ["0412", "0411", "0311", "0542", "0413", "0421"], "year"),
    ("sicau", "四川农业大学", "Sichuan Agricultural University", "雅安", "Ya'an", "sichuan",
     "sicau.edu.cn", ["0811", "0841", "0511", "0521", "0413", "0531"], "letter"),
    ("swpu", "西南石油大学", "Southwest Petroleum University", "成都", "Chengdu", "sichuan",
     "swpu.edu.cn", ["0724", "0532", "0531", "0715", "0613"], "dept4"),
    ("cdut", "成都理工大学", "Chengdu University of Technology", "成都", "Chengdu", "sichuan",
     "cdut.edu.cn", ["0532", "0724", "0521", "0712", "0613", "1015"], "year"),
    ("swun", "西南民族大学", "Southwest Minzu University", "成都", "Chengdu", "sichuan",
     "swun.edu.cn", ["0314", "0232", "0421", "0311", "0613", "0841"], "letter"),
    ("sicnu", "四川师范大学", "Sichuan Normal University", "成都", "Chengdu", "sichuan",
     "sicnu.edu.cn", ["0111", "0232", "0541", "0213", "0231", "1015"], "dept4"),
    ("cdutcm", "成都中医药大学", "Chengdu University of Traditional Chinese Medicine", "成都",
     "Chengdu", "sichuan", "cdutcm.edu.cn", ["0917", "0916", "0913", "0912", "0511", "0531"],
     "year"),
    ("swust", "西南科技大学", "Southwest University of Science and Technology", "绵阳",
     "Mianyang", "sichuan", "swust.edu.cn",
     ["0715", "0714", "0613", "0732", "0531", "0521"], "letter"),
    ("cwnu", "西华师范大学", "China West Normal University", "南充", "Nanchong", "sichuan",
     "cwnu.edu.cn", ["0111", "0232", "0541", "0511", "0231", "0222"], "dept4"),
    # Chongqing (8)
    ("cqu", "重庆大学", "Chongqing University", "重庆", "Chongqing", "chongqing", "cqu.edu.cn",
     ["0713", "0715", "0732", "0731", "0613", "0541", "0412"], "dept4"),
    ("swu", "西南大学", "Southwest University", "重庆", "Chongqing", "chongqing", "swu.edu.cn",
     ["0111", "0511", "0811", "0541", "0232", "0613"], "year"),
    ("cqmu", "重庆医科大学", "Chongqing Medical University", "重庆", "Chongqing", "chongqing",
     "cqmu.edu.cn", ["0912", "0913", "0916", "0911", "0511", "0531"], "letter"),
    ("cqupt", "重庆邮电大学", "Chongqing University of Posts and Telecommunications", "重庆",
     "Chongqing", "chongqing", "cqupt.edu.cn", ["0714", "0613", "0612", "0713", "0413"],
     "letter"),
    ("cqjtu", "重庆交通大学", "Chongqing Jiaotong University", "重庆", "Chongqing", "chongqing",
     "cqjtu.edu.cn", ["0732", "1041", "0715", "0712", "0613"], "dept4"),
    ("swupl", "西南政法大学", "Southwest University of Political Science and Law", "重庆",
     "Chongqing", "chongqing", "swupl.edu.cn", ["0421", "0311", "0314", "0321", "0413"],
     "year"),
    ("sisu", "四川外国语大学", "Sichuan International Studies University", "重庆", "Chongqing",
     "chongqing", "sisu.edu.cn", ["0231", "0232", "0321", "0111", "0311"], "dept4"),
    ("cqnu", "重庆师范大学", "Chongqing Normal University", "重庆", "Chongqing", "chongqing",
     "cqnu.edu.cn", ["0111", "0541", "0232", "0213", "0533", "0613"], "year"),
]

# Universities whose place in the alliance's founding list is an assumption
# (see README.md); the others are remembered as members with more confidence.
ASSUMED_MEMBERS = {"swun", "sicnu", "cdutcm", "swust", "cwnu", "cqnu"}

# Universities of the humanities, law and languages: a lighter mathematics
# and no physics in their general education.
LIBERAL_ARTS = {"swupl", "sisu"}

# Credit policies: period minutes; periods per credit (lecture, lab, seminar);
# self-study ratios (lecture, lab, seminar); practice week hours; weeks per
# practice credit; credit step. The lab and practice figures are chosen so that
# one credit of each kind is roughly one credit of lecture workload, as the
# universities' own rules intend.
POLICIES = {
    "scu":    (45, (16, 32, 16), (2.0, 0.5, 1.5), 36, 1, 0.5),
    "uestc":  (40, (16, 32, 16), (2.0, 0.5, 1.5), 32, 1, 0.5),
    "swjtu":  (50, (16, 32, 16), (2.0, 0.5, 1.5), 40, 1, 0.5),
    "swufe":  (45, (18, 36, 18), (2.0, 0.5, 2.0), 36, 1, 0.5),
    "sicau":  (40, (18, 36, 18), (1.5, 0.25, 1.0), 30, 1, 0.5),
    "swpu":   (45, (16, 32, 16), (1.5, 0.25, 1.5), 30, 1, 1),
    "cdut":   (45, (16, 32, 16), (2.5, 0.75, 2.0), 40, 1, 0.5),
    "swun":   (40, (16, 32, 16), (2.5, 0.75, 2.0), 36, 1, 0.5),
    "sicnu":  (40, (18, 36, 18), (2.0, 0.5, 1.5), 36, 1, 0.5),
    "cdutcm": (45, (18, 36, 18), (2.0, 0.5, 1.5), 30, 1.5, 0.5),
    "swust":  (50, (16, 32, 16), (1.5, 0.25, 1.0), 35, 1, 0.5),
    "cwnu":   (40, (16, 32, 16), (1.5, 0.25, 1.5), 30, 1, 1),
    "cqu":    (45, (16, 32, 16), (2.0, 0.5, 2.0), 40, 1, 0.5),
    "swu":    (40, (18, 36, 18), (2.5, 0.75, 2.0), 40, 1, 0.5),
    "cqmu":   (50, (18, 36, 18), (2.5, 0.75, 2.0), 40, 1.5, 0.25),
    "cqupt":  (45, (16, 36, 16), (2.0, 0.5, 1.5), 36, 1, 0.5),
    "cqjtu":  (50, (18, 36, 18), (1.5, 0.25, 1.5), 38, 1, 0.5),
    "swupl":  (45, (18, 36, 18), (2.5, 0.75, 2.0), 30, 1.5, 1),
    "sisu":   (40, (16, 32, 16), (2.0, 0.5, 2.0), 32, 1, 0.5),
    "cqnu":   (45, (16, 32, 18), (1.5, 0.25, 1.0), 30, 1, 0.5),
}

# Revision 2 of the feed. How credits for a course elsewhere are awarded:
# most universities round down to their credit step, so that a student is
# never promised more than the workload supports; these round to the nearest.
ROUNDING_NEAREST = {"swufe", "cwnu", "cqupt", "sisu", "cqnu"}

# The local credits a full-time student normally takes in one term (the
# universities' 学分修读 rules say "不少于 … 不超过 …").
TERM_LOAD = {
    "scu": (15, 28), "uestc": (16, 30), "swjtu": (14, 26), "swufe": (14, 26), "sicau": (16, 30),
    "swpu": (16, 30), "cdut": (15, 26), "swun": (15, 28), "sicnu": (15, 28), "cdutcm": (14, 26),
    "swust": (15, 30), "cwnu": (18, 32), "cqu": (15, 28), "swu": (14, 26), "cqmu": (12, 24),
    "cqupt": (16, 28), "cqjtu": (14, 26), "swupl": (12, 22), "sisu": (16, 30), "cqnu": (16, 30),
}

# How a university grades: "pct" 百分制 always; "five" 五级制 and "pf" 两级制
# where listed. Leniency: -1 strict … +1 lenient, for the grading tables.
SCALES = {
    "scu": ("five",), "uestc": (), "swjtu": ("five", "pf"), "swufe": ("five",),
    "sicau": ("five", "pf"), "swpu": ("pf",), "cdut": ("five",), "swun": ("five",),
    "sicnu": ("five", "pf"), "cdutcm": ("five",), "swust": (), "cwnu": ("five",),
    "cqu": ("five",), "swu": ("five", "pf"), "cqmu": ("five",), "cqupt": ("pf",),
    "cqjtu": ("five",), "swupl": ("five", "pf"), "sisu": ("five",), "cqnu": ("five",),
}

LENIENCY = {
    "scu": -0.2, "uestc": -0.6, "swjtu": -0.4, "swufe": 0.1, "sicau": 0.4, "swpu": -0.1,
    "cdut": 0.2, "swun": 0.6, "sicnu": 0.5, "cdutcm": 0.0, "swust": 0.3, "cwnu": 0.7,
    "cqu": -0.5, "swu": 0.3, "cqmu": -0.8, "cqupt": -0.3, "cqjtu": 0.2, "swupl": -0.1,
    "sisu": 0.8, "cqnu": 0.5,
}

# Grading tables: (scale, ISCED code, cycle) for each university.
TABLES = {
    "scu": [("pct", "09", "bachelor"), ("pct", "091", "bachelor"), ("pct", "0912", "bachelor"),
            ("pct", "0912", "master"), ("pct", "06", "bachelor"), ("pct", "05", "bachelor"),
            ("five", "02", "bachelor")],
    "uestc": [("pct", "07", "bachelor"), ("pct", "071", "bachelor"), ("pct", "0714", "bachelor"),
              ("pct", "0714", "master"), ("pct", "061", "bachelor"), ("pct", "0613", "master")],
    "swjtu": [("pct", "1041", "bachelor"), ("pct", "1041", "master"), ("pct", "07", "bachelor"),
              ("pct", "073", "bachelor"), ("pct", "0732", "master"), ("five", "07", "bachelor")],
    "swufe": [("pct", "04", "bachelor"), ("pct", "041", "bachelor"), ("pct", "0412", "bachelor"),
              ("pct", "0412", "master"), ("pct", "031", "bachelor"), ("pct", "0542", "bachelor"),
              ("five", "04", "bachelor")],
    "sicau": [("pct", "08", "bachelor"), ("pct", "081", "bachelor"), ("pct", "0811", "master"),
              ("pct", "05", "bachelor"), ("pct", "051", "bachelor"), ("five", "08", "bachelor")],
    "swpu": [("pct", "07", "bachelor"), ("pct", "0724", "bachelor"), ("pct", "0724", "master"),
             ("pct", "053", "bachelor"), ("pct", "06", "bachelor")],
    "cdut": [("pct", "05", "bachelor"), ("pct", "0532", "bachelor"), ("pct", "0532", "master"),
             ("pct", "07", "bachelor"), ("five", "05", "bachelor")],
    "swun": [("pct", "03", "bachelor"), ("pct", "0314", "bachelor"), ("pct", "0314", "master"),
             ("pct", "02", "bachelor"), ("five", "03", "bachelor")],
    "sicnu": [("pct", "01", "bachelor"), ("pct", "011", "bachelor"), ("pct", "011", "master"),
              ("pct", "02", "bachelor"), ("pct", "05", "bachelor"), ("five", "01", "bachelor")],
    "cdutcm": [("pct", "09", "bachelor"), ("pct", "0917", "bachelor"), ("pct", "0917", "master"),
               ("pct", "0916", "bachelor"), ("five", "09", "bachelor")],
    "swust": [("pct", "07", "bachelor"), ("pct", "0715", "bachelor"), ("pct", "071", "master"),
              ("pct", "06", "bachelor"), ("pct", "05", "bachelor")],
    "cwnu": [("pct", "01", "bachelor"), ("pct", "02", "bachelor"), ("pct", "05", "bachelor"),
             ("pct", "011", "master"), ("five", "01", "bachelor")],
    "cqu": [("pct", "07", "bachelor"), ("pct", "071", "bachelor"), ("pct", "0713", "bachelor"),
            ("pct", "0713", "master"), ("pct", "073", "bachelor"), ("pct", "06", "bachelor"),
            ("five", "07", "bachelor")],
    "swu": [("pct", "01", "bachelor"), ("pct", "05", "bachelor"), ("pct", "0511", "bachelor"),
            ("pct", "0511", "master"), ("pct", "08", "bachelor"), ("five", "01", "bachelor")],
    "cqmu": [("pct", "09", "bachelor"), ("pct", "091", "bachelor"), ("pct", "0912", "master"),
             ("pct", "0913", "bachelor"), ("five", "09", "bachelor")],
    "cqupt": [("pct", "07", "bachelor"), ("pct", "0714", "bachelor"), ("pct", "0714", "master"),
              ("pct", "06", "bachelor"), ("pct", "0612", "bachelor")],
    "cqjtu": [("pct", "07", "bachelor"), ("pct", "073", "bachelor"), ("pct", "0732", "master"),
              ("pct", "1041", "bachelor"), ("five", "07", "bachelor")],
    "swupl": [("pct", "04", "bachelor"), ("pct", "042", "bachelor"), ("pct", "0421", "master"),
              ("pct", "03", "bachelor"), ("five", "04", "bachelor")],
    "sisu": [("pct", "02", "bachelor"), ("pct", "023", "bachelor"), ("pct", "0231", "master"),
             ("pct", "03", "bachelor"), ("five", "02", "bachelor")],
    "cqnu": [("pct", "01", "bachelor"), ("pct", "011", "bachelor"), ("pct", "05", "bachelor"),
             ("pct", "02", "bachelor"), ("five", "01", "bachelor")],
}

# Terms: autumn start, autumn end, spring start, spring end, summer (start, end) or None.
TERMS = {
    "scu": ("2026-09-07", "2027-01-15", "2027-02-22", "2027-07-02", ("2027-07-05", "2027-07-30")),
    "uestc": ("2026-09-07", "2027-01-17", "2027-02-27", "2027-07-04", None),
    "swjtu": ("2026-09-07", "2027-01-22", "2027-03-01", "2027-07-09", ("2027-07-12", "2027-08-06")),
    "swufe": ("2026-09-07", "2027-01-15", "2027-02-22", "2027-07-02", None),
    "sicau": ("2026-08-31", "2027-01-10", "2027-02-22", "2027-07-04", None),
    "swpu": ("2026-09-07", "2027-01-17", "2027-02-27", "2027-07-04", None),
    "cdut": ("2026-09-07", "2027-01-17", "2027-03-01", "2027-07-11", None),
    "swun": ("2026-09-07", "2027-01-15", "2027-02-27", "2027-07-02", None),
    "sicnu": ("2026-09-07", "2027-01-15", "2027-02-22", "2027-07-02", None),
    "cdutcm": ("2026-09-01", "2027-01-12", "2027-02-22", "2027-07-06", None),
    "swust": ("2026-09-07", "2027-01-17", "2027-03-01", "2027-07-09", None),
    "cwnu": ("2026-09-01", "2027-01-15", "2027-02-27", "2027-07-02", None),
    "cqu": ("2026-08-31", "2027-01-15", "2027-02-22", "2027-06-25", ("2027-06-28", "2027-07-23")),
    "swu": ("2026-09-07", "2027-01-17", "2027-02-22", "2027-07-02", None),
    "cqmu": ("2026-08-31", "2027-01-17", "2027-02-22", "2027-07-09", None),
    "cqupt": ("2026-09-07", "2027-01-17", "2027-03-01", "2027-07-09", ("2027-07-12", "2027-08-01")),
    "cqjtu": ("2026-09-07", "2027-01-15", "2027-02-27", "2027-07-04", None),
    "swupl": ("2026-09-07", "2027-01-15", "2027-02-22", "2027-06-27", None),
    "sisu": ("2026-09-07", "2027-01-10", "2027-02-22", "2027-06-27", None),
    "cqnu": ("2026-09-07", "2027-01-15", "2027-02-27", "2027-07-04", None),
}

# Department letters for course codes, by ISCED field.
DEPT = {
    "0111": "EDU", "0213": "ART", "0222": "HIS", "0223": "PHI", "0231": "FL", "0232": "LIT",
    "0311": "ECO", "0313": "PSY", "0314": "SOC", "0321": "JOU", "0411": "ACC", "0412": "FIN",
    "0413": "MGT", "0421": "LAW", "0511": "BIO", "0521": "ENV", "0531": "CHEM", "0532": "GEO",
    "0533": "PHY", "0541": "MATH", "0542": "STAT", "0612": "NET", "0613": "CS", "0712": "EE",
    "0713": "POW", "0714": "ECE", "0715": "ME", "0724": "PET", "0731": "ARCH", "0732": "CE",
    "0811": "AGR", "0841": "VET", "0911": "DEN", "0912": "MED", "0913": "NUR", "0916": "PHA",
    "0917": "TCM", "1014": "PED", "1015": "TOUR", "1031": "MIL", "1041": "TRA",
}

FIELD_NAMES = {
    "0111": ("教育学", "education science"), "0213": ("美术", "fine arts"),
    "0222": ("历史学", "history"), "0223": ("哲学", "philosophy"),
    "0231": ("外国语言", "foreign languages"), "0232": ("文学与语言学", "literature and linguistics"),
    "0311": ("经济学", "economics"), "0313": ("心理学", "psychology"),
    "0314": ("社会学与民族学", "sociology and ethnology"), "0321": ("新闻传播", "journalism and communication"),
    "0411": ("会计学", "accounting"), "0412": ("金融学", "finance"),
    "0413": ("管理学", "management"), "0421": ("法学", "law"),
    "0511": ("生物学", "biology"), "0521": ("环境科学", "environmental science"),
    "0531": ("化学", "chemistry"), "0532": ("地球科学", "earth sciences"),
    "0533": ("物理学", "physics"), "0541": ("数学", "mathematics"),
    "0542": ("统计学", "statistics"), "0612": ("网络与数据", "networks and databases"),
    "0613": ("计算机科学与技术", "computer science"), "0712": ("环境工程", "environmental engineering"),
    "0713": ("电气工程", "electrical engineering"), "0714": ("电子信息", "electronic engineering"),
    "0715": ("机械工程", "mechanical engineering"), "0724": ("石油与天然气工程", "petroleum engineering"),
    "0731": ("建筑学", "architecture"), "0732": ("土木工程", "civil engineering"),
    "0811": ("农学", "agronomy"), "0841": ("兽医学", "veterinary science"),
    "0911": ("口腔医学", "dentistry"), "0912": ("临床医学", "clinical medicine"),
    "0913": ("护理学", "nursing"), "0916": ("药学", "pharmacy"),
    "0917": ("中医学", "Chinese medicine"), "1014": ("体育", "physical education"),
    "1015": ("旅游管理", "tourism management"), "1031": ("军事", "military studies"),
    "1041": ("交通运输", "transport"),
}

# ---------------------------------------------------------------------------
# Course word lists.  Each line: level kind credits 中文名 | English title [@uni,uni]
#   level: g general, f foundation, c core, e elective, m master (core level)
#   kind:  L lecture, X lecture with lab, B lab/practical only, S seminar,
#          P full-time practice (weeks)
# ---------------------------------------------------------------------------

GENERAL = """
0541 g L 5 高等数学（上） | Advanced Mathematics I @stem
0541 g L 5 高等数学（下） | Advanced Mathematics II @stem
0541 g L 3 线性代数 | Linear Algebra @stem
0542 g L 3 概率论与数理统计 | Probability Theory and Mathematical Statistics @stem
0541 g L 3 大学数学（文科） | College Mathematics for the Humanities @arts
0542 g L 2 统计学基础 | Basic Statistics @arts
0533 g L 4 大学物理（上） | College Physics I @stem
0533 g B 1 大学物理实验 | College Physics Laboratory @stem
0231 g L 3 大学英语（一） | College English I
0231 g L 3 大学英语（二） | College English II
0613 g X 2 大学计算机基础 | Fundamentals of Computing
0613 g X 3 Python程序设计 | Python Programming
0541 e X 2 数学建模 | Mathematical Modelling @stem
0222 g L 3 中国近现代史纲要 | Outline of Modern and Contemporary Chinese History
0313 g L 2 大学生心理健康 | Mental Health for University Students
1031 g L 2 军事理论 | Military Theory
1014 g B 1 体育（一） | Physical Education I
0413 g S 2 创新创业基础 | Foundations of Innovation and Entrepreneurship
0232 g L 2 大学语文 | College Chinese
0231 e S 2 学术英语写作 | Academic English Writing
0223 m L 2 学术规范与论文写作 | Research Integrity and Thesis Writing
"""

FIELDS = {
"0541": """
f L 5 数学分析（一） | Mathematical Analysis I
f L 5 数学分析（二） | Mathematical Analysis II
f L 4 高等代数 | Higher Algebra
c L 3 常微分方程 | Ordinary Differential Equations
c L 3 复变函数 | Complex Analysis
c L 3 实变函数 | Real Analysis
c X 3 数值分析 | Numerical Analysis
c L 3 抽象代数 | Abstract Algebra
e L 2 拓扑学 | Topology
e L 3 运筹学 | Operations Research
e L 2 离散数学 | Discrete Mathematics
e L 2 数学史 | History of Mathematics
e L 2 数学文化 | Mathematics and Culture
m L 3 泛函分析 | Functional Analysis
m L 3 矩阵分析 | Matrix Analysis
m L 3 随机过程 | Stochastic Processes
""",
"0542": """
f L 3 统计学原理 | Principles of Statistics
c L 3 多元统计分析 | Multivariate Statistical Analysis
c X 3 时间序列分析 | Time Series Analysis
c L 3 抽样调查 | Sampling Survey Methods
c X 3 回归分析 | Regression Analysis
e X 2 统计软件与R语言 | Statistical Computing with R
e L 2 贝叶斯统计 | Bayesian Statistics
m L 3 高等数理统计 | Advanced Mathematical Statistics
m X 3 统计学习 | Statistical Learning
""",
"0533": """
f L 4 力学 | Mechanics
f L 3 热学 | Heat and Thermodynamics
f L 4 电磁学 | Electromagnetism
c L 4 光学 | Optics
c L 3 分析力学 | Analytical Mechanics
c L 3 电动力学 | Electrodynamics
c L 4 量子力学 | Quantum Mechanics
c L 3 热力学与统计物理 | Thermodynamics and Statistical Physics
c B 2 近代物理实验 | Modern Physics Laboratory
e L 2 固体物理 | Solid State Physics
e X 2 计算物理 | Computational Physics
e L 2 天文学导论 | Introduction to Astronomy
m L 3 高等量子力学 | Advanced Quantum Mechanics
""",
"0531": """
f X 4 无机化学 | Inorganic Chemistry
f X 4 有机化学 | Organic Chemistry
c X 4 分析化学 | Analytical Chemistry
c X 4 物理化学 | Physical Chemistry
c L 3 结构化学 | Structural Chemistry
c X 3 仪器分析 | Instrumental Analysis
e L 2 高分子化学 | Polymer Chemistry
e L 2 绿色化学 | Green Chemistry
m L 3 高等有机化学 | Advanced Organic Chemistry
""",
"0511": """
f X 4 普通生物学 | General Biology
f X 4 生物化学 | Biochemistry
c X 3 细胞生物学 | Cell Biology
c X 3 分子生物学 | Molecular Biology
c X 3 遗传学 | Genetics
c X 3 微生物学 | Microbiology
c X 3 生态学 | Ecology
c L 2 植物生理学 | Plant Physiology
e L 2 保护生物学 | Conservation Biology
e X 2 生物信息学 | Bioinformatics
e P 2 生物学野外实习 | Biology Field Course
m L 3 高级分子生物学 | Advanced Molecular Biology
m S 2 生态学研究方法 | Research Methods in Ecology
""",
"0521": """
f L 3 环境科学概论 | Introduction to Environmental Science
c X 3 环境化学 | Environmental Chemistry
c X 3 环境监测 | Environmental Monitoring
c L 2 环境影响评价 | Environmental Impact Assessment
e L 2 全球变化生态学 | Global Change Ecology
e L 2 环境法规与政策 | Environmental Law and Policy
""",
"0532": """
f X 4 普通地质学 | Physical Geology
c X 3 矿物学 | Mineralogy
c X 3 岩石学 | Petrology
c L 3 构造地质学 | Structural Geology
c L 3 沉积学 | Sedimentology
c L 3 水文地质学 | Hydrogeology
c L 2 地球物理勘探 | Geophysical Exploration
e L 2 地质灾害防治 | Geohazard Prevention and Mitigation
e P 3 地质野外实习 | Geological Field Training
e X 2 遥感地质 | Remote Sensing Geology
m L 3 高等构造地质学 | Advanced Structural Geology
""",
"0724": """
f L 3 石油工程概论 | Introduction to Petroleum Engineering
c L 3 油层物理 | Reservoir Petrophysics
c L 3 钻井工程 | Drilling Engineering
c L 3 采油工程 | Production Engineering
c L 3 油藏工程 | Reservoir Engineering
c X 3 渗流力学 | Fluid Flow in Porous Media
e L 2 天然气工程 | Natural Gas Engineering
e L 2 页岩气开发技术 | Shale Gas Development Technology
e P 3 油田生产实习 | Oilfield Practice
m L 3 高等渗流力学 | Advanced Porous Media Flow
""",
"0613": """
f X 4 C语言程序设计 | C Programming
f X 4 数据结构 | Data Structures
c X 3 算法设计与分析 | Design and Analysis of Algorithms
c X 4 操作系统 | Operating Systems
c X 3 计算机组成原理 | Computer Organisation
c L 3 编译原理 | Compiler Construction
c X 3 软件工程 | Software Engineering
c X 3 面向对象程序设计（Java） | Object-Oriented Programming in Java
e X 2 人工智能导论 | Introduction to Artificial Intelligence
e X 3 机器学习 | Machine Learning
e X 2 Web应用开发 | Web Application Development
e X 2 移动应用开发 | Mobile Application Development
e P 2 软件工程实践 | Software Engineering Project
m X 3 深度学习 | Deep Learning
m L 3 高级算法 | Advanced Algorithms
m X 3 自然语言处理 | Natural Language Processing
""",
"0612": """
f X 3 数据库系统原理 | Database Systems
c X 3 计算机网络 | Computer Networks
c L 3 信息安全导论 | Introduction to Information Security
c X 3 网络安全技术 | Network Security
c L 2 密码学基础 | Foundations of Cryptography
e X 2 大数据技术 | Big Data Technologies
e X 2 云计算 | Cloud Computing
m L 3 网络空间安全前沿 | Frontiers of Cyberspace Security
""",
"0714": """
f X 4 电路分析 | Circuit Analysis
f X 4 模拟电子技术 | Analogue Electronics
f X 3 数字电子技术 | Digital Electronics
c L 4 信号与系统 | Signals and Systems
c X 3 数字信号处理 | Digital Signal Processing
c L 3 通信原理 | Principles of Communications
c L 3 电磁场与电磁波 | Electromagnetic Fields and Waves
c X 3 自动控制原理 | Principles of Automatic Control
c X 3 微机原理与接口技术 | Microcomputer Principles and Interfaces
e X 2 嵌入式系统 | Embedded Systems
e L 2 移动通信 | Mobile Communications
e X 2 集成电路设计 | Integrated Circuit Design
e P 2 电子工艺实习 | Electronics Workshop Practice
m L 3 现代数字信号处理 | Modern Digital Signal Processing
m L 3 信息论与编码 | Information Theory and Coding
m L 3 无线通信网络 | Wireless Communication Networks
""",
"0713": """
f X 4 电路原理 | Principles of Electric Circuits
c X 4 电机学 | Electric Machinery
c L 3 电力系统分析 | Power System Analysis
c X 3 电力电子技术 | Power Electronics
c L 3 高电压技术 | High Voltage Engineering
e L 2 新能源发电技术 | Renewable Power Generation
e L 2 电力系统继电保护 | Power System Protection
m L 3 现代电力系统 | Modern Power Systems
""",
"0715": """
f X 3 工程制图 | Engineering Drawing
f L 4 理论力学 | Theoretical Mechanics
f X 4 材料力学 | Mechanics of Materials
c L 3 机械原理 | Theory of Machines and Mechanisms
c L 3 机械设计 | Machine Design
c X 3 机械制造技术基础 | Fundamentals of Manufacturing Technology
c X 2 液压与气压传动 | Hydraulic and Pneumatic Transmission
e X 2 数控技术 | Numerical Control Technology
e X 2 机器人技术 | Robotics
e P 2 金工实习 | Metalworking Practice
e P 2 机械设计课程设计 | Machine Design Project
m L 3 高等机构学 | Advanced Mechanisms
""",
"0732": """
f L 2 土木工程概论 | Introduction to Civil Engineering
f L 4 结构力学 | Structural Mechanics
c X 3 土力学 | Soil Mechanics
c L 3 混凝土结构设计原理 | Principles of Concrete Structure Design
c L 3 钢结构 | Steel Structures
c L 3 桥梁工程 | Bridge Engineering
c L 3 隧道工程 | Tunnel Engineering
c L 3 道路勘测设计 | Highway Survey and Design
e L 2 铁道工程 | Railway Engineering
e L 2 工程项目管理 | Construction Project Management
e P 2 测量实习 | Surveying Practice
m L 3 高等结构动力学 | Advanced Structural Dynamics
m L 3 桥梁抗震 | Seismic Design of Bridges
""",
"0731": """
f X 4 建筑设计基础 | Fundamentals of Architectural Design
c L 3 中国建筑史 | History of Chinese Architecture
c L 3 外国建筑史 | History of Western Architecture
c L 3 城市规划原理 | Principles of Urban Planning
c S 4 建筑设计（三） | Architectural Design Studio III
e L 2 山地城镇规划 | Planning of Mountain Towns
e L 2 建筑物理 | Building Physics
""",
"1041": """
f L 3 交通运输概论 | Introduction to Transport
c L 3 交通工程学 | Traffic Engineering
c L 3 铁路行车组织 | Railway Train Operation
c L 3 交通规划 | Transport Planning
c L 3 物流学 | Logistics
c X 2 交通仿真 | Traffic Simulation
e L 2 城市轨道交通运营管理 | Urban Rail Transit Operations
e L 2 智能交通系统 | Intelligent Transport Systems
e P 2 交通调查实习 | Traffic Survey Practice
m L 3 交通流理论 | Traffic Flow Theory
m L 3 高速铁路运输组织 | High-Speed Railway Operations
""",
"0811": """
f X 3 植物学 | Botany
f L 3 土壤学 | Soil Science
c X 3 作物栽培学 | Crop Cultivation
c X 3 作物育种学 | Crop Breeding
c L 3 植物保护学 | Plant Protection
c L 3 动物营养学 | Animal Nutrition
c L 2 农业生态学 | Agroecology
e L 2 设施农业 | Protected Agriculture
e L 2 茶学概论 | Introduction to Tea Science
e P 2 农事实习 | Farm Practice
m L 3 现代作物生理 | Modern Crop Physiology
""",
"0841": """
f X 3 动物解剖学 | Animal Anatomy
c L 3 兽医病理学 | Veterinary Pathology
c L 3 兽医药理学 | Veterinary Pharmacology
c X 3 兽医传染病学 | Veterinary Infectious Diseases
e L 2 宠物疾病诊疗 | Companion Animal Medicine
e L 2 牦牛养殖技术 | Yak Husbandry @swun
""",
"0912": """
f X 5 系统解剖学 | Systematic Anatomy
f X 4 组织学与胚胎学 | Histology and Embryology
f X 4 生理学 | Physiology
f X 4 医学生物化学 | Medical Biochemistry
c X 4 病理学 | Pathology
c X 4 药理学 | Pharmacology
c X 4 诊断学 | Diagnostics
c L 6 内科学 | Internal Medicine
c L 5 外科学 | Surgery
c L 3 妇产科学 | Obstetrics and Gynaecology
c L 3 儿科学 | Paediatrics
c L 2 医学影像学 | Medical Imaging
e L 2 循证医学 | Evidence-Based Medicine
e L 2 全科医学概论 | Introduction to General Practice
e P 4 临床见习 | Clinical Clerkship
m L 3 高级病理生理学 | Advanced Pathophysiology
m S 2 临床科研设计 | Clinical Research Design
""",
"0913": """
f X 3 护理学导论 | Introduction to Nursing
c X 4 基础护理学 | Fundamentals of Nursing
c L 3 内科护理学 | Medical Nursing
c L 3 外科护理学 | Surgical Nursing
e L 2 社区护理 | Community Nursing
e P 4 护理临床实习 | Nursing Clinical Placement
""",
"0916": """
f X 3 药用植物学 | Pharmaceutical Botany
c X 3 药物化学 | Medicinal Chemistry
c X 3 药剂学 | Pharmaceutics
c X 3 药物分析 | Pharmaceutical Analysis
e L 2 临床药学 | Clinical Pharmacy
""",
"0917": """
f L 4 中医基础理论 | Fundamental Theory of Chinese Medicine
f L 3 中医诊断学 | Diagnostics of Chinese Medicine
c L 4 中药学 | Chinese Materia Medica
c L 4 方剂学 | Chinese Medical Formulae
c X 3 针灸学 | Acupuncture and Moxibustion
c L 3 黄帝内经选读 | Selected Readings of the Huangdi Neijing
c L 3 伤寒论 | Treatise on Cold Damage
c L 4 中医内科学 | Internal Medicine of Chinese Medicine
e X 2 推拿学 | Tuina
e L 2 川派中医药 | Sichuan Schools of Chinese Medicine
e X 2 中药鉴定学 | Identification of Chinese Medicinal Materials
m L 3 中医经典专题 | Topics in the Chinese Medicine Classics
""",
"0911": """
c X 3 口腔解剖生理学 | Oral Anatomy and Physiology
c L 3 口腔颌面外科学 | Oral and Maxillofacial Surgery
e L 2 口腔预防医学 | Preventive Dentistry
""",
"0311": """
f L 3 微观经济学 | Microeconomics
f L 3 宏观经济学 | Macroeconomics
f L 3 政治经济学 | Political Economy
c X 3 计量经济学 | Econometrics
c L 3 国际经济学 | International Economics
c L 3 发展经济学 | Development Economics
c L 2 产业经济学 | Industrial Economics
e L 2 行为经济学 | Behavioural Economics
e L 2 区域经济学 | Regional Economics
e S 2 成渝经济圈专题研究 | Seminar on the Chengdu–Chongqing Economic Circle
m L 3 高级微观经济学 | Advanced Microeconomics
m L 3 高级宏观经济学 | Advanced Macroeconomics
m X 3 高级计量经济学 | Advanced Econometrics
""",
"0412": """
f L 3 金融学 | Finance
f L 3 货币银行学 | Money and Banking
c L 3 公司金融 | Corporate Finance
c L 3 投资学 | Investments
c L 3 金融市场学 | Financial Markets
c L 3 保险学 | Insurance
c X 3 金融计量学 | Financial Econometrics
c L 3 国际金融 | International Finance
e L 2 金融风险管理 | Financial Risk Management
e L 2 金融科技导论 | Introduction to FinTech
e L 2 衍生金融工具 | Financial Derivatives
m L 3 资产定价 | Asset Pricing
m L 3 高级公司金融 | Advanced Corporate Finance
""",
"0411": """
f L 3 会计学原理 | Principles of Accounting
c L 4 中级财务会计 | Intermediate Financial Accounting
c L 3 成本会计 | Cost Accounting
c L 3 管理会计 | Management Accounting
c L 3 审计学 | Auditing
c L 3 税法 | Tax Law
c L 3 财务管理 | Financial Management
e X 2 会计信息系统 | Accounting Information Systems
e L 2 高级财务会计 | Advanced Financial Accounting
m L 3 会计理论研究 | Accounting Theory
""",
"0413": """
f L 3 管理学原理 | Principles of Management
c L 3 市场营销学 | Marketing
c L 3 组织行为学 | Organisational Behaviour
c L 3 人力资源管理 | Human Resource Management
c L 3 运营管理 | Operations Management
c L 2 战略管理 | Strategic Management
e L 2 项目管理 | Project Management
e L 2 电子商务 | E-Commerce
e S 2 管理沟通 | Management Communication
m L 3 管理研究方法 | Research Methods in Management
""",
"0421": """
f L 3 法理学 | Jurisprudence
f L 3 宪法学 | Constitutional Law
f L 4 民法总论 | General Principles of Civil Law
c L 4 刑法学 | Criminal Law
c L 3 行政法与行政诉讼法 | Administrative Law and Litigation
c L 3 民事诉讼法 | Civil Procedure Law
c L 3 刑事诉讼法 | Criminal Procedure Law
c L 3 商法 | Commercial Law
c L 3 经济法 | Economic Law
c L 3 国际法 | Public International Law
c L 2 知识产权法 | Intellectual Property Law
e L 2 环境与资源保护法 | Environmental and Natural Resources Law
e S 2 模拟法庭 | Moot Court
e L 2 法律职业伦理 | Legal Professional Ethics
e P 4 法律实务实习 | Legal Practice Placement
m L 3 比较法 | Comparative Law
m S 2 法学研究方法 | Legal Research Methods
""",
"0231": """
f L 4 综合英语（一） | Integrated English I
f L 4 综合英语（二） | Integrated English II
f L 2 英语听力 | English Listening
c S 2 英语口语 | English Speaking
c L 2 英语写作 | English Writing
c L 2 英汉翻译 | English–Chinese Translation
c S 2 交替传译 | Consecutive Interpreting
c L 3 基础日语 | Elementary Japanese
c L 3 基础俄语 | Elementary Russian
c L 3 基础德语 | Elementary German
e L 2 第二外语（法语） | Second Foreign Language: French
e L 2 跨文化交际 | Intercultural Communication
e P 2 翻译实习 | Translation Internship
m S 3 同声传译 | Simultaneous Interpreting
m L 3 翻译理论与实践 | Translation Theory and Practice
""",
"0232": """
f L 3 现代汉语 | Modern Chinese
f L 3 古代汉语 | Classical Chinese
c L 3 中国古代文学 | Classical Chinese Literature
c L 3 中国现当代文学 | Modern and Contemporary Chinese Literature
c L 2 语言学概论 | Introduction to Linguistics
c L 3 英国文学 | British Literature
c L 3 美国文学 | American Literature
e L 2 巴蜀文化与文学 | Ba-Shu Culture and Literature
e L 2 唐诗宋词鉴赏 | Appreciation of Tang and Song Poetry
m L 3 语料库语言学 | Corpus Linguistics
""",
"0111": """
f L 3 教育学原理 | Principles of Education
f L 3 教育心理学 | Educational Psychology
c L 2 课程与教学论 | Curriculum and Instruction
c L 2 中外教育史 | History of Education in China and Abroad
c X 2 现代教育技术 | Modern Educational Technology
c S 2 教育研究方法 | Educational Research Methods
e L 2 班级管理 | Classroom Management
e L 2 学科教学设计 | Subject Teaching Design
e P 6 教育实习 | Teaching Practicum
m L 3 教育哲学 | Philosophy of Education
m S 2 教育评价 | Educational Evaluation
""",
"0213": """
f B 3 素描 | Drawing
f B 3 色彩 | Colour Painting
c L 2 艺术概论 | Introduction to Art
c X 3 中国画技法 | Chinese Painting Techniques
e L 2 美术鉴赏 | Art Appreciation
e X 2 书法 | Chinese Calligraphy
""",
"0314": """
f L 3 社会学概论 | Introduction to Sociology
c S 3 社会调查研究方法 | Social Research Methods
c L 3 民族学概论 | Introduction to Ethnology
c L 2 文化人类学 | Cultural Anthropology
c L 2 藏族历史与文化 | Tibetan History and Culture @swun
e L 2 彝族文化概论 | Introduction to Yi Culture @swun
e L 2 犯罪社会学 | Sociology of Crime @swupl
e L 2 城市社会学 | Urban Sociology
e P 2 田野调查实习 | Ethnographic Fieldwork
m L 3 民族学理论与方法 | Theories and Methods of Ethnology
""",
"0321": """
f L 3 新闻学概论 | Introduction to Journalism
c L 3 传播学概论 | Introduction to Communication Studies
c X 2 新媒体实务 | New Media Practice
e L 2 数据新闻 | Data Journalism
e L 2 国际传播 | International Communication
""",
"0712": """
f L 3 环境工程原理 | Principles of Environmental Engineering
c L 3 水污染控制工程 | Water Pollution Control Engineering
c L 3 大气污染控制工程 | Air Pollution Control Engineering
c L 2 固体废物处理与处置 | Solid Waste Treatment and Disposal
e L 2 长江上游生态环境保护 | Ecological Protection of the Upper Yangtze
""",
"1015": """
f L 3 旅游学概论 | Introduction to Tourism
c L 3 旅游规划与开发 | Tourism Planning and Development
c L 2 酒店管理 | Hotel Management
e L 2 巴蜀文化旅游 | Ba-Shu Cultural Tourism
e L 2 大熊猫生态旅游 | Giant Panda Ecotourism
""",
"0222": """
f L 3 中国古代史 | Ancient Chinese History
c L 3 世界史 | World History
e L 2 考古学导论 | Introduction to Archaeology
e L 2 三星堆与古蜀文明 | Sanxingdui and the Ancient Shu Civilisation
""",
}

KIND_TEXT = {
    "L": ("以课堂讲授为主，配合课后作业与阶段测验", "taught through lectures, with regular assignments and tests"),
    "X": ("理论讲授与实验并重，实验须提交报告", "combines lectures with laboratory sessions that are written up as reports"),
    "B": ("以实验或实训为主", "taught mainly through practical sessions"),
    "S": ("以研讨、报告和小组项目为主", "taught through seminars, presentations and group projects"),
    "P": ("集中实践，在校外基地或实验室完成", "a block of full-time practice at a partner site or laboratory"),
}

LEVEL_TEXT = {
    "general": ("通识与公共基础", "general education"),
    "foundation": ("专业基础", "foundation"),
    "core": ("专业核心", "core"),
    "elective": ("专业选修", "elective"),
}

OUTCOMES = {
    "L": [
        ("理解{zh}的核心概念、基本原理和方法", "Explain the core concepts, principles and methods covered in {en}"),
        ("运用{zh}所学知识分析典型案例和问题", "Apply what is taught in {en} to analyse typical cases and problems"),
        ("阅读本领域的专业文献并作出评述", "Read the specialist literature of the field and review it critically"),
    ],
    "X": [
        ("掌握{zh}的基本理论和分析方法", "Use the basic theory and analytical methods of {en}"),
        ("独立完成实验并规范撰写实验报告", "Carry out laboratory work independently and write a proper lab report"),
        ("运用所学方法设计并实现小型工程或研究任务", "Design and complete a small engineering or research task with the methods learned"),
    ],
    "B": [
        ("规范使用仪器设备，独立完成基本操作", "Use the equipment safely and perform the basic procedures independently"),
        ("记录、整理并解释实践结果", "Record, organise and interpret practical results"),
    ],
    "S": [
        ("围绕{zh}的专题开展文献调研并作课堂报告", "Research a topic in {en} and present it in class"),
        ("在小组中协作完成研究或设计项目", "Work in a team on a research or design project"),
        ("清晰地以书面和口头形式表达专业观点", "Argue a professional point of view clearly in writing and speech"),
    ],
    "P": [
        ("在真实工作环境中综合运用所学知识", "Apply what they have learned in a real working environment"),
        ("按规范完成实践报告并参加答辩", "Write a practice report to professional standards and defend it"),
        ("遵守职业规范与安全要求", "Follow professional and safety rules"),
    ],
}

# A few courses get an outcome of their own, first in their list.
SPECIFIC_OUTCOMES = {
    "高等数学（上）": ("计算一元函数的极限、导数与积分", "Compute limits, derivatives and integrals of functions of one variable"),
    "高等数学（下）": ("计算多元函数微积分、曲线曲面积分并判断级数敛散", "Compute multivariable derivatives and integrals and test series for convergence"),
    "数学建模": ("将实际问题抽象为数学模型并用软件求解", "Turn a real problem into a mathematical model and solve it with software"),
    "线性代数": ("求解线性方程组并进行矩阵对角化", "Solve linear systems and diagonalise matrices"),
    "数据结构": ("选择并实现合适的线性表、树和图结构", "Choose and implement suitable lists, trees and graphs"),
    "生态学": ("分析种群、群落与生态系统的结构和动态", "Analyse the structure and dynamics of populations, communities and ecosystems"),
    "计量经济学": ("建立并检验线性回归模型", "Build and test linear regression models"),
    "民法总论": ("分析民事法律关系的主体、客体与内容", "Analyse the parties, objects and content of civil legal relations"),
    "系统解剖学": ("辨认人体各系统的主要器官结构", "Identify the main structures of each system of the human body"),
    "针灸学": ("定位常用腧穴并说明其主治", "Locate the common acupuncture points and state their indications"),
    "桥梁工程": ("完成中小跨径梁桥的设计计算", "Carry out the design calculations of a short- or medium-span girder bridge"),
    "交通规划": ("运用四阶段法进行交通需求预测", "Forecast travel demand with the four-step model"),
    "通信原理": ("分析模拟与数字调制系统的性能", "Analyse the performance of analogue and digital modulation systems"),
    "公司金融": ("评估投资项目并作出资本预算决策", "Appraise investment projects and make capital budgeting decisions"),
    "交替传译": ("运用笔记法完成五分钟以内的交替传译", "Interpret consecutively passages of up to five minutes using note-taking"),
}


def parse_lines(text):
    out = []
    for line in text.strip().splitlines():
        head, _, rest = line.partition(" | ")
        en, _, only = rest.partition(" @")
        parts = head.split(" ", 3)
        out.append({
            "level": parts[0], "kind": parts[1], "credits": float(parts[2]), "zh": parts[3],
            "en": en.strip(), "only": set(only.split(",")) if only else None,
        })
    return out


def general_pool():
    out = []
    for line in GENERAL.strip().splitlines():
        isced, rest = line.split(" ", 1)
        for c in parse_lines(rest):
            c["isced"] = isced
            out.append(c)
    return out


def seeded(*parts):
    digest = hashlib.sha256("/".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def text(zh, en):
    return {"zh": zh, "en": en}


def num(x):
    """A JSON number: integral values as integers, others rounded to 2 places."""
    x = round(x, 2)
    return int(x) if x == int(x) else x


def hours_per_local_credit(policy):
    return (policy["periods_per_credit"]["lecture"] * policy["period_minutes"] / 60.0
            * (1 + policy["self_study_ratio"]["lecture"]))


def course_workload(policy, periods, practice_weeks):
    w = 0.0
    for k, n in periods.items():
        w += n * policy["period_minutes"] / 60.0 * (1 + policy["self_study_ratio"].get(k, 0))
    return w + practice_weeks * policy["practice_week_hours"]


def snap(x, step):
    return max(step, round(x / step) * step)


def make_policy(uid):
    pm, ppc, ssr, pwh, wppc, step = POLICIES[uid]
    policy = {
        "period_minutes": pm,
        "periods_per_credit": {"lecture": ppc[0], "lab": ppc[1], "seminar": ppc[2]},
        "self_study_ratio": {"lecture": ssr[0], "lab": ssr[1], "seminar": ssr[2]},
        "practice_week_hours": pwh,
        "weeks_per_practice_credit": wppc,
        "credit_step": step,
        "rounding": "nearest" if uid in ROUNDING_NEAREST else "down",
        "term_load": {"min": TERM_LOAD[uid][0], "max": TERM_LOAD[uid][1]},
    }
    # One credit of each kind is close to one credit of lecture workload.
    h = hours_per_local_credit(policy)
    for i, k in enumerate(("lab", "seminar")):
        per = ppc[i + 1] * pm / 60.0 * (1 + ssr[i + 1])
        assert abs(per - h) / h <= 0.2, (uid, k, per, h)
    assert abs(pwh * wppc - h) / h <= 0.2, (uid, "practice", pwh * wppc, h)
    # A usual term is 15 to 33 ECTS of work at the least and 29 to 55 at the
    # most, in whole multiples of the university's credit step.
    low, high = TERM_LOAD[uid]
    assert low < high and low % step == 0 and high % step == 0, (uid, TERM_LOAD[uid])
    assert 400 <= low * h <= 900 and 800 <= high * h <= 1500, (uid, low * h, high * h)
    return policy


PCT_GRADES = [
    {"label": "优秀", "min": 90, "max": 100, "passing": True},
    {"label": "良好", "min": 80, "max": 89.99, "passing": True},
    {"label": "中等", "min": 70, "max": 79.99, "passing": True},
    {"label": "及格", "min": 60, "max": 69.99, "passing": True},
    {"label": "不及格", "min": 0, "max": 59.99, "passing": False},
]
FIVE_GRADES = [
    {"label": "优秀", "passing": True},
    {"label": "良好", "passing": True},
    {"label": "中等", "passing": True},
    {"label": "及格", "passing": True},
    {"label": "不及格", "passing": False},
]
PF_GRADES = [
    {"label": "合格", "passing": True},
    {"label": "不合格", "passing": False},
]
SCALE_DEFS = {
    "pct": (text("百分制", "Percentage scale"), PCT_GRADES),
    "five": (text("五级制", "Five-level scale"), FIVE_GRADES),
    "pf": (text("两级制（合格/不合格）", "Pass/fail"), PF_GRADES),
}


def make_scales(uid):
    return [{"id": s, "name": SCALE_DEFS[s][0], "grades": SCALE_DEFS[s][1]}
            for s in ("pct",) + SCALES[uid]]


# Shares of 优秀, 良好, 中等, 及格 among passing grades at the strict and the
# lenient end; a university's leniency (and the field, and the cycle) moves
# its tables between them.
STRICT = (0.08, 0.30, 0.37, 0.25)
LENIENT = (0.38, 0.40, 0.16, 0.06)


def make_table(uid, scale, isced, cycle):
    rng = seeded("table", uid, scale, isced, cycle)
    lean = LENIENCY[uid] + rng.uniform(-0.25, 0.25) + (0.35 if cycle == "master" else 0.0)
    t = min(1.0, max(0.0, (lean + 1) / 2))
    shares = [s + (l - s) * t for s, l in zip(STRICT, LENIENT)]
    shares = [max(0.01, x * rng.uniform(0.85, 1.15)) for x in shares]
    total = sum(shares)
    size = {2: rng.randint(2400, 9000), 3: rng.randint(900, 3600), 4: rng.randint(300, 1800)}[len(isced)]
    if cycle == "master":
        size = size // 4 + 120
    counts = [int(round(size * x / total)) for x in shares]
    labels = [g["label"] for g in SCALE_DEFS[scale][1] if g["passing"]]
    assert sum(counts) >= 100
    return {
        "scale": scale, "isced": isced, "cycle": cycle, "period": PERIOD,
        "counts": [{"grade": l, "count": c} for l, c in zip(labels, counts)],
    }


def make_terms(uid):
    a0, a1, s0, s1, summer = TERMS[uid]
    terms = [
        {"id": "2026-autumn", "name": text("2026–2027学年秋季学期", "Autumn 2026"), "start": a0, "end": a1},
        {"id": "2027-spring", "name": text("2026–2027学年春季学期", "Spring 2027"), "start": s0, "end": s1},
    ]
    if summer:
        terms.append({"id": "2027-summer", "name": text("2026–2027学年夏季学期", "Summer 2027"),
                      "start": summer[0], "end": summer[1]})
    return terms


def make_university(row):
    uid, zh, en, czh, cen, _prov, hei, _fields, _style = row
    return {
        "id": uid,
        "name": text(zh, en),
        "city": text(czh, cen),
        "hei_id": hei,
        "website": "https://www.%s/" % hei,
        "credit_policy": make_policy(uid),
        "grading_scales": make_scales(uid),
        "grading_tables": [make_table(uid, *t) for t in TABLES[uid]],
        "terms": make_terms(uid),
    }


def universities():
    """The 20 universities as feed objects (also used by tests/gen-feed.py)."""
    return [make_university(row) for row in UNIVERSITIES]


# ---------------------------------------------------------------------------
# Courses
# ---------------------------------------------------------------------------

# Fields taught in Chinese by their nature: never English-only.
CHINESE_ONLY_FIELDS = {"0222", "0232", "0917", "1031"}

LEVELS = {"g": "general", "f": "foundation", "c": "core", "e": "elective", "m": "core"}
SEQ_BASE = {"g": 1000, "f": 2000, "c": 3000, "e": 4000, "m": 6000}


def make_code(style, uid, dept, level, n, rng):
    seq = SEQ_BASE[level] + n
    if style == "dept4":
        return "%s%04d" % (dept, seq)
    if style == "letter":
        return "%s%s%04d" % (uid[0].upper(), dept, seq)
    return "%s%d%03d" % (dept, 26 if level != "m" else 56, seq % 1000 + (seq // 1000) * 100)


def build_periods(entry, policy, credits):
    ppc = policy["periods_per_credit"]
    kind = entry["kind"]
    if kind == "L":
        return {"lecture": int(credits * ppc["lecture"])}, 0
    if kind == "X":
        lab_credits = 1 if credits <= 3 else 1.5
        return {"lecture": int((credits - lab_credits) * ppc["lecture"]),
                "lab": int(lab_credits * ppc["lab"])}, 0
    if kind == "B":
        return {"lab": int(credits * ppc["lab"])}, 0
    if kind == "S":
        half = credits / 2
        return {"lecture": int(half * ppc["lecture"]), "seminar": int(half * ppc["seminar"])}, 0
    weeks = credits * policy["weeks_per_practice_credit"]
    return {}, weeks


def make_course(uni, row, entry, n, rng, language_bias):
    uid = uni["id"]
    policy = uni["credit_policy"]
    step = policy["credit_step"]
    level = LEVELS[entry["level"]]
    cycle = "master" if entry["level"] == "m" else "bachelor"
    nominal = snap(entry["credits"], step)
    if entry["kind"] == "L" and step < 1 and rng.random() < 0.15:
        # Half and quarter credits where the university awards them.
        nominal += step if nominal < 3 else -step
    periods, weeks = build_periods(entry, policy, nominal)
    workload = course_workload(policy, periods, weeks)
    declared = None
    if rng.random() < 0.18:
        declared = round(workload * rng.uniform(0.92, 1.1))
        workload = declared
    expected = workload / hours_per_local_credit(policy)
    credits = nominal
    if abs(credits - expected) / expected > 0.2 or abs(credits - expected) / credits > 0.2:
        credits = snap(expected, step)
    assert abs(credits - expected) / expected <= 0.25 and abs(credits - expected) / credits <= 0.25, \
        (uid, entry["zh"], credits, expected)

    dept = DEPT[entry["isced"]]
    code = make_code(row[8], uid, dept, entry["level"], n, rng)
    scales = [s["id"] for s in uni["grading_scales"]]
    if entry["kind"] == "P" and "pf" in scales:
        scale = "pf"
    elif "five" in scales and (entry["kind"] in "SB" or rng.random() < 0.12):
        scale = "five"
    else:
        scale = "pct"

    term_ids = [t["id"] for t in uni["terms"]]
    if entry["kind"] == "P" and "2027-summer" in term_ids:
        terms = ["2027-summer"]
    elif entry["zh"].endswith("（下）") or entry["zh"].endswith("（二）"):
        terms = ["2027-spring"]
    elif entry["level"] in "gf":
        terms = ["2026-autumn"] if rng.random() < 0.7 else ["2026-autumn", "2027-spring"]
    else:
        terms = [rng.choice(["2026-autumn", "2027-spring"])]
        if rng.random() < 0.15:
            terms = ["2026-autumn", "2027-spring"]

    r = rng.random()
    if entry["zh"] == "学术英语写作" or (entry["isced"] == "0231" and not entry["zh"].startswith("基础")
                                        and entry["en"].find("English") >= 0):
        languages = ["en"] if r < 0.6 else ["zh", "en"]
    elif r < language_bias and entry["isced"] not in CHINESE_ONLY_FIELDS:
        languages = ["en"]
    elif r < language_bias + 0.08 + (0.1 if cycle == "master" else 0):
        languages = ["zh", "en"]
    else:
        languages = ["zh"]

    r = rng.random()
    if entry["kind"] in "PB":
        delivery = "on-campus"
    elif entry["kind"] == "X":
        delivery = "blended" if r < 0.15 else "on-campus"
    elif entry["level"] == "g" and r < 0.3:
        delivery = "online"
    elif r < 0.14:
        delivery = "blended"
    elif r < 0.18:
        delivery = "online"
    else:
        delivery = "on-campus"

    course = {
        "id": "%s:%s" % (uid, code.lower()),
        "university": uid,
        "code": code,
        "title": text(entry["zh"], entry["en"]),
        "isced": entry["isced"],
        "cycle": cycle,
        "level": level,
        "periods": periods,
    }
    if weeks:
        course["practice_weeks"] = num(weeks)
    if declared is not None:
        course["workload_hours"] = declared
    course["credits"] = num(credits)
    course["grading_scale"] = scale
    course["terms"] = terms
    course["languages"] = languages
    course["delivery"] = delivery
    if rng.random() < 0.85:
        course["seats"] = 0 if rng.random() < 0.06 else rng.choice(range(10, 85, 5))

    base_zh = entry["zh"].replace("（上）", "").replace("（下）", "").replace("（一）", "").replace("（二）", "").replace("（三）", "")
    base_en = entry["en"]
    for suffix in (" I", " II", " III"):
        if base_en.endswith(suffix):
            base_en = base_en[: -len(suffix)]
    templates = list(OUTCOMES[entry["kind"]])
    count = rng.choice((1, 2, 2, 3))
    chosen = rng.sample(templates, min(count, len(templates)))
    outcomes = []
    if entry["zh"] in SPECIFIC_OUTCOMES:
        outcomes.append(text(*SPECIFIC_OUTCOMES[entry["zh"]]))
        chosen = chosen[: max(0, count - 1)]
    for zh, en in chosen:
        outcomes.append(text(zh.format(zh=base_zh), en.format(en=base_en)))
    course["learning_outcomes"] = outcomes

    if rng.random() < 0.35:
        fzh, fen = FIELD_NAMES[entry["isced"]]
        lzh, len_ = LEVEL_TEXT[level]
        kzh, ken = KIND_TEXT[entry["kind"]]
        if cycle == "master":
            lzh, len_ = "研究生", "graduate"
        course["description"] = text(
            "《%s》是%s的%s课程，%s。" % (entry["zh"], fzh, lzh, kzh),
            "%s is %s %s course in %s; it is %s." % (entry["en"], "an" if len_[0] in "aeiou" else "a",
                                                      len_, fen, ken))
    return course


# Courses that other parts of the feed refer to are never left out.
PROTECTED = {"交通工程学", "电力系统分析", "随机过程", "病理学", "国际法", "语言学概论", "生理学",
             "审计学", "税法", "计算机网络", "数学建模", "生态学"}


def courses_for(uni, row):
    uid = uni["id"]
    rng = seeded("courses", uid)
    tag = "arts" if uid in LIBERAL_ARTS else "stem"
    entries = []
    for e in general_pool():
        if e["only"] and tag not in e["only"] and uid not in e["only"]:
            continue
        entries.append(e)
    for isced in row[7]:
        for e in parse_lines(FIELDS[isced]):
            e["isced"] = isced
            if e["only"] and uid not in e["only"]:
                continue
            entries.append(e)
    # Leave out a few electives so that universities with the same fields
    # differ, keeping at least 64 courses.
    droppable = [i for i, e in enumerate(entries)
                 if e["level"] in "ce" and e["kind"] != "P" and e["zh"] not in PROTECTED]
    rng.shuffle(droppable)
    drop = set(droppable[: max(0, min(len(entries) - 64, len(entries) // 8))])
    entries = [e for i, e in enumerate(entries) if i not in drop]

    language_bias = 0.12 if uid == "sisu" else 0.03
    counters = {}
    courses = []
    by_title = {}
    for e in entries:
        key = (DEPT[e["isced"]], e["level"])
        counters[key] = counters.get(key, 0) + 1
        c = make_course(uni, row, e, counters[key] * 3 + rng.randint(0, 2), rng, language_bias)
        courses.append(c)
        by_title[e["zh"]] = c

    # Prerequisites within the university.
    chains = [
        ("高等数学（下）", "高等数学（上）"), ("线性代数", "高等数学（上）"),
        ("概率论与数理统计", "高等数学（下）"), ("数学建模", "线性代数"),
        ("数学分析（二）", "数学分析（一）"), ("数据结构", "C语言程序设计"),
        ("算法设计与分析", "数据结构"), ("操作系统", "数据结构"), ("机器学习", "概率论与数理统计"),
        ("深度学习", "机器学习"), ("模拟电子技术", "电路分析"), ("数字信号处理", "信号与系统"),
        ("通信原理", "信号与系统"), ("材料力学", "理论力学"), ("机械设计", "机械原理"),
        ("结构力学", "理论力学"), ("混凝土结构设计原理", "结构力学"), ("桥梁工程", "混凝土结构设计原理"),
        ("宏观经济学", "微观经济学"), ("计量经济学", "概率论与数理统计"), ("公司金融", "金融学"),
        ("中级财务会计", "会计学原理"), ("审计学", "中级财务会计"), ("刑事诉讼法", "刑法学"),
        ("民事诉讼法", "民法总论"), ("病理学", "系统解剖学"), ("内科学", "诊断学"),
        ("方剂学", "中药学"), ("中医内科学", "中医诊断学"), ("综合英语（二）", "综合英语（一）"),
        ("大学英语（二）", "大学英语（一）"), ("分子生物学", "生物化学"), ("生态学", "普通生物学"),
        ("有机化学", "无机化学"), ("油藏工程", "油层物理"), ("采油工程", "渗流力学"),
        ("电力系统分析", "电路原理"), ("高级计量经济学", "计量经济学"), ("资产定价", "投资学"),
        ("交通规划", "交通工程学"), ("作物育种学", "遗传学"), ("同声传译", "交替传译"),
    ]
    for after, before in chains:
        if after in by_title and before in by_title:
            by_title[after].setdefault("prerequisites", []).append(by_title[before]["id"])
    return courses


# Prerequisites across universities: alliance courses that build on a course
# of a partner university (the feed allows references to any university).
CROSS = [
    ("swjtu", "高速铁路运输组织", "cqjtu", "交通工程学"),
    ("cqjtu", "交通流理论", "swjtu", "交通工程学"),
    ("cqu", "现代电力系统", "swjtu", "电力系统分析"),
    ("swufe", "资产定价", "scu", "随机过程"),
    ("cqmu", "高级病理生理学", "scu", "病理学"),
    ("swupl", "比较法", "scu", "国际法"),
    ("uestc", "自然语言处理", "sisu", "语言学概论"),
    ("cdutcm", "中医经典专题", "cqmu", "生理学"),
]


# ---------------------------------------------------------------------------
# The recognition register (revision 2): decisions a home university has
# taken that host courses of one partner replace home courses.  Illustrative,
# like everything else here: the titles, dates and document numbers are
# invented.
# ---------------------------------------------------------------------------

# The first characters of a university's teaching-affairs documents.
DOCUMENT_PREFIX = {
    "scu": "川大教", "uestc": "电子科大教", "swjtu": "西南交大教", "swufe": "西财教",
    "sicau": "川农大教", "swpu": "西南石大教", "cdut": "成理教", "swun": "西南民大教",
    "sicnu": "川师大教", "cdutcm": "成中医教", "swust": "西南科大教", "cwnu": "西华师大教",
    "cqu": "重大教", "swu": "西大教", "cqmu": "重医教", "cqupt": "重邮教", "cqjtu": "重交大教",
    "swupl": "西政教", "sisu": "川外教", "cqnu": "重师教",
}

# Conditions: the lowest grade in each host course, or a practice report and
# a grade; the grade is a label of each host course's scale.
CONDITIONS = {
    "grade": ("每门课程成绩不低于{label}", "with at least {label} in each host course"),
    "report": ("须提交实习报告，且成绩为{label}", "with a practice report and the grade {label}"),
}

# The day the register is seen from: a decision whose valid_until is before
# it has expired (the feed is generated in November 2026).
REGISTER_DAY = "2026-12-01"

# home, host, home course titles (empty: elective credits), host course
# titles, home credits granted (None: the home courses' credits), decided,
# valid until (or None), condition (kind, grade) or None, document number.
EQUIVALENCES = [
    ("scu", "cqu", ["数据结构"], ["数据结构"], None, "2025-03-18", "2028-08-31", None, 112),
    ("scu", "uestc", ["数据结构"], ["数据结构"], None, "2023-06-12", "2025-08-31", None, 87),
    ("scu", "cqu", ["高等数学（上）", "高等数学（下）"], ["高等数学（上）", "高等数学（下）"], None,
     "2024-09-05", "2027-08-31", ("grade", "中等"), 156),
    ("scu", "sisu", ["大学英语（二）"], ["综合英语（一）"], None, "2025-03-18", "2028-08-31",
     ("grade", "良好"), 112),
    ("scu", "sisu", [], ["新闻学概论"], 2, "2024-12-20", None, None, 203),
    ("scu", "swufe", ["微观经济学"], ["微观经济学"], None, "2023-03-01", "2024-08-31", None, 41),
    ("cqu", "scu", ["数据结构"], ["数据结构"], None, "2024-04-10", "2027-08-31", ("grade", "中等"), 45),
    ("cqu", "uestc", ["电路原理"], ["电路分析"], None, "2025-06-30", None, ("grade", "良好"), 98),
    ("cqu", "sisu", ["大学英语（一）", "大学英语（二）"], ["综合英语（一）", "综合英语（二）"], None,
     "2023-11-08", "2026-07-31", None, 133),
    ("cqu", "uestc", ["大学物理（上）"], ["力学", "电磁学"], None, "2026-04-02", "2029-08-31", None, 37),
    ("cqu", "cdut", [], ["长江上游生态环境保护"], 2, "2025-06-30", None, None, 98),
    ("cqu", "swjtu", ["结构力学"], ["结构力学"], None, "2024-04-10", "2027-08-31", None, 45),
    ("uestc", "cqupt", ["数据结构"], ["数据结构"], None, "2025-05-20", "2028-07-31", ("grade", "良好"), 76),
    ("uestc", "cqupt", ["电路分析"], ["电路分析"], None, "2024-11-15", "2027-07-31", None, 152),
    ("uestc", "sisu", ["大学英语（二）"], ["学术英语写作", "英语口语"], None, "2025-05-20", None,
     ("grade", "良好"), 76),
    ("uestc", "swufe", [], ["金融科技导论"], 2, "2026-03-16", None, None, 29),
    ("cqupt", "uestc", ["电路分析"], ["电路分析"], None, "2024-12-02", "2027-08-31", ("grade", "良好"), 188),
    ("cqupt", "swjtu", ["电路分析"], ["电路原理"], None, "2023-05-15", "2025-07-31", None, 64),
    ("cqupt", "swu", ["大学英语（二）"], ["大学英语（二）"], None, "2025-09-10", None, None, 141),
    ("cqupt", "uestc", [], ["信息安全导论"], 2, "2025-09-10", None, None, 141),
    ("swjtu", "cqjtu", ["交通工程学"], ["交通工程学"], None, "2024-06-20", "2027-06-30", None, 58),
    ("swjtu", "swufe", ["大学英语（一）"], ["大学英语（一）"], None, "2023-02-20", "2024-08-31", None, 15),
    ("swjtu", "cqu", ["电力系统分析"], ["电力系统分析"], None, "2025-10-28", "2028-08-31",
     ("grade", "中等"), 166),
    ("cqjtu", "swjtu", ["交通调查实习"], ["交通调查实习"], None, "2024-06-25", None, ("report", "合格"), 71),
    ("swufe", "swjtu", ["高等数学（上）"], ["高等数学（上）"], None, "2023-02-27", "2024-08-31", None, 22),
    ("swufe", "cqu", ["金融学"], ["金融学"], None, "2025-04-08", "2028-08-31", ("grade", "良好"), 61),
    ("swufe", "scu", ["计量经济学"], ["计量经济学"], None, "2024-10-15", None, None, 173),
    ("sisu", "swupl", ["大学数学（文科）"], ["大学数学（文科）"], None, "2024-03-12", "2027-07-31", None, 31),
    ("swupl", "swufe", ["民法总论"], ["民法总论"], None, "2025-02-24", "2028-07-31", ("grade", "良好"), 17),
    ("swupl", "sisu", [], ["跨文化交际"], 1, "2025-02-24", None, None, 17),
    ("sisu", "sicnu", ["英语听力", "英语口语"], ["综合英语（一）"], None, "2024-09-18", "2027-07-31", None, 92),
    ("sisu", "swufe", ["宏观经济学"], ["宏观经济学"], None, "2023-09-01", "2026-08-31", None, 88),
    ("swpu", "sisu", [], ["跨文化交际"], 2, "2025-01-10", None, None, 6),
    ("swpu", "cdut", ["油藏工程"], ["油藏工程"], None, "2024-05-22", "2027-07-31", None, 47),
    ("cdut", "swjtu", ["操作系统"], ["操作系统"], None, "2026-06-18", "2029-07-31", None, 74),
    ("swpu", "cdut", ["普通地质学"], ["普通地质学"], None, "2023-12-05", "2026-06-30", None, 119),
    ("scu", "cqmu", ["系统解剖学"], ["系统解剖学"], None, "2024-07-01", "2027-06-30", ("grade", "良好"), 66),
    ("cqmu", "cdutcm", [], ["川派中医药"], 1.25, "2025-11-03", None, None, 154),
    ("cdutcm", "cqmu", ["生理学"], ["生理学"], None, "2023-10-09", "2025-12-31", None, 102),
    ("cdutcm", "cqmu", ["护理学导论", "社区护理"], ["基础护理学"], None, "2025-04-15", "2028-07-31",
     ("grade", "中等"), 48),
    ("swun", "swupl", ["刑法学"], ["刑法学"], None, "2025-02-26", "2028-07-31", ("grade", "中等"), 19),
    ("sicau", "swun", [], ["牦牛养殖技术"], 2, "2026-05-12", None, None, 57),
    ("swu", "sicnu", ["教育实习"], ["教育实习"], None, "2024-12-16", None, ("report", "合格"), 210),
    ("cqnu", "swu", ["数据结构"], ["数据结构"], None, "2023-04-20", "2026-08-31", None, 53),
    ("sicnu", "cwnu", ["高等数学（上）"], ["高等数学（上）"], None, "2025-07-08", "2028-07-31", None, 95),
    ("cwnu", "sicnu", ["综合英语（一）"], ["综合英语（一）"], None, "2024-02-28", None, ("grade", "良好"), 24),
    ("swust", "uestc", ["电路分析"], ["电路分析"], None, "2023-09-01", "2026-07-31", None, 83),
]


def awarded(exact, step, rounding):
    """Credits awarded for @exact local credits, as catalog-feed.md says."""
    n = exact / step
    whole = int(n + 1e-9) if rounding == "down" else int(n + 0.5 + 1e-9)
    return whole * step


def equivalences(unis, by_title):
    """The register as feed objects, from EQUIVALENCES."""
    policies = {u["id"]: u["credit_policy"] for u in unis}
    out = []
    ids = {}
    for home, host, home_titles, host_titles, credits, decided, until, cond, number in EQUIVALENCES:
        year = decided[:4]
        key = (home, year, number)
        ids[key] = ids.get(key, 0) + 1
        e = {
            "id": "%s:eq-%s-%03d-%d" % (home, year, number, ids[key]),
            "home": home,
            "host_courses": [by_title[(host, t)]["id"] for t in host_titles],
            "home_courses": [by_title[(home, t)]["id"] for t in home_titles],
        }
        if credits is not None:
            e["home_credits"] = num(credits)
        e["decided"] = decided
        if until:
            e["valid_until"] = until
        if cond:
            kind, label = cond
            zh, en = CONDITIONS[kind]
            e["conditions"] = text(zh.format(label=label), en.format(label=label))
        e["reference"] = "%s〔%s〕%d号" % (DOCUMENT_PREFIX[home], year, number)
        out.append(e)
    check_equivalences(out, unis, by_title, policies)
    # What the demo promises (README.md): a few dozen decisions, some expired,
    # some with conditions, some for elective credits only, and precedents
    # for the courses a demo user looks up first.
    assert 30 <= len(out) <= 50
    assert sum(e.get("valid_until", "9999") < REGISTER_DAY for e in out) >= 5
    assert sum("conditions" in e for e in out) >= 5
    assert sum(not e["home_courses"] for e in out) >= 5
    replaced = {t for row in EQUIVALENCES for t in row[2]}
    assert {"数据结构", "高等数学（上）", "电路分析", "大学英语（二）"} <= replaced
    return out


def check_equivalences(register, unis, by_title, policies):
    """The rules of catalog-feed.md's "equivalences[] (revision 2)", and what
    makes a decision plausible, asserted so that an edit cannot break them."""
    courses = {c["id"]: c for c in by_title.values()}
    scales = {u["id"]: {s["id"]: s for s in u["grading_scales"]} for u in unis}

    def workload(c):
        if "workload_hours" in c:
            return c["workload_hours"]
        return course_workload(policies[c["university"]], c["periods"], c.get("practice_weeks", 0))

    seen = set()
    for e in register:
        where = e["id"]
        assert e["id"] not in seen, where
        seen.add(e["id"])
        home = e["home"]
        assert home in policies, where
        assert e["host_courses"], where
        for cid in e["home_courses"] + e["host_courses"]:
            assert cid in courses, (where, cid)
        assert all(courses[c]["university"] == home for c in e["home_courses"]), where
        hosts = {courses[c]["university"] for c in e["host_courses"]}
        assert len(hosts) == 1 and home not in hosts, (where, hosts)
        assert len(set(e["host_courses"])) == len(e["host_courses"]), where
        assert len(set(e["home_courses"])) == len(e["home_courses"]), where
        decided = datetime.date.fromisoformat(e["decided"])
        assert "2023-01-01" <= e["decided"] <= GENERATED[:10], where
        if "valid_until" in e:
            assert datetime.date.fromisoformat(e["valid_until"]) >= decided, where
        if not e["home_courses"]:
            assert "home_credits" in e, where
        policy = policies[home]
        step = policy["credit_step"]
        granted = e.get("home_credits", sum(courses[c]["credits"] for c in e["home_courses"]))
        assert granted > 0 and abs(granted / step - round(granted / step)) < 1e-9, (where, granted)
        # Plausible: the host courses' workload covers what is granted, and
        # each host course shares a narrow field (3 digits) with a home course.
        hpc = hours_per_local_credit(policy)
        exact = sum(workload(courses[c]) for c in e["host_courses"]) / hpc
        if e["home_courses"]:
            assert 0.8 <= exact / granted <= 2.0, (where, exact, granted)
            for h in e["host_courses"]:
                assert any(courses[c]["isced"][:3] == courses[h]["isced"][:3] for c in e["home_courses"]), (where, h)
        else:
            assert granted <= awarded(exact, step, policy["rounding"]), (where, exact, granted)
        if "conditions" in e:
            labels = [g["label"] for g in SCALE_DEFS["pct"][1] + SCALE_DEFS["pf"][1]]
            said = [l for l in labels if l in e["conditions"]["zh"]]
            assert said, where
            for h in e["host_courses"]:
                grades = scales[courses[h]["university"]][courses[h]["grading_scale"]]["grades"]
                passing = {g["label"] for g in grades if g["passing"]}
                assert all(l in passing for l in said), (where, h, said)


def certificate_worth(policy, hours):
    """What a certificate's workload is worth under @policy, awarded."""
    return awarded(hours / hours_per_local_credit(policy), policy["credit_step"], policy["rounding"])


def build():
    """The feed object and {relative path: [courses]}."""
    unis = universities()
    policies = {u["id"]: u["credit_policy"] for u in unis}
    files = {}
    by_title = {}
    for uni, row in zip(unis, UNIVERSITIES):
        courses = courses_for(uni, row)
        files["courses/%s.jsonl" % uni["id"]] = courses
        for c in courses:
            by_title[(uni["id"], c["title"]["zh"])] = c
    for uid, title, other, other_title in CROSS:
        by_title[(uid, title)].setdefault("prerequisites", []).append(by_title[(other, other_title)]["id"])
    feed = {
        "format": "credit-bridge-catalog",
        "version": 1,
        "revision": 2,
        "generated": GENERATED,
        "x-demo": True,
        "x-notice": NOTICE,
        "alliance": ALLIANCE,
        "universities": unis,
        "course_files": sorted(files),
        "certificates": demo_certificates.certificates(by_title, policies, certificate_worth),
        "equivalences": equivalences(unis, by_title),
    }
    return feed, files


def write(out_dir):
    feed, files = build()
    os.makedirs(os.path.join(out_dir, "courses"), exist_ok=True)
    with open(os.path.join(out_dir, "feed.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(feed, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for path, courses in sorted(files.items()):
        with open(os.path.join(out_dir, path), "w", encoding="utf-8", newline="\n") as f:
            for c in courses:
                f.write(json.dumps(c, ensure_ascii=False, separators=(",", ":")))
                f.write("\n")
    return feed, files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Write the Credit Bridge demo catalog.")
    ap.add_argument("--out", default=here, help="output folder (default: beside this script)")
    args = ap.parse_args()
    feed, files = write(args.out)
    n = sum(len(v) for v in files.values())
    print("wrote %s: %d universities, %d courses in %d files, %d certificates"
          % (args.out, len(feed["universities"]), n, len(files), len(feed["certificates"])))


if __name__ == "__main__":
    sys.exit(main())
