#!/usr/bin/env bash
# Remakes README's three pictures (Docs/images/) from the bundled sample: the plan notice's first page and a
# certificate through ../shared/tools/render-preview (LibreOffice), the office's page through headless
# Chromium. Needs the preview tools (../shared/tools/install-preview-deps), ImageMagick and pngquant.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$here"
swift build --product gongwen >/dev/null
swift build --product gongwen-serve >/dev/null
bin="$(swift build --show-bin-path)"
"$bin/gongwen" build -o "$work/output" >/dev/null
cp "$work/output/计划通知/"*"5号"*".docx" "$work/notice.docx"
cp "$(ls "$work/output/获奖/证书/单份/"*.docx | head -1)" "$work/certificate.docx"
"$shared/tools/render-preview" "$work/notice.docx" "$work/certificate.docx" "$work/pages" >/dev/null
cp -r Campaigns/binhai-2019 "$work/campaign"
"$bin/gongwen-serve" "$work/campaign" --output "$work/output" --port 8391 >/dev/null 2>&1 &
server=$!
sleep 3
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1500 \
    --screenshot="$work/page.png" http://127.0.0.1:8391/ 2>/dev/null
mkdir -p Docs/images
convert "$work/pages/notice.docx-p1.png" -resize 560x -strip "$work/n.png"
convert "$work/pages/certificate.docx-p1.png" -resize 700x -strip "$work/c.png"
convert "$work/page.png" -resize 760x -strip "$work/p.png"
pngquant --quality 60-85 --speed 1 -f -o Docs/images/notice-page.png "$work/n.png"
pngquant --quality 60-85 --speed 1 -f -o Docs/images/certificate.png "$work/c.png"
pngquant --quality 60-85 --speed 1 -f -o Docs/images/office-page.png "$work/p.png"
ls -l Docs/images
