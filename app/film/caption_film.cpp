#include "app/film/caption_film.h"

#include <cstdio>

#include "app/film/caption_layer.h"
#include "app/film/ffmpeg_pipe.h"
#include "app/film/stop_signal.h"
#include "common/atomic_file.h"
#include "renderer/image_io.h"

namespace fs = std::filesystem;

namespace app::film {

namespace {

// RGBA on stdin → ProRes 4444 (profile 4) with a 16-bit alpha, BT.709 tags, Apple's vendor id.
std::vector<std::string> prores_4444_arguments(const FilmOutputs& outputs, const fs::path& temp) {
  const std::string rate = outputs.rate.text();
  return {"-hide_banner",
          "-loglevel",
          "error",
          "-nostdin",
          "-y",
          "-f",
          "rawvideo",
          "-pix_fmt",
          "rgba",
          "-s",
          std::to_string(outputs.width) + "x" + std::to_string(outputs.height),
          "-framerate",
          rate,
          "-i",
          "-",
          "-sws_flags",
          "bicubic+accurate_rnd+full_chroma_int+bitexact",
          "-vf",
          "scale=out_color_matrix=bt709:out_range=tv,format=yuva444p10le",
          "-c:v",
          "prores_ks",
          "-profile:v",
          "4",
          "-alpha_bits",
          "16",
          "-vendor",
          "apl0",
          "-pix_fmt",
          "yuva444p10le",
          "-color_primaries",
          "bt709",
          "-color_trc",
          "bt709",
          "-colorspace",
          "bt709",
          "-color_range",
          "tv",
          "-r",
          rate,
          "-map_metadata",
          "-1",
          "-fflags",
          "+bitexact",
          "-flags:v",
          "+bitexact",
          "-f",
          "mov",
          temp.string()};
}

}  // namespace

fs::path caption_film_path(const RenderArgs& args) {
  const fs::path out(args.out);
  return out.parent_path() / (out.stem().string() + "_captions.mov");
}

int encode_caption_film(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  const fs::path target = caption_film_path(args);
  int status = 0;
  bool stopped = false;
  const auto write = [&](const fs::path& temp, std::string*) {
    FfmpegPipe pipe(ffmpeg_program(), prores_4444_arguments(outputs, temp));
    for (const std::int64_t f : plan.selected) {
      if ((stopped = stop_requested())) break;
      const std::string path = caption_layer_path(args.out, true, "", f);
      const renderer::RgbaImage layer = renderer::read_png(path);
      if (layer.width != outputs.width || layer.height != outputs.height)
        throw std::runtime_error(path + " is not " + std::to_string(outputs.width) + "x" +
                                 std::to_string(outputs.height));
      if (!pipe.write(layer.pixels.data(), layer.pixels.size())) break;
    }
    status = pipe.finish();
    return !stopped && status == 0;
  };
  std::string error;
  if (!common::write_file_atomically_with(target, write, &error)) {
    if (stopped) return 130;
    throw std::runtime_error("ffmpeg failed (exit status " + std::to_string(status) + ") writing " + target.string() +
                             (error.empty() ? "" : ": " + error));
  }
  std::printf("wrote %s (%zu frames of captions, %ux%u, %s fps, ProRes 4444 with alpha)\n",
              fs::absolute(target).lexically_normal().string().c_str(), plan.selected.size(), outputs.width,
              outputs.height, outputs.rate.text().c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace app::film
