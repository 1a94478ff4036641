// Step 5 of a film (film_steps.h): every video from the frames on disk (other farm slices may
// have made them), ffmpeg fed raw RGB through a pipe and writing beside the video, renamed to
// it only when it succeeds; a video already encoded from the same frames is kept; then a
// video's frame cache goes unless it is to be kept.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "app/film/ffmpeg_pipe.h"
#include "app/film/film_steps.h"
#include "app/film/mov_vendor.h"
#include "app/film/output_files.h"
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

// The ProRes flavours: prores_ks profile, pixel format, and the codec name editors show.
struct ProresFlavour {
  const char* profile;
  const char* pix_fmt;
  const char* name;  // after "Apple " in the file's compressor name
};
ProresFlavour prores_flavour(const VideoOut& v) {
  if (v.prores == "4444") return {"4", "yuva444p10le", "ProRes 4444"};
  return {"3", "yuv422p10le", "ProRes 422 HQ"};
}

// ffmpeg's arguments for one video: raw RGB (RGBA for ProRes 4444, whose alpha comes from the
// frames) on stdin; BT.709 primaries, transfer and matrix, TV range, tagged on the frames (so
// the encoder writes them into the stream) and in the container; a timecode track; bit-exact.
std::vector<std::string> ffmpeg_arguments(const VideoOut& v, const FilmOutputs& outputs, int crf,
                                          const std::string& timecode, const fs::path& temp) {
  const std::string rate = outputs.rate.text();
  const bool alpha = v.codec == "prores" && v.prores == "4444";
  std::vector<std::string> ff = {"-hide_banner",
                                 "-loglevel",
                                 "error",
                                 "-nostdin",
                                 "-y",
                                 "-f",
                                 "rawvideo",
                                 "-pix_fmt",
                                 alpha ? "rgba" : "rgb24",
                                 "-s",
                                 std::to_string(outputs.width) + "x" + std::to_string(outputs.height),
                                 "-framerate",
                                 rate,
                                 "-i",
                                 "-",
                                 "-sws_flags",
                                 "bicubic+accurate_rnd+full_chroma_int+bitexact"};
  const ProresFlavour prores = prores_flavour(v);
  const std::string pix_fmt = v.codec == "h264" ? "yuv420p" : prores.pix_fmt;
  ff.insert(ff.end(), {"-vf", "scale=out_color_matrix=bt709:out_range=tv,format=" + pix_fmt +
                                  ",setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv"});
  if (v.codec == "h264") {
    ff.insert(ff.end(), {"-c:v", "libx264", "-preset", "medium", "-crf", std::to_string(crf), "-threads", "4",
                         "-pix_fmt", pix_fmt});
  } else {
    ff.insert(ff.end(), {"-c:v", "prores_ks", "-profile:v", prores.profile, "-vendor", "apl0", "-pix_fmt", pix_fmt});
  }
  ff.insert(ff.end(),
            {"-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv", "-r",
             rate, "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-timecode", timecode});
  if (v.codec == "prores") ff.insert(ff.end(), {"-metadata:s:v:0", std::string("encoder=Apple ") + prores.name});
  if (v.ext == ".mp4" || v.ext == ".mov") ff.insert(ff.end(), {"-movflags", "+faststart+write_colr"});
  ff.insert(ff.end(), {"-f", v.ext == ".mkv" ? "matroska" : v.ext == ".mov" ? "mov" : "mp4", temp.string()});
  return ff;
}

// Feeds every selected frame to ffmpeg. False if a stop was asked for, ffmpeg went away, or
// it failed (its exit status in `status`).
bool feed_ffmpeg(const std::vector<std::string>& ff, const FramePath& frame_path, const FilmOutputs& outputs,
                 const FilmPlan& plan, int channels, Progress& encoding, JobEta& eta, int& status) {
  const std::uint32_t width = outputs.width, height = outputs.height;
  bool ok = true;
  FfmpegPipe pipe(ffmpeg_program(), ff);
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * channels);
  std::int64_t done = 0;
  for (const std::int64_t f : plan.selected) {
    if (stop_requested()) {
      ok = false;
      break;
    }
    const std::string path = frame_path(f);
    const renderer::RgbaImage image = renderer::read_png(path);
    if (image.width != width || image.height != height)
      throw std::runtime_error(path + " is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                               ", not " + std::to_string(width) + "x" + std::to_string(height));
    for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
      for (int c = 0; c < channels; ++c) rgb[i * channels + c] = image.pixels[i * 4 + c];
    if (!pipe.write(rgb.data(), rgb.size())) {
      ok = false;
      break;
    }
    eta.frame_encoded();
    encoding.update(++done, "frame " + std::to_string(f));
  }
  status = pipe.finish();
  return ok && status == 0;
}

// One video, written atomically (common/atomic_file.h); a ProRes file's sample description
// then says vendor "appl" (mov_vendor.h). Returns 0, or 130 when interrupted.
int encode_video(const VideoOut& v, const std::vector<std::string>& ff, const FramePath& frame_path,
                 const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta) {
  int status = 0;
  bool encoded = false;
  std::string vendor_error;
  Progress encoding("encoding " + v.path.filename().string(), static_cast<std::int64_t>(plan.selected.size()), &eta);
  eta.start_encoding();
  const auto write = [&](const fs::path& temp, std::string* why) {
    std::vector<std::string> args = ff;
    args.back() = temp.string();
    encoded = feed_ffmpeg(args, frame_path, outputs, plan, v.prores == "4444" ? 4 : 3, encoding, eta, status);
    encoding.finish();
    if (encoded && v.codec == "prores" && set_prores_vendor(temp, "appl", why) < 0) return false;
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
  std::printf("wrote %s (%zu frames, %ux%u, %s fps, %.2f s, %s)\n",
              fs::absolute(v.path).lexically_normal().string().c_str(), plan.selected.size(), outputs.width,
              outputs.height, outputs.rate.text().c_str(),
              static_cast<double>(plan.selected.size()) / outputs.rate.fps(),
              v.codec == "prores" ? prores_flavour(v).name : "H.264");
  std::fflush(stdout);
  return 0;
}

// What a video is made from: ffmpeg's arguments (codec, quality, size, rate, timecode), the
// manifest (how the frames were made) and the frames themselves (count, bytes, newest time).
std::string encode_signature(const std::vector<std::string>& ff, const FilmOutputs& outputs, const FilmPlan& plan) {
  std::string text;
  for (size_t i = 0; i + 1 < ff.size(); ++i) text += ff[i] + " ";  // all but the output's name
  std::ifstream manifest(outputs.manifest_path, std::ios::binary);
  text += std::string(std::istreambuf_iterator<char>(manifest), {});
  std::uintmax_t bytes = 0;
  fs::file_time_type newest{};
  for (const std::int64_t f : plan.selected) {
    const fs::path frame = expand_frame_pattern(outputs.pattern, f);
    std::error_code ec;
    bytes += fs::file_size(frame, ec);
    newest = std::max(newest, fs::last_write_time(frame, ec));
    text += std::to_string(f) + ",";
  }
  text += " " + std::to_string(bytes) + " " + std::to_string(newest.time_since_epoch().count());
  return fnv1a_hex(text);
}

// Finished videos, recorded beside the manifest (film.videos.json: each video's size, time
// and signature), so a rerun (a resumed --also) does not encode a finished one again.
class EncodedVideos {
 public:
  explicit EncodedVideos(const FilmOutputs& outputs)
      : path_(fs::path(outputs.manifest_path).replace_extension(".videos.json")) {
    std::ifstream file(path_, std::ios::binary);
    if (file) record_ = nlohmann::json::parse(file, nullptr, false);
    if (!record_.is_object()) record_ = nlohmann::json::object();
  }
  bool finished(const fs::path& video, const std::string& signature) const {
    const std::string key = fs::absolute(video).lexically_normal().string();
    return record_.contains(key) && record_[key] == entry(video, signature);
  }
  void add(const fs::path& video, const std::string& signature) {
    record_[fs::absolute(video).lexically_normal().string()] = entry(video, signature);
    write_text_atomically(path_, record_.dump(2) + "\n");
  }

 private:
  static nlohmann::json entry(const fs::path& video, const std::string& signature) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(video, ec);
    if (ec) return nullptr;
    return {{"size", size},
            {"mtime_ns", std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::file_clock::to_sys(fs::last_write_time(video, ec)).time_since_epoch())
                             .count()},
            {"signature", signature}};
  }
  fs::path path_;
  nlohmann::json record_;
};

// The frames, the manifest and the record of videos go, and the folder too if nothing else is in it.
void remove_frame_cache(const fs::path& cache) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("frame_", 0) == 0 || name == "film.json" || name == "film.videos.json") fs::remove(entry.path(), ec);
  }
  fs::remove(cache, ec);  // only if empty
}

}  // namespace

int encode_video_from(const VideoOut& v, const FramePath& frame_path, const RenderArgs& args,
                      const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta) {
  const std::string timecode = advance_timecode(outputs.timecode, plan.selected.front(), outputs.rate).text();
  return encode_video(v, ffmpeg_arguments(v, outputs, args.crf, timecode, v.path), frame_path, outputs, plan, eta);
}

int encode_videos(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta) {
  check_frames_there(outputs, plan);
  const std::string timecode = advance_timecode(outputs.timecode, plan.selected.front(), outputs.rate).text();
  EncodedVideos encoded(outputs);
  for (const VideoOut& v : outputs.videos) {
    const std::vector<std::string> ff = ffmpeg_arguments(v, outputs, args.crf, timecode, v.path);
    const std::string signature = encode_signature(ff, outputs, plan);
    if (encoded.finished(v.path, signature)) {
      std::fprintf(stderr, "siege render: %s is already encoded from these frames with these settings; kept\n",
                   v.path.string().c_str());
      eta.skip_video();
      continue;
    }
    const FramePath frame = [&](std::int64_t f) { return expand_frame_pattern(outputs.pattern, f); };
    if (const int status = encode_video(v, ff, frame, outputs, plan, eta); status != 0) return status;
    encoded.add(v.path, signature);
  }
  if (outputs.video && !args.keep_frames && !outputs.with_ids) remove_frame_cache(outputs.cache);
  return 0;
}

}  // namespace app::film
