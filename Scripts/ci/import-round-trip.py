#!/usr/bin/env python3
"""Round trip of the returned form: gongwen's blank form, filled with openpyxl the way people fill it
(numbers as numbers, full-width characters, a rich-text cell), saved as XLSX and exported as a CRLF CSV,
imported with `gongwen import --replace` (the forms replace their recommenders' rows); the campaign's
declarations must hold exactly what was written (a recommender compared by the name campaign.yaml gives it:
a corrected row keeps the spelling the data file had).

    python3 Scripts/ci/import-round-trip.py GONGWEN_BINARY FIXTURE_CAMPAIGN WORK_DIR
"""
import csv, shutil, subprocess, sys
import yaml
from pathlib import Path
import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

gongwen, fixture, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
shutil.rmtree(work, ignore_errors=True); work.mkdir(parents=True)
campaign = work / "campaign"; shutil.copytree(fixture, campaign)
subprocess.run([gongwen, "blank-form", str(campaign), "-o", str(work / "blank.xlsx")], check=True)

full = lambda s: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)
rows = {  # recommender → rows of (applicant, code as typed, industry, district, project, lead, phone as typed, email)
    "天津经济技术开发区市场监督管理局": [
        ("天津海川精密机械有限公司", full("91120116ma05k3l296"), "制造业", "经济技术开发区", "降低曲轴加工尺寸超差率", "王伟", 13812345678, "qc@haichuan-tj.com"),
        ("天津滨瑞建设工程有限公司", " 91120116103714508P ", "建筑业", "经济技术开发区", "RICH", "赵敏", full("022-66707955"), "zl@binrui.com.cn"),
    ],
    "天津港保税区市场监督管理局": [
        ("天津泰丰医疗器械有限公司", "93120116MA06P7R18N", "制造业", "保税区", "降低注射器印刷返工率，提高一次合格率", "陈静", 66707955, "js@taifeng-tj.com"),
    ],
}
expected = []
for recommender, items in rows.items():
    wb = openpyxl.load_workbook(work / "blank.xlsx")
    ws = wb.worksheets[0]
    ws["A3"] = f"推荐单位(公章):{recommender}"
    for i, (applicant, code, industry, district, project, lead, phone, email) in enumerate(items):
        r = 5 + i
        ws.cell(r, 1, i + 1)
        ws.cell(r, 2, applicant); ws.cell(r, 3, code); ws.cell(r, 4, industry); ws.cell(r, 5, district)
        if project == "RICH":  # a rich-text cell: two runs, one bold
            project = "提高装配式构件安装一次验收合格率"
            ws.cell(r, 6).value = CellRichText(TextBlock(InlineFont(b=True), "提高装配式构件"), "安装一次验收合格率")
        else:
            ws.cell(r, 6, project)
        ws.cell(r, 7, lead); ws.cell(r, 8, phone); ws.cell(r, 9, email)
        norm_code = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in str(code)).strip().upper()
        norm_phone = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in str(phone))
        expected.append((recommender, applicant, norm_code, industry, district, project, lead, norm_phone, email))
    if recommender.startswith("天津经济"):
        wb.save(work / "returned.xlsx")
    else:  # exported as CSV with CRLF line ends, every row of the sheet, as Excel's "CSV UTF-8" does
        with open(work / "returned.csv", "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            for row in ws.iter_rows(values_only=True):
                writer.writerow(["" if v is None else str(v) for v in row])

result = subprocess.run([gongwen, "import", str(work / "returned.xlsx"), str(work / "returned.csv"), "--campaign", str(campaign),
                         "--received", "2019-04-20", "--replace"], capture_output=True, text=True)
print(result.stdout.strip()); print(result.stderr.strip())
failures = []
if result.returncode != 0: failures.append(f"import exited {result.returncode}")
names = {}
for item in yaml.safe_load((campaign / "campaign.yaml").read_text(encoding="utf-8"))["recommenders"]:
    for key in (item["id"], item["name"], item.get("short_name")):
        if key: names[key] = item["name"]
with open(campaign / "declarations.csv", encoding="utf-8-sig", newline="") as f:
    got = [(names.get(r["推荐单位"].strip(), r["推荐单位"]), r["申报单位名称"], r["统一社会信用代码"].strip(), r["行业"], r["所在区"], r["项目名称"], r["项目负责人"],
            r["联系方式"].strip(), r["电子邮箱"]) for r in csv.DictReader(f)]
if sorted(got) != sorted(expected):
    failures.append("declarations differ:\n  expected " + repr(sorted(expected)) + "\n  got      " + repr(sorted(got)))
report = (campaign / "import-report.csv").read_text(encoding="utf-8-sig")
for needle in ["全角字符转为半角", "数字格式的电话还原为文字 13812345678", "字母转为大写"]:
    if needle not in report: failures.append(f"the report does not mention: {needle}")
for failure in failures: print("FAIL:", failure)
print(f"import round trip: {4 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
