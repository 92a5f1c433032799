#!/usr/bin/env python3
"""The 方案 gongwen issues says what the plan says: its DOCX, read back paragraph by paragraph with
python-docx, against ../shared/reference/campaign-plan-2019.txt, whitespace aside and the reference's
line-wrap breaks joined (a paragraph the reference wraps continues on its next line when that line does not
start a new paragraph of its own). Compared: every paragraph from the title to the last item of 附件说明,
in order, none missing and none added; then the attachment's label and title, and the 印发 line.

    python3 Scripts/ci/check-plan-text.py REFERENCE.txt OUTPUT_DIR
"""
import re, sys
from pathlib import Path
import docx

reference, output = Path(sys.argv[1]), Path(sys.argv[2])
squash = lambda s: re.sub(r"\s+", "", s)

lines = [squash(l) for l in reference.read_text(encoding="utf-8").splitlines()]
lines = [l for l in lines if l]
# The reference wraps one attachment name over two lines ("…工作的" / "通知（…）"): a line that starts
# neither a heading, a numbered item, 附件 nor a sentence of its own continues the one before.
expected = []
for line in lines:
    if expected and expected[-1].startswith("附件：") and not re.match(r"^\d+\.", line) and not line.startswith("附件"):
        expected[-1] += line
    else:
        expected.append(line)
end = next(i for i, l in enumerate(expected) if re.match(r"^2\.\d{4}年", l))
body, rest = expected[: end + 1], expected[end + 1 :]

matches = sorted(output.glob("公文/*活动方案.docx"))
if len(matches) != 1:
    sys.exit(f"FAIL: {len(matches)} 方案 DOCX in {output}/公文")
paragraphs = [squash(p.text) for p in docx.Document(matches[0]).paragraphs]
paragraphs = [p for p in paragraphs if p]
start = paragraphs.index(body[0]) if body[0] in paragraphs else sys.exit(f"FAIL: no title {body[0]!r}")
got = paragraphs[start : start + len(body)]
failures = []
for index, (want, have) in enumerate(zip(body, got)):
    if want != have:
        failures.append(f"paragraph {index + 1}:\n  plan:    {want}\n  gongwen: {have}")
        break
if len(got) < len(body):
    failures.append(f"gongwen has {len(got)} paragraphs where the plan has {len(body)}")
tail = paragraphs[start + len(body) :]
# 附件2, its title, and the 版记's 印发 line (the reference puts the organ and the date on two lines).
for want in [rest[0], rest[1], expected[-2] + expected[-1]]:
    if want not in tail:
        failures.append(f"missing after the text: {want}")
for failure in failures: print("FAIL:", failure)
print(f"plan text: {len(body)} paragraphs compared, {len(failures)} differences")
sys.exit(1 if failures else 0)
