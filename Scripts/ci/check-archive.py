#!/usr/bin/env python3
"""Archive packages checked with tools that are not gongwen: every metadata record against gongwen's XML
Schema (xmllint), every package with `sha256sum -c`, the record's 发文字号/标题/成文日期 against the DOCX's
core properties (python-docx); with --pdf, every PDF/A copy with poppler: every font embedded (pdffonts), the
XMP saying pdfaid:part 2 and pdfaid:conformance B (pdfinfo -meta), and the page count the record states.

    python3 Scripts/ci/check-archive.py OUTPUT_DIR [--pdf]
"""
import re, subprocess, sys
from pathlib import Path
import docx

output = Path(sys.argv[1])
want_pdf = "--pdf" in sys.argv[2:]
schema = Path(__file__).resolve().parents[2] / "Schemas/gongwen-archive-record.xsd"
failures, checks = [], 0

def check(ok, message):
    global checks
    checks += 1
    if not ok: failures.append(message)

def text_of(record, name):
    match = re.search(rf"<{name}(?: [^>]*)?>([^<]*)</{name}>", record)
    return match.group(1) if match else None

packages = sorted(p for p in (output / "归档包").iterdir() if p.is_dir())
check(len(packages) >= 2, f"{len(packages)} archive packages; the sample issues the plan notice and the decision")
for package in packages:
    record_path = package / "元数据.xml"
    result = subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(record_path)], capture_output=True, text=True)
    check(result.returncode == 0, f"{package.name}: 元数据.xml does not validate: {result.stderr.strip()[-400:]}")
    result = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=package, capture_output=True, text=True)
    check(result.returncode == 0, f"{package.name}: sha256sum -c failed: {result.stdout}{result.stderr}")
    record = record_path.read_text(encoding="utf-8")
    docx_path = package / f"{package.name}.docx"
    core = docx.Document(docx_path).core_properties
    check(core.identifier == text_of(record, "发文字号"), f"{package.name}: DOCX identifier {core.identifier!r} is not the record's 文号")
    check(core.title == text_of(record, "标题"), f"{package.name}: DOCX title is not the record's 标题")
    check(core.category == text_of(record, "文种"), f"{package.name}: DOCX category is not the record's 文种")
    check(package.name.startswith(text_of(record, "发文字号") or "?"), f"{package.name}: folder not named by its 文号")
    check(core.created is not None and core.created.date().isoformat() == text_of(record, "成文日期"),
          f"{package.name}: DOCX created {core.created} is not the 成文日期")
    pdfs = list(package.glob("*.pdf"))
    if not want_pdf:
        check(not pdfs, f"{package.name}: a PDF without --pdf")
        continue
    check(len(pdfs) == 1, f"{package.name}: {len(pdfs)} PDF copies")
    for pdf in pdfs:
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
        check(fonts, f"{pdf.name}: pdffonts lists no fonts")
        for line in fonts:
            columns = line.split()
            # name type [type…] encoding emb sub uni object-id generation: emb is the 5th from the end.
            check(len(columns) >= 7 and columns[-5] == "yes", f"{pdf.name}: font not embedded: {line}")
        meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True).stdout
        part = re.search(r"pdfaid:part(?:>|=\")\s*(\d)", meta)
        conformance = re.search(r"pdfaid:conformance(?:>|=\")\s*([A-Za-z])", meta)
        check(part and part.group(1) == "2", f"{pdf.name}: XMP pdfaid:part is {part and part.group(1)}, not 2")
        check(conformance and conformance.group(1).upper() == "B", f"{pdf.name}: XMP pdfaid:conformance is not B")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
        check(pages and pages.group(1) == text_of(record, "页数"),
              f"{pdf.name}: {pages and pages.group(1)} pages, the record says {text_of(record, '页数')}")

for failure in failures: print("FAIL:", failure)
print(f"archive packages: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
