#!/usr/bin/env bash
# Installs what the project needs, builds it, and runs every test: unit, render (lavapipe,
# validation layers on), command-line, and a minute of fuzzing the scenario loader.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
start=$(date +%s)
tools/build.sh
echo "build: $(( $(date +%s) - start )) s"

# Vulkan's loader and Mesa want a private runtime directory.
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
start=$(date +%s)
status=0
(cd build && ctest --output-on-failure -j "$(nproc)") || status=$?
echo "ctest: $(( $(date +%s) - start )) s"

if [[ -x tests/fuzz/run.sh ]]; then
  tests/fuzz/run.sh "${SIEGE_FUZZ_SECONDS:-60}" || status=$?
fi
exit $status
