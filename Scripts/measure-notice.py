#!/usr/bin/env python3
"""Measures a notice as printed, in millimetres, against GB/T 9704-2012: renders DOCX or HTML to PDF with
../shared/tools/render-preview (LibreOffice / Chromium), then reads text boxes (pdftotext -bbox) and red
pixels (pdftoppm at 150 dpi).

  mark top       upper edge of the red 发文机关标志 from the paper's top edge (standard 37 + 35 = 72 mm)
  rule − 文号     red rule below the 发文字号's lower edge (standard 4 mm)
  lines/page     body lines on a full page (standard 22) and the line pitch (225/22 = 10.2 mm)
  chars/line     characters on a full body line (standard 28)
  page no. dash  the 一字线 below the type area's bottom edge, 262 mm (standard 7 mm)
  版记 bottom     the last 版记 line's lower edge above the type area's bottom (standard: on it, ≤ 2 mm)

    python3 Scripts/measure-notice.py FILE.docx|FILE.html [--no-grid]

--no-grid removes the DOCX's document grid (w:docGrid, w:snapToGrid) first: LibreOffice snaps lines to it;
Word and WPS do not in the same way, so a layout must hold both ways.
"""
import re, shutil, subprocess, sys, tempfile, zipfile
from pathlib import Path
from PIL import Image

MM = 25.4 / 72
source = Path(sys.argv[1])
no_grid = "--no-grid" in sys.argv
work = Path(tempfile.mkdtemp())
target = work / source.name
if no_grid and source.suffix == ".docx":
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<w:docGrid[^>]*/>", "", text)
                text = re.sub(r"<w:snapToGrid[^>]*/>", "", text)
                data = text.encode("utf-8")
            zout.writestr(item, data)
else:
    shutil.copy(source, target)
tools = Path(__file__).resolve().parents[2] / "shared/tools/render-preview"
subprocess.run([str(tools), "--pdf", "-n", "1", str(target), str(work)], check=True, capture_output=True)
pdf = next(work.glob("*.pdf"))
html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
pages = re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", html, re.S)

def lines_of(page):
    out = []
    for line in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', page, re.S):
        words = re.findall(r">([^<]*)</word>", line.group(5))
        out.append((float(line.group(1)), float(line.group(2)), float(line.group(3)), float(line.group(4)), "".join(words)))
    return out

first = lines_of(pages[0][2])
number = next((l for l in first if "〔" in l[4] and l[4].endswith("号")), None)
# Red pixels of page 1: the mark's top and the rule's row.
subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(work / "p")], check=True)
image = Image.open(next(work.glob("p*.png"))).convert("RGB")
width, height = image.size
px = image.load()
red_rows = []
for y in range(height):
    count = sum(1 for x in range(0, width, 2) if px[x, y][0] > 180 and px[x, y][1] < 90 and px[x, y][2] < 90)
    red_rows.append(count)
per_mm = height / 297
mark_top = next((y for y, c in enumerate(red_rows) if c > 3), None)
rule = next((y for y, c in enumerate(red_rows) if c * 2 > width * 0.5), None)
result = {}
result["mark top"] = round(mark_top / per_mm, 1) if mark_top is not None else None
if rule is not None:
    # The 文号's glyphs: the nearest row above the rule with dark pixels in the middle of the page.
    dark = lambda y: any(sum(px[x, y]) < 200 for x in range(width // 4, width * 3 // 4, 2))
    bottom = next((y for y in range(rule - 2, 0, -1) if dark(y)), None)
    if bottom is not None:
        result["rule − 文号"] = round((rule - bottom) / per_mm, 1)
        top = next((y for y in range(bottom, 0, -1) if not dark(y)), bottom)
        result["文号 top"] = round(top / per_mm, 1)
# Body lines: the fullest page, lines whose left edge lies in the type area's text column.
best = []
for _, _, page in pages[:-1] or pages:
    # Body lines: 3号 text (a line box 5–7 mm tall) starting in the type area's left column.
    body = [l for l in lines_of(page) if 28 / MM - 2 <= l[0] <= 60 / MM and 37 / MM - 2 <= l[1] <= 262 / MM
            and 5 <= (l[3] - l[1]) * MM <= 7.5]
    if len(body) > len(best): best = body
if len(best) > 2:
    ys = sorted(l[1] for l in best)
    gaps = [b - a for a, b in zip(ys, ys[1:]) if b - a > 3]
    result["lines/page"] = len(best)
    result["line pitch"] = round(min(gaps) * MM, 2) if gaps else None
    full = [l for l in best if (l[2] - l[0]) * MM > 150]
    wide = lambda text: sum(0.5 if ord(c) < 0x80 else 1 for c in text)
    result["chars/line"] = max((wide(l[4]) for l in full), default=None)
dashes = []
for _, _, page in pages:
    for l in lines_of(page):
        if "—" in l[4] and l[1] * MM > 250:
            dashes.append(round((l[1] + l[3]) / 2 * MM - 262, 1))  # the dash sits mid-line
result["page no. dash"] = sorted(set(dashes))
last = lines_of(pages[-1][2])
printed = [l for l in last if l[4].endswith("印发")]
if printed:
    result["版记 bottom"] = round(262 - printed[-1][3] * MM, 1)
print(source.name + (" (no grid)" if no_grid else ""), result)
shutil.rmtree(work)
