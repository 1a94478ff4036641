// Camera bookmarks, kept per scenario in the user's configuration directory so that a
// lecturer's prepared views are there next time.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "scene/model/camera.h"

namespace app {

using Bookmarks = std::array<std::optional<scene::Camera>, 9>;

// $XDG_CONFIG_HOME/siege/bookmarks/<scenario id>.json (or ~/.config/...).
std::filesystem::path bookmarks_path(const std::string& scenario_id);
// Missing or unreadable files give no bookmarks (and a warning in `warning`), never an error.
Bookmarks read_bookmarks(const std::filesystem::path& path, std::string* warning = nullptr);
// Written atomically (temporary file, then rename). Returns false and says why on failure.
bool write_bookmarks(const std::filesystem::path& path, const Bookmarks& bookmarks, std::string* error = nullptr);

}  // namespace app
