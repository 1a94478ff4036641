#include "app/film/output_files.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace app {

void write_text_atomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temp = path;
  temp += ".partial." + std::to_string(getpid());  // farm tasks may share a folder
  {
    std::ofstream file(temp, std::ios::binary);
    file << text;
    if (!file) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw std::runtime_error("cannot write " + path.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
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
