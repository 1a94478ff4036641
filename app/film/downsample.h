// Supersampled film frames (--ssaa N) back to the film's size.
#pragma once

#include <cstdint>
#include <vector>

namespace app::film {

// Box filter of factor n over sRGB pixels, averaged in linear light with integer tables.
std::vector<std::uint8_t> downsample(const std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height,
                                     std::uint32_t n);
// Ids cannot be averaged: each output pixel takes the sample nearest its centre.
std::vector<std::uint32_t> downsample_ids(const std::vector<std::uint32_t>& ids, std::uint32_t width,
                                          std::uint32_t height, std::uint32_t n);

}  // namespace app::film
