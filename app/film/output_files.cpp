#include "app/film/output_files.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace app {

void write_text_atomically(const std::filesystem::path& path, const std::string& text) {
  std::string error;
  // Per process: farm tasks may share a folder.
  if (!common::write_file_atomically(path, text, &error, common::Temporary::PerProcess))
    throw std::runtime_error(error);
}

void write_id_legend(const std::filesystem::path& path, const scene::ObjectRegistry& objects) {
  nlohmann::json legend;
  legend["encoding"] = "id = r + 256*g + 65536*b; 0 = nothing";
  nlohmann::json list = nlohmann::json::array();
  for (const scene::ObjectInfo& o : objects.objects())
    list.push_back({{"id", o.id}, {"kind", scene::to_string(o.kind)}, {"name", o.name}, {"entity", o.entity}});
  legend["objects"] = list;
  write_text_atomically(path, legend.dump(2) + "\n");
}

}  // namespace app
