#!/usr/bin/env bash
# The main job: installs, builds, and shows Caizhou. With a display it opens the viewer
# on Caizhou; without one it renders Caizhou's film to out/caizhou.mp4 and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
scenario=assets/scenarios/caizhou.json
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && build/siege view --help >/dev/null 2>&1; then
  exec build/siege view "$scenario"
fi
# No display: the director's film of the whole siege, compressed into 10 s at 1280x720,
# 24 fps (240 frames, each of 4 sub-samples: anti-aliased and motion-blurred; a few minutes
# on two CPU cores with lavapipe). An interrupted run resumes where it stopped;
# SIEGE_FILM_SECONDS / SIEGE_FILM_SIZE / SIEGE_FILM_SAMPLES change the length, size and samples.
mkdir -p out
build/siege render "$scenario" --out out/caizhou.mp4 --size "${SIEGE_FILM_SIZE:-1280x720}" --fps 24 \
  --duration "${SIEGE_FILM_SECONDS:-10}" --samples "${SIEGE_FILM_SAMPLES:-4}"
echo "Caizhou's film is at $(pwd)/out/caizhou.mp4 (no display here; play it with any video player)"
