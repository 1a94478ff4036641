// Small files siege writes beside its images: written to a temporary name and renamed, so a
// reader (a compositor, a farm's join step) never sees half of one.
#pragma once

#include <filesystem>
#include <string>

#include "scene/world/objects.h"

namespace app {

// Throws std::runtime_error naming the path on failure.
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

// The legend of an ID matte: {"encoding", "objects": [{"id", "kind", "name", "entity"}]}.
void write_id_legend(const std::filesystem::path& path, const scene::ObjectRegistry& objects);

}  // namespace app
