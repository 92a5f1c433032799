#!/usr/bin/env python3
"""The OFD's body lines against the DOCX's as LibreOffice renders it: for every archive package holding both,
the DOCX is converted to PDF (render-preview's LibreOffice), its lines read with pdftotext, the OFD's lines
rebuilt without gongwen, and the share of the OFD's text lines that LibreOffice breaks the same way is
printed, per package and overall; exit 1 below the floor given (default 0.8).

    python3 Scripts/ci/compare-ofd-docx-lines.py OUTPUT_DIR [FLOOR]
"""
import re, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://www.ofdspec.org/2016}"
squash = lambda s: re.sub(r"\s+", "", s)
tools = Path(__file__).resolve().parents[2].parent / "shared/tools/render-preview"
floor = float(sys.argv[2]) if len(sys.argv) > 2 else 0.8

def ofd_lines(path):
    z = zipfile.ZipFile(path)
    lines = []
    for name in sorted((n for n in z.namelist() if n.endswith("Content.xml")), key=lambda n: int(re.search(r"Page_(\d+)", n).group(1))):
        rows = {}
        for obj in ET.fromstring(z.read(name)).iter(NS + "TextObject"):
            code = obj.find(NS + "TextCode")
            if abs(float(obj.get("Size")) - 5.644) > 0.01: continue  # body text (3号) only
            rows.setdefault(round(float(code.get("Y")), 1), []).append((float(code.get("X")), code.text or ""))
        lines += [squash("".join(t for _, t in sorted(rows[y]))) for y in sorted(rows)]
    return [l for l in lines if l]

def docx_lines(path, work):
    subprocess.run([str(tools), "--pdf", "-n", "1", str(path), str(work)], check=True, capture_output=True)
    pdf = next(Path(work).glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [squash("".join(re.findall(r">([^<]*)</word>", m))) for m in re.findall(r"<line [^>]*>(.*?)</line>", text, re.S)]

total = same = 0
for package in sorted(p for p in (Path(sys.argv[1]) / "归档包").iterdir() if p.is_dir()):
    ofds, docxs = list(package.glob("*.ofd")), list(package.glob("*.docx"))
    if not ofds or not docxs or "（" in package.name: continue  # one copy of a per-recipient notice is enough
    with tempfile.TemporaryDirectory() as work:
        theirs = set(docx_lines(docxs[0], work))
    ours = ofd_lines(ofds[0])
    matched = sum(1 for line in ours if line in theirs)
    total += len(ours); same += matched
    print(f"{package.name[:40]}: {matched} of {len(ours)} body lines broken alike")
share = same / total if total else 0
print(f"line breaks alike: {same} of {total} ({share:.0%}) — {'passed' if share >= floor else 'FAILED'} (floor {floor:.0%})")
sys.exit(0 if share >= floor else 1)
