#!/usr/bin/env python3
"""An OFD copy says what its DOCX says: for every archive package holding both, the OFD's text is rebuilt
without gongwen (zipfile, ElementTree: each page's runs in reading order, a line's runs joined) and compared
with the DOCX's paragraphs (python-docx), whitespace aside: the main text from the mark to the 附注, and the
版记 (抄送, 印发). Attachment pages are compared where both lay them out as tables: not here (the DOCX of the
decision lists its winners as paragraphs).

    python3 Scripts/ci/check-ofd-text.py OUTPUT_DIR
"""
import re, sys, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path
import docx

NS = "{http://www.ofdspec.org/2016}"
squash = lambda s: re.sub(r"\s+", "", s)
failures, checked = [], 0

def ofd_lines(path):
    z = zipfile.ZipFile(path)
    names = sorted((n for n in z.namelist() if re.match(r"Doc_0/Pages/Page_\d+/Content.xml", n)),
                   key=lambda n: int(re.search(r"Page_(\d+)", n).group(1)))
    lines = []
    for name in names:
        runs = []
        for obj in ET.fromstring(z.read(name)).iter(NS + "TextObject"):
            code = obj.find(NS + "TextCode")
            size = float(obj.get("Size"))
            if abs(size - 3.704) < 0.01: continue  # table cells
            runs.append((round(float(code.get("Y")), 1), float(code.get("X")), code.text or ""))
        rows = {}
        for y, x, text in runs:
            rows.setdefault(y, []).append((x, text))
        for y in sorted(rows):
            text = "".join(t for _, t in sorted(rows[y]))
            if re.fullmatch(r"— \d+ —", text): continue  # page numbers
            lines.append(squash(text))
    return lines

for package in sorted(p for p in (Path(sys.argv[1]) / "归档包").iterdir() if p.is_dir()):
    ofds, docxs = list(package.glob("*.ofd")), list(package.glob("*.docx"))
    if not ofds or not docxs: continue
    checked += 1
    paragraphs = [squash(p.text) for p in docx.Document(docxs[0]).paragraphs if squash(p.text)]
    record_start = next(i for i in range(len(paragraphs) - 1, -1, -1) if not (paragraphs[i].endswith("印发") or paragraphs[i].startswith("抄送")))
    record = paragraphs[record_start + 1:]
    # The main text ends at the 附注 (or the date) before the first attachment page.
    label = next((i for i, p in enumerate(paragraphs) if re.fullmatch(r"附件\d*", p)), record_start + 1)
    main = paragraphs[:label]
    text = "".join(ofd_lines(ofds[0]))
    want_main, want_record = "".join(main), "".join(record)
    if not text.startswith(want_main):
        at = next((i for i, (a, b) in enumerate(zip(text, want_main)) if a != b), min(len(text), len(want_main)))
        failures.append(f"{package.name}: the OFD's text departs from the DOCX's at character {at}: "
                        f"OFD …{text[max(0, at - 15):at + 15]}… DOCX …{want_main[max(0, at - 15):at + 15]}…")
    if not text.endswith(want_record):
        failures.append(f"{package.name}: the OFD's 版记 is not the DOCX's: {text[-60:]} / {want_record}")

for failure in failures: print("FAIL:", failure)
print(f"ofd text: {checked} packages compared, {checked * 2 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures or checked == 0 else 0)
