// common/atomic_file: a file is replaced whole or not at all, and no temporary stays behind.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "common/atomic_file.h"
#include "file_fixtures.h"

namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("atomic file: writes, replaces, and leaves only the target", "[atomic-file]") {
  const fs::path dir = file_fixtures::fresh_dir("atomic-write");
  const fs::path target = dir / "film.json";
  std::string error;
  REQUIRE(common::write_file_atomically(target, "first\n", &error));
  CHECK(error.empty());
  CHECK(contents(target) == "first\n");
  REQUIRE(
      common::write_file_atomically(target, std::string("second\0bytes", 12), &error, common::Temporary::PerProcess));
  CHECK(contents(target) == std::string("second\0bytes", 12));
  CHECK(names_in(dir) == std::vector<std::string>{"film.json"});
  fs::remove_all(dir);
}

TEST_CASE("atomic file: temporaries are named beside the target", "[atomic-file]") {
  CHECK(common::temporary_path("out/f_0001.png", common::Temporary::Fixed) == fs::path("out/f_0001.png.partial"));
  CHECK(common::temporary_path("out/film.json", common::Temporary::PerProcess) ==
        fs::path("out/film.json.partial." + std::to_string(getpid())));
}

TEST_CASE("atomic file: a writer that needs a file name writes the temporary", "[atomic-file]") {
  const fs::path dir = file_fixtures::fresh_dir("atomic-with");
  const fs::path target = dir / "frame.png";
  fs::path seen;
  const auto write = [&](const fs::path& temp, std::string*) {
    seen = temp;
    std::ofstream(temp, std::ios::binary) << "pixels";
    return fs::exists(temp) && !fs::exists(target);  // the target appears only after the rename
  };
  std::string error;
  REQUIRE(common::write_file_atomically_with(target, write, &error));
  CHECK(seen == common::temporary_path(target, common::Temporary::Fixed));
  CHECK(contents(target) == "pixels");
  CHECK(names_in(dir) == std::vector<std::string>{"frame.png"});
  fs::remove_all(dir);
}

TEST_CASE("atomic file: a failing writer leaves the old file and no temporary", "[atomic-file]") {
  const fs::path dir = file_fixtures::fresh_dir("atomic-fail");
  const fs::path target = dir / "film.mp4";
  std::string error;
  REQUIRE(common::write_file_atomically(target, "old", &error));
  const auto refuse = [](const fs::path& temp, std::string* why) {
    std::ofstream(temp) << "half";
    *why = "ffmpeg failed";
    return false;
  };
  CHECK_FALSE(common::write_file_atomically_with(target, refuse, &error));
  CHECK(error == "cannot write " + target.string() + ": ffmpeg failed");
  const auto explode = [](const fs::path& temp, std::string*) -> bool {
    std::ofstream(temp) << "half";
    throw std::runtime_error("boom");
  };
  CHECK_THROWS_WITH(common::write_file_atomically_with(target, explode, &error), "boom");
  CHECK(contents(target) == "old");
  CHECK(names_in(dir) == std::vector<std::string>{"film.mp4"});
  fs::remove_all(dir);
}

TEST_CASE("atomic file: a missing folder fails cleanly with a message", "[atomic-file]") {
  const fs::path dir = file_fixtures::fresh_dir("atomic-missing");
  const fs::path target = dir / "no" / "such" / "folder" / "ids.json";
  std::string error;
  CHECK_FALSE(common::write_file_atomically(target, "{}", &error));
  CHECK(error.find("cannot write " + target.string() + ": ") == 0);
  CHECK(error.find("No such file or directory") != std::string::npos);
  CHECK_FALSE(common::write_file_atomically(target, "{}", nullptr));  // no message wanted: still false
  CHECK(names_in(dir).empty());
  fs::remove_all(dir);
}
