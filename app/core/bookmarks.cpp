#include "app/core/bookmarks.h"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace app {

namespace {
nlohmann::json vec(glm::vec3 v) { return nlohmann::json::array({v.x, v.y, v.z}); }
glm::vec3 vec(const nlohmann::json& j) { return {j.at(0).get<float>(), j.at(1).get<float>(), j.at(2).get<float>()}; }
}  // namespace

std::filesystem::path bookmarks_path(const std::string& scenario_id) {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::filesystem::path(home) / ".config";
  else
    base = std::filesystem::temp_directory_path();
  return base / "siege" / "bookmarks" / (scenario_id + ".json");
}

Bookmarks read_bookmarks(const std::filesystem::path& path, std::string* warning) {
  Bookmarks out;
  std::ifstream file(path);
  if (!file) return out;
  try {
    const nlohmann::json doc = nlohmann::json::parse(file);
    for (const auto& entry : doc.at("bookmarks")) {
      const int slot = entry.at("slot").get<int>();
      if (slot < 1 || slot > 9) continue;
      scene::Camera c;
      c.position = vec(entry.at("position"));
      c.target = vec(entry.at("target"));
      c.fov_deg = entry.value("fov", 45.0f);
      out[static_cast<size_t>(slot - 1)] = c;
    }
  } catch (const std::exception& e) {
    if (warning) *warning = path.string() + ": bookmarks ignored (" + e.what() + ")";
    return {};
  }
  return out;
}

bool write_bookmarks(const std::filesystem::path& path, const Bookmarks& bookmarks, std::string* error) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < bookmarks.size(); ++i)
    if (bookmarks[i])
      list.push_back({{"slot", i + 1},
                      {"position", vec(bookmarks[i]->position)},
                      {"target", vec(bookmarks[i]->target)},
                      {"fov", bookmarks[i]->fov_deg}});
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  return common::write_file_atomically(path, nlohmann::json{{"bookmarks", list}}.dump(2) + "\n", error);
}

}  // namespace app
