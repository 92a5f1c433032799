#!/usr/bin/env python3
"""Fills gongwen's blank form COUNT times with ROWS synthetic declarations each (from gen_data.py's TSV),
as recommenders would return them, for the import benchmark.

    python3 Scripts/bench/make-returned-forms.py BLANK.xlsx DATA.tsv CAMPAIGN.yaml OUTDIR [COUNT] [ROWS]
"""
import sys
from pathlib import Path
import openpyxl, yaml

blank, tsv, campaign, out = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
count = int(sys.argv[5]) if len(sys.argv) > 5 else 100
per = int(sys.argv[6]) if len(sys.argv) > 6 else 50
names = [r["name"] for r in yaml.safe_load(open(campaign, encoding="utf-8"))["recommenders"]]
rows = [line.rstrip("\n").split("\t") for line in open(tsv, encoding="utf-8")]
out.mkdir(parents=True, exist_ok=True)
for k in range(count):
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    ws["A3"] = f"推荐单位(公章):{names[k % len(names)]}"
    # More rows than the form offers: the footer moves down, as when a recommender inserts rows.
    footer = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
    for merged in list(ws.merged_cells.ranges):
        if merged.min_row > 4: ws.unmerge_cells(str(merged))
    for r in range(5, ws.max_row + 1):
        for c in range(1, 10): ws.cell(r, c).value = None
    for j, text in enumerate(footer): ws.cell(5 + per + 1 + j, 1, text)
    for i, f in enumerate(rows[k * per:(k + 1) * per]):
        # seq company credit_code industry district project_name leader phone email
        values = [i + 1, f[1], f[2], f[3], f[4], f[5], f[6], int(f[7]) if f[7].isdigit() else f[7], f[8]]
        for c, v in enumerate(values):
            ws.cell(5 + i, c + 1, v)
    wb.save(out / f"returned-{k + 1:03d}.xlsx")
print(f"{count} forms of {per} rows -> {out}")
