#!/usr/bin/env python3
"""Independent readers agree with our data: openpyxl and python-docx read every declaration-table workbook
and document back, and every cell must equal the campaign's declarations.csv (read with Python's csv), with
only the characters XML 1.0 forbids removed. Also checks what a user relies on: codes and phones stored as
text, A4 landscape, the header row repeated, an East Asian font on every Word run, the blank form's rules.

    python3 Scripts/ci/check-office-files.py CAMPAIGN_DIR OUTPUT_DIR
"""
import csv, re, sys
from pathlib import Path
import docx, openpyxl
from docx.oxml.ns import qn

campaign, output = Path(sys.argv[1]), Path(sys.argv[2])
FORM = ["申报单位名称", "统一社会信用代码", "行业", "所在区", "项目名称", "项目负责人", "联系方式", "电子邮箱"]
failures, checks = [], 0
clean = lambda s: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", s)
# ECMA-376 Part 1 §22.9.2.19 (ST_Xstring): _xHHHH_ in a cell string is the character U+HHHH, as Excel reads it.
# openpyxl leaves cell values undecoded, so decode here the way Excel does.
xstring = lambda s: re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)

def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

# A line break inside a value is read as LF (CR LF from Word and Alt+Enter's LF alike), as Excel stores it.
with open(campaign / "declarations.csv", encoding="utf-8-sig", newline="") as f:
    expected = sorted([clean(row[c].strip().replace("\r\n", "\n")) for c in FORM] for row in csv.DictReader(f))

def sheet_rows(ws):
    rows = []
    for row in ws.iter_rows(min_row=5):
        if len(row) >= 9 and isinstance(row[0].value, int):
            rows.append(row)
    return rows

tables = sorted((output / "申报表").glob("*.xlsx"))
seen = []
for path in tables:
    if path.name == "空白申报表.xlsx": continue
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden": continue
        check(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", f"{path.name}/{ws.title}: not A4 landscape")
        check(ws.print_title_rows == "$4:$4", f"{path.name}/{ws.title}: header row not repeated ({ws.print_title_rows})")
        check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, f"{path.name}/{ws.title}: not one page wide")
        rows = sheet_rows(ws)
        cells = [[("" if c.value is None else xstring(str(c.value))) for c in row[1:9]] for row in rows]
        for row in rows:
            for c in (row[2], row[7]):
                check(c.data_type == "s" and c.number_format == "@", f"{path.name}/{ws.title}!{c.coordinate}: code or phone not a text cell")
        if path.name == "汇总.xlsx" and ws.title == "汇总":
            check(sorted(cells) == expected, f"{path.name}/汇总: cells differ from declarations.csv")
        elif path.name != "汇总.xlsx":
            seen += cells
check(sorted(seen) == expected, "per-recommender workbooks together differ from declarations.csv")

blank = output / "申报表/空白申报表.xlsx"
if blank.exists():
    ws = openpyxl.load_workbook(blank).worksheets[0]
    rules = {(v.type, v.operator, v.formula1) for v in ws.data_validations.dataValidation}
    check(("textLength", "equal", "18") in rules, "blank form: no 18-character rule on the credit code")
    check(sum(1 for t, _, f in rules if t == "list" and "下拉选项" in (f or "")) == 2, "blank form: 行业 and 所在区 lists missing")
    check(ws["C5"].number_format == "@" and ws["H5"].number_format == "@", "blank form: code and phone columns not text")

expected_docx = sorted([c.replace("\r\n", "\n").replace("\r", "\n") for c in row] for row in expected)
seen = []
for path in sorted((output / "申报表").glob("*.docx")):
    document = docx.Document(path)
    section = document.sections[0]
    check(section.orientation == 1 and abs(section.page_width.mm - 297) < 1 and abs(section.page_height.mm - 210) < 1,
          f"{path.name}: not A4 landscape")
    table = document.tables[0]
    header = table.rows[0]._tr
    check(header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None, f"{path.name}: header row not repeated")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    # A line break in a value is a w:br, which python-docx reads as "\n" (the CSV has "\r\n"); two phone
    # numbers in one cell are set one to a line (a break after the separator).
    cells = [[re.sub(r"(?<=[/、，；,; ])\n", "", c) if i == 6 else c for i, c in enumerate(row[1:9])]
             for row in rows if row[0].isdigit()]
    breaks = sum(1 for row in table.rows[1:] for c in row.cells for br in c._tc.iter(qn("w:br")))
    expected_breaks = sum(
        c.count("\n") for row in expected_docx for c in row[:6] + row[7:])
    if path.name == "汇总.docx":
        check(breaks >= expected_breaks, f"{path.name}: {breaks} w:br in the table, {expected_breaks} line breaks in the data")
        check(sorted(cells) == expected_docx, f"{path.name}: cells differ from declarations.csv")
    else:
        seen += cells
    runs = list(document.element.body.iter(qn("w:r")))
    bare = [r for r in runs if r.find(qn("w:rPr")) is None or r.find(qn("w:rPr")).find(qn("w:rFonts")) is None
            or not r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))]
    check(runs and not bare, f"{path.name}: {len(bare)} of {len(runs)} runs without an East Asian font")
    langs = [r.find(qn("w:rPr")).find(qn("w:lang")) for r in runs if r.find(qn("w:rPr")) is not None]
    check(all(l is not None and l.get(qn("w:eastAsia")) == "zh-CN" for l in langs), f"{path.name}: a run without zh-CN")
check(sorted(seen) == expected_docx, "per-recommender documents together differ from declarations.csv")

for failure in failures: print("FAIL:", failure)
print(f"office files: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
