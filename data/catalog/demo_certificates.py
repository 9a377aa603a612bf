# SPDX-License-Identifier: GPL-3.0-or-later
"""The certificates of the demo catalog (the credit bank, 学分银行), for
make-demo-catalog.py.

The certificates and their issuers are real; what each university grants for
them (credits, the home courses replaced, the years a recognition stays
valid) is illustrative, invented like the rest of the demo data. Five kinds,
told apart by their ISCED-F field: computing (061x), foreign languages
(0231), accounting and finance (041x), teaching (011x, and the Putonghua
test every teacher needs) and vocational skills (07xx and the first-aid
certificate).

Each recognition is (university, credits, [titles of home courses it
replaces], valid years or None for no limit). A course is named by its
Chinese title at that university, so it cannot name another university's
course. certificates() asserts the rules the importer and the help rely on.
"""

NEEA = ("教育部教育考试院", "National Education Examinations Authority")
MOHRSS_MIIT = ("人力资源和社会保障部、工业和信息化部",
               "Ministry of Human Resources and Social Security; Ministry of Industry and Information Technology")
MOF_MOHRSS = ("财政部、人力资源和社会保障部", "Ministry of Finance; Ministry of Human Resources and Social Security")
OSTA = ("人力资源和社会保障部职业技能鉴定中心",
        "Occupational Skill Testing Authority, Ministry of Human Resources and Social Security")
TEM_BOARD = ("高等学校外国语言文学类专业教学指导委员会",
             "National Advisory Committee for Foreign Language Teaching in Higher Education")


def cert(cid, name, issuer, level, isced, hours, rec):
    c = {"id": cid, "name": name, "issuer": issuer, "level": level, "isced": isced,
         "workload_hours": hours, "rec": rec}
    return {k: v for k, v in c.items() if v is not None}


CERTIFICATES = [
    # -- computing --------------------------------------------------------
    cert("ncre-2-python",
         ("全国计算机等级考试二级（Python语言程序设计）",
          "National Computer Rank Examination, Level 2 (Python Programming)"),
         NEEA, "二级", "0613", 72,
         [("scu", 2, ["Python程序设计"], 3), ("swufe", 2, ["Python程序设计"], 3),
          ("sicnu", 2, [], 3), ("cwnu", 2, ["大学计算机基础"], 2), ("swu", 2, ["Python程序设计"], 3)]),
    cert("ncre-2-c",
         ("全国计算机等级考试二级（C语言程序设计）",
          "National Computer Rank Examination, Level 2 (C Programming)"),
         NEEA, "二级", "0613", 72,
         [("cwnu", 2, ["大学计算机基础"], 2), ("cqjtu", 2, ["大学计算机基础"], 3),
          ("swust", 2, [], 3), ("swpu", 2, [], None)]),
    cert("ncre-2-office",
         ("全国计算机等级考试二级（MS Office高级应用与设计）",
          "National Computer Rank Examination, Level 2 (Advanced MS Office Applications)"),
         NEEA, "二级", "0611", 60,
         [("swupl", 2, ["大学计算机基础"], 3), ("sicau", 2, ["大学计算机基础"], 2.5),
          ("cqmu", 1.5, ["大学计算机基础"], 3), ("cdutcm", 1.5, [], 3)]),
    cert("ncre-3-network",
         ("全国计算机等级考试三级（网络技术）",
          "National Computer Rank Examination, Level 3 (Network Technology)"),
         NEEA, "三级", "0612", 96,
         [("cwnu", 3, ["大学计算机基础"], 3), ("cqupt", 3, ["计算机网络"], 3), ("uestc", 2, [], 3)]),
    cert("ncre-3-infosec",
         ("全国计算机等级考试三级（信息安全技术）",
          "National Computer Rank Examination, Level 3 (Information Security Technology)"),
         NEEA, "三级", "0612", 96,
         [("uestc", 2.5, ["信息安全导论"], 3), ("swust", 2, [], 3)]),
    cert("ncre-4-network-engineer",
         ("全国计算机等级考试四级（网络工程师）",
          "National Computer Rank Examination, Level 4 (Network Engineer)"),
         NEEA, "四级", "0612", 160,
         [("cqupt", 2, [], 5), ("swjtu", 3, [], 5), ("cdut", 2, [], None)]),
    cert("ncre-4-database-engineer",
         ("全国计算机等级考试四级（数据库工程师）",
          "National Computer Rank Examination, Level 4 (Database Engineer)"),
         NEEA, "四级", "0612", None,
         [("cqupt", 3, ["数据库系统原理"], 5), ("uestc", 3, ["数据库系统原理"], 5)]),
    cert("ruankao-programmer",
         ("计算机技术与软件专业技术资格（水平）考试 程序员（初级）",
          "Computer Technology and Software Professional Qualification Examination, Programmer (junior)"),
         MOHRSS_MIIT, "初级", "0613", 150,
         [("swust", 4, ["C语言程序设计"], None), ("cdut", 2, [], None)]),
    cert("ruankao-software-designer",
         ("计算机技术与软件专业技术资格（水平）考试 软件设计师（中级）",
          "Computer Technology and Software Professional Qualification Examination, Software Designer (intermediate)"),
         MOHRSS_MIIT, "中级", "0613", 300,
         [("uestc", 3, ["软件工程"], None), ("swjtu", 3, ["软件工程"], None),
          ("cqupt", 3, ["软件工程"], None), ("swun", 3, ["软件工程"], 5)]),
    cert("huawei-hcia-datacom",
         ("华为认证 HCIA-Datacom 数据通信工程师", "Huawei Certified ICT Associate – Datacom (HCIA-Datacom)"),
         ("华为技术有限公司", "Huawei Technologies Co., Ltd."), "HCIA", "0612", 90,
         [("cqupt", 3, ["计算机网络"], 3), ("uestc", 2, [], 3), ("swust", 2, [], 2)]),
    cert("cisco-ccna",
         ("思科认证网络工程师（CCNA）", "Cisco Certified Network Associate (CCNA)"),
         ("思科系统公司", "Cisco Systems, Inc."), "Associate", "0612", 120,
         [("cqupt", 2, [], 3), ("swjtu", 2, [], 3)]),

    # -- foreign languages ------------------------------------------------
    cert("cet-4",
         ("大学英语四级考试（425分及以上）", "College English Test Band 4 (score 425 or above)"),
         NEEA, "四级", "0231", 100,
         [("scu", 3, ["大学英语（一）"], 2), ("cqu", 3, ["大学英语（一）"], 2),
          ("cqjtu", 2.5, ["大学英语（一）"], 2), ("swpu", 3, ["大学英语（二）"], 2), ("sicau", 1, [], 2)]),
    cert("cet-6",
         ("大学英语六级考试（425分及以上）", "College English Test Band 6 (score 425 or above)"),
         NEEA, "六级", "0231", 120,
         [("scu", 3, ["大学英语（二）"], 2), ("uestc", 3, ["大学英语（二）"], 2),
          ("cqu", 3, ["大学英语（二）"], 2), ("cqupt", 2, [], 2), ("swpu", 3, ["大学英语（二）"], 2),
          ("sicau", 2, [], 2)]),
    cert("tem-4",
         ("英语专业四级考试（TEM-4）合格", "Test for English Majors, Band 4 (TEM-4), pass"),
         TEM_BOARD, "四级", "0231", 200,
         [("sisu", 4, ["综合英语（二）"], None), ("sicnu", 4, ["综合英语（二）"], None), ("cwnu", 2, [], None)]),
    cert("tem-8",
         ("英语专业八级考试（TEM-8）合格", "Test for English Majors, Band 8 (TEM-8), pass"),
         TEM_BOARD, "八级", "0231", None,
         [("sisu", 2, ["英语写作"], None), ("sicnu", 3, [], None), ("cwnu", 3, [], None)]),
    cert("ielts-academic-6-5",
         ("雅思学术类考试（总分6.5及以上）", "IELTS Academic (overall band 6.5 or above)"),
         ("剑桥大学英语考评部、英国文化协会、IDP教育集团",
          "Cambridge University Press & Assessment, British Council and IDP Education"),
         "6.5", "0231", 96,
         [("sisu", 2, ["学术英语写作"], 2), ("uestc", 2, ["学术英语写作"], 2),
          ("swufe", 3, [], 2), ("cqu", 2, [], 2)]),
    cert("toefl-ibt-90",
         ("托福网考（90分及以上）", "TOEFL iBT (score 90 or above)"),
         ("美国教育考试服务中心", "Educational Testing Service (ETS)"), "90", "0231", 150,
         [("sisu", 2, ["学术英语写作"], 2), ("uestc", 2, ["学术英语写作"], 2), ("swufe", 3, [], 2)]),
    cert("jlpt-n1",
         ("日本语能力测试N1", "Japanese-Language Proficiency Test, N1"),
         ("日本国际交流基金会、日本国际教育支援协会",
          "The Japan Foundation; Japan Educational Exchanges and Services"),
         "N1", "0231", 600,
         [("sicnu", 2.5, ["基础日语"], None), ("sisu", 4, [], None), ("swun", 2, [], 5)]),
    cert("jlpt-n2",
         ("日本语能力测试N2", "Japanese-Language Proficiency Test, N2"),
         ("日本国际交流基金会、日本国际教育支援协会",
          "The Japan Foundation; Japan Educational Exchanges and Services"),
         "N2", "0231", 400,
         [("sisu", 2, [], 5), ("cqupt", 2, [], 5)]),
    cert("goethe-b2",
         ("歌德学院德语证书B2", "Goethe-Zertifikat B2"),
         ("歌德学院", "Goethe-Institut"), "B2", "0231", 500,
         [("sisu", 3, ["基础德语"], None), ("cwnu", 3, ["基础德语"], None), ("cqu", 2, [], None)]),
    cert("catti-3-translation",
         ("全国翻译专业资格（水平）考试 三级笔译（英语）",
          "China Accreditation Test for Translators and Interpreters (CATTI), Level 3 Translation (English)"),
         ("人力资源和社会保障部、中国外文局",
          "Ministry of Human Resources and Social Security; China International Communications Group"),
         "三级笔译", "0231", 250,
         [("sisu", 3, ["翻译理论与实践"], None), ("sicnu", 2, [], None), ("cwnu", 2, ["英汉翻译"], None)]),

    # -- accounting and finance -------------------------------------------
    cert("cicpa-professional",
         ("注册会计师全国统一考试专业阶段合格证", "CPA Examination, Professional Stage Certificate"),
         ("中国注册会计师协会", "Chinese Institute of Certified Public Accountants"), "专业阶段", "0411", 600,
         [("swufe", 4, ["审计学", "税法"], 5), ("cqu", 3, [], 5)]),
    cert("accounting-junior",
         ("初级会计专业技术资格", "Junior Accounting Professional Qualification"),
         MOF_MOHRSS, "初级", "0411", 200,
         [("swufe", 3, ["会计学原理"], None), ("swupl", 2, [], None), ("swun", 2, [], 5)]),
    cert("accounting-intermediate",
         ("中级会计专业技术资格", "Intermediate Accounting Professional Qualification"),
         MOF_MOHRSS, "中级", "0411", 450,
         [("swufe", 3.5, ["中级财务会计"], None), ("cqu", 3, [], None)]),
    cert("securities-qualification",
         ("证券从业资格（证券业从业人员一般从业资格考试）",
          "Securities Qualification (General Qualification Examination for Securities Practitioners)"),
         ("中国证券业协会", "Securities Association of China"), "一般从业资格", "0412", 60,
         [("swufe", 2, [], 3), ("cqu", 2, [], 3), ("swupl", 1, [], 3), ("scu", 1, [], 3)]),
    cert("fund-qualification",
         ("基金从业资格（基金从业人员资格考试）", "Fund Qualification (Fund Practitioner Qualification Examination)"),
         ("中国证券投资基金业协会", "Asset Management Association of China"), "从业资格", "0412", 60,
         [("swufe", 2, [], 3), ("cqu", 1.5, [], 3)]),
    cert("cfa-level-1",
         ("特许金融分析师（CFA）一级考试", "Chartered Financial Analyst (CFA) Program, Level I"),
         ("CFA协会", "CFA Institute"), "一级", "0412", 300,
         [("swufe", 3, ["投资学"], None), ("cqu", 3, ["投资学"], None), ("scu", 2, [], None)]),
    cert("1x-financial-shared-services",
         ("财务共享服务职业技能等级证书（中级）（1+X）",
          "Financial Shared Services Vocational Skills Certificate, Intermediate (1+X)"),
         ("中联集团教育科技有限公司", "Zhonglian Group Education Technology Co., Ltd."), "中级", "0411", 64,
         [("swufe", 2, ["会计信息系统"], 3), ("swun", 1.5, [], 3)]),

    # -- teaching ---------------------------------------------------------
    cert("ntce-senior-secondary",
         ("中小学教师资格考试合格证明（高级中学）",
          "National Teacher Certification Examination, Pass Certificate (Senior Secondary School)"),
         NEEA, "高级中学", "0114", 96,
         [("sicnu", 2.5, ["教育学原理"], 3), ("cwnu", 3, ["教育学原理"], 3), ("swu", 3, ["教育学原理"], 3),
          ("cqnu", 3, ["教育学原理"], 3), ("sisu", 2, [], 3)]),
    cert("ntce-primary",
         ("中小学教师资格考试合格证明（小学）",
          "National Teacher Certification Examination, Pass Certificate (Primary School)"),
         NEEA, "小学", "0113", None,
         [("cqnu", 2, [], 3), ("cwnu", 2, [], 3)]),
    cert("ntce-kindergarten",
         ("中小学教师资格考试合格证明（幼儿园）",
          "National Teacher Certification Examination, Pass Certificate (Kindergarten)"),
         NEEA, "幼儿园", "0112", 180,
         [("sicnu", 2, [], 3)]),
    cert("international-chinese-teacher",
         ("国际中文教师证书", "Certificate for International Chinese Language Teachers"),
         ("中国国际中文教育基金会", "Chinese International Education Foundation"), "证书", "0114", 64,
         [("sisu", 2, [], 5), ("swu", 2, [], 5), ("cwnu", 2, [], 5)]),
    cert("putonghua-2a",
         ("普通话水平测试二级甲等", "Putonghua Proficiency Test, Level 2A"),
         ("国家语言文字工作委员会", "National Language Commission"), "二级甲等", "0232", None,
         [("sicnu", 1, [], 5), ("cwnu", 1, [], 5), ("cqnu", 1, [], 5), ("swu", 1, [], 5)]),
    cert("putonghua-1b",
         ("普通话水平测试一级乙等", "Putonghua Proficiency Test, Level 1B"),
         ("国家语言文字工作委员会", "National Language Commission"), "一级乙等", "0232", None,
         [("sicnu", 2, [], None), ("cqnu", 1.5, [], None), ("sisu", 1, [], None)]),

    # -- vocational skills ------------------------------------------------
    cert("1x-web-frontend",
         ("Web前端开发职业技能等级证书（中级）（1+X）",
          "Web Front-End Development Vocational Skills Certificate, Intermediate (1+X)"),
         ("工业和信息化部教育与考试中心", "Education and Examination Center, Ministry of Industry and Information Technology"),
         "中级", "0613", 72,
         [("cqnu", 2, ["软件工程实践"], 3), ("swun", 2, ["软件工程实践"], 3), ("cdut", 2, [], 3)]),
    cert("1x-cnc-turning-milling",
         ("数控车铣加工职业技能等级证书（中级）（1+X）",
          "CNC Turning and Milling Vocational Skills Certificate, Intermediate (1+X)"),
         ("武汉华中数控股份有限公司", "Wuhan Huazhong Numerical Control Co., Ltd."), "中级", "0715", 96,
         [("cqjtu", 2, ["数控技术"], 3), ("swust", 2, ["数控技术"], 3), ("cqu", 2, ["数控技术"], 3)]),
    cert("electrician-4",
         ("电工职业技能等级证书（四级/中级工）", "Electrician Vocational Skills Certificate, Level 4 (Intermediate)"),
         OSTA, "四级/中级工", "0713", 200,
         [("swust", 2, ["电子工艺实习"], None), ("uestc", 2, ["电子工艺实习"], None),
          ("swjtu", 2, [], None), ("cqu", 2, [], None)]),
    cert("low-voltage-electrician",
         ("特种作业操作证（低压电工作业）", "Special Operations Certificate (Low-Voltage Electrical Work)"),
         ("应急管理部", "Ministry of Emergency Management"), "低压电工作业", "0713", 80,
         [("swpu", 1, [], 6), ("swjtu", 1, [], 6)]),
    cert("cnc-lathe-operator-4",
         ("数控车工职业技能等级证书（四级/中级工）", "CNC Lathe Operator Vocational Skills Certificate, Level 4 (Intermediate)"),
         OSTA, "四级/中级工", "0715", 200,
         [("swpu", 2, [], None), ("swjtu", 2, [], None), ("cqjtu", 2, [], None)]),
    cert("red-cross-first-aider",
         ("红十字救护员证", "Red Cross First Aider Certificate"),
         ("中国红十字会总会", "Red Cross Society of China"), "救护员", None, 16,
         [("cqmu", 0.5, [], 3), ("cdutcm", 0.5, [], 3)]),
]

# The ids the demo had before the credit bank grew; tests and the help use them.
KEPT = {"ncre-2-python", "cet-6", "cicpa-professional", "huawei-hcia-datacom", "putonghua-2a"}

# The five kinds, by the ISCED-F field (None: a certificate of no field).
KINDS = {
    "computing": ("061",),
    "languages": ("0231",),
    "accounting and finance": ("041",),
    "teaching": ("011", "0232"),
    "vocational": ("07",),
}


def kind_of(c):
    isced = c.get("isced")
    if isced is None:
        return "vocational"
    for kind, prefixes in KINDS.items():
        if isced.startswith(prefixes):
            return kind
    raise AssertionError((c["id"], isced))


def certificates(by_title, policies, worth):
    """The certificates as feed objects. @by_title maps (university, Chinese
    title) to a course, @policies a university to its credit policy, and
    worth(policy, hours) gives what a workload is worth under a policy."""
    out = []
    comparison = {"generous": 0, "mean": 0, "even": 0}
    replaced = {}
    for c in CERTIFICATES:
        assert c["id"] not in (o["id"] for o in out), c["id"]
        assert 1 <= len(c["rec"]) <= 6, c["id"]
        assert len({r[0] for r in c["rec"]}) == len(c["rec"]), c["id"]
        kind_of(c)
        recs = []
        for uid, credits, titles, years in c["rec"]:
            where = (c["id"], uid)
            policy = policies[uid]
            step = policy["credit_step"]
            assert credits > 0 and abs(credits / step - round(credits / step)) < 1e-9, where
            replaces = []
            for t in titles:
                course = by_title[(uid, t)]
                assert course["university"] == uid, where
                replaces.append(course["id"])
                replaced.setdefault((uid, course["id"]), []).append(c["id"])
            rec = {"university": uid, "credits": credits, "replaces": replaces}
            if years is not None:
                assert years > 0, where
                rec["valid_years"] = years
            recs.append(rec)
            if "workload_hours" in c:
                fair = worth(policy, c["workload_hours"])
                comparison["generous" if credits > fair else "mean" if credits < fair else "even"] += 1
        item = {k: v for k, v in c.items() if k != "rec"}
        item["name"] = {"zh": c["name"][0], "en": c["name"][1]}
        item["issuer"] = {"zh": c["issuer"][0], "en": c["issuer"][1]}
        item["recognitions"] = recs
        out.append(item)
    # What the credit bank should show with the demo alone.
    ids = {c["id"] for c in out}
    assert KEPT <= ids and len(out) >= 30, len(out)
    assert {kind_of(c) for c in CERTIFICATES} == set(KINDS)
    assert len({r[0] for c in CERTIFICATES for r in c["rec"]}) >= 8
    assert sum("workload_hours" not in c for c in out) >= 3
    assert sum("workload_hours" in c for c in out) > len(out) / 2
    years = {r[3] for c in CERTIFICATES for r in c["rec"]}
    assert {None, 2, 3, 5, 2.5} <= years, years
    assert comparison["generous"] >= 3 and comparison["mean"] >= 3, comparison
    # Two certificates replace the same course: the summary counts it once.
    assert sum(len(v) > 1 for v in replaced.values()) >= 3, replaced
    assert sum(not r["replaces"] for c in out for r in c["recognitions"]) >= 10
    return out
