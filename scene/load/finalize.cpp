// What the loader derives from a validated scenario: the carved ground, from the heightmap
// image where it names one.
#include <filesystem>
#include <memory>
#include <string>

#include "scene/load/height_image.h"
#include "scene/load/load.h"
#include "scene/model/heightfield.h"

namespace scene {

void finalize(Scenario& scenario) {
  HeightImage image;
  bool use_image = false;
  if (scenario.terrain.heightmap) {
    const std::filesystem::path path =
        std::filesystem::path(scenario.file).parent_path() / scenario.terrain.heightmap->image;
    // The loader has checked its header and warned, with the line, where it cannot be used.
    std::string error;
    use_image = read_height_image(path, image, error);
  }
  scenario.ground = std::make_shared<const Heightfield>(build_heightfield(scenario, use_image ? &image : nullptr));
}

}  // namespace scene
