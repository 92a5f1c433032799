#!/usr/bin/env python3
"""The form sent back to a recommender (gongwen returned-forms), read without gongwen: a campaign gets a
returned form with one wrong credit code and one wrong phone; the form sent back must hold that row with
exactly those two cells on light red (FFFFC7CE), each with a note giving its reason, open in LibreOffice
(converted to PDF), and validate against ECMA-376 (the caller runs validate-ooxml on OUT_DIR).

    python3 Scripts/ci/check-returned-form.py GONGWEN CAMPAIGN OUT_DIR
"""
import glob, shutil, subprocess, sys
from pathlib import Path
import openpyxl

gongwen, sample, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
campaign = out / "campaign"
shutil.copytree(sample, campaign)
form = out / "KFQ.csv"
form.write_bytes(("\ufeff附件 2\r\n推荐单位(公章):KFQ\r\n序号,申报单位名称,统一社会信用代码,行业,所在区,项目名称,项目负责人,联系方式,电子邮箱\r\n"
                  "1,天津坏公司,91120116MA05K3L29X,制造业,经济技术开发区,另一个项目,李雷,12345,x@y.cn\r\n").encode())
subprocess.run([gongwen, "import", str(form), "--campaign", str(campaign)], capture_output=True)
subprocess.run([gongwen, "returned-forms", "--campaign", str(campaign), "-o", str(out)], check=True, capture_output=True)
files = glob.glob(str(out / "退回修改-*.xlsx"))
failures = []
if len(files) != 1:
    failures.append(f"{len(files)} returned forms")
else:
    ws = openpyxl.load_workbook(files[0]).worksheets[0]
    marked = {c.coordinate: c for row in ws.iter_rows() for c in row
              if c.fill is not None and c.fill.fgColor is not None and c.fill.fgColor.rgb == "FFFFC7CE"}
    if sorted(marked) != ["C5", "H5"]:
        failures.append(f"marked cells {sorted(marked)}, expected C5 and H5")
    for coordinate, cell in marked.items():
        if cell.comment is None or len(cell.comment.text) < 8:
            failures.append(f"{coordinate}: no note with a reason")
    if "校验位" not in (ws["C5"].comment.text if ws["C5"].comment else ""):
        failures.append("C5's note does not give the check-character reason")
    if ws["C5"].value != "91120116MA05K3L29X" or ws["F5"].value != "另一个项目":
        failures.append("the refused row's values are not on the form")
    if "天津经济技术开发区市场监督管理局" not in (ws["A3"].value or ""):
        failures.append("the form does not name its recommender")
    if shutil.which("soffice"):
        result = subprocess.run(["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless",
                                 "--convert-to", "pdf", "--outdir", str(out / "pdf"), files[0]],
                                capture_output=True, timeout=180)
        if not list((out / "pdf").glob("*.pdf")):
            failures.append("LibreOffice did not open the returned form")
for failure in failures:
    print("FAIL:", failure)
print(f"returned form: {'1 passed, 0 failed' if not failures else '0 passed, 1 failed'}")
sys.exit(1 if failures else 0)
