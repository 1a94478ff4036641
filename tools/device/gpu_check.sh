#!/bin/bash
# One prepared run on a GPU machine that has a driver but none of this project's packages:
# the render tests but the lavapipe goldens (validation on), `siege bench`, a day and a night
# frame to compare with lavapipe's, and timed film-preset frames. Pack first with
# tools/device/pack.sh; run from the repository root with OUT set to a folder for the logs
# and images (at most 8 files). DEV picks the device by part of its name (default NVIDIA);
# RT_FILTER the render tests (Catch2 syntax); ONLY_TESTS=1 stops after them; MILLION=1 also
# benches 1M soldiers at 3840x2160 (MILLION_FRAMES frames); NO_FILM=1 skips the film frames.
# The test binary reads the sources from the path it was built in (SIEGE_SOURCE_DIR, default
# /work/main): that path is linked to the repository here.
set -u
TIMEFORMAT="%R s wall"
T0=$(date +%s)
say() { echo "== $(( $(date +%s) - T0 ))s: $*"; }
for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig
mkdir -p /tmp/dev && tar xJf .devpack/dev.tar.xz -C /tmp/dev
SRC=${SIEGE_SOURCE_DIR:-/work/main}  # the path the binaries were built from
[ -e "$SRC" ] || { mkdir -p "$(dirname "$SRC")" && ln -sfn "$PWD" "$SRC"; }
export LD_LIBRARY_PATH=/tmp/dev/lib VK_LAYER_PATH=/tmp/dev/layers XDG_RUNTIME_DIR=$(mktemp -d)
ICD=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f "$ICD" ] && export VK_DRIVER_FILES=$ICD VK_ICD_FILENAMES=$ICD
DEV=${DEV:-NVIDIA}
S=/tmp/dev/siege
{ nvidia-smi -L; nproc; ls /usr/local/nvidia/share/vulkan/icd.d/ 2>&1; cat $ICD 2>&1; } > $OUT/env.txt 2>&1
cd "$SRC"
say "a first frame on $DEV"
timeout 60 $S render assets/scenarios/caizhou.json --device "$DEV" --validation --preset interactive \
  --time 1234-02-09T10:00 -o $OUT/caizhou_day.png 2>&1 | tail -5
if [ ! -s $OUT/caizhou_day.png ]; then
  ls -la /usr/local/nvidia/lib64 2>&1 | head; timeout 20 find / -name '*nvidia_icd*.json' 2>/dev/null
  VK_LOADER_DEBUG=error,warn,driver timeout 60 $S render assets/scenarios/caizhou.json --device "$DEV" -o /tmp/x.png 2>&1 | tail -40
  exit 1
fi
export SIEGE_DEVICE=$DEV
say "render tests (not the lavapipe goldens) on $DEV, validation on"
timeout ${RT_TIMEOUT:-200} /tmp/dev/siege_render_tests "${RT_FILTER:-~[golden]}" -r junit -o $OUT/render_tests.xml > /dev/null 2>&1
echo "render tests exit $?"; grep -o '<testsuite [^>]*>' $OUT/render_tests.xml
grep -B1 -A3 '<failure' $OUT/render_tests.xml | head -60
[ -n "${ONLY_TESTS:-}" ] && exit 0
say "bench on $DEV"
timeout ${BENCH_TIMEOUT:-150} $S bench assets/scenarios/caizhou.json --frames ${BENCH_FRAMES:-8} --profile --images /tmp/bench_img 2>&1 | tee $OUT/bench.txt | grep -v '^siege: ' 
cp /tmp/bench_img/$(ls /tmp/bench_img | sort | tail -1) $OUT/bench_last.png 2>/dev/null
if [ -n "${MILLION:-}" ]; then
  say "bench: 1M soldiers at 3840x2160 on $DEV"
  timeout ${MILLION_TIMEOUT:-200} $S bench assets/scenarios/caizhou.json --counts 1000000 --size 3840x2160 \
    --frames ${MILLION_FRAMES:-6} --quick --images /tmp/bench_4k 2>&1 | tee $OUT/bench_1m_4k.txt | grep -v '^siege: '
  cp /tmp/bench_4k/$(ls /tmp/bench_4k | sort | tail -1) $OUT/bench_1m_4k_last.png 2>/dev/null
fi
[ -n "${NO_FILM:-}" ] && { say done; exit 0; }
say "night frame, interactive"
timeout 60 $S render assets/scenarios/caizhou.json --device "$DEV" --preset interactive --time 1234-02-09T22:00 -o $OUT/caizhou_night.png 2>&1 | tail -2
say "film preset: one 1920x1080 frame with start-up, Taiyuan"
time timeout 90 $S render assets/scenarios/taiyuan.json --device "$DEV" --size 1920x1080 -o $OUT/taiyuan_film.png 2>&1 | tail -3
say "film preset: 24 frames 1920x1080 to PNG"
time timeout 150 $S render assets/scenarios/caizhou.json --device "$DEV" --size 1920x1080 --frames ${FILM_FRAMES:-0-23} --captions off -o /tmp/film/f_%05d.png 2>&1 | tail -4
cp /tmp/film/f_00023.png $OUT/film_f23.png 2>/dev/null
say done
