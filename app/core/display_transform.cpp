#include "app/core/display_transform.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include <OpenColorIO/OpenColorIO.h>

namespace OCIO = OCIO_NAMESPACE;

namespace app {

namespace {

// What siege renders, by the names configs give it: ours, the ACES 2.x CG config's, the
// ACES 1.x config's, and common short names.
constexpr const char* kLinearRec709Names[] = {
    "Linear Rec.709", "Linear Rec.709 (sRGB)", "Utility - Linear - sRGB", "lin_rec709", "lin_srgb", "Linear sRGB"};

std::runtime_error failure(const std::filesystem::path& config, const std::string& what) {
  return std::runtime_error("OCIO config " + config.string() + ": " + what);
}

std::string input_space(const OCIO::ConstConfigRcPtr& config, const std::filesystem::path& path) {
  for (const char* name : kLinearRec709Names)
    if (const auto space = config->getColorSpace(name)) return space->getName();
  std::string tried;
  for (const char* name : kLinearRec709Names) tried += std::string(tried.empty() ? "" : ", ") + "\"" + name + "\"";
  throw failure(path, "no colour space for scene-linear Rec.709 (siege's renders); looked for " + tried);
}

// "Display/View", "View" (of the default display) or "" (the defaults).
std::pair<std::string, std::string> display_and_view(const OCIO::ConstConfigRcPtr& config,
                                                     const std::filesystem::path& path, const std::string& choice) {
  std::string display = config->getDefaultDisplay();
  std::string view;
  if (const auto slash = choice.find('/'); slash != std::string::npos) {
    display = choice.substr(0, slash);
    view = choice.substr(slash + 1);
  } else {
    view = choice;
  }
  bool known_display = false;
  std::string displays;
  for (int i = 0; i < config->getNumDisplays(); ++i) {
    known_display |= display == config->getDisplay(i);
    displays += std::string(displays.empty() ? "" : ", ") + "\"" + config->getDisplay(i) + "\"";
  }
  if (!known_display) throw failure(path, "no display \"" + display + "\"; it has " + displays);
  if (view.empty()) view = config->getDefaultView(display.c_str());
  std::string views;
  bool known_view = false;
  for (int i = 0; i < config->getNumViews(display.c_str()); ++i) {
    known_view |= view == config->getView(display.c_str(), i);
    views += std::string(views.empty() ? "" : ", ") + "\"" + config->getView(display.c_str(), i) + "\"";
  }
  if (!known_view) throw failure(path, "display \"" + display + "\" has no view \"" + view + "\"; it has " + views);
  return {display, view};
}

}  // namespace

std::filesystem::path shipped_ocio_config() {
  if (const char* env = std::getenv("SIEGE_OCIO_DIR"); env && *env) return std::filesystem::path(env) / "config.ocio";
#ifdef SIEGE_DEFAULT_OCIO_DIR
  return std::filesystem::path(SIEGE_DEFAULT_OCIO_DIR) / "config.ocio";
#else
  return "assets/ocio/config.ocio";
#endif
}

std::filesystem::path chosen_ocio_config(const DisplayChoice& choice) {
  if (!choice.config.empty()) return choice.config;
  if (const char* env = std::getenv("OCIO"); env && *env) return env;
  return shipped_ocio_config();
}

common::DisplayLut bake_display_lut(const DisplayChoice& choice, std::uint32_t size) {
  const std::filesystem::path path = chosen_ocio_config(choice);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw failure(path, "no such file");
  try {
    const OCIO::ConstConfigRcPtr config = OCIO::Config::CreateFromFile(path.c_str());
    const std::string input = input_space(config, path);
    const auto [display, view] = display_and_view(config, path, choice.view);
    const OCIO::ConstProcessorRcPtr processor =
        config->getProcessor(input.c_str(), display.c_str(), view.c_str(), OCIO::TRANSFORM_DIR_FORWARD);
    const OCIO::ConstCPUProcessorRcPtr cpu = processor->getDefaultCPUProcessor();

    common::DisplayLut lut = common::identity_display_lut(size);
    lut.description = path.string() + ": " + display + "/" + view + " from " + input;
    OCIO::PackedImageDesc image(lut.rgb.data(), static_cast<long>(lut.rgb.size() / 3), 1, 3);
    cpu->apply(image);
    return lut;
  } catch (const OCIO::Exception& e) {
    throw failure(path, e.what());
  }
}

}  // namespace app
