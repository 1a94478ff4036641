// SPIR-V of every shader in shaders/, compiled at build time and embedded in the binary.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace shaders {
// The SPIR-V words of a shader by file name ("terrain.vert"); empty if there is none.
std::span<const std::uint32_t> spirv(std::string_view name);
}  // namespace shaders
