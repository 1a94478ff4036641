#include "renderer/figure_frames.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/packing.hpp>

namespace renderer {

namespace {

std::uint32_t snorm8(float v) {
  return static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 127.0f))) &
         0xffu;
}

// Octahedral normal (unit vector onto the square [-1, 1]^2), 8 bits signed each.
std::uint32_t pack_octahedral(glm::vec3 n) {
  const float l1 = std::abs(n.x) + std::abs(n.y) + std::abs(n.z);
  if (l1 <= 0.0f) return 0;
  glm::vec2 e = glm::vec2(n.x, n.y) / l1;
  if (n.z < 0.0f) {
    const glm::vec2 s(e.x >= 0.0f ? 1.0f : -1.0f, e.y >= 0.0f ? 1.0f : -1.0f);
    e = (glm::vec2(1.0f) - glm::abs(glm::vec2(e.y, e.x))) * s;
  }
  return snorm8(e.x) | snorm8(e.y) << 8;
}

// A figure whose frames do not match its mesh is drawn in its rest pose (one frame).
bool frames_usable(const scene::AnimatedFigure& f) {
  const std::size_t n = static_cast<std::size_t>(f.frame_count) * f.vertex_count();
  return f.frame_count > 0 && f.positions.size() == n && f.normals.size() == n;
}

}  // namespace

glm::uvec2 pack_frame_vertex(glm::vec3 position, glm::vec3 normal) {
  const std::uint32_t z = glm::packHalf2x16(glm::vec2(position.z, 0.0f)) & 0xffffu;
  return {glm::packHalf2x16(glm::vec2(position.x, position.y)), z | pack_octahedral(normal) << 16};
}

FigureUpload pack_figures(const scene::FigureLibrary& library) {
  FigureUpload out;
  out.clips.resize(static_cast<std::size_t>(kFigures) * scene::kClips);
  for (int kit = 0; kit < scene::kKits; ++kit)
    for (int kind = 0; kind < scene::kFigureKinds; ++kind)
      for (int lod = 0; lod < scene::kFigureLods; ++lod) {
        const auto k = static_cast<scene::Kit>(kit);
        const auto fk = static_cast<scene::FigureKind>(kind);
        const scene::AnimatedFigure& f = library.figure(k, fk, lod);
        const std::uint32_t index = figure_index(k, fk, lod);
        FigureUpload::Range& range = out.ranges[index];
        range.first_index = static_cast<std::uint32_t>(out.mesh.indices.size());
        range.index_count = static_cast<std::uint32_t>(f.mesh.indices.size());
        range.vertex_offset = static_cast<std::int32_t>(out.mesh.vertices.size());
        out.mesh.vertices.insert(out.mesh.vertices.end(), f.mesh.vertices.begin(), f.mesh.vertices.end());
        out.mesh.indices.insert(out.mesh.indices.end(), f.mesh.indices.begin(), f.mesh.indices.end());

        const auto base = static_cast<std::uint32_t>(out.frames.size());
        const std::uint32_t vc = f.vertex_count();
        const bool animated = frames_usable(f);
        const std::uint32_t frame_count = animated ? f.frame_count : 1;
        if (animated) {
          for (std::size_t i = 0; i < f.positions.size(); ++i)
            out.frames.push_back(pack_frame_vertex(f.positions[i], f.normals[i]));
        } else {
          for (const scene::Vertex& v : f.mesh.vertices) out.frames.push_back(pack_frame_vertex(v.position, v.normal));
        }
        std::uint32_t variants = 0;
        for (int g = 0; g < scene::kVariantGroups; ++g)
          variants |= std::min<std::uint32_t>(f.variant_options[static_cast<std::size_t>(g)], 15u) << (4 * g);
        for (int c = 0; c < scene::kClips; ++c) {
          scene::ClipFrames clip = animated ? f.clips[static_cast<std::size_t>(c)] : scene::ClipFrames{};
          // A clip reaching past the frames: its first frame alone.
          if (clip.count == 0 || clip.first >= frame_count) clip = {std::min(clip.first, frame_count - 1), 1};
          clip.count = std::min(clip.count, frame_count - clip.first);
          out.clips[index * scene::kClips + static_cast<std::uint32_t>(c)] = {base + clip.first * vc, clip.count, vc,
                                                                              variants};
        }
      }
  return out;
}

}  // namespace renderer
