#!/usr/bin/env python3
"""Reads an OFD back without gongwen (Python's zipfile and ElementTree): each page's text in reading order,
its rules, a preview (HTML with one SVG page per OFD page, to look at in a browser) and the GB/T 9704 figures
of the layout in mm: the mark's top (72), the rule under the 文号 (4 mm below it, 156 mm wide), the body's line
pitch (225/22 = 10.23), the page number's dash below the type area (7), and whether every text sits inside
the type area (the page numbers apart).

    python3 Scripts/ofd-read.py FILE.ofd [--preview OUT.html] [--check]
"""
import html, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"ofd": "http://www.ofdspec.org/2016"}
path = sys.argv[1]
z = zipfile.ZipFile(path)
names = sorted((n for n in z.namelist() if re.match(r"Doc_0/Pages/Page_\d+/Content.xml", n)),
               key=lambda n: int(re.search(r"Page_(\d+)", n).group(1)))
fonts = {f.get("ID"): f.get("FontName") for f in ET.fromstring(z.read("Doc_0/PublicRes.xml")).iter("{%s}Font" % NS["ofd"])}
pages = []
areas = []
for name in names:
    root = ET.fromstring(z.read(name))
    box = root.find("ofd:Area/ofd:PhysicalBox", NS)
    landscape = box is not None and float(box.text.split()[2]) > float(box.text.split()[3])
    # The type area: portrait 28–184 × 37–262 mm; a landscape page turned a quarter, 37–262 × 28–184.
    areas.append((37, 28, 262, 184) if landscape else (28, 37, 184, 262))
    texts, rules = [], []
    for obj in root.iter("{%s}TextObject" % NS["ofd"]):
        code = obj.find("ofd:TextCode", NS)
        size = float(obj.get("Size"))
        deltas = [float(d) for d in (code.get("DeltaX") or "").split()]
        x, y = float(code.get("X")), float(code.get("Y"))
        width = sum(deltas) + size  # the last glyph: about an em
        red = obj.find("ofd:FillColor", NS) is not None and obj.find("ofd:FillColor", NS).get("Value") == "255 0 0"
        texts.append(dict(x=x, y=y, size=size, text=code.text or "", deltas=deltas, font=fonts.get(obj.get("Font")), red=red, width=width))
    for obj in root.iter("{%s}PathObject" % NS["ofd"]):
        m = re.match(r"M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+)", obj.find("ofd:AbbreviatedData", NS).text)
        x1, y1, x2, y2 = map(float, m.groups())
        color = obj.find("ofd:StrokeColor", NS)
        rules.append(dict(x1=x1, y1=y1, x2=x2, y2=y2, width=float(obj.get("LineWidth")), red=color is not None and color.get("Value") == "255 0 0"))
    pages.append((texts, rules))

def reading_order(texts):
    return sorted(texts, key=lambda t: (round(t["y"], 1), t["x"]))

if "--preview" in sys.argv:
    out = sys.argv[sys.argv.index("--preview") + 1]
    with open(out, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>@page{size:210mm 297mm;margin:0}'
                'body{margin:0} svg{display:block;width:210mm;height:297mm;break-after:page}</style></head><body>')
        for index, (texts, rules) in enumerate(pages):
            a = areas[index]
            landscape = a[0] == 37
            # A landscape page is drawn turned back a quarter on the portrait sheet.
            f.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 210 297">')
            if landscape: f.write('<g transform="translate(210 0) rotate(90)">')
            f.write('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#ddd" stroke-width="0.2"/>' % (a[0], a[1], a[2] - a[0], a[3] - a[1]))
            for t in texts:
                xs = [t["x"]]
                for d in t["deltas"]:
                    xs.append(xs[-1] + d)
                family = {"方正小标宋简体": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC", "楷体_GB2312": "AR PL UKai CN"}.get(t["font"], "AR PL UMing CN")
                f.write('<text x="%s" y="%.3f" font-size="%.3f" font-family="%s" fill="%s">%s</text>' % (
                    " ".join("%.3f" % x for x in xs), t["y"], t["size"], family, "#e60000" if t["red"] else "#000", html.escape(t["text"])))
            for r in rules:
                f.write('<line x1="%.3f" y1="%.3f" x2="%.3f" y2="%.3f" stroke="%s" stroke-width="%.3f"/>' % (
                    r["x1"], r["y1"], r["x2"], r["y2"], "#e60000" if r["red"] else "#000", r["width"]))
            if landscape: f.write("</g>")
            f.write("</svg>")
        f.write("</body></html>")

for index, (texts, rules) in enumerate(pages):
    print(f"-- page {index + 1}")
    for t in reading_order(texts):
        print(f"  {t['y']:7.2f} {t['x']:7.2f} {t['text']}")

if "--check" in sys.argv:
    failures = []
    first_texts, first_rules = pages[0]
    marks = [t for t in first_texts if t["red"]]
    mark_top = min(t["y"] - 0.88 * t["size"] for t in marks)
    red = [r for r in first_rules if r["red"]][0]
    number = max((t for t in first_texts if "〔" in t["text"] and not t["red"] and t["y"] < red["y1"]), key=lambda t: t["y"])
    number_bottom = number["y"] + 0.12 * number["size"]
    figures = {"mark top": round(mark_top, 2), "rule − 文号": round(red["y1"] - number_bottom, 2),
               "rule width": round(red["x2"] - red["x1"], 2)}
    gaps = []
    for index, (texts, _) in enumerate(pages):
        floor = red["y1"] if index == 0 else 37
        body = sorted({round(t["y"], 3) for t in texts if abs(t["size"] - 5.644) < 0.01 and floor < t["y"] < 262})
        gaps += [round(b - a, 2) for a, b in zip(body, body[1:])]
    figures["line pitch"] = max(set(gaps), key=gaps.count) if gaps else None  # the most common step
    number = re.compile(r"^— \d+ —$")
    figures["dash"] = sorted({round(t["y"] - 0.3 * t["size"] - areas[i][3], 2)
                              for i, (texts, _) in enumerate(pages) for t in texts if number.match(t["text"])})
    # A closing mark may hang in the right margin at a line's end (Word's 允许标点溢出边界): one em of it.
    hang = lambda t: t["size"] if t["text"][-1:] in "。，、；：？！）》」”’" else 0
    outside = [t["text"] for i, (texts, _) in enumerate(pages) for t in texts if not number.match(t["text"])
               and not (areas[i][0] - 0.01 <= t["x"] and t["x"] + t["width"] <= areas[i][2] + 0.5 + hang(t)
                        and areas[i][1] <= t["y"] <= areas[i][3] + 0.01)]
    for name, value, want in [("mark top", figures["mark top"], 72), ("rule − 文号", figures["rule − 文号"], 4),
                              ("rule width", figures["rule width"], 156), ("line pitch", figures["line pitch"], 225 / 22)]:
        if value is None or abs(value - want) > 0.5: failures.append(f"{name} is {value}, GB/T 9704 gives {want:.2f}")
    if any(abs(d - 7) > 0.5 for d in figures["dash"]): failures.append(f"page-number dash {figures['dash']} mm below, not 7")
    if outside: failures.append(f"outside the type area: {outside[:3]}")
    print("figures:", figures)
    for failure in failures: print("FAIL:", failure)
    sys.exit(1 if failures else 0)
