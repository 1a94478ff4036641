#!/usr/bin/env bash
# OpenEXR from real renders, end to end: one frame and a short sequence through the
# sub-samples' scene-linear frame, read back with exrheader and oiiotool: the layers are there,
# alpha is 0 on the sky and 1 on the ground, depth is finite on the ground and infinite on the
# sky, normals on flat ground point up, the Cryptomatte ranks name the wall, and two runs of
# the same sequence give the same bytes.
#
#   tests/export/test_exr_render.sh SIEGE_BINARY [SOURCE_DIR]
set -uo pipefail
source "$(dirname "$0")/checks.sh"  # check, pass, fail, failures
siege=${1:?usage: test_exr_render.sh SIEGE_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
scenario=$src/assets/scenarios/caizhou.json
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
work=$(mktemp -d /tmp/siege-exr.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

for tool in exrheader oiiotool; do
  command -v $tool >/dev/null || { echo "FAIL - $tool is missing (tools/setup.sh installs openexr and openimageio-tools)"; exit 1; }
done

# The wall and moat of Caizhou at noon from 100 m: sky in the top rows, ground below.
"$siege" render "$scenario" --size 160x90 --samples 4 --time 1233-12-01T12:00 \
  --camera "60,30,760:0,5,620:50" -o frame.exr >log.txt 2>&1 || { cat log.txt; fail "one frame rendered"; }
exrheader frame.exr >header.txt 2>&1
for channel in R G B A Z N.X N.Y N.Z CryptoObject00.R CryptoUnit02.A CryptoKind01.G; do
  check "one frame has channel $channel" grep -q "^    $channel, " header.txt
done
check "the Cryptomatte manifest names the wall" grep -q 'manifest.*"wall"' header.txt

# stat FILE CHANNEL X Y W H: oiiotool's min, max and infinity count of a channel in a box.
stat() {
  oiiotool "$1" --ch "$2" --cut "$5x$6+$3+$4" --printstats 2>/dev/null |
    awk '/Stats Min/{min=$3} /Stats Max/{max=$3} /InfCount/{inf=$3} END{print min, max, inf}'
}
read -r sky_a_min sky_a_max _ < <(stat frame.exr A 0 0 160 4)
read -r ground_a_min _ _ < <(stat frame.exr A 0 80 160 10)
check "alpha is 0 where only sky shows ($sky_a_max)" awk "BEGIN{exit !($sky_a_max == 0)}"
check "alpha is 1 on the ground ($ground_a_min)" awk "BEGIN{exit !($ground_a_min == 1)}"
read -r _ _ sky_inf < <(stat frame.exr Z 0 0 160 4)
read -r z_min z_max z_inf < <(stat frame.exr Z 0 80 160 10)
check "depth is infinite on the sky ($sky_inf of 640)" test "$sky_inf" = 640
check "depth is finite and tens of metres on the near ground ($z_min..$z_max)" \
  awk "BEGIN{exit !($z_inf == 0 && $z_min > 10 && $z_max < 200)}"
read -r ny_min _ _ < <(stat frame.exr N.Y 60 84 40 6)
check "normals of the flat near ground point up (N.Y >= $ny_min)" awk "BEGIN{exit !($ny_min > 0.9)}"

# A short sequence, twice: the same bytes.
film=(--size 96x54 --phase 2 --duration 0.125 --samples 2)
"$siege" render "$scenario" "${film[@]}" -o a/f_%05d.exr >log.txt 2>&1 || { cat log.txt; fail "sequence rendered"; }
"$siege" render "$scenario" "${film[@]}" -o b/f_%05d.exr >log.txt 2>&1 || { cat log.txt; fail "sequence rendered again"; }
count=$(ls a/*.exr 2>/dev/null | wc -l)
check "the sequence has its 3 frames ($count)" test "$count" = 3
same=1
for f in a/*.exr; do cmp -s "$f" "b/$(basename "$f")" || same=0; done
check "two runs of the sequence give the same bytes" test $same = 1

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
