// Step 1 of a film (film_steps.h): the arguments, checked before the scenario is loaded, and
// the names of every file the film writes; ffmpeg is looked for before anything is rendered.
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>

#include "app/core/caption_layout.h"
#include "app/core/display_transform.h"
#include "app/film/camera_export.h"
#include "app/film/caption_layer.h"
#include "app/film/ffmpeg_pipe.h"
#include "app/film/film_steps.h"
#include "app/film/frame_samples.h"

namespace fs = std::filesystem;

namespace app {

namespace {

constexpr std::uint32_t kMaxFilmWidth = 3840, kMaxFilmHeight = 2160;
constexpr std::uint32_t kMaxRenderSide = 8192;  // the renderer's limit, after supersampling

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_video_extension(const std::string& ext) { return ext == ".mp4" || ext == ".mov" || ext == ".mkv"; }

}  // namespace

bool is_film_output(const std::string& out) {
  return is_video_extension(lower_extension(out)) || is_frame_pattern(fs::path(out).filename().string());
}

namespace film {

namespace {

// Size, supersampling, rate, AOV, farm slice, span and quality: the options that name no file.
void check_picture(const RenderArgs& args, FilmOutputs& film) {
  if (!parse_size(args.size, film.width, film.height, kMaxFilmWidth, kMaxFilmHeight))
    throw BadArgs("--size \"" + args.size +
                  "\" is not WIDTHxHEIGHT with each side 16 or more, up to 3840x2160 (e.g. 1920x1080)");
  if (args.ssaa < 1 || args.ssaa > 4)
    throw BadArgs("--ssaa " + std::to_string(args.ssaa) + " must be 1 (off), 2, 3 or 4");
  film.ssaa = static_cast<std::uint32_t>(args.ssaa);
  if (film.width * film.ssaa > kMaxRenderSide || film.height * film.ssaa > kMaxRenderSide)
    throw BadArgs("--size " + args.size + " with --ssaa " + std::to_string(film.ssaa) + " renders " +
                  std::to_string(film.width * film.ssaa) + "x" + std::to_string(film.height * film.ssaa) +
                  ", past the renderer's 8192 per side; use a smaller --ssaa");
  std::string error;
  const std::optional<FrameRate> rate = parse_frame_rate(args.fps, &error);
  if (!rate) throw BadArgs(error);
  film.rate = *rate;
  if (!args.aov.empty() && args.aov != "id")
    throw BadArgs("--aov \"" + args.aov + "\" is not known; a film can write \"id\" (object-id mattes per frame)");
  film.with_ids = args.aov == "id";
  if ((args.task >= 0) != (args.chunks > 0)) throw BadArgs("--task K and --chunks N go together (K from 0 to N-1)");
  if (args.chunks > 0 && (args.task < 0 || args.task >= args.chunks))
    throw BadArgs("--task " + std::to_string(args.task) +
                  " is not between 0 and --chunks-1 = " + std::to_string(args.chunks - 1));
  if (!args.phase.empty() && !args.shot.empty()) throw BadArgs("give --phase or --shot, not both");
  if (args.crf < 0 || args.crf > 51) throw BadArgs("--crf must be 0..51");
  if (const std::string error = sample_args_error(args); !error.empty()) throw BadArgs(error);
}

// --prores and --timecode: they shape the videos, so there must be one they apply to.
void check_delivery(const RenderArgs& args, FilmOutputs& film) {
  if (args.prores != "422hq" && args.prores != "4444")
    throw BadArgs("--prores \"" + args.prores + "\" is not 422hq (ProRes 422 HQ) or 4444 (ProRes 4444 with alpha)");
  const bool any_prores =
      std::any_of(film.videos.begin(), film.videos.end(), [](const VideoOut& v) { return v.codec == "prores"; });
  if (args.prores != "422hq" && !any_prores)
    throw BadArgs("--prores " + args.prores + " needs a ProRes video: --out or --also NAME.mov");
  film.timecode = default_timecode(film.rate);
  if (args.timecode.empty()) return;
  if (film.videos.empty())
    throw BadArgs("--timecode applies to video (.mp4, .mov, .mkv), not to a PNG sequence; add --also NAME.mov");
  std::string error;
  const std::optional<Timecode> timecode = parse_timecode(args.timecode, film.rate, &error);
  if (!timecode) throw BadArgs(error);
  film.timecode = *timecode;
}

// --out (a video or a PNG pattern), --codec and --also: the videos to encode.
void check_videos(const RenderArgs& args, FilmOutputs& film) {
  const fs::path out = args.out;
  const std::string ext = lower_extension(out);
  film.video = is_video_extension(ext);
  const bool odd = film.width % 2 || film.height % 2;
  if (film.video) {
    const std::string codec = args.codec.empty() ? (ext == ".mov" ? "prores" : "h264") : args.codec;
    if (codec != "h264" && codec != "prores") throw BadArgs("--codec \"" + codec + "\" is not h264 or prores");
    if (codec == "prores" && ext == ".mp4")
      throw BadArgs("ProRes goes in a QuickTime file: use --out NAME.mov (or --codec h264)");
    if (odd) throw BadArgs("--size " + args.size + ": video needs an even width and height");
    film.videos.push_back({out, codec, ext, codec == "prores" ? args.prores : ""});
  } else {
    if (!args.codec.empty()) throw BadArgs("--codec applies to video output (.mp4, .mov, .mkv), not to a PNG sequence");
    film.exr = ext == ".exr";
    if (ext != ".png" && !film.exr)
      throw BadArgs("--out \"" + args.out +
                    "\": a frame sequence must be PNG or OpenEXR (e.g. out/frame_%05d.png, out/frame_%05d.exr)");
  }
  for (const std::string& also : args.also) {
    if (film.exr)
      throw BadArgs("--also \"" + also +
                    "\": videos are encoded from PNG frames, and EXR frames stay scene-linear; render the video with "
                    "a command of its own (the same frames, as the renders are deterministic)");
    const std::string also_ext = lower_extension(also);
    if (!is_video_extension(also_ext))
      throw BadArgs("--also \"" + also + "\" is not a video (.mp4 H.264, .mov ProRes 422, .mkv H.264)");
    if (fs::path(also) == out) throw BadArgs("--also \"" + also + "\" is --out itself");
    const bool prores = also_ext == ".mov";
    film.videos.push_back({also, prores ? "prores" : "h264", also_ext, prores ? args.prores : ""});
  }
  check_delivery(args, film);
  if (!film.videos.empty() && odd) throw BadArgs("--size " + args.size + ": video needs an even width and height");
  film.encodes = !film.videos.empty() && args.task < 0 && !args.dry_run;
}

// EXR frames carry their own mattes (Cryptomatte) and are anti-aliased by sub-samples.
void check_exr(const FilmOutputs& film) {
  if (!film.exr) return;
  if (film.with_ids) throw BadArgs("--aov id writes PNG mattes; EXR frames carry Cryptomatte mattes instead");
  if (film.ssaa > 1)
    throw BadArgs("--ssaa " + std::to_string(film.ssaa) +
                  ": EXR frames are anti-aliased by --samples, not supersampled");
}

// The frames: a video's cache folder, or the user's pattern; the manifest and legend beside them.
void name_frame_files(const RenderArgs& args, FilmOutputs& film) {
  film.cache = film.video ? (args.cache.empty() ? fs::path(args.out + ".frames") : fs::path(args.cache)) : fs::path();
  film.pattern = film.video ? (film.cache / "frame_%06d.png").string() : args.out;
  film.frames_dir = fs::path(film.pattern).parent_path();
  film.manifest_path = film.video ? film.cache / "film.json"
                                  : fs::path(replace_frame_field(film.pattern, "film")).replace_extension(".json");
  film.legend_path = film.video ? film.cache / "ids.json"
                                : fs::path(replace_frame_field(film.pattern, "ids")).replace_extension(".json");
}

void find_ffmpeg(FilmOutputs& film) {
  if (!film.encodes) return;
  std::string error;
  film.ffmpeg_line = ffmpeg_version(&error);
  if (film.ffmpeg_line.empty())
    throw BadArgs(
        "ffmpeg is needed to write " + film.videos.front().path.string() + " but " + error +
        ". Install it (Debian: apt-get install ffmpeg), set SIEGE_FFMPEG to its path, or write a PNG sequence "
        "with --out DIR/frame_%05d.png");
}

// That `dir` can be created and written in, without creating it: its nearest existing
// ancestor must be a directory we may write in (a probe file proves an existing one).
void check_writable_directory(const fs::path& dir, const std::string& what) {
  const fs::path d = dir.empty() ? fs::path(".") : dir;
  std::error_code ec;
  fs::path existing = fs::absolute(d, ec).lexically_normal();
  while (!fs::exists(existing, ec) && existing.has_relative_path()) existing = existing.parent_path();
  if (!fs::is_directory(existing, ec))
    throw BadArgs("cannot create the directory " + d.string() + " for " + what + ": " + existing.string() +
                  " is not a directory");
  if (access(existing.c_str(), W_OK | X_OK) != 0)
    throw BadArgs("cannot write in " + existing.string() + " (for " + what + "): " + std::strerror(errno));
  if (existing != fs::absolute(d, ec).lexically_normal()) return;  // a new folder in a writable one
  const fs::path probe = d / (".siege-write-test." + std::to_string(getpid()));
  std::ofstream file(probe);
  const bool ok = static_cast<bool>(file);
  file.close();
  fs::remove(probe, ec);
  if (!ok) throw BadArgs("cannot write in " + d.string() + " (for " + what + "): " + std::strerror(errno));
}

// Every folder the film writes into, each checked or created by `each`.
template <typename Each>
void for_each_output_folder(const RenderArgs& args, const FilmOutputs& outputs, Each each) {
  each(outputs.frames_dir, std::string("the frames"));
  for (const VideoOut& v : outputs.videos) each(v.path.parent_path(), v.path.string());
  if (!args.camera_out.empty()) each(fs::path(args.camera_out).parent_path(), args.camera_out);
  if (captions_separate(args.captions) && outputs.video)
    each(fs::path(caption_layer_path(args.out, true, "", 0)).parent_path(), std::string("the caption layer"));
}

}  // namespace

FilmOutputs check_arguments(const RenderArgs& args) {
  FilmOutputs film;
  check_picture(args, film);
  check_videos(args, film);
  check_exr(film);
  name_frame_files(args, film);
  if (const CaptionFrame fit = caption_frame(film.width, film.height); !fit.fits) {
    if (args.captions == "on" || captions_separate(args.captions)) throw BadArgs(fit.reason);
    if (args.captions == "auto")
      std::fprintf(stderr, "siege render: --captions auto leaves them out: %s\n", fit.reason.c_str());
  }
  if (!args.camera_out.empty() && !camera_format_of(args.camera_out))
    throw BadArgs("--camera-out \"" + args.camera_out +
                  "\": its extension chooses the format: .json (siege), .chan (Nuke) or .usda (USD)");
  find_ffmpeg(film);
  try {
    film.display = bake_display_lut({args.ocio, args.view});
  } catch (const std::runtime_error& e) {
    throw BadArgs(e.what());
  }
  for_each_output_folder(args, film, check_writable_directory);
  return film;
}

void create_output_folders(const RenderArgs& args, const FilmOutputs& outputs) {
  for_each_output_folder(args, outputs, [](const fs::path& dir, const std::string& what) {
    std::error_code ec;
    if (!dir.empty()) fs::create_directories(dir, ec);
    if (ec) throw BadArgs("cannot create the directory " + dir.string() + " for " + what + ": " + ec.message());
  });
}

}  // namespace film

}  // namespace app
