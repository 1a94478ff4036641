#!/usr/bin/env bash
# Fuzz the scenario loader: configure a separate clang build (build-fuzz/) with libFuzzer,
# ASan and UBSan, build only the fuzz target, seed it with the shipped scenarios and the
# test files, and run it. Fails (non-zero exit) when the fuzzer finds a crash.
#
#   tests/fuzz/run.sh [SECONDS]       default 60; BUILD_DIR=... to build elsewhere
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
cxx="$(command -v clang++ || command -v clang++-14)"
cc="$(command -v clang || command -v clang-14)"
sanitize="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_C_FLAGS="$sanitize" \
  -DSIEGE_BUILD_FUZZ=ON -DSIEGE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_load -j "${JOBS:-2}"

# Seeds: every scenario and test file; new finds go to the corpus directory only.
corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"
seeds=("$root/tests/data/good" "$root/tests/data/bad")
[ -d "$root/assets/scenarios" ] && seeds+=("$root/assets/scenarios")
largest=$(find "${seeds[@]}" -type f -printf '%s\n' | sort -n | tail -1)
max_len=$(( (largest > 4096 ? largest : 4096) * 2 ))

cd "$build"  # a heightmap path in a fuzzed file resolves here, not in the source tree
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
ASAN_OPTIONS=detect_leaks=1 \
"$build/tests/fuzz/fuzz_load" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
  -dict="$root/tests/fuzz/scenario.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus" "${seeds[@]}"
echo "fuzz_load: no crash in ${seconds}s"
