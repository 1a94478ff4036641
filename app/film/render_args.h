// The options of `siege render`, shared by the one-frame path (cmd_render.cpp) and the film
// path (render_film.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace app {

struct RenderArgs {
  std::string scenario;
  std::string out = "frame.png";
  std::string size = "1280x720";
  std::string time = "0";
  std::string camera;
  std::string shot;
  std::string aov;
  std::string device;
  bool validation = false;
  float exposure = 1.0f;
  std::string preset = "film";    // "interactive" (the viewer's budget) or "film" (finer shadows)
  std::string captions = "auto";  // on, off, auto (films on, frames off) or separate (an RGBA caption layer)
  bool legend = false;            // and the factions' legend
  std::optional<int> samples;     // sub-samples per frame (frame_samples.h); none: the preset's default
  double shutter_deg = 180;       // the shutter's opening angle: 180 is open half the frame

  // Film options (an --out of .mp4/.mov/.mkv or a frame pattern like out/frame_%05d.png).
  std::string fps = "24";
  std::string frames;  // --frames SPEC
  std::string phase;   // --phase SPEC
  std::optional<double> duration_s;
  std::optional<double> speed;
  int ssaa = 1;
  std::string codec;              // h264 | prores; default from the extension
  std::vector<std::string> also;  // more videos from the same frames (codec from each extension)
  int task = -1, chunks = 0;
  std::string cache;  // frame cache of a video; default <out>.frames
  bool keep_frames = false;
  bool overwrite = false;        // re-render frames that exist
  std::string camera_out;        // per-frame camera JSON
  bool dry_run = false;          // plan and check, render nothing
  int crf = 18;                  // h264 quality
  std::string prores = "422hq";  // ProRes flavour: 422hq or 4444 (with alpha)
  std::string timecode;          // the film's first frame, HH:MM:SS:FF (default 01:00:00:00)

  // The display transform (app/core/display_transform.h): an OCIO config and its view.
  std::string ocio, view;
};

// True when --out names a film rather than one PNG.
bool is_film_output(const std::string& out);

int run_film(const RenderArgs& args);

// Whether --captions asks for burnt-in captions for this output (auto: films whose frames
// hold them; app/core/caption_layout.h's caption_frame).
bool captions_wanted(const RenderArgs& args);

}  // namespace app
