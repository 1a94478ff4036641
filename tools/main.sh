#!/usr/bin/env bash
# The main job: installs, builds, and shows Caizhou. With a display it opens the viewer
# (once the viewer exists); without one it renders Caizhou to a file and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
scenario=assets/scenarios/caizhou.json
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && build/siege view --help >/dev/null 2>&1; then
  exec build/siege view "$scenario"
fi
mkdir -p out
for phase in famine song_arrival; do
  build/siege render "$scenario" --time "$phase" --size 1280x720 --out "out/caizhou_${phase}.png"
done
echo "Caizhou rendered to $(pwd)/out/ (no display here; open the PNGs with any image viewer)"
