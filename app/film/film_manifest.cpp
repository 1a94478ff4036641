// Step 3 of a film (film_steps.h): the manifest beside the frames says how they were made, so
// a rerun reuses frames on disk only if they were made the same way (a resumed export, the
// join of a farm's slices) and otherwise starts afresh or refuses.
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/film/build_id.h"  // generated in the build tree (cmake/write_build_id.cmake)
#include "app/film/caption_layer.h"
#include "app/film/device_identity.h"
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
      {"frames", outputs.exr ? "exr" : "png"},  // the two may share a folder, and so a manifest
      {"fps", outputs.rate.text()},
      {"start_s", plan.timing.start_s},
      {"step_s", plan.timing.step_s},
      {"frame_count", plan.timing.frame_count},
      {"camera", plan.camera.text},
      {"exposure", args.exposure},
      {"preset", args.preset},
      {"captions", captions_separate(args.captions) ? "separate"
                   : captions_wanted(args)          ? "on"
                                                    : "off"},
      {"legend", (captions_wanted(args) || captions_separate(args.captions)) && args.legend},
      {"display", outputs.display.description},
      {"display_fnv1a", fnv1a_hex(std::string_view(reinterpret_cast<const char*>(outputs.display.rgb.data()),
                                                   outputs.display.rgb.size() * sizeof(float)))},
      {"samples", sample_settings(args).count},
      {"shutter_deg", sample_settings(args).shutter_deg},
  };
}

// Frames made another way (`why`): a video's own cache starts afresh (a farm slice never does
// that, others may be using it); a PNG sequence is the user's, kept unless --overwrite.
bool start_afresh_or_refuse(const RenderArgs& args, const FilmOutputs& outputs, const std::string& why) {
  if (outputs.video && args.task < 0) {
    std::fprintf(stderr, "siege render: %s holds frames %s; starting afresh\n", outputs.cache.string().c_str(),
                 why.c_str());
    return true;
  }
  if (args.overwrite) return false;  // every frame is rendered again anyway
  throw BadArgs(outputs.manifest_path.string() + " says the frames there were made " + why +
                "; delete them, choose another --out/--cache, or pass --overwrite to render every frame again");
}

// The settings that differ between two manifests, for the message.
std::string differences(const nlohmann::json& old, const nlohmann::json& now) {
  std::string text;
  for (const auto& [key, value] : now.items())
    if (!old.contains(key) || old[key] != value)
      text += (text.empty() ? "" : ", ") + key + " " + (old.contains(key) ? old[key].dump() : "unset") + " (now " +
              value.dump() + ")";
  for (const auto& [key, value] : old.items())
    if (!now.contains(key)) text += (text.empty() ? "" : ", ") + key + " " + value.dump() + " (now unset)";
  return text;
}

// Whether this run renders a frame: one of its frames is missing, or --overwrite.
bool renders_any(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  if (args.overwrite) return !plan.mine.empty();
  std::error_code ec;
  for (const std::int64_t f : plan.mine)
    if (!fs::exists(expand_frame_pattern(outputs.pattern, f), ec)) return true;
  return false;
}

}  // namespace

// The manifest is this run's settings plus "made_by": the build, and the device and driver
// when this run renders (only then could frames of two devices be mixed; a run that renders
// nothing, such as a farm's join, keeps the record of the run that rendered them).
ManifestDecision check_manifest(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  nlohmann::json manifest = manifest_of(args, outputs, plan);
  std::error_code ec;
  nlohmann::json old = nlohmann::json::object();
  if (fs::exists(outputs.manifest_path, ec))
    old = nlohmann::json::parse(read_file(outputs.manifest_path), nullptr, false);
  if (!old.is_object()) old = {{"manifest", "unreadable"}};
  nlohmann::json old_made_by = old.contains("made_by") ? old["made_by"] : nlohmann::json::object();
  if (!old_made_by.is_object()) old_made_by = {{"build", "unreadable"}};
  old.erase("made_by");
  const bool had_frames = !old.empty();

  ManifestDecision decision;
  if (had_frames && old != manifest)
    decision.start_afresh = start_afresh_or_refuse(args, outputs, "with other settings: " + differences(old, manifest));
  nlohmann::json made_by = {{"build", SIEGE_BUILD_ID}};
  if (had_frames && !decision.start_afresh && old_made_by.value("build", "unknown") != made_by["build"])
    decision.start_afresh = start_afresh_or_refuse(
        args, outputs,
        "by siege build " + old_made_by.value("build", "unknown") + ", not this build (" + SIEGE_BUILD_ID + ")");
  if (decision.start_afresh || renders_any(args, outputs, plan)) {
    const DeviceIdentity device = identify_device(args);
    made_by["device"] = device.device;
    made_by["driver"] = device.driver;
    if (had_frames && !decision.start_afresh && old_made_by.contains("device") &&
        (old_made_by["device"] != made_by["device"] || old_made_by["driver"] != made_by["driver"]))
      decision.start_afresh = start_afresh_or_refuse(
          args, outputs,
          "on " + old_made_by.value("device", "?") + " with driver " + old_made_by.value("driver", "?") +
              ", and this run would render on " + device.device + " with driver " + device.driver);
  } else {
    for (const char* key : {"device", "driver"})
      if (old_made_by.contains(key)) made_by[key] = old_made_by[key];
  }
  manifest["made_by"] = made_by;
  decision.text = manifest.dump(2) + "\n";
  return decision;
}

void write_manifest(const FilmOutputs& outputs, const ManifestDecision& decision) {
  if (decision.start_afresh) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outputs.cache, ec))
      if (entry.path().filename().string().rfind("frame_", 0) == 0) fs::remove(entry.path(), ec);
  }
  write_text_atomically(outputs.manifest_path, decision.text);
}

}  // namespace app::film
