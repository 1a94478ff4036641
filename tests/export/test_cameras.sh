#!/usr/bin/env bash
# Cameras out for other tools: a short film's cameras as .json, .chan (Nuke) and .usda (USD)
# at 23.976 fps, checked in Blender (tests/export/blender_camera_check.py: position within
# 1 cm, vertical fov within 0.05°, the scene's fps exact); an unknown extension refused with
# exit 2; farm slices each write a slice file and the join merges them into the same bytes a
# single run writes. Fails when blender is not installed (tools/setup.sh installs it).
#
#   tests/export/test_cameras.sh SIEGE_BINARY [SOURCE_DIR]
set -uo pipefail
source "$(dirname "$0")/checks.sh"  # check, pass, fail, failures
siege=${1:?usage: test_cameras.sh SIEGE_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
siege=$(cd "$(dirname "$siege")" && pwd)/$(basename "$siege")
scenario=$src/assets/scenarios/caizhou.json
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
work=$(mktemp -d /tmp/siege-cameras.XXXXXX)
cleanup() { [[ -n "${KEEP_EXPORT_TEST_DIR:-}" ]] || rm -rf "$work"; }
trap cleanup EXIT
cd "$work"


# Five frames spread over the whole scenario squeezed into 40 s at 23.976 fps: cuts and moves
# between them, so the camera pans and tilts. Frames render once (tiny); later runs resume.
film=(--size 64x36 --fps 23.976 --duration 40 --frames 0,200,400,600,800 --captions off --out frames/f_%05d.png)
render() { "$siege" render "$scenario" "${film[@]}" "$@"; }

for ext in json chan usda; do
  render --camera-out "cam.$ext" >/dev/null 2>"$ext.err"
  check "--camera-out cam.$ext is written" grep -q "cameras of 5 frames written to cam.$ext" "$ext.err"
done
check ".chan: 5 lines of 8 columns" test "$(awk 'NF == 8' cam.chan | wc -l)" = 5
check ".usda: 23.976 as 24000/1001 exactly" grep -q "timeCodesPerSecond = 23.976023976023978" cam.usda

render --camera-out cam.fbx >/dev/null 2>fbx.err
status=$?
check "an unknown camera extension exits 2" test "$status" = 2
check "... saying which formats there are" grep -q '.json (siege), .chan (Nuke) or .usda (USD)' fbx.err
check "... and writes nothing" test ! -e cam.fbx

# Farm slices: each writes its own slice file; the join merges them into the one file.
for task in 0 1; do render --task $task --chunks 2 --camera-out farm.usda >/dev/null 2>"slice$task.err"; done
check "each slice writes its own camera slice" test -s farm.usda.slice0of2.json -a -s farm.usda.slice1of2.json
check "... and not the final file" test ! -e farm.usda
render --camera-out farm.usda >/dev/null 2>join.err
check "the join merges the slices" grep -q "(5 merged from 2 slice files)" join.err
check "... into the bytes a single run writes" cmp -s farm.usda cam.usda
check "... and removes the slice files" test ! -e farm.usda.slice0of2.json -a ! -e farm.usda.slice1of2.json

[[ $failures == 0 ]] || { echo "$failures failure(s)"; exit 1; }
if ! command -v blender >/dev/null; then
  echo "FAIL - blender is not installed (tools/setup.sh installs it): the cameras cannot be checked in Blender"
  exit 1
fi
blender --background --factory-startup --python "$src/tests/export/blender_camera_check.py" -- \
  cam.json cam.chan cam.usda 200 400 600 800 >blender.out 2>&1
status=$?
grep -E "^(chan|usda|fps|OK|FAIL)" blender.out | sed 's/^/    /'
check "Blender agrees with siege's cameras (.chan and .usda)" test "$status" = 0

# A camera that is wrong by a little must fail the check: move one frame 5 cm in the .chan.
awk '$1 == 400 { $2 = sprintf("%.6f", $2 + 0.05) } { print }' cam.chan >moved.chan
blender --background --factory-startup --python "$src/tests/export/blender_camera_check.py" -- \
  cam.json moved.chan cam.usda 400 >moved.out 2>&1
check "a camera 5 cm off fails the Blender check" grep -q "^FAIL" moved.out

echo "$failures failure(s)"
[[ $failures == 0 ]]
