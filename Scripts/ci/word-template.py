#!/usr/bin/env python3
"""A Word-made template, made with python-docx as an office would make one in Word: a styled title, a
sentence with values, and a table whose second row loops over the plan ({{#rows}} … {{/rows}}), one tag
split over three runs with a spelling mark between them the way Word saves an edited tag. gongwen builds the
plan table from it; the result must pass the schemas (checked by .ci/run), read back with python-docx with
one row per planned project, and keep the template's styles.

    python3 Scripts/ci/word-template.py make TEMPLATES_DIR
    python3 Scripts/ci/word-template.py check CAMPAIGN_DIR OUTPUT_DIR
"""
import csv, sys
from pathlib import Path
import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

def make(folder):
    document = docx.Document()
    title = document.add_paragraph("{{title}}", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{{documentNumber}}附件，共{{plannedCount}}项。")
    table = document.add_table(rows=2, cols=4)
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, ["序号", "计划编号", "申报单位", "项目名称"]):
        cell.text = text
    cells = table.rows[1].cells
    cells[0].text = "{{#rows}}{{number}}"
    cells[1].text = "{{planNumber}}"
    # {{applicant}} split over three runs with a spelling mark between, as Word saves it after an edit.
    paragraph = cells[2].paragraphs[0]
    paragraph.add_run("{{appl")
    mark = OxmlElement("w:proofErr"); mark.set(qn("w:type"), "spellStart"); paragraph._p.append(mark)
    paragraph.add_run("ica").bold = True
    mark = OxmlElement("w:proofErr"); mark.set(qn("w:type"), "spellEnd"); paragraph._p.append(mark)
    paragraph.add_run("nt}}")
    cells[3].text = "{{projectName}}{{/rows}}"
    document.styles["Normal"].font.size = Pt(11)
    # python-docx's default template writes <w:zoom w:val="bestFit"/> without the w:percent the schema
    # requires. It is left so: gongwen adds it when it loads the template, and CI's validate-ooxml run on
    # the output checks that it did.
    target = Path(folder) / "plan-table" / "docx"
    target.mkdir(parents=True, exist_ok=True)
    document.save(target / "table.docx")
    print("template:", target / "table.docx")

def check(campaign, output):
    failures = []
    path = next((Path(output) / "计划通知").glob("*计划表.docx"))
    document = docx.Document(path)
    plan = list(csv.DictReader(open(Path(campaign) / "plan.csv", encoding="utf-8-sig")))
    rows = document.tables[0].rows
    got = [[c.text for c in row.cells] for row in rows[1:]]
    if [r[1] for r in got] != [p["计划编号"] for p in plan]: failures.append("plan numbers differ from plan.csv")
    if [r[3] for r in got] != [p["项目名称"] for p in plan]: failures.append("project names differ from plan.csv")
    if any("{{" in c or "}}" in c for r in got for c in r): failures.append("a tag was left in the table")
    if document.paragraphs[0].style.name != "Title": failures.append("the template's Title style was lost")
    if document.tables[0].style.name != "Light Grid Accent 1": failures.append("the table style was lost")
    if "{{" in document.paragraphs[0].text: failures.append("the title tag was not rendered")
    for failure in failures: print("FAIL:", failure)
    print(f"word template: {6 - len(failures)} passed, {len(failures)} failed ({len(got)} rows)")
    sys.exit(1 if failures else 0)

def make_excel(folder):
    """An Excel-made plan table: merged title, a header row, a loop row, a total row below it."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Border, Side, Alignment
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "计划表"
    ws["A1"] = "{{title}}"; ws.merge_cells("A1:E1")
    ws["A1"].font = Font(name="方正小标宋简体", size=18); ws["A1"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin"); box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, title in enumerate(["序号", "计划编号", "申报单位", "项目名称", "项目负责人"], start=1):
        cell = ws.cell(2, c, title); cell.font = Font(name="黑体", bold=True); cell.border = box
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for c, tag in enumerate(["{{#rows}}{{number}}", "{{planNumber}}", "{{applicant}}", "{{projectName}}", "{{projectLead}}{{/rows}}"], start=1):
        cell = ws.cell(3, c, tag); cell.border = box; cell.font = Font(name="仿宋_GB2312")
    ws["A4"] = "共{{plannedCount}}项（{{documentNumber}}）"; ws.merge_cells("A4:E4")
    for col, width in zip("ABCDE", [6, 18, 30, 36, 10]): ws.column_dimensions[col].width = width
    # The office sets a print area over the template's rows and repeats the header on every page.
    ws.print_area = "A1:E4"; ws.print_title_rows = "2:2"
    target = Path(folder) / "plan-table" / "xlsx"; target.mkdir(parents=True, exist_ok=True)
    wb.save(target / "table.xlsx"); print("template:", target / "table.xlsx")

def check_excel(campaign, output):
    import openpyxl
    failures = []
    path = next((Path(output) / "计划通知").glob("*计划表.xlsx"))
    ws = openpyxl.load_workbook(path).worksheets[0]
    plan = list(csv.DictReader(open(Path(campaign) / "plan.csv", encoding="utf-8-sig")))
    rows = [[ws.cell(r, c).value for c in range(1, 6)] for r in range(3, 3 + len(plan))]
    if [r[1] for r in rows] != [p["计划编号"] for p in plan]: failures.append("plan numbers differ from plan.csv")
    if [str(r[0]) for r in rows] != [str(i + 1) for i in range(len(plan))]: failures.append("serials are not 1..n")
    total = ws.cell(3 + len(plan), 1).value or ""
    if not total.startswith(f"共{len(plan)}项"): failures.append(f"the row below the loop reads {total!r}")
    if f"A{3 + len(plan)}:E{3 + len(plan)}" not in [str(m) for m in ws.merged_cells.ranges]: failures.append("the merge below the loop did not move")
    if ws["A1"].value != "2019年滨海新区质量攻关重点项目计划表": failures.append("the title was not rendered")
    if ws.cell(3, 1).font.name != "仿宋_GB2312" or ws.cell(2, 1).fill.fgColor.rgb[-6:] != "DDEBF7": failures.append("the template's styles were lost")
    if ws.column_dimensions["D"].width != 36: failures.append("column widths were lost")
    area = str(ws.print_area).replace("'", "")
    if area != f"计划表!$A$1:$E${3 + len(plan)}": failures.append(f"the print area is {area}, not the whole table")
    if str(ws.print_title_rows) != "$2:$2": failures.append(f"the print titles are {ws.print_title_rows}")
    for failure in failures: print("FAIL:", failure)
    print(f"excel template: {9 - len(failures)} passed, {len(failures)} failed ({len(rows)} rows)")
    sys.exit(1 if failures else 0)

{"make": lambda: make(sys.argv[2]), "check": lambda: check(sys.argv[2], sys.argv[3]),
 "make-excel": lambda: make_excel(sys.argv[2]), "check-excel": lambda: check_excel(sys.argv[2], sys.argv[3])}[sys.argv[1]]()
