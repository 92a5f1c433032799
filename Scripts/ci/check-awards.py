#!/usr/bin/env python3
"""Certificates and the commendation list read back with python-docx and openpyxl must match the award
data exactly: one certificate per award with the right recipient, level and a unique number; every number
in the register, the per-winner files, the combined document and the list.

    python3 Scripts/ci/check-awards.py CAMPAIGN_DIR OUTPUT_DIR
"""
import csv, sys
from pathlib import Path
import docx, openpyxl, yaml

campaign, output = Path(sys.argv[1]), Path(sys.argv[2])
failures, checks = [], 0
def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

config = yaml.safe_load((campaign / "campaign.yaml").read_text(encoding="utf-8"))
recommenders = {key: r["name"] for r in config["recommenders"] for key in (r["id"], r["name"], r.get("short_name"))}
read = lambda name: list(csv.DictReader(open(campaign / name, encoding="utf-8-sig", newline="")))
declared = {(d["统一社会信用代码"], d["项目名称"]): d for d in read("declarations.csv")}
expected = []
for a in read("awards.csv"):
    if a["类别"] == "项目成果": recipient = declared[(a["统一社会信用代码"], a["项目名称"])]["申报单位名称"]
    elif a["类别"] == "小组": recipient = a["小组名称"]
    else: recipient = recommenders[a["推荐单位"]]
    expected.append((a["类别"], a["等级"], recipient, a["项目名称"]))

register = list(csv.DictReader(open(output / "获奖/证书/证书登记册.csv", encoding="utf-8-sig", newline="")))
got = [(r["类别"], r["等级"], r["获奖对象"], r["项目名称"]) for r in register]
check(sorted(got) == sorted(expected), f"register differs from awards.csv ({len(got)} vs {len(expected)})")
numbers = [r["证书编号"] for r in register]
check(len(set(numbers)) == len(numbers) == len(expected), "certificate numbers are not unique, one per award")

combined = docx.Document(output / "获奖/证书/全部获奖证书.docx")
texts = [p.text for p in combined.paragraphs if p.text]
printed = [t.removeprefix("证书编号：") for t in texts if t.startswith("证书编号：")]
check(sorted(printed) == sorted(numbers), "combined certificates do not print every number once")
check(texts.count("荣誉证书") == len(expected), "not one heading per certificate")
for category, level, recipient, project in expected:
    check(recipient + "：" in texts, f"no certificate addressed to {recipient}")
    if category == "项目成果":
        check(any(project in t and t.endswith(f"中荣获成果{level}。") for t in texts), f"no sentence for {project} {level}")

singles = sorted((output / "获奖/证书/单份").glob("*.docx"))
check(len(singles) == len(expected), f"{len(singles)} per-winner files for {len(expected)} awards")
for path in singles:
    body = [p.text for p in docx.Document(path).paragraphs if p.text]
    number = body[0].removeprefix("证书编号：")
    check(path.name.startswith(number + "-") and number in numbers, f"{path.name}: number {number} not in its name or the register")

ws = openpyxl.load_workbook(output / "获奖/2019年滨海新区质量攻关活动获奖名单.xlsx").worksheets[0]
listed = [row[4] for row in ws.iter_rows(min_row=5, values_only=True) if row and isinstance(row[0], int)]
check(sorted(listed) == sorted(numbers), "the list workbook does not hold every certificate number once")
entries = [p.text for p in docx.Document(output / "获奖/2019年滨海新区质量攻关活动获奖名单.docx").paragraphs
           if p.text[:1].isdigit() and "." in p.text[:4]]
check(len(entries) == len(expected), f"the list document has {len(entries)} entries for {len(expected)} awards")

for failure in failures: print("FAIL:", failure)
print(f"awards: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
