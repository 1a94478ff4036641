// --captions separate: the captions as a layer of their own beside clean plates, one RGBA PNG
// per frame with STRAIGHT alpha (as PNG defines it; CaptionPass::render_layer gives
// premultiplied pixels, divided out here). docs/EXPORT.md has the compositing recipe.
#pragma once

#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "app/overlay/caption_pass.h"
#include "scene/model/snapshot.h"

namespace app {

// True for --captions separate.
bool captions_separate(const std::string& captions_option);

// Where a frame's caption layer goes: beside a PNG sequence's frame ("out/frame_00001.png" →
// "out/frame_00001.captions.png"); for a video NAME.mov, in the folder NAME_captions beside it
// ("NAME_captions/captions_000001.png"), which outlives the video's frame cache.
std::string caption_layer_path(const std::string& out, bool video, const std::string& frame_path, std::int64_t frame);

// Premultiplied RGBA box-filtered by n (the --ssaa factor), then made straight.
std::vector<std::uint8_t> finish_caption_layer(const std::vector<std::uint8_t>& premultiplied, std::uint32_t width,
                                               std::uint32_t height, std::uint32_t n);

// The captions of `snapshot` rendered at width*n x height*n, brought to width x height and
// written to `path` (temporary name, then renamed). Throws std::runtime_error on failure.
void write_caption_layer(CaptionPass& captions, const scene::Snapshot& snapshot, std::uint32_t width,
                         std::uint32_t height, std::uint32_t n, const std::string& path);

// The same for a film: the layer is rendered on the calling thread (ImGui and the GPU live
// there), then filtered and written on a thread of its own while the next frame renders.
class CaptionLayerWriter {
 public:
  CaptionLayerWriter() = default;
  ~CaptionLayerWriter();  // waits for the layer in hand; a failure then goes to stderr
  CaptionLayerWriter(const CaptionLayerWriter&) = delete;
  CaptionLayerWriter& operator=(const CaptionLayerWriter&) = delete;
  // Renders this layer, waits for the previous one to be written (rethrowing its failure), and
  // hands this one over.
  void submit(CaptionPass& captions, const scene::Snapshot& snapshot, std::uint32_t width, std::uint32_t height,
              std::uint32_t n, const std::string& path);
  void drain();  // waits until the last layer is on disk; rethrows a failure

 private:
  std::future<void> pending_;
};

}  // namespace app
