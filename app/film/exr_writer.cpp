#include "app/film/exr_writer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <future>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <Imath/half.h>
#include <OpenEXR/ImfChannelList.h>
#include <OpenEXR/ImfDoubleAttribute.h>
#include <OpenEXR/ImfFrameBuffer.h>
#include <OpenEXR/ImfHeader.h>
#include <OpenEXR/ImfIntAttribute.h>
#include <OpenEXR/ImfOutputFile.h>
#include <OpenEXR/ImfStandardAttributes.h>
#include <OpenEXR/ImfStringAttribute.h>
#include <OpenEXR/ImfThreading.h>

#include "common/atomic_file.h"

namespace app {

namespace {

// Channel names: R G B A and Z are what Nuke reads as rgba and depth.Z and Blender as its
// Combined and Depth passes; "N.X N.Y N.Z" is the layer "N" with the X/Y/Z letters Blender
// gives its vector passes (Normal.X ...) and Nuke shows as N.X/N.Y/N.Z. Cryptomatte's are
// fixed by its specification: <Layer>00.R = rank 0's id, .G its coverage, .B rank 1's id, ...
constexpr std::array<const char*, 4> kRgba = {"R", "G", "B", "A"};
constexpr std::array<const char*, 3> kNormal = {"N.X", "N.Y", "N.Z"};

void check_planes(const std::filesystem::path& path, const renderer::LinearFrame& frame) {
  const std::size_t pixels = std::size_t{frame.width} * frame.height;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error("cannot write " + path.string() + ": the frame's " + what + " does not match its " +
                             std::to_string(frame.width) + "x" + std::to_string(frame.height) + " pixels");
  };
  if (pixels == 0) fail("size");
  if (frame.rgba.size() != pixels * 4) fail("beauty (rgba)");
  if (frame.depth.size() != pixels) fail("depth");
  if (frame.normals.size() != pixels * 3) fail("normals");
  if (frame.sample_ids.empty()) fail("sub-sample ids (none)");
  for (const std::vector<std::uint32_t>& plane : frame.sample_ids)
    if (plane.size() != pixels) fail("sub-sample ids");
}

std::string camera_text(const scene::Camera& c) {
  char text[256];
  std::snprintf(text, sizeof text,
                "position %.3f,%.3f,%.3f m; target %.3f,%.3f,%.3f m; vertical field of view %.3f deg; +y up",
                c.position.x, c.position.y, c.position.z, c.target.x, c.target.y, c.target.z, c.fov_deg);
  return text;
}

// What the file is: primaries, a comment, the scenario, time and camera; Cryptomatte's keys.
Imf::Header header_of(const renderer::LinearFrame& frame, const CryptoNames& names, const ExrInfo& info) {
  Imf::Header header(static_cast<int>(frame.width), static_cast<int>(frame.height));
  header.compression() = Imf::ZIP_COMPRESSION;
  header.lineOrder() = Imf::INCREASING_Y;                 // top row first, as the frame's planes
  Imf::addChromaticities(header, Imf::Chromaticities());  // Rec.709 primaries, D65 white
  Imf::addComments(header,
                   "siege: exposed scene-linear Rec.709 (the renderer's exposure applied, no display transform); "
                   "alpha = coverage, sky radiance kept in RGB at alpha 0; Z = metres along the view axis; "
                   "N = world normals, +y up");
  Imf::addFramesPerSecond(header, Imf::Rational(static_cast<int>(info.rate.num), static_cast<unsigned>(info.rate.den)));
  const glm::mat4 view = scene::view_matrix(info.camera);
  Imath::M44f world_to_camera;  // OpenEXR's row vectors are glm's columns: the same numbers
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) world_to_camera[i][j] = view[i][j];
  Imf::addWorldToCamera(header, world_to_camera);
  header.insert("siege/scenario", Imf::StringAttribute(info.scenario));
  header.insert("siege/frame", Imf::IntAttribute(static_cast<int>(info.frame)));
  header.insert("siege/presentationSeconds", Imf::DoubleAttribute(info.presentation_s));
  header.insert("siege/camera", Imf::StringAttribute(camera_text(info.camera)));
  if (!info.shot.empty()) header.insert("siege/shot", Imf::StringAttribute(info.shot));
  for (const CryptoLayer& layer : names.layers)
    for (const auto& [key, value] : layer.metadata()) header.insert(key, Imf::StringAttribute(value));

  Imf::ChannelList& channels = header.channels();
  for (const char* c : kRgba) channels.insert(c, Imf::Channel(Imf::HALF));
  channels.insert("Z", Imf::Channel(Imf::FLOAT));
  for (const char* c : kNormal) channels.insert(c, Imf::Channel(Imf::HALF));
  for (const CryptoLayer& layer : names.layers)
    for (std::size_t c = 0; c < kCryptoLayerChannels; ++c)
      channels.insert(layer.name + "0" + std::to_string(c / 4) + "." + kRgba[c % 4], Imf::Channel(Imf::FLOAT));
  return header;
}

// The planes as the file stores them: half for the beauty and normals (OpenEXR converts on
// reading, not on writing), float for depth and the Cryptomatte ranks.
struct Planes {
  std::vector<Imath::half> rgba, normals;
  const std::vector<float>* depth = nullptr;
  std::vector<std::vector<float>> ranks;  // per layer, kCryptoLayerChannels a pixel
};

std::vector<Imath::half> to_half(const std::vector<float>& values) {
  return std::vector<Imath::half>(values.begin(), values.end());  // rounds to nearest, +inf stays
}

// Channel `offset` of a plane holding `components` values of T per pixel.
template <typename T>
Imf::Slice slice(const std::vector<T>& plane, std::size_t components, std::size_t offset, std::uint32_t width) {
  const std::size_t x_stride = components * sizeof(T);
  const Imf::PixelType type = sizeof(T) == 2 ? Imf::HALF : Imf::FLOAT;
  return Imf::Slice(type, reinterpret_cast<char*>(const_cast<T*>(plane.data() + offset)), x_stride, x_stride * width);
}

void write_pixels(const std::filesystem::path& temporary, const Imf::Header& header, std::uint32_t width,
                  std::uint32_t height, const Planes& planes, const CryptoNames& names) {
  Imf::FrameBuffer buffer;
  for (std::size_t c = 0; c < 4; ++c) buffer.insert(kRgba[c], slice(planes.rgba, 4, c, width));
  buffer.insert("Z", slice(*planes.depth, 1, 0, width));
  for (std::size_t c = 0; c < 3; ++c) buffer.insert(kNormal[c], slice(planes.normals, 3, c, width));
  for (std::size_t l = 0; l < names.layers.size(); ++l)
    for (std::size_t c = 0; c < kCryptoLayerChannels; ++c)
      buffer.insert(names.layers[l].name + "0" + std::to_string(c / 4) + "." + kRgba[c % 4],
                    slice(planes.ranks[l], kCryptoLayerChannels, c, width));
  Imf::OutputFile file(temporary.c_str(), header);
  file.setFrameBuffer(buffer);
  file.writePixels(static_cast<int>(height));
}

}  // namespace

ExrInfo exr_info(const scene::Scenario& scenario, std::int64_t frame, double presentation_s, FrameRate rate,
                 const scene::Camera& camera, std::string shot) {
  ExrInfo info;
  info.scenario = scenario.title.en.empty() ? scenario.id : scenario.title.en + " (" + scenario.id + ")";
  info.frame = frame;
  info.presentation_s = presentation_s;
  info.rate = rate;
  info.camera = camera;
  info.shot = std::move(shot);
  return info;
}

void write_exr_frame(const std::filesystem::path& path, const renderer::LinearFrame& frame, const CryptoNames& names,
                     const ExrInfo& info) {
  check_planes(path, frame);
  const std::size_t pixels = std::size_t{frame.width} * frame.height;
  Planes planes{to_half(frame.rgba), to_half(frame.normals), &frame.depth, {}};
  std::vector<std::future<std::vector<float>>> ranks;  // the layers side by side: each reads every sub-sample
  for (const CryptoLayer& layer : names.layers)
    ranks.push_back(std::async(std::launch::async,
                               [&frame, pixels, &layer] { return crypto_ranks(frame.sample_ids, pixels, layer); }));
  for (std::future<std::vector<float>>& r : ranks) planes.ranks.push_back(r.get());
  // Compression runs on OpenEXR's worker threads (none by default); blocks are compressed
  // independently and written in order, so the bytes do not depend on the count.
  if (Imf::globalThreadCount() == 0)
    Imf::setGlobalThreadCount(static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u)));
  const Imf::Header header = header_of(frame, names, info);
  std::string error;
  const bool ok = common::write_file_atomically_with(
      path,
      [&](const std::filesystem::path& temporary, std::string* why) {
        try {
          write_pixels(temporary, header, frame.width, frame.height, planes, names);
          return true;
        } catch (const std::exception& e) {  // OpenEXR's Iex exceptions included
          *why = e.what();
          return false;
        }
      },
      &error);
  if (!ok) throw std::runtime_error(error);
}

}  // namespace app
