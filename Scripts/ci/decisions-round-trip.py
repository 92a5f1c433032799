#!/usr/bin/env python3
"""The year's two decisions through gongwen's commands, checked by readers gongwen did not write.

  decisions-round-trip.py GONGWEN SAMPLE_CAMPAIGN HISTORY_CAMPAIGN WORKDIR

1. Selection: `gongwen plan draft` → the workbook marked with openpyxl as a clerk would (one unplanned project
   列入, two 不列入 with a reason) → `gongwen plan import` → plan.csv builds (`gongwen build`); one more project
   selected later keeps every earlier 计划编号.
2. Originality: with HISTORY_CAMPAIGN in `history:`, `gongwen check` flags the renamed projects with their year
   and nothing else of that year.
3. Judging: `gongwen judging forms` → five workbooks filled by openpyxl with seeded scores → `gongwen judging
   import` → the ranking (judging/ranking.csv) equals one computed here from the same cells, by the rules read
   here from scoring.yaml; the proposal honours the quotas; a workbook with one out-of-range score is refused
   naming judge, project and criterion, and changes nothing.
Every workbook gongwen writes is opened by openpyxl; the ECMA-376 check runs over them in .ci/run.
"""
import csv, glob, os, random, shutil, subprocess, sys
from fractions import Fraction

import openpyxl
import yaml

gongwen, sample, history, work = sys.argv[1:5]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
campaign = os.path.join(work, "campaign")
shutil.copytree(sample, campaign)


def run(*args, ok=True):
    result = subprocess.run([gongwen, *args], capture_output=True, text=True)
    if ok and result.returncode != 0:
        sys.exit(f"gongwen {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def header_row(sheet, title):
    for row in sheet.iter_rows(min_row=1, max_row=20):
        values = [cell.value for cell in row]
        if title in values:
            return row[0].row, values
    sys.exit(f"no header with {title} in {sheet.title}")


# 1. Selection.
draft = os.path.join(work, "项目筛选表.xlsx")
run("plan", "draft", "--campaign", campaign, "-o", draft)
book = openpyxl.load_workbook(draft)
sheet = book.active
head, titles = header_row(sheet, "是否列入")
mark, reason, number = titles.index("是否列入"), titles.index("理由"), titles.index("计划编号")
plan_before = read_csv(os.path.join(campaign, "plan.csv"))
rows = [row for row in sheet.iter_rows(min_row=head + 1) if row[titles.index("项目名称")].value]
assert len(rows) == 64, len(rows)
assert sum(1 for row in rows if row[mark].value == "列入") == len(plan_before)
unplanned = [row for row in rows if not row[mark].value]
unplanned[0][mark].value = "列入"
for row in unplanned[1:3]:
    row[mark].value = "不列入"
    row[reason].value = "与历年项目雷同"
marked = os.path.join(work, "marked.xlsx")
book.save(marked)
run("plan", "import", marked, "--campaign", campaign)
plan = read_csv(os.path.join(campaign, "plan.csv"))
assert [r["计划编号"] for r in plan[: len(plan_before)]] == [r["计划编号"] for r in plan_before]
assert plan[-1]["计划编号"] == "BHZLGG-2019-044", plan[-1]
assert plan[-1]["项目名称"] == unplanned[0][titles.index("项目名称")].value
record = read_csv(os.path.join(campaign, "selection.csv"))
assert sum(1 for r in record if r["结果"] == "不列入" and r["理由"] == "与历年项目雷同") == 2
run("build", campaign, "--output", os.path.join(work, "built"))
# One more, later, on a newly drafted workbook: every earlier number kept. The marked workbook already there
# is not replaced without --force.
refused = run("plan", "draft", "--campaign", campaign, "-o", draft, ok=False)
assert refused.returncode == 74 and "--force" in refused.stderr, refused.stderr
run("plan", "draft", "--campaign", campaign, "-o", draft, "--force")
book = openpyxl.load_workbook(draft)
sheet = book.active
rows = [row for row in sheet.iter_rows(min_row=head + 1) if row[titles.index("项目名称")].value]
assert sum(1 for row in rows if row[mark].value == "不列入") == 2, "the record's marks come back"
next(row for row in rows if not row[mark].value)[mark].value = "列入"
book.save(marked)
run("plan", "import", marked, "--campaign", campaign)
again = read_csv(os.path.join(campaign, "plan.csv"))
assert [r["计划编号"] for r in again[: len(plan)]] == [r["计划编号"] for r in plan]
assert again[-1]["计划编号"] == "BHZLGG-2019-045"
print(f"selection: {len(plan_before)} → {len(plan)} → {len(again)} planned, earlier numbers kept")

# 2. Originality against an earlier year.
with open(os.path.join(campaign, "campaign.yaml"), "a", encoding="utf-8") as handle:
    handle.write(f"history: [{os.path.abspath(history)!r}]\n".replace("'", '"'))
check = run("check", campaign)
earlier = [line for line in check.stderr.splitlines() if "[originality.earlier-year]" in line]
names = {r["项目名称"] for r in read_csv(os.path.join(history, "declarations.csv"))}
renamed = {"关于提高大体积混凝土浇筑的一次验收合格率项目", "2018年降低精馏工序单位产品综合能耗", "缩短方便面包装生产线换型时间"}
flagged = {name for name in names if any(f"“{name}”" in line for line in earlier)}
assert flagged == renamed, flagged
assert all("2018年" in line for line in earlier)
print(f"originality: {len(renamed)} renamed of {len(names)} earlier projects flagged, {len(names) - len(renamed)} unrelated not")

# 3. Judging.
forms = os.path.join(work, "forms")
run("judging", "forms", "--campaign", campaign, "-o", forms)
settings = yaml.safe_load(open(os.path.join(campaign, "campaign.yaml"), encoding="utf-8"))
rules = yaml.safe_load(open(os.path.join(os.path.dirname(__file__), "..", "..", "Templates", "judging", "scoring.yaml"), encoding="utf-8"))
criteria = [(c["name"], c["points"]) for c in rules["criteria"]]
rng = random.Random(2019)
cells = {}  # judge → plan number → [hundredths]
filled = []
for judge in settings["judges"]:
    path = os.path.join(forms, f"评分表-{judge}.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["评分"]
    assert sheet.protection.sheet, "the scoring sheet is protected"
    assert sheet["A2"].value == f"评委：{judge}"
    head, titles = header_row(sheet, "计划编号")
    columns = [titles.index(f"{name}（{points}分）") for name, points in criteria]
    for row in sheet.iter_rows(min_row=head + 1):
        plan_number = row[titles.index("计划编号")].value
        if not plan_number:
            continue
        scores = []
        for column, (_, points) in zip(columns, criteria):
            value = rng.randint(points, points * 4) / 4  # quarter points from a quarter of the maximum up
            row[column].value = value
            scores.append(round(value * 100))
        cells.setdefault(judge, {})[plan_number] = scores
    out = os.path.join(work, f"returned-{judge}.xlsx")
    book.save(out)
    filled.append(out)

# One out-of-range score: refused, naming judge, project and criterion; nothing written.
bad = os.path.join(work, "returned-bad.xlsx")
book = openpyxl.load_workbook(filled[2])
sheet = book["评分"]
head, titles = header_row(sheet, "计划编号")
row = list(sheet.iter_rows(min_row=head + 3, max_row=head + 3))[0]
row[titles.index("效果（15分）")].value = 16
book.save(bad)
refused = run("judging", "import", bad, "--campaign", campaign, ok=False)
judge = settings["judges"][2]
assert refused.returncode == 65, refused.returncode
assert any("scoring.out-of-range" in l and judge in l and row[titles.index("计划编号")].value in l and "效果" in l
           for l in refused.stderr.splitlines()), refused.stderr
assert not os.path.exists(os.path.join(campaign, "judging", "scores.csv"))

run("judging", "import", *filled, "--campaign", campaign)

# The ranking computed here: per judge the total of the criteria; with ≥5 judges and trimmed_mean, the
# highest and lowest totals dropped; the exact mean compared; ties by the tie_break criteria's sums, then
# by plan order.
plan = read_csv(os.path.join(campaign, "plan.csv"))
judges = settings["judges"]
tie = [next(i for i, (name, _) in enumerate(criteria) if name == t) for t in rules.get("tie_break", [])]
keys = []
for position, entry in enumerate(plan):
    totals = [sum(cells[j][entry["计划编号"]]) for j in judges]
    kept = sorted(totals)[1:-1] if rules["aggregate"] == "trimmed_mean" and len(totals) >= 5 else totals
    mean = Fraction(sum(kept), len(kept))
    ties = [sum(cells[j][entry["计划编号"]][t] for j in judges) for t in tie]
    shown = Fraction((2 * sum(kept) + len(kept)) // (2 * len(kept)), 100)  # two decimals, half up
    keys.append(((-mean, [-x for x in ties], position), entry["计划编号"], shown))
keys.sort(key=lambda k: k[0])
ranking = read_csv(os.path.join(campaign, "judging", "ranking.csv"))
assert [r["计划编号"] for r in ranking] == [k[1] for k in keys], "the ranking differs from the one computed here"
for r, k in zip(ranking, keys):
    assert Fraction(r["结果（平均分）"]) == k[2], (r["结果（平均分）"], k[2])
quotas = {level: int(str(share).rstrip("%")) for level, share in settings["award_quotas"].items()}
n, cumulative, start = len(plan), 0, 0
for level in settings["award_levels"]:
    if level not in quotas:
        continue
    cumulative += quotas[level]
    end = cumulative * n // 100
    assert [r["建议等级"] for r in ranking[start:end]] == [level] * (end - start), level
    start = end
assert all(r["建议等级"] == "" for r in ranking[start:])
proposal = read_csv(os.path.join(campaign, "judging", "awards-proposed.csv"))
assert sum(1 for r in proposal if r["类别"] == "项目成果") == start
print(f"judging: {len(judges)} judges × {n} projects; ranking identical to Python's; {start} proposed by quotas {quotas}")
run("judging", "adopt", "--campaign", campaign)
built = os.path.join(work, "built-awards")
run("build", campaign, "--output", built)
# The records are archived with the documents they are the basis of, listed in the metadata, fixed by SHA-256.
for number, record in [("12号", "评审结果汇总表"), ("5号", "项目筛选记录")]:
    package = next(p for p in glob.glob(os.path.join(built, "归档包", "*")) if number in os.path.basename(p))
    for ext in ["xlsx", "docx", "html", "csv"]:
        name = f"依据材料-{record}.{ext}"
        assert os.path.exists(os.path.join(package, name)), name
        metadata = open(os.path.join(package, "元数据.xml"), encoding="utf-8").read()
        assert f"<计算机文件名>{name}</计算机文件名>" in metadata, name
        assert name in open(os.path.join(package, "SHA256SUMS"), encoding="utf-8").read(), name
    summary = openpyxl.load_workbook(os.path.join(package, f"依据材料-{record}.xlsx")).active
    assert summary.max_row >= 3
subprocess.run(["xmllint", "--noout", "--schema", "Schemas/gongwen-archive-record.xsd",
                *glob.glob(os.path.join(built, "归档包", "*", "元数据.xml"))], check=True, capture_output=True)
verify = run("verify", built)
print("records: 评审结果汇总表 and 项目筛选记录 archived with the decision and the plan notice")
print("decisions: ok")
