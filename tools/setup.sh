#!/usr/bin/env bash
# Installs every Debian package the project needs. Idempotent: when all are present it
# returns at once; `apt-get update` runs only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libvulkan-dev vulkan-validationlayers mesa-vulkan-drivers glslc vulkan-tools
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libmeshoptimizer-dev
  nlohmann-json3-dev libcli11-dev catch2 libpng-dev
  fonts-noto-cjk ffmpeg xvfb xauth x11-utils
  libopencolorio-dev
  clang libclang-rt-14-dev clang-format python3-jsonschema
  slurm-wlm munge
  libopenexr-dev openexr openimageio-tools
  libfreetype-dev  # tools/bake_banner_glyphs: the standards' characters from fonts-noto-cjk
  blender  # tests/export: Blender agrees with the exported cameras and reads the EXR layers
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
