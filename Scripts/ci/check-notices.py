#!/usr/bin/env python3
"""Every notice of the year (output/公文/, made from Templates/notices/*.yaml) read back with python-docx: each
section A4 with GB/T 9704's margins (a landscape attachment section turned a quarter), odd/even footers, an
East Asian font and zh-CN on every run, the 文号 and title manifest.json gives it, 主送 (when any) before the
body, the 版记's 印发 line last; and its HTML beside it.

    python3 Scripts/ci/check-notices.py OUTPUT_DIR
"""
import json, sys
from pathlib import Path
import docx
from docx.oxml.ns import qn

output = Path(sys.argv[1])
failures, checks = [], 0
def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

manifest = {e["path"]: e for e in json.loads((output / "manifest.json").read_text(encoding="utf-8"))["files"]}
notices = sorted(p for p in (output / "公文").rglob("*.docx"))
check(len(notices) >= 5, f"{len(notices)} notices; the sample issues the 方案 and four notices of the year")
for path in notices:
    name = str(path.relative_to(output))
    entry = manifest.get(name)
    check(entry is not None and entry.get("documentNumber"), f"{name}: not in manifest.json with its 文号")
    document = docx.Document(path)
    for index, s in enumerate(document.sections):
        landscape = s.page_width.mm > s.page_height.mm
        want = [297, 210, 28, 37, 35, 26] if landscape else [210, 297, 37, 28, 26, 35]
        have = [s.page_width.mm, s.page_height.mm, s.top_margin.mm, s.left_margin.mm, s.right_margin.mm, s.bottom_margin.mm]
        check(all(abs(a - b) <= 0.2 for a, b in zip(have, want)), f"{name}: section {index + 1} is {have}, not {want}")
    check(not (document.sections[-1].page_width.mm > document.sections[-1].page_height.mm),
          f"{name}: the 版记's last section is landscape")
    check(document.settings.odd_and_even_pages_header_footer, f"{name}: odd and even footers are not distinct")
    runs = list(document.element.body.iter(qn("w:r")))
    bare = [r for r in runs if r.find(qn("w:rPr")) is None or r.find(qn("w:rPr")).find(qn("w:rFonts")) is None
            or not r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))]
    check(runs and not bare, f"{name}: {len(bare)} of {len(runs)} runs without an East Asian font")
    texts = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    number = entry and entry.get("documentNumber")
    check(any(t.startswith(number or "?") for t in texts), f"{name}: no 文号 line {number}")
    title = entry and entry.get("title") or "?"
    check(title.replace("\n", "") in "".join(texts), f"{name}: title {title} not printed")
    check(texts and texts[-1].endswith("印发"), f"{name}: the last line is not the 印发 line ({texts[-1] if texts else ''})")
    check(path.with_suffix(".html").exists(), f"{name}: no HTML beside it")

for failure in failures: print("FAIL:", failure)
print(f"notices: {len(notices)} read, {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
