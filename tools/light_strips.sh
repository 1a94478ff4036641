#!/bin/bash
# The README's light strips: one shot of Caizhou's south wall from 500 m through a day (the
# hour from --time's date-time) and through the seasons of the siege, as contact sheets in
# docs/images. Needs a built siege and ImageMagick's `convert` (apt install imagemagick).
#   tools/light_strips.sh [build/siege]
set -euo pipefail
cd "$(dirname "$0")/.."
SIEGE=${1:-build/siege}
command -v convert >/dev/null || { echo "light_strips.sh: needs ImageMagick's convert (apt install imagemagick)" >&2; exit 1; }
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
camera="300,180,1150:0,0,550:45"
shoot() {  # time, file
  "$SIEGE" render assets/scenarios/caizhou.json --time "$1" --camera "$camera" --size 480x270 --out "$work/$2.png" >/dev/null
  convert "$work/$2.png" -gravity southwest -fill white -undercolor '#00000080' -pointsize 15 -annotate +6+6 " $3 " "$work/$2.png"
}
# One day, 20 November 1233 (the Song arrive): eight hours, local solar time.
for hour in 05:00 06:30 08:00 11:00 14:00 16:30 17:30 21:00; do
  shoot "1233-11-20T$hour" "day_${hour/:/}" "20 Nov 1233, $hour"
done
convert "$work"/day_0500.png "$work"/day_0630.png "$work"/day_0800.png "$work"/day_1100.png +append "$work/day_a.png"
convert "$work"/day_1400.png "$work"/day_1630.png "$work"/day_1730.png "$work"/day_2100.png +append "$work/day_b.png"
convert "$work/day_a.png" "$work/day_b.png" -append docs/images/light_one_day.png
# The siege's seasons at 10:00: late summer, the autumn famine, the first frosts, the snow of
# late January (a reconstruction), the black vapour of 1 February (Song shi 412), the fall.
shoot 1233-09-10T10:00 s1 "10 Sep 1233"
shoot 1233-10-25T10:00 s2 "25 Oct 1233"
shoot 1233-12-15T08:30 s3 "15 Dec 1233, 08:30"
shoot 1234-01-20T10:00 s4 "20 Jan 1234, snow"
shoot 1234-02-01T10:00 s5 "1 Feb 1234, black vapour"
shoot 1234-02-09T22:00 s6 "9 Feb 1234, 22:00, the fall"
convert "$work"/s1.png "$work"/s2.png "$work"/s3.png +append "$work/s_a.png"
convert "$work"/s4.png "$work"/s5.png "$work"/s6.png +append "$work/s_b.png"
convert "$work/s_a.png" "$work/s_b.png" -append docs/images/light_seasons.png
echo "wrote docs/images/light_one_day.png and docs/images/light_seasons.png"
