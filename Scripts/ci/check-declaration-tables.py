#!/usr/bin/env python3
"""Independent readers agree with our data: Python's csv and html.parser read the built declaration tables back
and compare every cell with the campaign's declarations.csv (itself read with Python's csv).

    python3 Scripts/ci/check-declaration-tables.py CAMPAIGN_DIR OUTPUT_DIR
"""
import csv, html.parser, json, hashlib, sys
from pathlib import Path

campaign, output = Path(sys.argv[1]), Path(sys.argv[2])
FORM = ["申报单位名称", "统一社会信用代码", "行业", "所在区", "项目名称", "项目负责人", "联系方式", "电子邮箱"]
failures = []

with open(campaign / "declarations.csv", encoding="utf-8-sig", newline="") as f:
    source = [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]
# A line break inside a value is read as LF (CR LF from Word and Alt+Enter's LF alike), as Excel stores it.
expected = [[row[c].replace("\r\n", "\n") for c in FORM] for row in source]

# 1. The consolidated CSV: BOM, CRLF, and the same cells (a leading tab keeps long digit strings text in Excel).
raw = (output / "申报表/汇总.csv").read_bytes()
if not raw.startswith(b"\xef\xbb\xbf"): failures.append("汇总.csv has no UTF-8 BOM")
if b"\r\n" not in raw or b"\n" in raw.replace(b"\r\n", b""): failures.append("汇总.csv line ends are not CRLF")
with open(output / "申报表/汇总.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
got = [[row[c].lstrip("\t") for c in FORM] for row in rows]
if sorted(got) != sorted(expected): failures.append(f"汇总.csv cells differ from declarations.csv ({len(got)} vs {len(expected)} rows)")
if [r["序号"] for r in rows] != [str(i + 1) for i in range(len(rows))]: failures.append("汇总.csv 序号 is not 1..n")

# 2. Every HTML table: the body cells, in order, are the declarations of that table.
class Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.rows, self.row, self.cell, self.in_body = [], None, None, False
    def handle_starttag(self, tag, attrs):
        if tag == "tbody": self.in_body = True
        if self.in_body and tag == "tr": self.row = []
        if self.row is not None and tag == "td": self.cell = ""
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None: self.row.append(self.cell); self.cell = None
        if tag == "tr" and self.row is not None:
            if len(self.row) == 9: self.rows.append(self.row[1:])
            self.row = None
        if tag == "tbody": self.in_body = False
    def handle_data(self, data):
        if self.cell is not None: self.cell += data

seen = []
for page in sorted((output / "申报表").glob("*.html")):
    parser = Cells(); parser.feed(page.read_text(encoding="utf-8"))
    if page.name == "汇总.html":
        if sorted(parser.rows) != sorted(expected): failures.append("汇总.html cells differ from declarations.csv")
    else:
        seen += parser.rows
if sorted(seen) != sorted(expected): failures.append("the per-recommender HTML tables together differ from declarations.csv")

# 3. The manifest lists every file with its real size and SHA-256.
manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
listed = {e["path"]: e for e in manifest["files"]}
on_disk = {str(p.relative_to(output)) for p in output.rglob("*") if p.is_file()} - {"manifest.json"}
if set(listed) != on_disk: failures.append(f"manifest lists {sorted(set(listed) ^ on_disk)} wrongly")
for path, entry in listed.items():
    data = (output / path).read_bytes()
    if entry["size"] != len(data) or entry["sha256"] != hashlib.sha256(data).hexdigest():
        failures.append(f"manifest entry of {path} does not match the file")

for failure in failures: print("FAIL:", failure)
checks = 3 + len(listed)
print(f"declaration tables: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
