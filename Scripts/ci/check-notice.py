#!/usr/bin/env python3
"""The plan notice read back with python-docx: its text in GB/T 9704 order, the section's page size and
margins (A4; 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm), an East Asian font on every run, odd/even
footers, and the attached plan table equal to plan.csv joined with declarations.csv.

    python3 Scripts/ci/check-notice.py CAMPAIGN_DIR OUTPUT_DIR
"""
import csv, sys
from pathlib import Path
import docx
from docx.oxml.ns import qn

campaign, output = Path(sys.argv[1]), Path(sys.argv[2])
failures, checks = [], 0
def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

notices = sorted((output / "计划通知").glob("*通知.docx"))
check(len(notices) == 1, f"expected one plan notice, found {len(notices)}")
document = docx.Document(notices[0])
s = document.sections[0]
for name, value, standard in [("page width", s.page_width.mm, 210), ("page height", s.page_height.mm, 297),
                              ("top margin (天头)", s.top_margin.mm, 37), ("left margin (订口)", s.left_margin.mm, 28),
                              ("right margin", s.right_margin.mm, 26), ("bottom margin", s.bottom_margin.mm, 35)]:
    check(abs(value - standard) <= 0.2, f"{name} is {value:.2f} mm, GB/T 9704 gives {standard} mm")
check(abs((s.page_width.mm - s.left_margin.mm - s.right_margin.mm) - 156) <= 0.2, "type area not 156 mm wide")
check(abs((s.page_height.mm - s.top_margin.mm - s.bottom_margin.mm) - 225) <= 0.2, "type area not 225 mm tall")
check(document.settings.odd_and_even_pages_header_footer, "odd and even footers are not distinct")
check(s.footer.paragraphs[0].alignment == 2 and s.even_page_footer.paragraphs[0].alignment == 0,
      "page numbers not right on odd pages and left on even pages")

texts = [p.text for p in document.paragraphs if p.text.strip()]
anchors = ["滨海新区质量工作领导小组办公室文件", "津滨质量组办〔2019〕5号", "关于下达", "各推荐单位：", "一、", "（一）",
           "附件：2019年滨海新区质量攻关重点项目计划表", "滨海新区质量工作领导小组办公室", "2019年4月30日", "（此件主动公开）",
           "附件", "2019年滨海新区质量攻关重点项目计划表", "抄送：", "2019年4月30日印发"]
position = 0
for anchor in anchors:
    found = next((i for i in range(position, len(texts)) if texts[i].startswith(anchor) or anchor in texts[i] and anchor.endswith("印发")), None)
    check(found is not None, f"'{anchor}' missing or out of order")
    if found is not None: position = found + 1
title = "".join(t for t in texts if t.startswith("关于下达") or t.startswith("质量攻关重点项目计划"))
check(title == "关于下达2019年滨海新区质量攻关重点项目计划的通知", f"title reads '{title}'")

runs = list(document.element.body.iter(qn("w:r")))
bare = [r for r in runs if r.find(qn("w:rPr")) is None or r.find(qn("w:rPr")).find(qn("w:rFonts")) is None
        or not r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))]
check(not bare, f"{len(bare)} of {len(runs)} runs name no East Asian font")

with open(campaign / "declarations.csv", encoding="utf-8-sig", newline="") as f:
    declared = {(r["统一社会信用代码"], r["项目名称"]): r for r in csv.DictReader(f)}
with open(campaign / "plan.csv", encoding="utf-8-sig", newline="") as f:
    plan = list(csv.DictReader(f))
expected = [[str(i + 1), p["计划编号"], declared[(p["统一社会信用代码"], p["项目名称"])]["申报单位名称"], p["项目名称"],
             declared[(p["统一社会信用代码"], p["项目名称"])]["项目负责人"]] for i, p in enumerate(plan)]
table = document.tables[0]
check(table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, "the plan table's header row does not repeat")
got = [[c.text for c in row.cells][:5] for row in table.rows[1:]]
check(got == expected, f"the plan table differs from plan.csv ({len(got)} rows, {len(expected)} planned)")

for failure in failures: print("FAIL:", failure)
print(f"plan notice: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
