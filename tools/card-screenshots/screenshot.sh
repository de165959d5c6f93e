#!/bin/sh
# Renders a card template with data to a PNG 330 px wide (a phone), the height of the card.
# Usage: tools/card-screenshots/screenshot.sh cards/help.json data.json docs/screenshots/help-personal-330.png [expand]
set -eu
here=$(dirname "$0")
page=$(mktemp --suffix=.html)
node "$here/card-page.mjs" "$1" "$2" "$page" "${4:-}"
flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files"
# First pass reads the rendered height (the page puts it in its title), the second takes the picture at that height.
height=$(chromium $flags --virtual-time-budget=3000 --dump-dom "file://$page" 2>/dev/null | sed -n 's:.*<title>\([0-9]*\)</title>.*:\1:p')
chromium $flags --virtual-time-budget=3000 --window-size=330,"${height:-1200}" --screenshot="$3" "file://$page" >/dev/null 2>&1
rm -f "$page"
echo "$3: 330 x ${height:-?} px"
