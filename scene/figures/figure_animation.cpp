// The figure library: each kit's kinds read from their skinned files (or built in), every clip
// baked to vertex-animation frames by the same skinning code.
#include "scene/figures/figure_animation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "scene/figures/figure_clips.h"
#include "scene/figures/figure_skin_file.h"
#include "scene/figures/kit_figures.h"

namespace scene {
namespace {

// Frames per clip: loops 16 over a cycle (Idle, slow and slight, 8), Fall 12 from standing to
// lying, held poses 1.
std::uint32_t frames_of(Clip clip) {
  // Twelve frames a cycle, interpolated in the vertex shader, hold a walk's swing; more cost
  // memory on every figure (a third of these bytes go to the GPU).
  if (clip == Clip::Idle) return 6;
  if (clip == Clip::Fall) return 12;
  if (!clip_loops(clip)) return 1;
  return 12;
}

float frame_phase(Clip clip, std::uint32_t frame, std::uint32_t count) {
  if (count <= 1) return 0.0f;
  // A loop's frames stop short of phase 1 (which is its frame 0); a one-shot's last is phase 1.
  return clip_loops(clip) ? static_cast<float>(frame) / static_cast<float>(count)
                          : static_cast<float>(frame) / static_cast<float>(count - 1);
}

AnimatedFigure bake(const SkinnedFigure& skinned) {
  AnimatedFigure figure;
  figure.mesh = skinned.mesh;
  figure.variant_options = skinned.variant_options;
  for (int c = 0; c < kClips; ++c) {
    const auto clip = static_cast<Clip>(c);
    if (!skinned.clips[static_cast<std::size_t>(c)]) continue;
    const std::uint32_t count = frames_of(clip);
    figure.clips[static_cast<std::size_t>(c)] = {figure.frame_count, count};
    for (std::uint32_t f = 0; f < count; ++f)
      skinned.evaluate(clip, frame_phase(clip, f, count), figure.positions, figure.normals);
    figure.frame_count += count;
  }
  for (int c = 0; c < kClips; ++c)
    if (!skinned.clips[static_cast<std::size_t>(c)])
      figure.clips[static_cast<std::size_t>(c)] = figure.clips[static_cast<std::size_t>(Clip::Idle)];
  return figure;
}

// Why a read figure cannot stand in for a built-in one, or empty.
std::string implausible(const AnimatedFigure& figure) {
  const ClipFrames idle = figure.clips[static_cast<std::size_t>(Clip::Idle)];
  float lowest = std::numeric_limits<float>::max(), highest = -lowest;
  for (std::uint32_t v = 0; v < figure.vertex_count(); ++v) {
    const float y = figure.positions[static_cast<std::size_t>(idle.first) * figure.vertex_count() + v].y;
    if (!std::isfinite(y)) return "a position that is not a number";
    lowest = std::min(lowest, y);
    highest = std::max(highest, y);
  }
  if (std::abs(lowest) > 0.05f) return "not standing on y = 0 (its lowest point at " + std::to_string(lowest) + " m)";
  if (highest < 0.3f || highest > 6.0f) return "not a figure's height (" + std::to_string(highest) + " m)";
  return {};
}

}  // namespace

FigureLibrary load_figure_library(const std::filesystem::path& dir) {
  FigureLibrary library;
  for (int k = 0; k < kKits; ++k) {
    for (int f = 0; f < kFigureKinds; ++f) {
      for (int lod = 0; lod < kFigureLods; ++lod) {
        const auto kit = static_cast<Kit>(k);
        const auto kind = static_cast<FigureKind>(f);
        const std::filesystem::path file = figure_skin_path(dir, kit, kind, lod);
        AnimatedFigure& figure =
            library.figures[static_cast<std::size_t>(k)][static_cast<std::size_t>(f)][static_cast<std::size_t>(lod)];
        SkinnedLoad loaded = load_figure_skin(file);
        std::string warning = loaded.warning;
        if (loaded.figure) {
          figure = bake(*loaded.figure);
          if (const std::string why = implausible(figure); !why.empty()) warning = file.string() + ": " + why;
        }
        if (!warning.empty()) {
          warning += "; drawing the built-in " + std::string(kit_name(kit)) + " " + figure_name(kind) +
                     (lod ? " (LOD1)" : "") + " instead";
          std::fprintf(stderr, "siege: warning: %s\n", warning.c_str());
          library.warnings.push_back(warning);
          figure = bake(skinned_figure(build_figure(kit, kind, lod)));
        }
      }
    }
  }
  return library;
}

std::filesystem::path figure_skin_path(const std::filesystem::path& dir, Kit kit, FigureKind kind, int lod) {
  return dir / (std::string("figure_") + kit_name(kit) + "_" + figure_name(kind) + (lod ? "_lod1" : "") + ".glb");
}

}  // namespace scene
