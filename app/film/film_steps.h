// The film path of `siege render` (docs/EXPORT.md) as five steps, each in a file of its own,
// run in order by render_film.cpp:
//   arguments (film_arguments.cpp) → plan (film_planning.cpp) → manifest (film_manifest.cpp)
//   → render (film_frames.cpp) → encode (film_encode.cpp).
// What one step decides travels to the next in FilmOutputs and FilmPlan. Internal to app/film/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/core/film_plan.h"
#include "app/core/timecode.h"
#include "app/film/progress.h"
#include "app/film/render_args.h"
#include "common/display_lut.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app::film {

// A bad argument or a conflict with files already there: `siege render` says why and exits 2.
struct BadArgs : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A video to encode from the frames.
struct VideoOut {
  std::filesystem::path path;
  std::string codec, ext;  // "h264" | "prores"; ".mp4" | ".mov" | ".mkv"
  std::string prores;      // with codec "prores": "422hq" (profile 3) or "4444" (profile 4, with alpha)
};

// What the arguments alone decide: the picture, the rate, and every file the film writes.
struct FilmOutputs {
  std::uint32_t width = 0, height = 0;
  std::uint32_t ssaa = 1;  // rendered ssaa times larger, box-filtered down
  FrameRate rate;
  bool with_ids = false;         // --aov id: an id matte per frame and one legend
  bool video = false;            // --out is a video, so the frames go to a cache folder
  bool exr = false;              // --out is an OpenEXR pattern: scene-linear frames with Cryptomatte, no video
  std::vector<VideoOut> videos;  // --out if it is a video, then every --also
  bool encodes = false;          // this run encodes (not a farm slice, not a dry run)
  std::filesystem::path cache;   // a video's frame cache (empty for a PNG sequence)
  std::string pattern;           // the frames' file names (one printf integer field)
  std::filesystem::path frames_dir, manifest_path, legend_path;
  std::string ffmpeg_line;     // `ffmpeg -version`'s first line, when this run encodes
  Timecode timecode;           // the film's frame 0 (--timecode; 01:00:00:00 by default)
  common::DisplayLut display;  // --ocio and --view baked (app/core/display_transform.h)
};

// How each frame's camera is chosen (--camera).
struct FilmCamera {
  enum Kind { Director, Shot, Fixed } kind = Director;
  const scene::Shot* shot = nullptr;
  scene::Camera fixed;
  std::string text;  // for the manifest and messages
};

// What the scenario decides: the span, the time steps, the camera and the frames.
struct FilmPlan {
  FilmSpan span;
  FilmTiming timing;
  FilmCamera camera;
  std::vector<std::int64_t> selected;  // the frames of the film (--frames, or all)
  std::vector<std::int64_t> mine;      // those this run renders (its farm slice, or all)
};

// 1. Arguments: checked before anything is loaded or created, ffmpeg and the output folders
// included. Throws BadArgs.
FilmOutputs check_arguments(const RenderArgs& args);
// Creates the folders the film writes into, once every check has passed. Throws BadArgs.
void create_output_folders(const RenderArgs& args, const FilmOutputs& outputs);

// 2. Plan: span, timing, camera and frames. Throws BadArgs.
FilmPlan plan_film(const RenderArgs& args, const FilmOutputs& outputs, const scene::Scenario& scenario);
// The plan on stderr; --dry-run's one line on stdout.
void announce_plan(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan,
                   const scene::Scenario& scenario);
void print_dry_run(const FilmOutputs& outputs, const FilmPlan& plan);
// The camera of the frame showing `snapshot`, and the id of the shot it comes from (empty if none).
scene::Camera camera_for(const scene::Scenario& scenario, const FilmCamera& mode, const scene::Snapshot& snapshot,
                         std::string* shot_id);

// 3. Manifest: frames on disk are reused only if they were made the same way, by the same
// build, on the same device and driver when this run renders. check_manifest decides before
// anything is created (throws BadArgs when it refuses); write_manifest then empties a video's
// cache of frames made another way and records this run.
struct ManifestDecision {
  std::string text;           // the manifest this run writes
  bool start_afresh = false;  // the frames in a video's cache go first
};
ManifestDecision check_manifest(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan);
void write_manifest(const FilmOutputs& outputs, const ManifestDecision& decision);

// 4. Render: the frames of this run not on disk yet, then the cameras (--camera-out). Returns
// 0, or the exit status to stop with (3 validation errors, 130 interrupted). `eta` is the
// whole job's estimate (progress.h), shared with step 5.
int render_frames(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan,
                  const scene::Scenario& scenario, JobEta& eta);

// One video (ffmpeg's arguments, tags and timecode as for the film's own) from the frames that
// `frame_path` names, such as the caption layer's. Returns 0, or 130 when interrupted; throws
// std::runtime_error on failure.
using FramePath = std::function<std::string(std::int64_t frame)>;
int encode_video_from(const VideoOut& v, const FramePath& frame_path, const RenderArgs& args,
                      const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta);

// 5. Encode: every video from the selected frames (a video already encoded from these same
// frames with these same settings is kept), then the frame cache goes unless kept. Returns 0,
// or 130 when interrupted; throws std::runtime_error on failure.
int encode_videos(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta);

}  // namespace app::film
