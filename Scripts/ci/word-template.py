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
    # requires; Word always writes it. Write it as Word does, so the template is a Word-made one.
    zoom = document.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None: zoom.set(qn("w:percent"), "100")
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

if sys.argv[1] == "make": make(sys.argv[2])
else: check(sys.argv[2], sys.argv[3])
