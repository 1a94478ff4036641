#!/bin/bash
# Packs what a GPU machine without this project's Debian packages needs to run the render
# tests and `siege bench` (tools/device/gpu_check.sh): the stripped binaries, the shared
# libraries they load (not glibc's), the Khronos validation layer, and the libglvnd and
# Vulkan loader packages. Writes .devpack/dev.tar.xz and .gl/*.deb (both git-ignored).
# Usage: tools/device/pack.sh [build dir]   (run from the repository root)
set -euo pipefail
build=${1:-build}
stage=$(mktemp -d)
mkdir -p "$stage/lib" "$stage/layers" .devpack .gl
strip -o "$stage/siege" "$build/siege"
strip -o "$stage/siege_render_tests" "$build/tests/siege_render_tests"
for lib in $(ldd "$build/siege" "$build/tests/siege_render_tests" | awk '/=>/ {print $3}' | sort -u); do
  case $(basename "$lib") in libc.so* | libm.so* | libdl.so* | libpthread.so* | ld-linux*) ;; *) cp -L "$lib" "$stage/lib/" ;; esac
done
cp /usr/lib/x86_64-linux-gnu/libVkLayer_khronos_validation.so "$stage/lib/"
cp /usr/share/vulkan/explicit_layer.d/VkLayer_khronos_validation.json "$stage/layers/"
tar cf - -C "$stage" . | xz -T2 -6 >.devpack/dev.tar.xz
rm -rf "$stage"
(cd .gl && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
ls -la .devpack/dev.tar.xz .gl
