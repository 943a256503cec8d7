#!/usr/bin/env bash
# Screenshots of a report page in headless Chromium, at desktop and phone
# widths, to look at the page as a reader would. Not run in CI.
#   bash bench/screenshot.sh [reports/article/index.html] [output-folder]
set -euo pipefail
page="${1:-reports/article/index.html}"
out="${2:-docs}"
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq chromium
fi
[ -f "$page" ] || { echo "no page at $page (run: bash .ci/main)" >&2; exit 1; }
mkdir -p "$out"
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
shoot() {  # name width height
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2,$3" --screenshot="$out/$1" "$url" >/dev/null 2>&1
    echo "$out/$1 ($2 x $3)"
}
shoot report-desktop.png 1280 2400
shoot report-phone.png 390 2400
