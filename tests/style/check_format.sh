#!/usr/bin/env bash
# Every C++ source follows .clang-format: prints the files that do not (and what clang-format
# would change in the first of them), and fails when there is any.
#
#   tests/style/check_format.sh [ROOT]
set -uo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root" || exit 2
format="$(command -v clang-format || command -v clang-format-14)" || {
  echo "style: clang-format is not installed (tools/setup.sh installs it)"
  exit 1
}

mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app common renderer scene tests tools -name '*.cpp' -o -name '*.h')
sources=()
for file in "${files[@]}"; do
  [[ $file == shaders/* ]] || sources+=("$file")  # shaders/shared.h is GLSL too
done
# One run over every file; clang-format names each file it would change in its warnings.
mapfile -t unformatted < <("$format" --style=file --dry-run "${sources[@]}" 2>&1 |
  sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' | sort -u)

if ((${#unformatted[@]})); then
  printf 'style: not as .clang-format says: %s\n' "${unformatted[@]}"
  diff -u "${unformatted[0]}" <("$format" --style=file "${unformatted[0]}") | head -40
  echo "style: ${#unformatted[@]} file(s); run: clang-format -i --style=file <file>"
  exit 1
fi
# A ';' in a test case's name splits it in two for ctest (CMake lists), and neither half runs
# the test: both "pass" having matched nothing.
if split=$(grep -rn --include='*.cpp' -E 'TEST_CASE\("[^"]*;' tests); then
  printf 'style: a test name with a semicolon is split in two by ctest and never runs:\n%s\n' "$split"
  exit 1
fi
echo "style: ${#sources[@]} files follow .clang-format; no test name holds a semicolon"
