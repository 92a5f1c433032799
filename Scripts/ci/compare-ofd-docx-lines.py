#!/usr/bin/env python3
"""The OFD's body lines against the DOCX's as LibreOffice renders it: for every archive package holding both,
the DOCX is converted to PDF (render-preview's LibreOffice), its lines read with pdftotext, the OFD's lines
rebuilt without gongwen, and the share of the OFD's text lines that LibreOffice breaks the same way is
printed, per package and overall; exit 1 below the floor given (default 0.8). Page breaks too: each OFD page's
first body line against the DOCX pages' first lines (reported; against the DOCX without its grid at least 90 %
must agree). Both are also measured against the DOCX with
its document grid removed (LibreOffice snaps lines to the grid, 21 a page where the standard gives 22; Word
and WPS do not snap the same way); the floor applies to the DOCX as issued.

Then the same pages as gongwen's preview (版式预览/*.html, one SVG a page) printed by Chromium: its page count
and every body line must equal the OFD's exactly (exit 1 otherwise) — the preview is the OFD's layout made
visible, and this shows a browser draws it as laid out.

    python3 Scripts/ci/compare-ofd-docx-lines.py OUTPUT_DIR [FLOOR]
"""
import re, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://www.ofdspec.org/2016}"
squash = lambda s: re.sub(r"\s+", "", s)
tools = Path(__file__).resolve().parents[2].parent / "shared/tools/render-preview"
floor = float(sys.argv[2]) if len(sys.argv) > 2 else 0.8

def ofd_lines(path, pages=False):
    z = zipfile.ZipFile(path)
    lines, starts = [], []
    for name in sorted((n for n in z.namelist() if n.endswith("Content.xml")), key=lambda n: int(re.search(r"Page_(\d+)", n).group(1))):
        rows = {}
        for obj in ET.fromstring(z.read(name)).iter(NS + "TextObject"):
            code = obj.find(NS + "TextCode")
            if abs(float(obj.get("Size")) - 5.644) > 0.01: continue  # body text (3号) only
            rows.setdefault(round(float(code.get("Y")), 1), []).append((float(code.get("X")), code.text or ""))
        page_lines = [squash("".join(t for _, t in sorted(rows[y]))) for y in sorted(rows)]
        lines += page_lines
        starts.append([l for l in page_lines if l])
    lines = [l for l in lines if l]
    return (lines, starts) if pages else lines

def rendered_lines(path, work, pages=False):
    """Lines (and each page's first line) of a DOCX or HTML as render-preview prints it."""
    Path(work).mkdir(parents=True, exist_ok=True)
    subprocess.run([str(tools), "--pdf", "-n", "1", str(path), str(work)], check=True, capture_output=True)
    pdf = next(Path(work).glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    lines, starts = [], []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", text, re.S):
        page_lines = [squash("".join(re.findall(r">([^<]*)</word>", m))) for m in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S)]
        lines += page_lines
        starts.append([l for l in page_lines if l])
    return (lines, starts) if pages else lines

docx_lines = rendered_lines

def without_grid(source, target):
    """The DOCX with its document grid removed (w:docGrid, w:snapToGrid): LibreOffice snaps lines to the grid,
    Word and WPS do not in the same way, so the OFD is compared with both."""
    target.parent.mkdir(parents=True)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:(docGrid|snapToGrid)[^>]*/>", b"", data)
            zout.writestr(item, data)
    return target

total = same = 0
break_total = break_same = 0  # page breaks against the DOCX without its grid (Word- and WPS-like)
for package in sorted(p for p in (Path(sys.argv[1]) / "归档包").iterdir() if p.is_dir()):
    ofds, docxs = list(package.glob("*.ofd")), list(package.glob("*.docx"))
    if not ofds or not docxs or "（" in package.name: continue  # one copy of a per-recipient notice is enough
    ours, our_starts = ofd_lines(ofds[0], pages=True)
    body_starts = [page[0] for page in our_starts[1:] if page]
    report = []
    for grid in (True, False):
        with tempfile.TemporaryDirectory() as work:
            source = docxs[0] if grid else without_grid(docxs[0], Path(work) / "no-grid" / docxs[0].name)
            theirs, their_starts = docx_lines(source, Path(work) / "out", pages=True)
        theirs = set(theirs)
        matched = sum(1 for line in ours if line in theirs)
        if grid:
            total += len(ours); same += matched
        # Page breaks: each OFD page after the first that starts with body text, against the DOCX pages' first lines.
        breaks = sum(1 for line in body_starts if any(page[:1] == [line] for page in their_starts[1:]))
        if not grid:
            break_total += len(body_starts); break_same += breaks
        report.append(f"{'grid' if grid else 'no grid'}: {matched}/{len(ours)} lines, {breaks}/{len(body_starts)} "
                      f"page breaks, {len(their_starts)} pages")
    print(f"{package.name[:40]} (OFD {len(our_starts)} pages) — DOCX " + "; ".join(report))
share = same / total if total else 0
print(f"line breaks alike: {same} of {total} ({share:.0%}) — {'passed' if share >= floor else 'FAILED'} (floor {floor:.0%})")
# Both paginate with widow control and the same keep-with-next chains; LibreOffice's grid (21 lines a page)
# aside, the pages must start alike.
break_share = break_same / break_total if break_total else 0
print(f"page breaks alike (DOCX without its grid): {break_same} of {break_total} ({break_share:.0%}) — "
      f"{'passed' if break_share >= 0.9 else 'FAILED'} (floor 90%)")

# The preview printed by Chromium against the OFD: every page and body line alike.
previews = sorted((Path(sys.argv[1]) / "版式预览").glob("*.html"))
bad = 0
for preview in previews:
    if "（" in preview.name: continue
    ofd = Path(sys.argv[1]) / "归档包" / preview.stem / (preview.stem + ".ofd")
    ours, our_starts = ofd_lines(ofd, pages=True)
    with tempfile.TemporaryDirectory() as work:
        shown, shown_starts = rendered_lines(preview, work, pages=True)
    shown = [l for l in shown if l]
    missing = [l for l in ours if l not in shown]
    # The same number of pages, each starting with the same body line.
    ok = not missing and len(shown_starts) == len(our_starts) and all(
        set(o) <= set(s) for o, s in zip(our_starts, shown_starts))
    bad += not ok
    print(f"preview {preview.name[:40]}: {len(shown_starts)} pages (OFD {len(our_starts)}), "
          f"{len(ours) - len(missing)} of {len(ours)} body lines as the OFD's" + ("" if ok else f" — FAILED: {missing[:2] or 'pages differ'}"))
if not previews: print("no preview pages found"); bad += 1
sys.exit(0 if share >= floor and break_share >= 0.9 and not bad else 1)
