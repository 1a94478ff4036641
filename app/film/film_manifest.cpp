// Step 3 of a film (film_steps.h): the manifest beside the frames says how they were made, so
// a rerun reuses frames on disk only if they were made the same way (a resumed export, the
// join of a farm's slices) and otherwise starts afresh or refuses.
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/film/film_steps.h"
#include "app/film/frame_samples.h"
#include "app/film/output_files.h"

namespace fs = std::filesystem;

namespace app::film {

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Everything that changes a frame's pixels.
nlohmann::json manifest_of(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  return {
      {"siege", SIEGE_VERSION},
      {"scenario_fnv1a", fnv1a_hex(read_file(args.scenario))},
      {"width", outputs.width},
      {"height", outputs.height},
      {"ssaa", outputs.ssaa},
      {"fps", outputs.rate.text()},
      {"start_s", plan.timing.start_s},
      {"step_s", plan.timing.step_s},
      {"frame_count", plan.timing.frame_count},
      {"camera", plan.camera.text},
      {"exposure", args.exposure},
      {"preset", args.preset},
      {"captions", captions_wanted(args)},
      {"legend", captions_wanted(args) && args.legend},
      {"samples", sample_settings(args).count},
      {"shutter_deg", sample_settings(args).shutter_deg},
  };
}

// Frames made with other settings: a video's own cache is emptied (a farm slice never does
// that, others may be using it); a PNG sequence is the user's, kept unless --overwrite.
void handle_other_settings(const RenderArgs& args, const FilmOutputs& outputs, const nlohmann::json& old) {
  if (outputs.video && args.task < 0) {
    std::fprintf(stderr, "siege render: %s holds frames made with other settings; starting afresh\n",
                 outputs.cache.string().c_str());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outputs.cache, ec))
      if (entry.path().filename().string().rfind("frame_", 0) == 0) fs::remove(entry.path(), ec);
  } else if (!args.overwrite) {
    throw BadArgs(outputs.manifest_path.string() + " says the frames there were made with other settings (" +
                  old.dump() +
                  "); delete them, choose another --out/--cache, or pass --overwrite to render every frame again");
  }
}

}  // namespace

void write_manifest(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  const nlohmann::json manifest = manifest_of(args, outputs, plan);
  std::error_code ec;
  if (fs::exists(outputs.manifest_path, ec)) {
    const nlohmann::json old = nlohmann::json::parse(read_file(outputs.manifest_path), nullptr, false);
    if (old != manifest) handle_other_settings(args, outputs, old);
  }
  write_text_atomically(outputs.manifest_path, manifest.dump(2) + "\n");
}

}  // namespace app::film
