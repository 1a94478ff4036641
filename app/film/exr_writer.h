// A film frame as one OpenEXR file (docs/EXPORT.md, "OpenEXR and Cryptomatte"): single-part,
// multi-channel, the layout Nuke and Blender read as layers:
//   R G B A                    half   exposed scene-linear Rec.709 beauty; A = coverage (0 on sky)
//   Z                          float  metres along the view axis; +inf where only sky shows
//   N.X N.Y N.Z                half   world-space normals (+y up)
//   <Layer>00..02 .R .G .B .A  float  Cryptomatte ranks for CryptoObject, CryptoUnit, CryptoKind
// with the Cryptomatte metadata and what the file is (primaries, scenario, time, camera) in
// the header. ZIP compression; nothing time-dependent, so the same frame gives the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "app/core/film_plan.h"
#include "app/film/cryptomatte.h"
#include "renderer/linear_frame.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"

namespace app {

// What the header says about the frame besides its pixels.
struct ExrInfo {
  std::string scenario;       // the scenario's title and id, for people
  std::int64_t frame = 0;     // the film's frame number
  double presentation_s = 0;  // the presentation second it shows
  FrameRate rate;             // written exactly (24000/1001 stays so)
  scene::Camera camera;       // its position, target and vertical field of view
  std::string shot;           // the shot it comes from; empty if none
};

// The header's description of frame `frame` of a film of `scenario` (title and id, never its
// path, which differs between machines).
ExrInfo exr_info(const scene::Scenario& scenario, std::int64_t frame, double presentation_s, FrameRate rate,
                 const scene::Camera& camera, std::string shot);

// Writes `frame` to `path` atomically (a temporary beside it, then a rename). Throws
// std::runtime_error naming the path when the frame's planes do not match its size or the
// file cannot be written.
void write_exr_frame(const std::filesystem::path& path, const renderer::LinearFrame& frame, const CryptoNames& names,
                     const ExrInfo& info);

}  // namespace app
