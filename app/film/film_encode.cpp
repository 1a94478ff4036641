// Step 5 of a film (film_steps.h): every video from the frames on disk (other farm slices may
// have made them), ffmpeg fed raw RGB through a pipe and writing beside the video, renamed to
// it only when it succeeds; then a video's frame cache goes unless it is to be kept.
#include <cstdio>

#include "app/film/ffmpeg_pipe.h"
#include "app/film/film_steps.h"
#include "app/film/progress.h"
#include "app/film/stop_signal.h"
#include "common/atomic_file.h"
#include "renderer/image_io.h"

namespace fs = std::filesystem;

namespace app::film {

namespace {

// Every selected frame must be there before anything is encoded.
void check_frames_there(const FilmOutputs& outputs, const FilmPlan& plan) {
  std::vector<std::int64_t> missing;
  for (const std::int64_t f : plan.selected) {
    std::error_code ec;
    if (!fs::exists(expand_frame_pattern(outputs.pattern, f), ec)) missing.push_back(f);
  }
  if (!missing.empty())
    throw std::runtime_error(std::to_string(missing.size()) + " frame(s) are missing from " +
                             outputs.frames_dir.string() + " (first: " + std::to_string(missing.front()) +
                             "); render them (all slices) first");
}

// ffmpeg's arguments for one video: raw RGB on stdin, BT.709 limited range, bit-exact output.
std::vector<std::string> ffmpeg_arguments(const VideoOut& v, const FilmOutputs& outputs, int crf,
                                          const fs::path& temp) {
  const std::string rate = outputs.rate.text();
  std::vector<std::string> ff = {"-hide_banner",
                                 "-loglevel",
                                 "error",
                                 "-nostdin",
                                 "-y",
                                 "-f",
                                 "rawvideo",
                                 "-pix_fmt",
                                 "rgb24",
                                 "-s",
                                 std::to_string(outputs.width) + "x" + std::to_string(outputs.height),
                                 "-framerate",
                                 rate,
                                 "-i",
                                 "-",
                                 "-sws_flags",
                                 "bicubic+accurate_rnd+full_chroma_int+bitexact"};
  if (v.codec == "h264") {
    ff.insert(ff.end(), {"-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p", "-c:v", "libx264",
                         "-preset", "medium", "-crf", std::to_string(crf), "-threads", "4", "-pix_fmt", "yuv420p"});
  } else {
    ff.insert(ff.end(), {"-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le", "-c:v", "prores_ks",
                         "-profile:v", "2", "-vendor", "apl0", "-pix_fmt", "yuv422p10le"});
  }
  ff.insert(ff.end(), {"-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
                       "-r", rate, "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"});
  if (v.ext == ".mp4" || v.ext == ".mov") ff.insert(ff.end(), {"-movflags", "+faststart"});
  ff.insert(ff.end(), {"-f", v.ext == ".mkv" ? "matroska" : v.ext == ".mov" ? "mov" : "mp4", temp.string()});
  return ff;
}

// Feeds every selected frame to ffmpeg. False if a stop was asked for, ffmpeg went away, or
// it failed (its exit status in `status`).
bool feed_ffmpeg(const std::vector<std::string>& ff, const FilmOutputs& outputs, const FilmPlan& plan,
                 Progress& encoding, int& status) {
  const std::uint32_t width = outputs.width, height = outputs.height;
  bool ok = true;
  FfmpegPipe pipe(ffmpeg_program(), ff);
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  std::int64_t done = 0;
  for (const std::int64_t f : plan.selected) {
    if (stop_requested()) {
      ok = false;
      break;
    }
    const std::string path = expand_frame_pattern(outputs.pattern, f);
    const renderer::RgbaImage image = renderer::read_png(path);
    if (image.width != width || image.height != height)
      throw std::runtime_error(path + " is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                               ", not " + std::to_string(width) + "x" + std::to_string(height));
    for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
      for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = image.pixels[i * 4 + c];
    if (!pipe.write(rgb.data(), rgb.size())) {
      ok = false;
      break;
    }
    encoding.update(++done, "frame " + std::to_string(f));
  }
  status = pipe.finish();
  return ok && status == 0;
}

// One video, written atomically (common/atomic_file.h). Returns 0, or 130 when interrupted.
int encode_video(const VideoOut& v, const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  int status = 0;
  bool encoded = false;
  Progress encoding("encoding " + v.path.filename().string(), static_cast<std::int64_t>(plan.selected.size()));
  const auto write = [&](const fs::path& temp, std::string*) {
    encoded = feed_ffmpeg(ffmpeg_arguments(v, outputs, args.crf, temp), outputs, plan, encoding, status);
    encoding.finish();
    return encoded;
  };
  std::string error;
  const bool written = common::write_file_atomically_with(v.path, write, &error);
  if (!encoded) {
    if (stop_requested()) {
      std::fprintf(
          stderr,
          "siege render: stopped while encoding; the frames are kept in %s. Run the same command again to finish.\n",
          outputs.frames_dir.string().c_str());
      return 130;
    }
    throw std::runtime_error("ffmpeg failed (exit status " + std::to_string(status) + ") writing " + v.path.string() +
                             "; the frames are kept in " + outputs.frames_dir.string());
  }
  if (!written) throw std::runtime_error(error);
  std::printf(
      "wrote %s (%zu frames, %ux%u, %s fps, %.2f s, %s)\n", fs::absolute(v.path).lexically_normal().string().c_str(),
      plan.selected.size(), outputs.width, outputs.height, outputs.rate.text().c_str(),
      static_cast<double>(plan.selected.size()) / outputs.rate.fps(), v.codec == "prores" ? "ProRes 422" : "H.264");
  std::fflush(stdout);
  return 0;
}

// The frames and the manifest go, and the folder too if nothing else is in it.
void remove_frame_cache(const fs::path& cache) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("frame_", 0) == 0 || name == "film.json") fs::remove(entry.path(), ec);
  }
  fs::remove(cache, ec);  // only if empty
}

}  // namespace

int encode_videos(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  check_frames_there(outputs, plan);
  for (const VideoOut& v : outputs.videos)
    if (const int status = encode_video(v, args, outputs, plan); status != 0) return status;
  if (outputs.video && !args.keep_frames && !outputs.with_ids) remove_frame_cache(outputs.cache);
  return 0;
}

}  // namespace app::film
