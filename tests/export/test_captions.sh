#!/usr/bin/env bash
# Captions as a layer of their own (--captions separate): a still and a film give clean
# plates and RGBA caption layers (straight alpha) that are transparent away from the captions,
# cover their text, and composited over the plate give back the burnt-in frame
# (tests/export/caption_layer_check.py); the plate equals a --captions off render; beside a
# video the layer is also NAME_captions.mov, ProRes 4444 with the same alpha. Below the
# smallest frame captions fit, --captions on/separate are refused with exit 2 (nothing is
# created) and --captions auto leaves them out with a warning.
#
#   tests/export/test_captions.sh SIEGE_BINARY [SOURCE_DIR]
set -uo pipefail
source "$(dirname "$0")/checks.sh"  # check, pass, fail, failures
siege=${1:?usage: test_captions.sh SIEGE_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
siege=$(cd "$(dirname "$siege")" && pwd)/$(basename "$siege")
scenario=$src/assets/scenarios/caizhou.json
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
work=$(mktemp -d /tmp/siege-captions.XXXXXX)
cleanup() { [[ -n "${KEEP_EXPORT_TEST_DIR:-}" ]] || rm -rf "$work"; }
trap cleanup EXIT
cd "$work"

render() { "$siege" render "$scenario" --preset interactive "$@"; }

# Two seconds in: the first phase's title and date stand in a lower third.
still=(--time 2 --size 320x180)
render "${still[@]}" --captions on -o burnt.png >/dev/null 2>burnt.err
render "${still[@]}" --captions separate -o plate.png >/dev/null 2>plate.err
render "${still[@]}" --captions off -o clean.png >/dev/null 2>clean.err
check "--captions separate writes the plate and plate.captions.png" test -s plate.png -a -s plate.captions.png
check "... the plate is the --captions off frame" cmp -s plate.png clean.png
python3 "$src/tests/export/caption_layer_check.py" burnt.png plate.png plate.captions.png >layer.out 2>&1
status=$?
sed 's/^/    /' layer.out
check "... the layer is transparent but where the captions are, and over the plate is the burnt-in frame" \
  test "$status" = 0

# A film: a caption layer beside each frame of a PNG sequence; resuming renders none again.
film=(--size 320x180 --fps 24 --frames 0-1 --captions separate)
render "${film[@]}" --out seq/f_%05d.png >/dev/null 2>seq.err
check "a film writes f_NNNNN.captions.png beside each frame" test -s seq/f_00000.captions.png -a -s seq/f_00001.captions.png
rm seq/f_00001.captions.png
render "${film[@]}" --out seq/f_%05d.png >/dev/null 2>resume.err
check "... a frame missing its layer is rendered again" grep -q "1 of 2 frames already there" resume.err
check "... and gets its layer back" test -s seq/f_00001.captions.png
# Beside a video: NAME_captions/captions_NNNNNN.png, which outlives the frame cache, and
# NAME_captions.mov, ProRes 4444 with that alpha, at the film's exact rate. Frames 48-49 at
# 23.976 fps are 2 s in, with the phase's title up.
if command -v ffmpeg >/dev/null; then
  render --size 320x180 --fps 23.976 --frames 48-49 --captions separate --out film.mp4 >video.out 2>video.err
  check "a video's caption layer is film_captions/captions_NNNNNN.png" \
    test -s film_captions/captions_000048.png -a -s film_captions/captions_000049.png -a -s film.mp4
  got=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries \
    stream=codec_name,profile,codec_tag_string,pix_fmt,r_frame_rate,nb_read_frames -of default=nw=1 film_captions.mov)
  check "... and film_captions.mov is ProRes 4444 with alpha, 2 frames at 24000/1001 ($(tr '\n' ' ' <<<"$got"))" \
    bash -c 'grep -qx profile=4444 <<<"$1" && grep -q "^pix_fmt=yuva444" <<<"$1" && grep -qx r_frame_rate=24000/1001 <<<"$1" && grep -qx nb_read_frames=2 <<<"$1"' _ "$got"
  ffmpeg -v error -i film_captions.mov -frames:v 1 -pix_fmt rgba -y mov_first.png
  check "... whose alpha is the layer's" python3 "$src/tests/export/caption_layer_check.py" --alpha mov_first.png \
    film_captions/captions_000048.png
fi

# Too small for captions: refused before anything is loaded or written, exit 2.
render --time 2 --size 160x90 --captions on -o tiny.png >/dev/null 2>tiny.err
status=$?
check "a 160x90 still with captions exits 2" test "$status" = 2
check "... saying the smallest size that holds them" grep -q "captions cannot fit a 160x90 frame.*at least [0-9]*x[0-9]*" tiny.err
check "... and writes nothing" test ! -e tiny.png
render --size 160x90 --fps 24 --frames 0-1 --captions separate --out tinyfilm/f_%05d.png >/dev/null 2>tinyfilm.err
status=$?
check "a 160x90 film with a caption layer exits 2" test "$status" = 2
check "... and creates nothing" test ! -e tinyfilm
render --time 2 --size 160x90 --captions off -o tiny.png >/dev/null 2>&1
check "without captions, 160x90 renders" test -s tiny.png
render --size 160x90 --fps 24 --frames 0 --out auto/f_%05d.png >/dev/null 2>auto.err
status=$?
check "a 160x90 film with --captions auto renders, without them (exit $status)" test -s auto/f_00000.png
check "... and says why" grep -q "captions auto leaves them out: captions cannot fit a 160x90 frame" auto.err

echo "$failures failure(s)"
[[ $failures == 0 ]]
